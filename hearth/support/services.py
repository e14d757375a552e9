"""Support's workflows (PRODUCT S1–S5)."""

import re
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.core.errors import Refusal, text_or_refusal
from hearth.core.models import Event, event_emit
from hearth.couples.models import Couple
from hearth.couples.selectors import get_for_user, partner_of
from hearth.insights.tallies import tallies_refresh
from hearth.support.models import Bid, CheckIn, Cheer, Feeling, GoodNews, Guess, Need, NeedsMap
from hearth.talk.models import Answer, DailyQuestion
from hearth.talk.services import harsh_moment_record

NOTE_MAX = 500
REPLY_MAX = 140
BID_MAX = 140
NEWS_MAX = 1000
CHEER_MAX = 1000
NEEDS_MAP_MAX = 1500
GUESS_MAX = 1000
BID_KINDS = frozenset({"talk", "hard_day", "hug", "miss_you", "help", "custom"})
# A shared check-in asking for space keeps the partner's bids quiet this long.
SPACE_LASTS = timedelta(hours=12)
# A partner's check-in or bid waits on the Support page and on Today for this long.
STILL_FRESH = timedelta(hours=48)
# Love-map guesses are about questions at least this old, so memory is part of the game.
GUESS_AFTER = timedelta(days=14)


class SupportError(Refusal):
    """A Support action could not be done."""


def clean(value: object, max_length: int, *, required=True, empty: str = "") -> str:
    """`empty`: what to say when required text is missing ("Write a few words first.")."""
    return text_or_refusal(
        value,
        max_length,
        refusal=SupportError,
        required=required,
        empty=empty or _("Write a few words first."),
    )


def _partner(user, couple: Couple):
    partner = partner_of(user, couple)
    if partner is None:
        raise SupportError(_("Pair with your partner first."), code="not_paired", status=409)
    return partner


# Check-ins ------------------------------------------------------------------------------


def check_ins_visible_to(user, couple: Couple) -> QuerySet[CheckIn]:
    """Mine, private or shared, and the ones my partner shared with me. Never theirs that
    they kept private."""
    return (
        CheckIn.objects.filter(couple=couple)
        .filter(Q(author=user) | Q(shared=True))
        .select_related("feeling", "author")
    )


def get_check_in_for_user(user, pk) -> CheckIn:
    try:
        check_in = (
            CheckIn.objects.for_user(user).filter(Q(author=user) | Q(shared=True), pk=pk).first()
        )
    except (ValueError, TypeError):
        check_in = None
    if check_in is None:
        raise Http404(_("No check-in here."))
    return check_in


def check_in_make(
    *,
    user,
    couple: Couple,
    feeling: Feeling,
    need: str,
    intensity: int = 3,
    note: object = "",
    shared: bool = False,
) -> CheckIn:
    if need not in Need.values:
        raise SupportError(_("Choose what you need right now."), code="invalid_need")
    if isinstance(intensity, bool) or not isinstance(intensity, int) or not 1 <= intensity <= 5:
        raise SupportError(_("Choose how strong it is, from 1 to 5."), code="invalid_intensity")
    with transaction.atomic():
        check_in = CheckIn.objects.create(
            couple=couple,
            author=user,
            feeling=feeling,
            need=need,
            intensity=intensity,
            note=clean(note, NOTE_MAX, required=False),
            shared=bool(shared),
        )
        tallies_refresh(couple=couple, of=check_in)
        if shared:
            partner = partner_of(user, couple)
            if partner is not None:
                event_emit(
                    couple=couple,
                    kind=Event.Kind.CHECK_IN_SHARED,
                    recipient=partner,
                    subject=check_in,
                )
    return check_in


def check_in_reply(*, user, check_in: CheckIn, reply: object) -> CheckIn:
    """My one-tap answer to a check-in my partner shared with me."""
    if check_in.author_id == user.pk or not check_in.shared:
        raise SupportError(
            _("You can answer your partner's shared check-ins."), code="not_yours", status=409
        )
    text = clean(reply, REPLY_MAX, empty=_("Write a reply first."))
    with transaction.atomic():
        updated = CheckIn.objects.filter(pk=check_in.pk, replied_at__isnull=True).update(
            reply=text, replied_at=timezone.now()
        )
        if not updated:
            raise SupportError(_("You've answered this one."), code="answered", status=409)
        check_in.refresh_from_db()
        harsh_moment_record(couple=check_in.couple, author=user, text=text)
        tallies_refresh(couple=check_in.couple, of=check_in)
    return check_in


def wants_space(user, couple: Couple) -> bool:
    """Did this person ask for space lately, in a check-in they shared? (A private one stays
    private: it never changes what the partner sees.)"""
    since = timezone.now() - SPACE_LASTS
    latest = (
        CheckIn.objects.filter(couple=couple, author=user, shared=True, created_at__gte=since)
        .order_by("-created_at")
        .values_list("need", flat=True)
        .first()
    )
    return latest == Need.SPACE


# Bids -----------------------------------------------------------------------------------


def get_bid_for_user(user, pk) -> Bid:
    return get_for_user(Bid, user, pk)


def bids_for(couple: Couple) -> QuerySet[Bid]:
    return Bid.objects.filter(couple=couple).select_related("author")


def bid_send(*, user, couple: Couple, kind: str, text: object = "") -> Bid:
    """A small reach for my partner. If they asked for space, it waits quietly: no
    notification is sent, and the page says so."""
    if kind not in BID_KINDS:
        raise SupportError(_("Choose one of the bids, or write your own."), code="invalid_kind")
    words = clean(text, BID_MAX, required=kind == "custom", empty=_("Write your bid first."))
    partner = _partner(user, couple)
    quiet = wants_space(partner, couple)
    with transaction.atomic():
        bid = Bid.objects.create(couple=couple, author=user, kind=kind, text=words, quiet=quiet)
        harsh_moment_record(couple=couple, author=user, text=words)
        tallies_refresh(couple=couple, of=bid)
        if not quiet:
            event_emit(couple=couple, kind=Event.Kind.BID_RECEIVED, recipient=partner, subject=bid)
    return bid


def bid_answer(
    *, user, bid: Bid, answer: str, reply: object = "", later_at: datetime | None = None
) -> Bid:
    """Turn toward a bid: now, or later at a time I choose, with a one-tap reply."""
    if bid.author_id == user.pk:
        raise SupportError(_("Your partner is the one who answers."), code="your_own", status=409)
    if answer not in Bid.Answer.values:
        raise SupportError(_("Answer now or later."), code="invalid_answer")
    if answer == Bid.Answer.LATER:
        if later_at is not None and timezone.is_naive(later_at):
            raise SupportError(_("Give the time with its time zone."), code="invalid_time")
        if later_at is None or later_at <= timezone.now():
            raise SupportError(_("Choose a time later today or soon."), code="invalid_time")
        if later_at > timezone.now() + timedelta(days=7):
            raise SupportError(_("Choose a time within a week."), code="invalid_time")
    text = clean(reply, REPLY_MAX, required=False)
    with transaction.atomic():
        updated = Bid.objects.filter(pk=bid.pk, answered_at__isnull=True).update(
            answer=answer,
            reply=text,
            later_at=later_at if answer == Bid.Answer.LATER else None,
            answered_at=timezone.now(),
        )
        if not updated:
            raise SupportError(_("This bid has an answer already."), code="answered", status=409)
        bid.refresh_from_db()
        harsh_moment_record(couple=bid.couple, author=user, text=text)
        tallies_refresh(couple=bid.couple, of=bid)
        event_emit(
            couple=bid.couple, kind=Event.Kind.BID_ANSWERED, recipient=bid.author, subject=bid
        )
    return bid


# Needs map ------------------------------------------------------------------------------

NEEDS_SECTIONS = ("stressed", "comforts", "unhelpful", "signs")


def needs_map_of(user) -> NeedsMap | None:
    return NeedsMap.objects.filter(user=user).first()


def needs_map_save(*, user, **sections: object) -> NeedsMap:
    values = {
        section: clean(sections.get(section, ""), NEEDS_MAP_MAX, required=False)
        for section in NEEDS_SECTIONS
    }
    if not any(values.values()):
        raise SupportError(_("Fill in at least one part."), code="empty")
    needs_map, _created = NeedsMap.objects.update_or_create(
        user=user, defaults={**values, "updated_at": timezone.now()}
    )
    return needs_map


# Good news ------------------------------------------------------------------------------

# "Nice", "cool!", "great" and their like: kind, but passive. A gentle nudge, not a rule.
PASSIVE = re.compile(
    r"^\s*(nice|cool|great|good|ok(ay)?|awesome|lovely|congrats|well done|yay|wow)"
    r"[\s!.]*$",
    re.IGNORECASE,
)


def looks_passive(text: str) -> bool:
    return bool(PASSIVE.match(text))


def get_news_for_user(user, pk) -> GoodNews:
    return get_for_user(GoodNews, user, pk)


def good_news_for(couple: Couple) -> QuerySet[GoodNews]:
    return GoodNews.objects.filter(couple=couple).select_related("author")


def good_news_share(*, user, couple: Couple, text: object) -> GoodNews:
    partner = _partner(user, couple)
    with transaction.atomic():
        news = GoodNews.objects.create(
            couple=couple,
            author=user,
            text=clean(text, NEWS_MAX, empty=_("Write your good news first.")),
        )
        event_emit(couple=couple, kind=Event.Kind.GOOD_NEWS, recipient=partner, subject=news)
    return news


def cheer_add(*, user, news: GoodNews, way: str, text: object, anyway: bool = False) -> Cheer:
    """Answer good news actively: ask, celebrate or relive it. A one-word "nice" is sent
    back once with ideas, unless I choose to send it as it is."""
    if news.author_id == user.pk:
        raise SupportError(_("This is your own news: enjoy it!"), code="your_own", status=409)
    if way not in Cheer.Way.values:
        raise SupportError(_("Choose a way to answer."), code="invalid_way")
    words = clean(text, CHEER_MAX, empty=_("Write your answer first."))
    if looks_passive(words) and not anyway:
        raise SupportError(
            _(
                "That's kind, and a question or a real celebration will mean more: "
                "ask what it was like, or say what you're proud of."
            ),
            code="passive",
        )
    with transaction.atomic():
        cheer = Cheer.objects.create(
            couple=news.couple, news=news, author=user, way=way, text=words
        )
        harsh_moment_record(couple=news.couple, author=user, text=words)
        tallies_refresh(couple=news.couple, of=cheer)
    return cheer


# Love map -------------------------------------------------------------------------------


def guessable_questions(user, couple: Couple, *, limit: int = 5) -> list[DailyQuestion]:
    """Past questions both answered (at least two weeks ago) that I haven't guessed yet."""
    partner = _partner(user, couple)
    guessed = Guess.objects.filter(couple=couple, author=user).values("daily_question_id")
    answered_by_partner = Answer.objects.filter(author=partner).values("daily_question_id")
    return list(
        DailyQuestion.objects.filter(
            couple=couple,
            revealed_at__isnull=False,
            revealed_at__lte=timezone.now() - GUESS_AFTER,
            pk__in=answered_by_partner,
        )
        .exclude(pk__in=guessed)
        .select_related("question")
        .order_by("-day")[:limit]
    )


def get_guess_for_user(user, pk) -> Guess:
    return get_for_user(Guess, user, pk)


def guess_make(*, user, couple: Couple, daily_question: DailyQuestion, text: object) -> Guess:
    partner = _partner(user, couple)
    if daily_question.couple_id != couple.pk or daily_question not in guessable_questions(
        user, couple, limit=10_000
    ):
        raise SupportError(
            _("Choose one of the past questions you both answered."), code="not_guessable"
        )
    try:
        with transaction.atomic():
            return Guess.objects.create(
                couple=couple,
                daily_question=daily_question,
                author=user,
                about=partner,
                text=clean(text, GUESS_MAX, empty=_("Write your guess first.")),
            )
    except IntegrityError:
        raise SupportError(_("You've guessed this one."), code="guessed", status=409) from None


def guess_mark(*, user, guess: Guess, closeness: str) -> Guess:
    """The one it was about says how close it came (and can change their mind)."""
    if guess.about_id != user.pk:
        raise SupportError(
            _("Your partner marks how close your guess was."), code="not_yours", status=409
        )
    if closeness not in Guess.Closeness.values:
        raise SupportError(_("Choose spot on, close or not quite."), code="invalid_closeness")
    Guess.objects.filter(pk=guess.pk).update(closeness=closeness, marked_at=timezone.now())
    guess.refresh_from_db()
    return guess


def love_map_sense(couple: Couple, user) -> tuple[int, int]:
    """(marked guesses I made that came close or spot on, marked guesses I made)."""
    marked = Guess.objects.filter(couple=couple, author=user).exclude(closeness="")
    close = marked.filter(closeness__in=[Guess.Closeness.SPOT_ON, Guess.Closeness.CLOSE])
    return close.count(), marked.count()
