"""Talk's card on the Today page: a break in progress, and the daily question."""

from django.template.loader import render_to_string

from hearth.couples.decorators import CoupleRequest
from hearth.talk.services import TalkError, daily_question_for
from hearth.talk.timeouts import current_timeout
from hearth.talk.views import question_card_context


def today_card(request: CoupleRequest, couple) -> str:
    html = render_to_string(
        "talk/_timeout_banner.html", {"timeout": current_timeout(couple)}, request=request
    )
    try:
        daily_question = daily_question_for(couple=couple)
    except TalkError:  # no questions loaded on this server yet
        return html
    context = question_card_context(request, daily_question)
    return html + render_to_string("talk/_question_card.html", context, request=request)
