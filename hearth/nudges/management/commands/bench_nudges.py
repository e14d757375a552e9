"""`make bench`: how long finding and enqueuing the due nudges of many couples takes.

Builds N couples in bulk (in the database it is pointed at: `make bench` uses its own,
under var/bench/), each with what makes nudges due on a Sunday evening: the partner's
answer, a promise due that day for one couple in five, a date the next morning for one in
ten, and the weekly report for everyone. Then it times `nudges_enqueue_due` once, and
reports the figure (and writes it to --json, keeping what else is there).
"""

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from hearth.accounts.models import User
from hearth.core.demo_helpers import bench_figures_merge
from hearth.core.models import Event
from hearth.couples.models import Couple, Membership
from hearth.nudges.delivery import nudges_enqueue_due
from hearth.nudges.models import Notification
from hearth.together.models import DatePlan
from hearth.trust.models import Promise

DOMAIN = "nudges.bench"
BATCH = 5000
# A Sunday evening: everyone's weekly report is due (all bench people live in UTC).
SUNDAY_EVENING = datetime(2026, 11, 29, 19, 0, tzinfo=UTC)


def size_name(couples: int) -> str:
    """100000 → "100k" (the key `make bench` reports), 20 → "20"."""
    return f"{couples // 1000}k" if couples % 1000 == 0 else str(couples)


class Command(BaseCommand):
    help = "Time finding and enqueuing the due nudges of --couples couples (for make bench)."

    def add_arguments(self, parser):
        parser.add_argument("--couples", type=int, default=100_000)
        parser.add_argument(
            "--json", dest="json_path", type=Path, help="merge the figures into this JSON file"
        )

    def handle(self, *args, couples: int, json_path: Path | None, **options):
        if couples < 1:
            raise CommandError("--couples must be at least 1.")
        if User.objects.filter(email__endswith=f"@{DOMAIN}").exists():
            raise CommandError(
                "This database has bench couples already; point the bench at a fresh one "
                "(make bench uses var/bench/)."
            )
        started = time.monotonic()
        self.build(couples)
        built = time.monotonic() - started
        with CaptureQueriesContext(connection) as queries:
            started = time.monotonic()
            made = nudges_enqueue_due(now=SUNDAY_EVENING)
            elapsed = time.monotonic() - started
        emails = Notification.objects.exclude(email=Notification.Email.NONE).count()
        self.stdout.write(
            f"\nNudges for {couples:,} couples (built in {built:.0f}s):\n"
            f"  {made:,} notifications made, {emails:,} e-mails queued\n"
            f"  in {elapsed:.2f}s and {len(queries.captured_queries):,} queries"
        )
        if json_path:
            bench_figures_merge(
                json_path,
                {
                    f"nudges_due_{size_name(couples)}_s": round(elapsed, 2),
                    "nudges_due_couples": couples,
                    "nudges_due_notifications": made,
                    "nudges_due_queries": len(queries.captured_queries),
                },
            )

    def build(self, count: int) -> None:
        password = "!bench"  # noqa: S105 (unusable: bench people never sign in)
        before = SUNDAY_EVENING - timedelta(weeks=2)
        for start in range(0, count, BATCH):
            numbers = range(start, min(count, start + BATCH))
            with transaction.atomic():
                users = User.objects.bulk_create(
                    User(
                        email=f"{side}{n}@{DOMAIN}",
                        display_name=f"{side.upper()}{n}",
                        password=password,
                        date_joined=before,
                    )
                    for n in numbers
                    for side in ("a", "b")
                )
                made = Couple.objects.bulk_create(Couple(created_at=before) for _ in numbers)
                Membership.objects.bulk_create(
                    Membership(couple=couple, user=users[2 * i + seat - 1], seat=seat)
                    for i, couple in enumerate(made)
                    for seat in (1, 2)
                )
                Event.objects.bulk_create(
                    Event(
                        couple=couple,
                        kind=Event.Kind.PARTNER_ANSWERED,
                        recipient=users[2 * i + 1],
                        subject=f"talk.dailyquestion:{couple.pk}",
                        created_at=SUNDAY_EVENING - timedelta(minutes=30),
                        due_at=SUNDAY_EVENING - timedelta(minutes=30),
                    )
                    for i, couple in enumerate(made)
                )
                Promise.objects.bulk_create(
                    Promise(
                        couple=couple,
                        author=users[2 * i],
                        text="Bench promise",
                        due_on=SUNDAY_EVENING.date(),
                        created_at=before,
                    )
                    for i, couple in enumerate(made)
                    if i % 5 == 0
                )
                DatePlan.objects.bulk_create(
                    DatePlan(
                        couple=couple,
                        title="Bench date",
                        proposed_by=users[2 * i],
                        asked_by=users[2 * i],
                        starts_at=SUNDAY_EVENING + timedelta(hours=14),
                        time_zone="UTC",
                        status=DatePlan.Status.SCHEDULED,
                    )
                    for i, couple in enumerate(made)
                    if i % 10 == 0
                )
            self.stdout.write(f"  {numbers.stop:,}/{count:,} couples", ending="\r")
            self.stdout.flush()
