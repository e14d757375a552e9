"""Appreciate's workflows: notes, gestures, appreciation styles, suggestions, the journal."""

import random
from collections import Counter
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hearth.accounts.models import User
from hearth.appreciate.models import (
    Favourite,
    Gesture,
    GestureIdea,
    JournalEntry,
    Note,
    StyleRatings,
    Suggestion,
)
from hearth.appreciate.models import Style as StyleChoice
from hearth.core.errors import Refusal, text_or_refusal
from hearth.core.models import Event, event_emit
from hearth.core.queries import Param
from hearth.couples.models import Couple
from hearth.couples.selectors import get_for_user, partner_of
from hearth.insights.tallies import tallies_refresh
from hearth.talk.models import REACTIONS
from hearth.talk.services import harsh_moment_record

NOTE_PART_MAX = 1000
GESTURE_MAX = 300
FAVOURITE_MAX = 200
FAVOURITES_MAX = 30
JOURNAL_MAX = 2000
SUGGESTIONS_PER_DAY = 3
# "Another idea" a few times a day, then tomorrow brings more.
EXTRA_SUGGESTIONS = 3
# An idea suggested to someone does not come back to them for this long.
NO_REPEAT = timedelta(days=60)
RATING_RANGE = range(1, 8)


class AppreciateError(Refusal):
    """An Appreciate action could not be done."""


def clean(
    value: object, max_length: int, *, required=True, multiline=True, empty: str | None = None
) -> str:
    """`empty`: the whole sentence to say when required text is missing."""
    return text_or_refusal(
        value,
        max_length,
        refusal=AppreciateError,
        required=required,
        multiline=multiline,
        empty=empty or _("Write a few words first."),
    )


def _partner_or_refuse(user, couple: Couple):
    partner = partner_of(user, couple)
    if partner is None:
        raise AppreciateError(_("Pair with your partner first."), code="not_paired", status=409)
    return partner


# Notes ----------------------------------------------------------------------------------


def get_note_for_user(user, pk) -> Note:
    return get_for_user(Note, user, pk)


def notes_received(user, couple: Couple | Param) -> QuerySet[Note]:
    return Note.objects.filter(couple=couple, recipient=user).select_related("author")


def notes_sent(user, couple: Couple) -> QuerySet[Note]:
    return Note.objects.filter(couple=couple, author=user).select_related("recipient")


def note_send(
    *,
    user,
    couple: Couple,
    did: object,
    felt: object = "",
    mattered: object = "",
    kind: str = Note.Kind.THANKS,
) -> Note:
    """A thank-you that lands names what they did and what it meant, so both are asked for."""
    if kind not in Note.Kind.values:
        raise AppreciateError(_("Choose a thank-you or an admiration."), code="invalid_kind")
    parts = {
        "did": clean(did, NOTE_PART_MAX, empty=_("Write what they did first.")),
        "felt": clean(felt, NOTE_PART_MAX, required=False),
        "mattered": clean(mattered, NOTE_PART_MAX, required=False),
    }
    if not (parts["felt"] or parts["mattered"]):
        raise AppreciateError(
            _("Add how it made you feel or why it mattered: that's what makes thanks land."),
            code="not_specific",
        )
    recipient = _partner_or_refuse(user, couple)
    with transaction.atomic():
        note = Note.objects.create(
            couple=couple, author=user, recipient=recipient, kind=kind, **parts
        )
        harsh_moment_record(couple=couple, author=user, text="\n".join(parts.values()))
        tallies_refresh(couple=couple, of=note)
        event_emit(couple=couple, kind=Event.Kind.NOTE_RECEIVED, recipient=recipient, subject=note)
    return note


def _received_by(user, note: Note) -> None:
    if note.recipient_id != user.pk:
        raise AppreciateError(
            _("Only the one who received this note can do that."), code="not_yours", status=403
        )


def note_react(*, user, note: Note, reaction: str) -> Note:
    """React to a note I received ("" takes the reaction back)."""
    _received_by(user, note)
    if reaction and reaction not in REACTIONS:
        raise AppreciateError(_("Choose one of the reactions."), code="invalid_reaction")
    with transaction.atomic():
        Note.objects.filter(pk=note.pk).update(reaction=reaction)
        note.reaction = reaction
        tallies_refresh(couple=note.couple, of=note)
    return note


def note_keep(*, user, note: Note, kept: bool) -> Note:
    """Keep a note on my wall for hard days, or take it off."""
    _received_by(user, note)
    Note.objects.filter(pk=note.pk).update(kept=kept)
    note.kept = kept
    return note


# Gestures -------------------------------------------------------------------------------


def get_gesture_for_user(user, pk) -> Gesture:
    return get_for_user(Gesture, user, pk)


def _check_style(style: str) -> str:
    if style not in StyleChoice.values:
        raise AppreciateError(_("Choose one of the five kinds of gesture."), code="invalid_style")
    return style


def gesture_log(
    *,
    user,
    couple: Couple,
    style: str,
    text: object,
    happened_on: date | None = None,
    idea: GestureIdea | None = None,
) -> Gesture:
    today = couple.local_today()
    happened_on = happened_on or today
    if happened_on > today or happened_on < today - timedelta(days=60):
        raise AppreciateError(
            _("Log gestures from the last two months, up to today."), code="invalid_day"
        )
    return Gesture.objects.create(
        couple=couple,
        author=user,
        style=_check_style(style),
        text=clean(text, GESTURE_MAX, multiline=False, empty=_("Write what you did first.")),
        idea=idea,
        happened_on=happened_on,
    )


def gesture_notice(*, user, gesture: Gesture) -> Gesture:
    """ "I noticed": only the partner who received it can say so, once."""
    if gesture.author_id == user.pk:
        raise AppreciateError(
            _("Your partner is the one who can say they noticed."), code="your_own", status=409
        )
    with transaction.atomic():
        now = timezone.now()
        updated = Gesture.objects.filter(pk=gesture.pk, noticed_at__isnull=True).update(
            noticed_at=now
        )
        if updated:
            gesture.noticed_at = now
            tallies_refresh(couple=gesture.couple, of=gesture)
            event_emit(
                couple=gesture.couple,
                kind=Event.Kind.GESTURE_NOTICED,
                recipient=gesture.author,
                subject=gesture,
            )
    gesture.refresh_from_db(fields=["noticed_at"])
    return gesture


def landing(couple: Couple, *, days: int = 90) -> dict[int, dict[str, tuple[int, int]]]:
    """For each person, per style: (gestures they logged, how many the partner noticed)."""
    since = couple.local_today() - timedelta(days=days - 1)
    rows = Gesture.objects.filter(couple=couple, happened_on__gte=since).values_list(
        "author_id", "style", "noticed_at"
    )
    logged: Counter = Counter()
    noticed: Counter = Counter()
    for author_id, style, noticed_at in rows:
        logged[author_id, style] += 1
        noticed[author_id, style] += noticed_at is not None
    summary: dict[int, dict[str, tuple[int, int]]] = {}
    for (author_id, style), count in logged.items():
        summary.setdefault(author_id, {})[style] = (count, noticed[author_id, style])
    return summary


# Appreciation styles --------------------------------------------------------------------


def style_ratings_of(user) -> StyleRatings | None:
    return StyleRatings.objects.filter(user=user).first()


def style_ratings_save(*, user, ratings: dict[str, object]) -> StyleRatings:
    """Each style on its own 1–7 scale: how much it means to me, whatever the others say."""
    values = {}
    for style in StyleChoice.values:
        value = ratings.get(style)
        if not isinstance(value, int) or isinstance(value, bool) or value not in RATING_RANGE:
            raise AppreciateError(
                _("Rate each kind from 1 (means little to me) to 7 (means a great deal)."),
                code="invalid_rating",
            )
        values[style] = value
    ratings_row, _created = StyleRatings.objects.update_or_create(
        user=user, defaults={**values, "updated_at": timezone.now()}
    )
    return ratings_row


@transaction.atomic
def favourite_add(*, user, style: str, text: object) -> Favourite:
    # Lock the person's row so two requests at once cannot pass the limit together.
    User.objects.select_for_update().filter(pk=user.pk).first()
    if Favourite.objects.filter(user=user).count() >= FAVOURITES_MAX:
        raise AppreciateError(
            ngettext(
                "Keep it to %(count)d favourite; remove one first.",
                "Keep it to %(count)d favourites; remove one first.",
                FAVOURITES_MAX,
            )
            % {"count": FAVOURITES_MAX},
            code="too_many",
        )
    return Favourite.objects.create(
        user=user,
        style=_check_style(style),
        text=clean(text, FAVOURITE_MAX, multiline=False, empty=_("Write a favourite first.")),
    )


def get_own_favourite(user, pk) -> Favourite:
    favourite = Favourite.objects.filter(user=user, pk=pk).first()
    if favourite is None:
        raise Http404("No favourite here.")
    return favourite


def favourite_remove(*, user, favourite: Favourite) -> None:
    Favourite.objects.filter(user=user, pk=favourite.pk).delete()


# Suggestions ----------------------------------------------------------------------------


def style_weights(ratings: dict[str, int] | None, favourite_styles: list[str]) -> dict[str, float]:
    """How likely each style is among suggestions: the square of the partner's own rating
    (so a 7 counts far more than a 4), and a little more for styles of their favourites."""
    favourites = Counter(favourite_styles)
    weights = {}
    for style in StyleChoice.values:
        rating = (ratings or {}).get(style, 4)
        weights[style] = rating**2 * (1 + 0.25 * min(favourites[style], 4))
    return weights


def choose_ideas(
    ideas: list[GestureIdea], weights: dict[str, float], count: int, rng: random.Random
) -> list[GestureIdea]:
    """A weighted draw without replacement, at most two of one style in a day's few."""
    pool = list(ideas)
    chosen: list[GestureIdea] = []
    while pool and len(chosen) < count:
        idea = rng.choices(pool, weights=[weights[i.style] for i in pool])[0]
        chosen.append(idea)
        pool.remove(idea)
        if sum(1 for c in chosen if c.style == idea.style) >= 2:
            pool = [i for i in pool if i.style != idea.style]
    return chosen


def _draw(*, user, couple: Couple, day: date, count: int) -> list[Suggestion]:
    partner = _partner_or_refuse(user, couple)
    ratings_row = style_ratings_of(partner)
    weights = style_weights(
        ratings_row.as_dict() if ratings_row else None,
        list(Favourite.objects.filter(user=partner).values_list("style", flat=True)),
    )
    recent = set(
        Suggestion.objects.filter(user=user, day__gt=day - NO_REPEAT).values_list(
            "idea_id", flat=True
        )
    )
    ideas = [idea for idea in GestureIdea.objects.filter(active=True) if idea.pk not in recent]
    rng = random.Random(f"{user.pk}:{day.isoformat()}:{len(recent)}")  # noqa: S311 (not secret)
    made = []
    for idea in choose_ideas(ideas, weights, count, rng):
        try:
            with transaction.atomic():
                made.append(Suggestion.objects.create(couple=couple, user=user, idea=idea, day=day))
        except IntegrityError:  # the same page opened twice at once
            continue
    return made


def suggestions_today(*, user, couple: Couple) -> list[Suggestion]:
    """Today's gesture ideas for my partner, drawn once a day from their styles."""
    day = couple.local_today()
    existing = list(
        Suggestion.objects.filter(user=user, day=day, couple=couple)
        .select_related("idea")
        .order_by("pk")
    )
    if not existing and GestureIdea.objects.filter(active=True).exists():
        existing = _draw(user=user, couple=couple, day=day, count=SUGGESTIONS_PER_DAY)
    return [s for s in existing if s.status == Suggestion.Status.OPEN]


def get_suggestion_for_user(user, pk) -> Suggestion:
    suggestion = Suggestion.objects.for_user(user).filter(user=user, pk=pk).first()
    if suggestion is None:
        raise Http404("No suggestion here.")
    return suggestion


def _take_open(suggestion: Suggestion, status: str) -> None:
    """Mark today's open suggestion done or skipped, once (two taps make one gesture)."""
    if suggestion.day != suggestion.couple.local_today():
        raise AppreciateError(_("That idea was for another day."), code="not_today", status=409)
    updated = Suggestion.objects.filter(pk=suggestion.pk, status=Suggestion.Status.OPEN).update(
        status=status
    )
    if not updated:
        raise AppreciateError(_("You've already answered this idea."), code="answered", status=409)


def suggestion_skip(*, user, suggestion: Suggestion) -> list[Suggestion]:
    """Not this one: set it aside and, a few times a day, draw another."""
    _take_open(suggestion, Suggestion.Status.SKIPPED)
    couple = suggestion.couple
    drawn_today = Suggestion.objects.filter(user=user, day=suggestion.day).count()
    if drawn_today < SUGGESTIONS_PER_DAY + EXTRA_SUGGESTIONS:
        _draw(user=user, couple=couple, day=suggestion.day, count=1)
    return suggestions_today(user=user, couple=couple)


def suggestion_done(*, user, suggestion: Suggestion) -> Gesture:
    """I did it: it goes into the gesture log, where my partner can say they noticed."""
    with transaction.atomic():
        _take_open(suggestion, Suggestion.Status.DONE)
        idea = suggestion.idea
        return gesture_log(
            user=user, couple=suggestion.couple, style=idea.style, text=idea.text, idea=idea
        )


# Gratitude journal ----------------------------------------------------------------------


def journal_visible_to(user, couple: Couple) -> QuerySet[JournalEntry]:
    """My entries (private or shared), and the ones my partner chose to share with me."""
    return (
        JournalEntry.objects.filter(couple=couple)
        .filter(Q(author=user) | Q(shared=True))
        .select_related("author")
    )


def get_own_entry(user, pk) -> JournalEntry:
    """An entry I wrote; 404 for anyone else, the partner included."""
    entry = JournalEntry.objects.for_user(user).filter(author=user, pk=pk).first()
    if entry is None:
        raise Http404("No entry here.")
    return entry


def journal_write(
    *, user, couple: Couple, text: object, day: date | None = None, shared: bool = False
) -> JournalEntry:
    today = couple.local_today()
    day = day or today
    if day > today:
        raise AppreciateError(_("Write about today or a day gone by."), code="invalid_day")
    return JournalEntry.objects.create(
        couple=couple,
        author=user,
        text=clean(text, JOURNAL_MAX, empty=_("Write something you're grateful for first.")),
        day=day,
        shared=bool(shared),
    )


def journal_set_shared(*, user, entry: JournalEntry, shared: bool) -> JournalEntry:
    if entry.author_id != user.pk:
        raise Http404("No entry here.")
    JournalEntry.objects.filter(pk=entry.pk).update(shared=shared)
    entry.shared = shared
    return entry


def journal_delete(*, user, entry: JournalEntry) -> None:
    JournalEntry.objects.filter(pk=entry.pk, author=user).delete()
