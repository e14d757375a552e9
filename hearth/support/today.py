"""Support's card on the Today page: a partner's check-in or bid waiting to be turned toward.

Both come whole from the page's one `waiting` query, as the few fields the card shows."""

from django.db.models import F
from django.db.models.functions import JSONObject

from hearth.core.cards import card_render
from hearth.core.queries import first_as_json
from hearth.core.waiting import On
from hearth.couples.decorators import CoupleRequest
from hearth.support.models import Bid, CheckIn, Need
from hearth.support.services import STILL_FRESH

AUTHOR = JSONObject(display_name=F("author__display_name"))


def waiting(on: On) -> dict:
    fresh = on.now - STILL_FRESH
    check_ins = CheckIn.objects.filter(
        couple=on.couple, shared=True, replied_at__isnull=True, created_at__gte=fresh
    ).exclude(author=on.user)
    bids = Bid.objects.filter(
        couple=on.couple, answered_at__isnull=True, created_at__gte=fresh
    ).exclude(author=on.user)
    return {
        "support_check_in": first_as_json(
            check_ins.order_by("-created_at"),
            author=AUTHOR,
            feeling=JSONObject(word=F("feeling__word")),
            need=F("need"),
        ),
        "support_bid": first_as_json(
            bids.order_by("-created_at"), author=AUTHOR, kind=F("kind"), text=F("text")
        ),
    }


def today_card(request: CoupleRequest, couple, waiting: dict) -> str:
    check_in, bid = waiting["support_check_in"], waiting["support_bid"]
    if check_in is None and bid is None:
        return ""
    if check_in is not None:
        check_in["get_need_display"] = Need(check_in["need"]).label
    context = {"check_in": check_in, "bid": bid}
    return card_render(request, "support/_today_card.html", context)
