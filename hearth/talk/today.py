"""Talk's card on the Today page: a break in progress, and the daily question."""

import functools

from django.db import DEFAULT_DB_ALIAS
from django.db.models import BigIntegerField, Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.safestring import SafeString

from hearth.core.cards import card_render
from hearth.core.queries import Param, PreparedQuery, prefetched
from hearth.core.waiting import ON, On
from hearth.couples.decorators import CoupleRequest
from hearth.talk.models import Answer, DailyQuestion, Reaction, Reply
from hearth.talk.services import TalkError, daily_question_for, swaps_used
from hearth.talk.timeouts import current_timeout, timeouts_running
from hearth.talk.views import question_card_context


def waiting(on: On) -> dict:
    return {"talk_timeout": Exists(timeouts_running(on.couple, on.now))}


@functools.cache
def _card_queries(alias: str) -> tuple[PreparedQuery, PreparedQuery, PreparedQuery, PreparedQuery]:
    """The day's question (with the swaps used), its answers, and their reactions and
    replies: what `with_answers` loads, compiled once, as the card is on every Today."""
    question = Param("question", BigIntegerField())
    swaps = swaps_used(OuterRef("couple_id"), OuterRef("day")).values("day")
    todays = (
        DailyQuestion.objects.using(alias)
        .filter(couple=ON.couple, day=ON.today, swapped_at__isnull=True)
        .select_related("question")
        .annotate(swaps_used=Coalesce(Subquery(swaps.annotate(n=Count("pk")).values("n")[:1]), 0))
        .order_by("pk")[:1]
    )
    answers = Answer.objects.using(alias).select_related("author").filter(daily_question=question)
    reactions = Reaction.objects.using(alias).filter(answer__daily_question=question)
    replies = (
        Reply.objects.using(alias).select_related("author").filter(answer__daily_question=question)
    )
    return tuple(PreparedQuery(query) for query in (todays, answers, reactions, replies))  # type: ignore[return-value]


def todays_question(couple, day) -> DailyQuestion | None:
    """The couple's question of `day` if it has been chosen, loaded as `with_answers` does;
    reactions and replies only once the answers are revealed, as only then are they shown."""
    todays, answers, reactions, replies = _card_queries(DEFAULT_DB_ALIAS)
    found = todays.objects(couple=couple.pk, today=day)
    if not found:
        return None
    daily_question = found[0]
    its_answers = answers.objects(question=daily_question.pk)
    if daily_question.revealed_at is not None:
        for name, query in (("reactions", reactions), ("replies", replies)):
            items = query.objects(question=daily_question.pk)
            for answer in its_answers:
                prefetched(answer, name, [item for item in items if item.answer_id == answer.pk])
    prefetched(daily_question, "answers", its_answers)
    return daily_question


def today_card(request: CoupleRequest, couple, waiting: dict) -> str:
    html = SafeString()
    if waiting["talk_timeout"]:
        html = card_render(
            request, "talk/_timeout_banner.html", {"timeout": current_timeout(couple)}
        )
    day = couple.local_today()
    daily_question = todays_question(couple, day)
    if daily_question is None:  # chosen on first sight
        try:
            daily_question = daily_question_for(couple=couple, day=day)
        except TalkError:  # no questions loaded on this server yet
            return html
    context = question_card_context(request, daily_question)
    return html + card_render(request, "talk/_question_card.html", context)
