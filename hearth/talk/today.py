"""Talk's card on the Today page: a break in progress, and the daily question."""

from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from hearth.core.waiting import On
from hearth.couples.decorators import CoupleRequest
from hearth.talk.models import DailyQuestion
from hearth.talk.selectors import with_answers
from hearth.talk.services import TalkError, daily_question_for, swaps_used
from hearth.talk.timeouts import current_timeout, timeouts_running
from hearth.talk.views import question_card_context


def waiting(on: On) -> dict:
    return {"talk_timeout": Exists(timeouts_running(on.couple, on.now))}


def today_card(request: CoupleRequest, couple, waiting: dict) -> str:
    html = SafeString()
    if waiting["talk_timeout"]:
        html = render_to_string(
            "talk/_timeout_banner.html", {"timeout": current_timeout(couple)}, request=request
        )
    day = couple.local_today()
    # The question with its answers, reactions, replies and swaps in one go; chosen on first sight.
    swaps = swaps_used(OuterRef("couple_id"), OuterRef("day")).values("day")
    daily_question: DailyQuestion | None = (
        with_answers(DailyQuestion.objects.filter(couple=couple, day=day, swapped_at__isnull=True))
        .annotate(swaps_used=Coalesce(Subquery(swaps.annotate(n=Count("pk")).values("n")[:1]), 0))
        .first()
    )
    if daily_question is None:
        try:
            daily_question = daily_question_for(couple=couple, day=day)
        except TalkError:  # no questions loaded on this server yet
            return html
    context = question_card_context(request, daily_question)
    return html + render_to_string("talk/_question_card.html", context, request=request)
