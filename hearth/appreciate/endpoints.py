"""API for Appreciate (PRODUCT P1–P4), mounted under /api/v1/appreciate: note prompts,
appreciation notes, gestures and whether they landed, appreciation styles and favourites,
gesture suggestions, and the gratitude journal.

The endpoints stay thin: the services check and clean everything, and refuse with a
message for the person and a code for scripts. Text fields allow about twice the
service's limit, so that the service gives the precise message."""

from datetime import date, datetime
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field, StrictBool, StrictInt

from hearth.api.auth import ApiRequest
from hearth.api.schemas import ErrorOut
from hearth.appreciate.models import (
    Favourite,
    Gesture,
    JournalEntry,
    Note,
    Prompt,
    Step,
    StyleRatings,
    Suggestion,
)
from hearth.appreciate.models import Style as StyleChoice
from hearth.appreciate.services import (
    FAVOURITE_MAX,
    GESTURE_MAX,
    JOURNAL_MAX,
    NOTE_PART_MAX,
    AppreciateError,
    favourite_add,
    favourite_remove,
    gesture_log,
    gesture_notice,
    get_gesture_for_user,
    get_note_for_user,
    get_own_entry,
    get_own_favourite,
    get_suggestion_for_user,
    journal_delete,
    journal_set_shared,
    journal_visible_to,
    journal_write,
    landing,
    note_keep,
    note_react,
    note_send,
    notes_received,
    notes_sent,
    style_ratings_of,
    style_ratings_save,
    suggestion_done,
    suggestion_skip,
    suggestions_today,
)
from hearth.couples.selectors import couple_required_for, partner_of
from hearth.talk.models import REACTIONS

router = Router(tags=["appreciate"])
PREFIX = "/appreciate"

# Lists answer with at most this many, newest first.
LIST_LIMIT = 100
# The gesture summary looks back this far.
LANDING_DAYS = 90

STYLE_HELP = "touch, service, gifts, time or words"
RATING_HELP = "1 (means little to me) to 7 (means a great deal)"


# Prompts --------------------------------------------------------------------------------


class PromptOut(Schema):
    id: int
    key: str
    step: str = Field(description="did, felt, mattered or admire")
    step_label: str
    text: str


@router.get(
    "/prompts",
    response=list[PromptOut],
    summary="Prompts that help me say exactly what I appreciate",
)
def prompt_list(request: ApiRequest):
    order = {step: position for position, step in enumerate(Step.values)}
    prompts = sorted(
        Prompt.objects.filter(active=True), key=lambda p: (order.get(p.step, 99), p.key)
    )
    labels = dict(Step.choices)
    return [
        {
            "id": prompt.pk,
            "key": prompt.key,
            "step": prompt.step,
            "step_label": str(labels.get(prompt.step, prompt.step)),
            "text": prompt.text,
        }
        for prompt in prompts
    ]


# Notes ----------------------------------------------------------------------------------


class NoteOut(Schema):
    id: int
    author_id: int
    recipient_id: int
    kind: str = Field(description="thanks or admire")
    did: str
    felt: str
    mattered: str
    created_at: datetime
    reaction: str = Field(description=f"the recipient's: one of {', '.join(REACTIONS)}, or empty")
    kept: bool | None = Field(
        description="the recipient keeps it on their wall for hard days: shown to the "
        "recipient only (null for its author; no read receipts)"
    )

    @staticmethod
    def resolve_kept(note: Note, context) -> bool | None:
        return note.kept if note.recipient_id == context["request"].user.pk else None


class NoteIn(Schema):
    kind: str = Field(default=Note.Kind.THANKS, max_length=16, description="thanks or admire")
    did: str = Field(max_length=NOTE_PART_MAX * 2, description="what they did")
    felt: str = Field(default="", max_length=NOTE_PART_MAX * 2, description="how it made me feel")
    mattered: str = Field(default="", max_length=NOTE_PART_MAX * 2, description="why it mattered")


class ReactionIn(Schema):
    reaction: str = Field(
        max_length=20, description=f"one of {', '.join(REACTIONS)}, or empty to take it back"
    )


class KeptIn(Schema):
    kept: StrictBool


@router.get(
    "/notes",
    response={200: list[NoteOut], 409: ErrorOut},
    summary="Notes of thanks I received (or, with box=sent, the ones I sent)",
)
def note_list(request: ApiRequest, box: Literal["received", "sent"] = "received"):
    couple = couple_required_for(request.user)
    notes = notes_sent if box == "sent" else notes_received
    return notes(request.user, couple).order_by("-created_at", "-pk")[:LIST_LIMIT]


@router.post(
    "/notes",
    response={201: NoteOut, 400: ErrorOut, 409: ErrorOut},
    summary="Thank my partner for something specific",
)
def note_create(request: ApiRequest, payload: NoteIn):
    note = note_send(
        user=request.user,
        couple=couple_required_for(request.user),
        kind=payload.kind,
        did=payload.did,
        felt=payload.felt,
        mattered=payload.mattered,
    )
    return Status(201, note)


@router.put(
    "/notes/{int:note_id}/reaction",
    response={200: NoteOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    summary="React to a note my partner sent me",
)
def note_reaction(request: ApiRequest, note_id: int, payload: ReactionIn):
    note = get_note_for_user(request.user, note_id)
    return note_react(user=request.user, note=note, reaction=payload.reaction)


@router.put(
    "/notes/{int:note_id}/kept",
    response={200: NoteOut, 403: ErrorOut, 404: ErrorOut},
    summary="Keep a note on my wall for hard days (or take it down)",
)
def note_kept(request: ApiRequest, note_id: int, payload: KeptIn):
    note = get_note_for_user(request.user, note_id)
    return note_keep(user=request.user, note=note, kept=payload.kept)


# Gestures -------------------------------------------------------------------------------


class GestureOut(Schema):
    id: int
    author_id: int
    style: str = Field(description=STYLE_HELP)
    text: str
    idea_id: int | None
    happened_on: date
    created_at: datetime
    noticed: bool = Field(description="the partner said they noticed")
    noticed_at: datetime | None


class GestureIn(Schema):
    style: str = Field(max_length=16, description=STYLE_HELP)
    text: str = Field(max_length=GESTURE_MAX * 2, description="what I did, in one line")
    happened_on: date | None = Field(default=None, description="defaults to today")


class CountOut(Schema):
    logged: int = Field(description="gestures logged")
    noticed: int = Field(description="of those, how many the partner noticed")


class StyleCountsOut(Schema):
    touch: CountOut
    service: CountOut
    gifts: CountOut
    time: CountOut
    words: CountOut


class LandingOut(Schema):
    days: int = Field(description="how far back it counts")
    me: StyleCountsOut = Field(description="gestures I logged, and which my partner noticed")
    partner: StyleCountsOut = Field(description="gestures my partner logged, and which I noticed")


def _gesture_out(gesture: Gesture) -> dict:
    return {
        "id": gesture.pk,
        "author_id": gesture.author_id,
        "style": gesture.style,
        "text": gesture.text,
        "idea_id": gesture.idea_id,
        "happened_on": gesture.happened_on,
        "created_at": gesture.created_at,
        "noticed": gesture.noticed_at is not None,
        "noticed_at": gesture.noticed_at,
    }


def _style_counts(counts: dict[str, tuple[int, int]]) -> dict:
    return {
        style: {
            "logged": counts.get(style, (0, 0))[0],
            "noticed": counts.get(style, (0, 0))[1],
        }
        for style in StyleChoice.values
    }


@router.get(
    "/gestures",
    response={200: list[GestureOut], 409: ErrorOut},
    summary="Our little gestures, newest first",
)
def gesture_list(request: ApiRequest):
    couple = couple_required_for(request.user)
    gestures = Gesture.objects.filter(couple=couple).order_by("-happened_on", "-created_at", "-pk")[
        :LIST_LIMIT
    ]
    return [_gesture_out(gesture) for gesture in gestures]


@router.post(
    "/gestures",
    response={201: GestureOut, 400: ErrorOut, 409: ErrorOut},
    summary="Something I did to show my love",
)
def gesture_create(request: ApiRequest, payload: GestureIn):
    gesture = gesture_log(
        user=request.user,
        couple=couple_required_for(request.user),
        style=payload.style,
        text=payload.text,
        happened_on=payload.happened_on,
    )
    return Status(201, _gesture_out(gesture))


@router.get(
    "/gestures/landing",
    response={200: LandingOut, 409: ErrorOut},
    summary="What landed: gestures logged and noticed, by kind",
)
def gesture_landing(request: ApiRequest):
    couple = couple_required_for(request.user)
    partner = partner_of(request.user, couple)
    summary = landing(couple, days=LANDING_DAYS)
    return {
        "days": LANDING_DAYS,
        "me": _style_counts(summary.get(request.user.pk, {})),
        "partner": _style_counts(summary.get(partner.pk, {}) if partner else {}),
    }


@router.post(
    "/gestures/{int:gesture_id}/noticed",
    response={200: GestureOut, 404: ErrorOut, 409: ErrorOut},
    summary="I noticed! Thank you",
)
def gesture_noticed(request: ApiRequest, gesture_id: int):
    gesture = get_gesture_for_user(request.user, gesture_id)
    return _gesture_out(gesture_notice(user=request.user, gesture=gesture))


# Appreciation styles and favourites -----------------------------------------------------


class RatingsOut(Schema):
    touch: int
    service: int
    gifts: int
    time: int
    words: int


class RatingsIn(Schema):
    touch: StrictInt = Field(description=RATING_HELP)
    service: StrictInt = Field(description=RATING_HELP)
    gifts: StrictInt = Field(description=RATING_HELP)
    time: StrictInt = Field(description=RATING_HELP)
    words: StrictInt = Field(description=RATING_HELP)


class FavouriteOut(Schema):
    id: int
    style: str = Field(description=STYLE_HELP)
    text: str
    created_at: datetime


class FavouriteIn(Schema):
    style: str = Field(max_length=16, description=STYLE_HELP)
    text: str = Field(max_length=FAVOURITE_MAX * 2, description="e.g. coffee in bed on Mondays")


class StylesOut(Schema):
    user_id: int
    ratings: RatingsOut | None = Field(
        description=f"each on its own scale, {RATING_HELP}; null until rated"
    )
    updated_at: datetime | None
    favourites: list[FavouriteOut]


def _styles_out(user) -> dict:
    ratings: StyleRatings | None = style_ratings_of(user)
    return {
        "user_id": user.pk,
        "ratings": ratings.as_dict() if ratings else None,
        "updated_at": ratings.updated_at if ratings else None,
        "favourites": list(Favourite.objects.filter(user=user).order_by("created_at", "pk")),
    }


@router.get("/styles/me", response=StylesOut, summary="What makes me feel appreciated")
def styles_mine(request: ApiRequest):
    return _styles_out(request.user)


@router.put(
    "/styles/me",
    response={200: StylesOut, 400: ErrorOut},
    summary="Rate how much each kind of love means to me",
)
def styles_rate(request: ApiRequest, payload: RatingsIn):
    style_ratings_save(user=request.user, ratings=payload.model_dump())
    return _styles_out(request.user)


@router.get(
    "/styles/partner",
    response={200: StylesOut, 409: ErrorOut},
    summary="What makes my partner feel appreciated: a guide",
)
def styles_partner(request: ApiRequest):
    partner = partner_of(request.user, couple_required_for(request.user))
    if partner is None:
        raise AppreciateError(_("Pair with your partner first."), code="not_paired", status=409)
    return _styles_out(partner)


@router.post(
    "/favourites",
    response={201: FavouriteOut, 400: ErrorOut},
    summary="A little thing that makes me feel loved",
)
def favourite_create(request: ApiRequest, payload: FavouriteIn):
    favourite = favourite_add(user=request.user, style=payload.style, text=payload.text)
    return Status(201, favourite)


@router.delete(
    "/favourites/{int:favourite_id}",
    response={204: None, 404: ErrorOut},
    summary="Take one of my favourites off",
)
def favourite_delete(request: ApiRequest, favourite_id: int):
    favourite_remove(user=request.user, favourite=get_own_favourite(request.user, favourite_id))
    return Status(204, None)


# Suggestions ----------------------------------------------------------------------------


class GestureIdeaOut(Schema):
    id: int
    style: str
    cost: str
    effort: str
    text: str


class SuggestionOut(Schema):
    id: int
    idea: GestureIdeaOut
    day: date


def _suggestion_out(suggestion: Suggestion) -> dict:
    return {"id": suggestion.pk, "idea": suggestion.idea, "day": suggestion.day}


@router.get(
    "/suggestions",
    response={200: list[SuggestionOut], 409: ErrorOut},
    summary="Today's ideas for making my partner feel loved",
)
def suggestion_list(request: ApiRequest):
    suggestions = suggestions_today(user=request.user, couple=couple_required_for(request.user))
    return [_suggestion_out(suggestion) for suggestion in suggestions]


@router.post(
    "/suggestions/{int:suggestion_id}/done",
    response={201: GestureOut, 400: ErrorOut, 404: ErrorOut},
    summary="I did it! Log it as a gesture",
)
def suggestion_mark_done(request: ApiRequest, suggestion_id: int):
    suggestion = get_suggestion_for_user(request.user, suggestion_id)
    return Status(201, _gesture_out(suggestion_done(user=request.user, suggestion=suggestion)))


@router.post(
    "/suggestions/{int:suggestion_id}/skip",
    response={200: list[SuggestionOut], 404: ErrorOut},
    summary="Not this one: show me another",
)
def suggestion_mark_skipped(request: ApiRequest, suggestion_id: int):
    suggestion = get_suggestion_for_user(request.user, suggestion_id)
    remaining = suggestion_skip(user=request.user, suggestion=suggestion)
    return [_suggestion_out(item) for item in remaining]


# Gratitude journal ----------------------------------------------------------------------


class JournalEntryOut(Schema):
    id: int
    author_id: int
    text: str
    day: date
    shared: bool
    created_at: datetime
    mine: bool


class JournalEntryIn(Schema):
    text: str = Field(max_length=JOURNAL_MAX * 2, description="what I'm grateful for")
    day: date | None = Field(default=None, description="defaults to today")
    shared: StrictBool = Field(default=False, description="private unless I share it")


class SharedIn(Schema):
    shared: StrictBool


def _entry_out(entry: JournalEntry, user) -> dict:
    return {
        "id": entry.pk,
        "author_id": entry.author_id,
        "text": entry.text,
        "day": entry.day,
        "shared": entry.shared,
        "created_at": entry.created_at,
        "mine": entry.author_id == user.pk,
    }


@router.get(
    "/journal",
    response={200: list[JournalEntryOut], 409: ErrorOut},
    summary="My gratitude journal, and what my partner shared from theirs",
)
def journal_list(request: ApiRequest):
    entries = journal_visible_to(request.user, couple_required_for(request.user)).order_by(
        "-day", "-created_at", "-pk"
    )[:LIST_LIMIT]
    return [_entry_out(entry, request.user) for entry in entries]


@router.post(
    "/journal",
    response={201: JournalEntryOut, 400: ErrorOut, 409: ErrorOut},
    summary="Something I'm grateful for",
)
def journal_create(request: ApiRequest, payload: JournalEntryIn):
    entry = journal_write(
        user=request.user,
        couple=couple_required_for(request.user),
        text=payload.text,
        day=payload.day,
        shared=payload.shared,
    )
    return Status(201, _entry_out(entry, request.user))


@router.patch(
    "/journal/{int:entry_id}",
    response={200: JournalEntryOut, 404: ErrorOut},
    summary="Share an entry with my partner, or keep it to myself",
)
def journal_share(request: ApiRequest, entry_id: int, payload: SharedIn):
    entry = get_own_entry(request.user, entry_id)
    entry = journal_set_shared(user=request.user, entry=entry, shared=payload.shared)
    return _entry_out(entry, request.user)


@router.delete(
    "/journal/{int:entry_id}",
    response={204: None, 404: ErrorOut},
    summary="Remove an entry of mine",
)
def journal_remove(request: ApiRequest, entry_id: int):
    journal_delete(user=request.user, entry=get_own_entry(request.user, entry_id))
    return Status(204, None)
