"""Delivery (PRODUCT N1): due events and coming occasions become notifications, and the
e-mails they want are handed to the task worker, which sends each one once.

`manage.py send_due_nudges` runs `notifications_make_due` then `emails_queue_due` every
few minutes; `nudges_enqueue_due` is the two together. Their work is set-based: a fixed
handful of queries per chunk of a few thousand rows, never a query per couple.

Once and only once:
- every notification has a unique (recipient, kind, occasion), and rows are inserted with
  ON CONFLICT DO NOTHING after skipping the ones that exist, so running the sender twice,
  or twice at once, makes nothing twice;
- runs take turns (an advisory lock on PostgreSQL, IMMEDIATE transactions on SQLite);
- a worker sends an e-mail only after its conditional UPDATE claimed the notification;
  on an SMTP failure it lets go of the claim and the e-mail is tried again later, with
  backoff, a bounded number of times.
A worker killed between the SMTP server accepting a message and recording it may, after
CLAIM_EXPIRES, send that one message again: no e-mail system can rule that out.
"""

import logging
import smtplib
import zoneinfo
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import connection, transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from hearth.core.models import Event
from hearth.core.queries import Ids
from hearth.couples.models import Membership
from hearth.couples.selectors import membership_and_partner
from hearth.nudges.kinds import from_partner_kinds, kind_info
from hearth.nudges.models import Notification, NudgePreferences
from hearth.nudges.services import preferences_of, zone_of
from hearth.nudges.tasks import close_quietly, nudge_emails_send

logger = logging.getLogger(__name__)

# Rows handled per transaction: small enough for SQLite's parameter limit and short locks.
CHUNK = 2000
# E-mails handed to the worker per run, and per task.
EMAILS_PER_RUN = 5000
EMAILS_PER_TASK = 500
# E-mails caused by the partner, per person per 24 hours; the rest stay in Hearth only.
PARTNER_EMAILS_PER_DAY = 4
# An event older than this when it is delivered shows in Hearth but is not e-mailed.
STALE_AFTER = timedelta(days=1)
# A date is "coming up" from a day before it starts.
DATE_AHEAD = timedelta(hours=24)
# The weekly report: on the person's own Sunday, from the evening.
WEEKLY_DAY = 7
WEEKLY_FROM = time(18, 0)
# Tries per e-mail, and the wait after the first failure (tripled after each).
MAX_EMAIL_ATTEMPTS = 5
FIRST_RETRY_AFTER = timedelta(minutes=5)
# A claim older than this was lost (its worker died mid-send): it is taken back. A hand-over
# older than QUEUE_EXPIRES is handed over again (its task died before reaching it); a
# second task for the same e-mail is harmless, as the claim decides who sends.
CLAIM_EXPIRES = timedelta(minutes=15)
QUEUE_EXPIRES = timedelta(hours=1)
# Any constant: the advisory lock that makes runs of the sender take turns on PostgreSQL.
LOCK_KEY = 4_617_021

WANTS_EMAIL = [Notification.Email.WAITING, Notification.Email.SENDING, Notification.Email.SENT]


@dataclass(frozen=True)
class Draft:
    """A notification that may be made: the store step decides, for its recipient."""

    couple_id: int
    recipient_id: int
    kind: str
    occasion: str
    subject: str
    created_at: datetime
    # Comes round again on every run until made (dates, promises, weeks): checked first.
    recurring: bool = False
    stale: bool = False


def nudges_enqueue_due(*, now: datetime) -> int:
    """Make every notification due at `now` and hand the e-mails due to the worker.
    Returns how many notifications it made."""
    made = notifications_make_due(now=now)
    emails_queue_due(now=now)
    return made


def _take_turns() -> None:
    """Runs of the sender take turns until their transaction ends. SQLite's IMMEDIATE
    transactions do this already; PostgreSQL needs to be asked."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


def notifications_make_due(*, now: datetime) -> int:
    """Turn due events and coming occasions into notifications; return how many."""
    made = 0
    drafts = _coming_occasions(now)
    for start in range(0, len(drafts), CHUNK):
        with transaction.atomic():
            _take_turns()
            made += _store(drafts[start : start + CHUNK], now=now)
    while True:
        with transaction.atomic():
            _take_turns()
            events = list(
                Event.objects.filter(delivered_at__isnull=True, due_at__lte=now)
                .order_by("pk")
                .values("pk", "couple_id", "kind", "recipient_id", "subject", "due_at")[:CHUNK]
            )
            if not events:
                break
            made += _store(_event_drafts(events, now=now), now=now)
            Event.objects.filter(pk__in=Ids(event["pk"] for event in events)).update(
                delivered_at=now
            )
        if len(events) < CHUNK:
            break
    return made


def _pk_of(subject: str) -> int | None:
    _, _, pk = subject.partition(":")
    return int(pk) if pk.isdigit() else None


def _date_occasion(plan_id: int, starts_at: datetime) -> str:
    # The start is part of it: a date moved to another day is coming up again.
    return f"date:{plan_id}:{starts_at.astimezone(UTC):%Y%m%dT%H%M}"


def _event_drafts(events: Sequence[Mapping[str, Any]], *, now: datetime) -> list[Draft]:
    from hearth.together.models import DatePlan

    plan_ids = [
        _pk_of(event["subject"]) for event in events if event["kind"] == Event.Kind.DATE_SOON
    ]
    starts = dict(
        DatePlan.objects.filter(
            pk__in=[pk for pk in plan_ids if pk is not None],
            status=DatePlan.Status.SCHEDULED,
            starts_at__gt=now,
        ).values_list("pk", "starts_at")
    )
    drafts = []
    for event in events:
        occasion, recurring = f"event:{event['pk']}", False
        if event["kind"] == Event.Kind.DATE_SOON:
            plan_id = _pk_of(event["subject"])
            if plan_id not in starts:
                continue  # moved, called off or over: nothing to look forward to here
            # The same occasion as the daily look-ahead, so a date comes up once.
            occasion, recurring = _date_occasion(plan_id, starts[plan_id]), True
        drafts.append(
            Draft(
                couple_id=event["couple_id"],
                recipient_id=event["recipient_id"],
                kind=event["kind"],
                occasion=occasion,
                subject=event["subject"],
                created_at=event["due_at"],
                recurring=recurring,
                stale=event["due_at"] < now - STALE_AFTER,
            )
        )
    return drafts


def _active_seats():
    # Ending a couple closes both seats in the same transaction (couples.services), so an
    # open seat means a couple still together. (Joining the couple to check again made
    # SQLite scan every couple for each chunk of people.)
    return Membership.objects.filter(left_at__isnull=True)


def _zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def _coming_occasions(now: datetime) -> list[Draft]:
    """Dates in the next day, promises due on the person's today, and the weekly report on
    the person's Sunday evening: a few queries, whatever the number of couples."""
    from hearth.together.models import DatePlan
    from hearth.trust.models import Promise

    zones = set(_active_seats().values_list("user__time_zone", flat=True).distinct())
    local = {name: now.astimezone(_zone(name)) for name in zones}
    drafts: list[Draft] = []

    for plan in DatePlan.objects.filter(
        status=DatePlan.Status.SCHEDULED,
        starts_at__gt=now,
        starts_at__lte=now + DATE_AHEAD,
        couple__ended_at__isnull=True,
        couple__memberships__left_at__isnull=True,
    ).values("pk", "couple_id", "starts_at", "couple__memberships__user_id"):
        drafts.append(
            Draft(
                couple_id=plan["couple_id"],
                recipient_id=plan["couple__memberships__user_id"],
                kind=Event.Kind.DATE_SOON,
                occasion=_date_occasion(plan["pk"], plan["starts_at"]),
                subject=f"together.dateplan:{plan['pk']}",
                created_at=now,
                recurring=True,
            )
        )

    zones_by_day: dict = {}
    for name, moment in local.items():
        zones_by_day.setdefault(moment.date(), []).append(name)
    if zones_by_day:
        due_today = Q()
        for day, names in zones_by_day.items():
            due_today |= Q(due_on=day, author__time_zone__in=names)
        for promise in (
            Promise.objects.filter(due_today, status=Promise.Status.OPEN)
            .filter(
                Exists(_active_seats().filter(couple=OuterRef("couple"), user=OuterRef("author")))
            )
            .values("pk", "couple_id", "author_id", "due_on")
        ):
            drafts.append(
                Draft(
                    couple_id=promise["couple_id"],
                    recipient_id=promise["author_id"],
                    kind=Event.Kind.PROMISE_DUE,
                    occasion=f"promise:{promise['pk']}:{promise['due_on']:%Y-%m-%d}",
                    subject=f"trust.promise:{promise['pk']}",
                    created_at=now,
                    recurring=True,
                )
            )

    weeks: dict[str, list[str]] = {}
    for name, moment in local.items():
        if moment.isoweekday() == WEEKLY_DAY and moment.time() >= WEEKLY_FROM:
            year, week, _weekday = moment.isocalendar()
            weeks.setdefault(f"weekly:{year}-W{week:02d}", []).append(name)
    for occasion, names in weeks.items():
        already = Notification.objects.filter(
            recipient=OuterRef("user"), kind=Event.Kind.WEEKLY_REPORT, occasion=occasion
        )
        for seat in (
            _active_seats()
            .filter(user__time_zone__in=names)
            .exclude(Exists(already))
            .values("couple_id", "user_id")
        ):
            drafts.append(
                Draft(
                    couple_id=seat["couple_id"],
                    recipient_id=seat["user_id"],
                    kind=Event.Kind.WEEKLY_REPORT,
                    occasion=occasion,
                    subject="",
                    created_at=now,
                    recurring=True,
                )
            )
    return drafts


def _store(drafts: list[Draft], *, now: datetime) -> int:
    """Make the notifications these drafts call for, as each recipient wants them."""
    if not drafts:
        return 0
    recipients = {draft.recipient_id for draft in drafts}
    seats = {
        user_id: (couple_id, zone)
        for user_id, couple_id, zone in _active_seats()
        .filter(user_id__in=Ids(recipients))
        .values_list("user_id", "couple_id", "user__time_zone")
    }
    preferences = {
        item.user_id: item for item in NudgePreferences.objects.filter(user_id__in=Ids(recipients))
    }
    recurring = [draft for draft in drafts if draft.recurring]
    existing = set()
    if recurring:
        existing = set(
            Notification.objects.filter(
                recipient_id__in=Ids(draft.recipient_id for draft in recurring),
                occasion__in={draft.occasion for draft in recurring},
            ).values_list("recipient_id", "kind", "occasion")
        )
    partner_kinds = from_partner_kinds()
    emails_from_partner = Counter(
        dict(
            Notification.objects.filter(
                recipient_id__in=Ids(recipients),
                kind__in=partner_kinds,
                email__in=WANTS_EMAIL,
                created_at__gte=now - timedelta(days=1),
            )
            .values("recipient_id")
            .annotate(count=Count("pk"))
            .values_list("recipient_id", "count")
        )
    )
    made: list[tuple] = []
    everyone_default = NudgePreferences()
    for draft in drafts:
        key = (draft.recipient_id, draft.kind, draft.occasion)
        seat = seats.get(draft.recipient_id)
        if key in existing or seat is None or seat[0] != draft.couple_id:
            continue  # made already, or the person has left this couple
        existing.add(key)
        chosen = preferences.get(draft.recipient_id) or everyone_default
        in_app = chosen.wants_in_app(draft.kind)
        email = chosen.wants_email(draft.kind) and not draft.stale
        if email and draft.kind in partner_kinds:
            if emails_from_partner[draft.recipient_id] >= PARTNER_EMAILS_PER_DAY:
                email = False  # enough e-mail from the partner today: in Hearth only
            else:
                emails_from_partner[draft.recipient_id] += 1
        if not in_app and not email:
            continue
        made.append(
            (
                draft.couple_id,
                draft.recipient_id,
                draft.kind,
                draft.occasion,
                draft.subject,
                draft.created_at,
                Notification.Email.WAITING if email else Notification.Email.NONE,
                chosen.email_allowed_from(now, _zone(seat[1])) if email else None,
            )
        )
    _insert_new(made)
    return len(made)


NEW_COLUMNS = (
    "couple_id",
    "recipient_id",
    "kind",
    "occasion",
    "subject",
    "created_at",
    "email",
    "email_not_before",
)


def _insert_new(rows: list[tuple]) -> None:
    """Insert notifications, skipping any whose (recipient, kind, occasion) exists.

    One prepared statement run for every row: at a hundred thousand couples, building
    model instances and one large INSERT through the ORM took most of the sender's time."""
    if not rows:
        return
    adapt = connection.ops.adapt_datetimefield_value
    table = connection.ops.quote_name(Notification._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(name) for name in NEW_COLUMNS)
    sql = (
        f"INSERT INTO {table} ({columns}, email_attempts) "  # noqa: S608 (names, not input)
        f"VALUES ({', '.join(['%s'] * len(NEW_COLUMNS))}, 0) ON CONFLICT DO NOTHING"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(*row[:5], adapt(row[5]), row[6], adapt(row[7])) for row in rows])


# E-mail ---------------------------------------------------------------------------------


def emails_queue_due(*, now: datetime) -> int:
    """Hand the e-mails that may go out now to the task worker; return how many."""
    with transaction.atomic():
        _take_turns()
        # A worker that died holding a claim let go of nothing: take the claim back.
        Notification.objects.filter(
            email=Notification.Email.SENDING, email_claimed_at__lt=now - CLAIM_EXPIRES
        ).update(email=Notification.Email.WAITING, email_claimed_at=None, email_queued_at=None)
        ids = list(
            Notification.objects.filter(
                Q(email_queued_at__isnull=True) | Q(email_queued_at__lt=now - QUEUE_EXPIRES),
                email=Notification.Email.WAITING,
                email_not_before__lte=now,
            )
            .order_by("email_not_before", "pk")
            .values_list("pk", flat=True)[:EMAILS_PER_RUN]
        )
        if not ids:
            return 0
        Notification.objects.filter(pk__in=Ids(ids)).update(email_queued_at=now)
        # In the same transaction: the database backend stores the task with the rows.
        for start in range(0, len(ids), EMAILS_PER_TASK):
            nudge_emails_send.enqueue(ids[start : start + EMAILS_PER_TASK])
    return len(ids)


def retry_after(attempts: int) -> timedelta:
    """5 minutes after the first failure, then 15, 45, 135."""
    return FIRST_RETRY_AFTER * 3 ** max(0, attempts - 1)


def notification_email_send(
    *, notification_id: int, now: datetime | None = None, mailer=None
) -> str:
    """Send one notification's e-mail if this worker can claim it. Returns what happened:
    sent, taken (someone else has it, or it is done), off, left, quiet, retry, gave_up.
    `mailer`: an open connection to reuse (a task sends its batch over one)."""
    now = now or timezone.now()
    claimed = Notification.objects.filter(
        pk=notification_id, email=Notification.Email.WAITING, email_not_before__lte=now
    ).update(
        email=Notification.Email.SENDING,
        email_claimed_at=now,
        email_attempts=F("email_attempts") + 1,
    )
    if not claimed:
        return "taken"
    mine = Notification.objects.filter(
        pk=notification_id, email=Notification.Email.SENDING, email_claimed_at=now
    )
    notification = Notification.objects.select_related("recipient").get(pk=notification_id)
    recipient = notification.recipient
    membership, partner = membership_and_partner(recipient)
    if (
        membership is None
        or membership.couple_id != notification.couple_id
        or not recipient.is_active
    ):
        mine.update(email=Notification.Email.NONE, email_claimed_at=None)
        return "left"
    chosen = preferences_of(recipient)
    if not chosen.wants_email(notification.kind):
        mine.update(email=Notification.Email.NONE, email_claimed_at=None)
        return "off"
    allowed = chosen.email_allowed_from(now, zone_of(recipient))
    if allowed > now:
        # Quiet hours began since it was queued: it waits for the morning, untried.
        mine.update(
            email=Notification.Email.WAITING,
            email_not_before=allowed,
            email_queued_at=None,
            email_claimed_at=None,
            email_attempts=F("email_attempts") - 1,
        )
        return "quiet"
    try:
        message = _message(notification, recipient=recipient, partner=partner)
        if not (mailer or mailers.default).send_messages([message]):
            raise smtplib.SMTPException("The mailer sent nothing (is EMAIL_HOST set?).")
    except Exception as error:  # SMTP refusals, a server that is down, a template fault
        if mailer is not None:
            close_quietly(mailer)  # the next message starts on a fresh connection
        attempts = notification.email_attempts
        expected = isinstance(error, smtplib.SMTPException | OSError)
        (logger.warning if expected else logger.exception)(
            "Nudge e-mail %s not sent (%s), attempt %s of %s.",
            notification.pk,
            type(error).__name__,
            attempts,
            MAX_EMAIL_ATTEMPTS,
        )
        if attempts >= MAX_EMAIL_ATTEMPTS:
            mine.update(email=Notification.Email.GAVE_UP, email_claimed_at=None)
            return "gave_up"
        mine.update(
            email=Notification.Email.WAITING,
            email_not_before=now + retry_after(attempts),
            email_queued_at=None,
            email_claimed_at=None,
        )
        return "retry"
    mine.update(email=Notification.Email.SENT, emailed_at=now, email_claimed_at=None)
    return "sent"


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _message(notification: Notification, *, recipient, partner) -> EmailMultiAlternatives:
    """The e-mail: what happened and a link, never anybody's words. In the recipient's
    language: it is sent by the worker, outside any request of theirs."""
    if notification.kind == Event.Kind.WEEKLY_REPORT:
        from hearth.insights.weekly import weekly_email

        subject, text, html = weekly_email(couple=notification.couple, user=recipient)
    else:
        with translation.override(recipient.language):
            info = kind_info(notification.kind)
            title = info.title_for(partner.display_name if partner else None)
            context = {
                "name": recipient.display_name,
                "title": title,
                "line": info.line,
                "link": _absolute(notification.link),
                "settings_link": _absolute(reverse("nudges:settings")),
            }
            subject = f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{title}"
            text = render_to_string("nudges/email/nudge.txt", context)
            html = render_to_string("nudges/email/nudge.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[recipient.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html, "text/html")
    return message
