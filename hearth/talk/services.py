"""Daily-question workflows: assign, swap, answer (and reveal), react, reply."""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.core.errors import Refusal, text_or_refusal
from hearth.core.models import Event, event_emit
from hearth.couples.models import Couple
from hearth.couples.selectors import partner_of
from hearth.insights.tallies import tallies_refresh
from hearth.talk.coach import analyze
from hearth.talk.coaching import COACH_MAX
from hearth.talk.models import (
    REACTIONS,
    Answer,
    DailyQuestion,
    HarshMoment,
    Question,
    Reaction,
    Reply,
)
from hearth.talk.selection import Candidate, choose_question

NO_REPEAT_WITHIN = timedelta(days=365)
SWAPS_PER_DAY = 3
ANSWER_MAX = 4000
REPLY_MAX = 2000


class TalkError(Refusal):
    """A Talk action could not be done."""


def daily_question_for(*, couple: Couple, day: date | None = None) -> DailyQuestion:
    """The couple's question for their local day, choosing it on first sight."""
    day = day or couple.local_today()
    current = (
        DailyQuestion.objects.select_related("question")
        .filter(couple=couple, day=day, swapped_at__isnull=True)
        .first()
    )
    return current or _assign(couple=couple, day=day)


def _assign(*, couple: Couple, day: date) -> DailyQuestion:
    recent = DailyQuestion.objects.filter(couple=couple, day__gt=day - NO_REPEAT_WITHIN)
    used = set(recent.values_list("question_id", flat=True))
    last_asked = dict(
        recent.values("question__category")
        .annotate(last=Max("day"))
        .values_list("question__category", "last")
    )
    rows = Question.objects.filter(active=True).values_list("id", "category", "depth")
    candidates = [Candidate(*row) for row in rows if row[0] not in used]
    if not candidates:
        # Every question was asked this year (only with many swaps): reuse the oldest.
        oldest = recent.values("question_id").annotate(last=Max("day")).order_by("last")
        ids = [row["question_id"] for row in oldest[:20]]
        candidates = [Candidate(*row) for row in rows if row[0] in ids]
    chosen = choose_question(
        day=day, seed=couple.pk, candidates=candidates, last_asked_by_category=last_asked
    )
    if chosen is None:
        raise TalkError(
            _("There are no questions loaded yet. Run `manage.py load_content`."),
            code="no_questions",
            status=503,
        )
    try:
        with transaction.atomic():
            created = DailyQuestion.objects.create(couple=couple, day=day, question_id=chosen.id)
    except IntegrityError:
        # The partner opened the page at the same moment and chose first.
        return DailyQuestion.objects.select_related("question").get(
            couple=couple, day=day, swapped_at__isnull=True
        )
    return DailyQuestion.objects.select_related("question").get(pk=created.pk)


def daily_question_swap(*, couple: Couple) -> DailyQuestion:
    """Another question for today, a few times a day, while nobody has answered yet."""
    with transaction.atomic():
        current = daily_question_for(couple=couple)
        if current.answers.exists():
            raise TalkError(
                _("One of you has already answered this one, so it stays for today."),
                code="already_answered",
                status=409,
            )
        swaps = DailyQuestion.objects.filter(
            couple=couple, day=current.day, swapped_at__isnull=False
        ).count()
        if swaps >= SWAPS_PER_DAY:
            raise TalkError(
                _("That's all the swaps for today. This one might surprise you."),
                code="no_swaps_left",
                status=429,
            )
        DailyQuestion.objects.filter(pk=current.pk, swapped_at__isnull=True).update(
            swapped_at=timezone.now()
        )
        return daily_question_for(couple=couple, day=current.day)


def swaps_used(couple_id: OuterRef | int, day: OuterRef | date) -> QuerySet[DailyQuestion]:
    return DailyQuestion.objects.filter(couple_id=couple_id, day=day, swapped_at__isnull=False)


def swaps_left(daily_question: DailyQuestion) -> int:
    # Read along with the question when it was fetched for a card (talk.today), else counted.
    used = getattr(daily_question, "swaps_used", None)
    if used is None:
        used = swaps_used(daily_question.couple_id, daily_question.day).count()
    return max(0, SWAPS_PER_DAY - used)


def _clean(text: object, max_length: int, *, required: bool = True) -> str:
    return text_or_refusal(text, max_length, refusal=TalkError, required=required)


def answer_save(*, user, daily_question: DailyQuestion, text: object) -> Answer:
    """Save the person's answer. The second answer reveals both, to both, at once."""
    cleaned = _clean(text, ANSWER_MAX)
    now = timezone.now()
    with transaction.atomic():
        # Lock the question so two partners answering together reveal exactly once.
        question = DailyQuestion.objects.select_for_update().get(pk=daily_question.pk)
        if question.swapped_at is not None:
            raise TalkError(_("This question was swapped for another."), code="swapped", status=409)
        if question.revealed_at is not None:
            raise TalkError(
                _("Both answers are showing now, so yours can't change. Add a reply instead."),
                code="revealed",
                status=409,
            )
        answer, created = Answer.objects.update_or_create(
            daily_question=question,
            author=user,
            defaults={"text": cleaned, "updated_at": now},
            create_defaults={"text": cleaned, "couple_id": question.couple_id, "created_at": now},
        )
        if created:
            partner = partner_of(user, question.couple)
            if partner is not None:
                event_emit(
                    couple=question.couple,
                    kind=Event.Kind.PARTNER_ANSWERED,
                    recipient=partner,
                    subject=question,
                )
            if Answer.objects.filter(daily_question=question).count() == 2:
                DailyQuestion.objects.filter(pk=question.pk).update(revealed_at=now)
                question.revealed_at = now
                tallies_refresh(couple=question.couple, of=question)
            tallies_refresh(couple=question.couple, of=answer)
    return answer


def _revealed_partner_answer(*, user, answer: Answer) -> Answer:
    if answer.daily_question.revealed_at is None:
        raise TalkError(
            _("You can respond once both answers are showing."), code="not_revealed", status=409
        )
    if answer.author_id == user.pk:
        raise TalkError(_("That's your own answer."), code="own_answer")
    return answer


def reaction_set(*, user, answer: Answer, kind: str) -> Reaction | None:
    """React to the partner's revealed answer; an empty kind takes the reaction back."""
    _revealed_partner_answer(user=user, answer=answer)
    if kind and kind not in REACTIONS:
        raise TalkError(_("Choose one of the reactions offered."), code="invalid_reaction")
    with transaction.atomic():
        if kind == "":
            taken_back = Reaction.objects.filter(answer=answer, author=user).first()
            if taken_back is not None:
                taken_back.delete()
                tallies_refresh(couple=answer.couple, of=taken_back)
            return None
        reaction, created = Reaction.objects.update_or_create(
            answer=answer,
            author=user,
            defaults={"kind": kind},
            create_defaults={"kind": kind, "couple_id": answer.couple_id},
        )
        if created:
            tallies_refresh(couple=answer.couple, of=reaction)
    return reaction


def reply_add(*, user, answer: Answer, text: object, kind: str = Reply.Kind.REPLY) -> Reply:
    """A reply, or a "tell me more", to a revealed answer (either partner's)."""
    if answer.daily_question.revealed_at is None:
        raise TalkError(
            _("You can reply once both answers are showing."), code="not_revealed", status=409
        )
    if kind not in Reply.Kind.values:
        raise TalkError(_("Unknown kind of reply."), code="invalid_kind")
    cleaned = _clean(text, REPLY_MAX, required=kind == Reply.Kind.REPLY)
    with transaction.atomic():
        reply = Reply.objects.create(
            couple_id=answer.couple_id, answer=answer, author=user, kind=kind, text=cleaned
        )
        harsh_moment_record(couple=answer.couple, author=user, text=cleaned)
        tallies_refresh(couple=answer.couple, of=reply)
    return reply


def harsh_moment_record(*, couple: Couple, author, text: str) -> bool:
    """Note (without the words) that a message the coach finds harsh was sent anyway: the
    Connection Index weighs kind moments against these. Drafts are never recorded."""
    if not text or not analyze(text[:COACH_MAX]).is_harsh:
        return False
    moment = HarshMoment.objects.create(couple=couple, author=author)
    tallies_refresh(couple=couple, of=moment)
    return True
