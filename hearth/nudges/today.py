"""Nudges on the Today page: the person's own new notifications, a few at most."""

import functools

from django.db import DEFAULT_DB_ALIAS
from django.db.models import Exists

from hearth.core.cards import card_render
from hearth.core.queries import PreparedQuery
from hearth.core.waiting import ON, On
from hearth.couples.decorators import CoupleRequest
from hearth.nudges.models import Notification, NudgePreferences
from hearth.nudges.services import nudge_views

TODAY_LIMIT = 3
# Unseen ones read to find the few to show: kinds the person hides in Hearth are skipped.
LOOK_AT = 20


def _unseen(couple, user):
    return Notification.objects.filter(couple=couple, recipient=user, seen_at__isnull=True)


def waiting(on: On) -> dict:
    return {"nudges_unseen": Exists(_unseen(on.couple, on.user))}


@functools.cache
def _newest_unseen(alias: str) -> PreparedQuery:
    """The person's newest unseen notifications, their choices along: compiled once."""
    return PreparedQuery(
        _unseen(ON.couple, ON.user)
        .using(alias)
        .select_related("recipient__nudge_preferences")
        .order_by("-created_at", "-pk")[:LOOK_AT]
    )


def today_card(request: CoupleRequest, couple, waiting: dict) -> str:
    if not waiting["nudges_unseen"]:
        return ""
    user = request.user
    # One query: the person's choices come along with their notifications.
    unseen = _newest_unseen(DEFAULT_DB_ALIAS).objects(couple=couple.pk, user=user.pk)
    if not unseen:
        return ""
    try:
        preferences = unseen[0].recipient.nudge_preferences
    except NudgePreferences.DoesNotExist:
        preferences = NudgePreferences(user=user)
    shown = [item for item in unseen if preferences.wants_in_app(item.kind)][:TODAY_LIMIT]
    nudges = nudge_views(shown, partner=request.partner)
    if not nudges:
        return ""
    return card_render(request, "nudges/_today_card.html", {"nudges": nudges})
