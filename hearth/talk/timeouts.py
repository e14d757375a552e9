"""Conflict time-outs and after-conflict debriefs (PRODUCT T4)."""

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.core.models import Event, event_emit
from hearth.core.queries import Param
from hearth.couples.models import Couple
from hearth.couples.selectors import get_for_user, partner_of
from hearth.talk.models import Debrief, Timeout
from hearth.talk.services import TalkError, _clean

TIMEOUT_CHOICES = (20, 30, 45, 60)
DEBRIEF_MAX = 2000


def timeouts_running(couple: Couple | Param, now: datetime | Param) -> QuerySet[Timeout]:
    return Timeout.objects.filter(couple=couple, ended_early_at__isnull=True, ends_at__gt=now)


def current_timeout(couple: Couple) -> Timeout | None:
    return (
        timeouts_running(couple, timezone.now())
        .select_related("started_by")
        .order_by("-started_at")
        .first()
    )


def timeout_start(*, user, couple: Couple, minutes: int = 20) -> Timeout:
    """Start a break for both. If one is already running, that one stands."""
    if minutes not in TIMEOUT_CHOICES:
        raise TalkError(_("Choose 20, 30, 45 or 60 minutes."), code="invalid_minutes")
    with transaction.atomic():
        Couple.objects.select_for_update().filter(pk=couple.pk).first()
        running = current_timeout(couple)
        if running is not None:
            return running
        now = timezone.now()
        timeout = Timeout.objects.create(
            couple=couple,
            started_by=user,
            started_at=now,
            minutes=minutes,
            ends_at=now + timedelta(minutes=minutes),
        )
        partner = partner_of(user, couple)
        if partner is not None:
            event_emit(
                couple=couple, kind=Event.Kind.TIMEOUT_STARTED, recipient=partner, subject=timeout
            )
        for person in filter(None, (user, partner)):
            event_emit(
                couple=couple,
                kind=Event.Kind.TIMEOUT_OVER,
                recipient=person,
                subject=timeout,
                due_at=timeout.ends_at,
            )
    return timeout


def timeout_end_early(*, user, timeout: Timeout) -> Timeout:
    """Only the person who asked for the break can end it sooner: it's their pace."""
    if timeout.started_by_id != user.pk:
        raise TalkError(
            _("Your partner asked for this break; it ends when they are ready or the time is up."),
            code="not_yours",
            status=403,
        )
    if not timeout.is_active:
        return timeout
    with transaction.atomic():
        now = timezone.now()
        Timeout.objects.filter(pk=timeout.pk).update(ended_early_at=now)
        # The "come back" reminders are no longer needed.
        Event.objects.filter(
            kind=Event.Kind.TIMEOUT_OVER,
            subject=f"talk.timeout:{timeout.pk}",
            delivered_at__isnull=True,
        ).delete()
    timeout.refresh_from_db()
    return timeout


def get_timeout_for_user(user, pk) -> Timeout:
    return get_for_user(Timeout, user, pk)


def debriefs_visible_to(user) -> QuerySet[Debrief]:
    """Mine, and my partner's that they chose to share."""
    return (
        Debrief.objects.for_user(user)
        .filter(Q(author=user) | Q(shared=True))
        .select_related("author")
    )


def get_debrief_for_user(user, pk) -> Debrief:
    from django.http import Http404

    debrief = debriefs_visible_to(user).filter(pk=pk).first()
    if debrief is None:
        raise Http404("No debrief here.")
    return debrief


def debrief_write(
    *,
    user,
    couple: Couple,
    felt: object,
    needed: object = "",
    my_part: object = "",
    next_time: object = "",
    shared: bool = False,
    timeout: Timeout | None = None,
) -> Debrief:
    return Debrief.objects.create(
        couple=couple,
        author=user,
        timeout=timeout,
        felt=_clean(felt, DEBRIEF_MAX),
        needed=_clean(needed, DEBRIEF_MAX, required=False),
        my_part=_clean(my_part, DEBRIEF_MAX, required=False),
        next_time=_clean(next_time, DEBRIEF_MAX, required=False),
        shared=bool(shared),
    )


def debrief_set_shared(*, user, debrief: Debrief, shared: bool) -> Debrief:
    if debrief.author_id != user.pk:
        raise TalkError(
            _("Only the person who wrote it can change who sees it."), code="not_yours", status=403
        )
    Debrief.objects.filter(pk=debrief.pk).update(shared=shared)
    debrief.shared = shared
    return debrief
