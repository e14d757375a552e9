"""Nudges' workflows (PRODUCT N1, N2): preferences, the in-app list, thinking-of-you.

No guilt mechanics: nothing here counts streaks or says what someone did not do, and
the partner never learns whether or when a nudge was seen."""

import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime, time

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.core.errors import Refusal
from hearth.core.models import Event, event_emit
from hearth.couples.models import Couple
from hearth.couples.selectors import partner_of
from hearth.nudges.kinds import kind_info
from hearth.nudges.models import Notification, NudgePreferences

# A little wave, not a way to keep someone on a string (SAFETY: no coercion amplifiers).
THINKING_OF_YOU_PER_DAY = 3
# The in-app list shows this many, newest first.
LIST_LIMIT = 50


class NudgeError(Refusal):
    """A nudges action could not be done."""


def zone_of(user) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(user.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


# Preferences ----------------------------------------------------------------------------


def preferences_of(user) -> NudgePreferences:
    """The person's choices; the defaults (not saved) until they change something."""
    return NudgePreferences.objects.filter(user=user).first() or NudgePreferences(user=user)


def _switches(value: object, *, what: str) -> dict[str, bool]:
    """`what`: "e-mail" or "in-Hearth"."""
    by_email = what == "e-mail"
    if not isinstance(value, dict):
        raise NudgeError(
            _("Send the e-mail switches as kind: true or false.")
            if by_email
            else _("Send the in-Hearth switches as kind: true or false."),
            code="invalid",
        )
    unknown = sorted(str(kind) for kind in value if kind not in Event.Kind.values)
    if unknown:
        raise NudgeError(
            _("There is no kind of nudge called %(kinds)s.") % {"kinds": ", ".join(unknown)[:80]},
            code="unknown_kind",
        )
    if any(not isinstance(on, bool) for on in value.values()):
        raise NudgeError(
            _("Each e-mail switch is true or false.")
            if by_email
            else _("Each in-Hearth switch is true or false."),
            code="invalid",
        )
    return {str(kind): bool(on) for kind, on in value.items()}


def preferences_save(
    *,
    user,
    email: object = None,
    in_app: object = None,
    quiet_start: time | None = None,
    quiet_end: time | None = None,
) -> NudgePreferences:
    """Change some or all of the person's choices; what is not given stays as it was."""
    email_changes = _switches(email, what="e-mail") if email is not None else {}
    app_changes = _switches(in_app, what="in-Hearth") if in_app is not None else {}
    for moment in (quiet_start, quiet_end):
        if moment is not None and not isinstance(moment, time):
            raise NudgeError(_("Give quiet hours as times, like 22:00."), code="invalid_time")
    with transaction.atomic():
        preferences, _created = NudgePreferences.objects.select_for_update().get_or_create(
            user=user
        )
        preferences.email = {**preferences.email, **email_changes}
        preferences.in_app = {**preferences.in_app, **app_changes}
        if quiet_start is not None:
            preferences.quiet_start = quiet_start.replace(second=0, microsecond=0, tzinfo=None)
        if quiet_end is not None:
            preferences.quiet_end = quiet_end.replace(second=0, microsecond=0, tzinfo=None)
        preferences.updated_at = timezone.now()
        preferences.save()
    return preferences


# The in-app list ------------------------------------------------------------------------


@dataclass(frozen=True)
class NudgeView:
    """A notification as its recipient sees it: what happened and where to look."""

    id: int
    kind: str
    title: str
    line: str
    link: str
    created_at: datetime
    seen: bool


def notifications_for(user, *, preferences: NudgePreferences | None = None) -> QuerySet:
    """The person's own notifications in their current couple, of the kinds they show in
    Hearth. Nobody else's, ever: not even the partner's."""
    preferences = preferences or preferences_of(user)
    hidden = [kind for kind in Event.Kind.values if not preferences.wants_in_app(kind)]
    return (
        Notification.objects.for_user(user)
        .filter(recipient=user)
        .exclude(kind__in=hidden)
        .order_by("-created_at", "-pk")
    )


def nudge_views(notifications, *, partner) -> list[NudgeView]:
    name = partner.display_name if partner is not None else None
    return [
        NudgeView(
            id=notification.pk,
            kind=notification.kind,
            title=kind_info(notification.kind).title_for(name),
            line=kind_info(notification.kind).line,
            link=notification.link,
            created_at=notification.created_at,
            seen=notification.seen_at is not None,
        )
        for notification in notifications
    ]


def notifications_mark_seen(*, user) -> int:
    """Mark the person's notifications seen. Only they ever see this: no read receipts."""
    return (
        Notification.objects.for_user(user)
        .filter(recipient=user, seen_at__isnull=True)
        .update(seen_at=timezone.now())
    )


# Thinking of you ------------------------------------------------------------------------


def _start_of_my_day(user) -> datetime:
    zone = zone_of(user)
    today = timezone.now().astimezone(zone).date()
    return datetime.combine(today, time(0), tzinfo=zone).astimezone(UTC)


def _sent_today(user) -> QuerySet[Event]:
    return Event.objects.filter(
        kind=Event.Kind.THINKING_OF_YOU,
        subject=f"{user._meta.label_lower}:{user.pk}",
        created_at__gte=_start_of_my_day(user),
    )


def thinking_of_you_left(*, user) -> int:
    """How many more thinking-of-yous the person can send today (their own day)."""
    return max(0, THINKING_OF_YOU_PER_DAY - _sent_today(user).count())


def thinking_of_you_send(*, user, couple: Couple) -> Event:
    """A small wave to my partner, no words needed. At most three a day: the fourth is
    refused kindly and nothing is stored."""
    partner = partner_of(user, couple)
    if partner is None:
        raise NudgeError(_("Pair with your partner first."), code="not_paired", status=409)
    with transaction.atomic():
        # One at a time per couple, so two taps at once cannot both be the third.
        Couple.objects.select_for_update().filter(pk=couple.pk).first()
        if _sent_today(user).count() >= THINKING_OF_YOU_PER_DAY:
            raise NudgeError(
                _(
                    "That's three little waves today, plenty for them to feel it. "
                    "You can send another tomorrow."
                ),
                code="enough_for_today",
                status=429,
            )
        return event_emit(
            couple=couple, kind=Event.Kind.THINKING_OF_YOU, recipient=partner, subject=user
        )
