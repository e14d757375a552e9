"""Talk's card on the Today page: the daily question."""

from django.template.loader import render_to_string

from hearth.couples.decorators import CoupleRequest
from hearth.talk.services import TalkError, daily_question_for
from hearth.talk.views import question_card_context


def today_card(request: CoupleRequest, couple) -> str:
    try:
        daily_question = daily_question_for(couple=couple)
    except TalkError:  # no questions loaded on this server yet
        return ""
    context = question_card_context(request, daily_question)
    return render_to_string("talk/_question_card.html", context, request=request)
