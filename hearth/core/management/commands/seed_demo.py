"""Demo data: the couple Alex and Sam, and benchmark volumes on request."""

import random
import time
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from hearth.accounts.models import User
from hearth.core.demo_helpers import insert_rows, seed_every_pillar
from hearth.core.registry import content_libraries, hearth_app_modules
from hearth.couples.models import Couple, Membership
from hearth.couples.selectors import active_membership

DEMO_PASSWORD = "hearth-demo"  # noqa: S105 (printed for people trying Hearth)
DEMO_PEOPLE = [
    ("alex@demo.hearth", "Alex", "they/them", "Europe/London"),
    ("sam@demo.hearth", "Sam", "she/her", "Europe/London"),
]
BULK_DOMAIN = "bench.hearth"
BATCH = 2_000
SQLITE_CACHE_KIB = 512 * 1024


class Command(BaseCommand):
    help = "Create the demo couple (alex@demo.hearth, sam@demo.hearth); --couples N adds more."

    def add_arguments(self, parser):
        parser.add_argument(
            "--couples", type=int, default=0, help="extra couples for benchmarks (bulk inserts)"
        )
        parser.add_argument(
            "--weeks", type=int, default=26, help="weeks of activity to create (default 26)"
        )
        parser.add_argument("--seed", type=int, default=2026, help="random seed")

    def handle(self, *args, couples: int, weeks: int, seed: int, **options):
        if couples < 0 or weeks < 0:
            raise CommandError("--couples and --weeks must be zero or more.")
        rng = random.Random(seed)  # noqa: S311 (demo data, not secrets)
        started = time.monotonic()
        for library in content_libraries().values():
            if library.count() == 0:
                library.load()
        first, second, couple, created = self.demo_couple(weeks)
        if created:
            seed_every_pillar(couple=couple, first=first, second=second, weeks=weeks, rng=rng)
        summary = [
            f"Demo couple: {first.email} and {second.email}, password {DEMO_PASSWORD}",
            "  (already there; left as it was)" if not created else f"  {weeks} weeks of activity",
        ]
        if couples:
            made = self.bulk_couples(couples, weeks, rng)
            summary.append(f"Benchmark couples: {made:,} added ({BULK_DOMAIN}, same password)")
        summary.append(f"Done in {time.monotonic() - started:.1f}s.")
        self.stdout.write(self.style.SUCCESS("\n".join(summary)))

    @transaction.atomic
    def demo_couple(self, weeks: int) -> tuple[User, User, Couple, bool]:
        people = []
        for email, name, pronouns, zone in DEMO_PEOPLE:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email=email,
                    password=DEMO_PASSWORD,
                    display_name=name,
                    pronouns=pronouns,
                    time_zone=zone,
                )
                EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
            people.append(user)
        first, second = people
        first_seat, second_seat = active_membership(first), active_membership(second)
        if first_seat and second_seat and first_seat.couple_id == second_seat.couple_id:
            return first, second, first_seat.couple, False
        # One of them was unlinked or paired elsewhere while trying Hearth: start them afresh.
        now = timezone.now()
        Membership.objects.filter(user__in=people, left_at__isnull=True).update(left_at=now)
        since = now - timedelta(weeks=weeks)
        couple = Couple.objects.create(created_at=since, time_zone=first.time_zone)
        Membership.objects.create(couple=couple, user=first, seat=1, joined_at=since)
        Membership.objects.create(couple=couple, user=second, seat=2, joined_at=since)
        return first, second, couple, True

    def bulk_couples(self, count: int, weeks: int, rng: random.Random) -> int:
        """Many couples quickly: rows written straight to the tables (insert_rows), one
        transaction per batch, with progress."""
        password = make_password(DEMO_PASSWORD)
        if connection.vendor == "sqlite":
            # Millions of rows: keep their indexes' pages in memory, not the default 2 MB.
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        start = User.objects.filter(email__endswith="@" + BULK_DOMAIN).count() // 2
        since = timezone.now() - timedelta(weeks=weeks)
        made = 0
        while made < count:
            size = min(BATCH, count - made)
            numbers = range(start + made, start + made + size)
            with transaction.atomic():
                new_couples = self.bulk_batch(numbers, password, since)
                for module in hearth_app_modules("demo"):
                    module.seed_bulk(couples=new_couples, weeks=weeks, rng=rng)
            made += size
            self.stdout.write(f"  {made:,}/{count:,} couples", ending="\r")
            self.stdout.flush()
        self.stdout.write("")
        return made

    def bulk_batch(self, numbers: range, password: str, since: datetime) -> list[Couple]:
        """The people, couples and seats of one batch; the couples, for the apps' demo.py."""
        users = dict(
            insert_rows(
                User,
                ["email", "display_name", "password", "date_joined"],
                (
                    (f"{side}{n}@{BULK_DOMAIN}", f"{side.title()} {n}", password, since)
                    for n in numbers
                    for side in ("a", "b")
                ),
                returning=["email", "id"],
            )
        )
        # Every couple of the batch is the same (made `since`), so any id goes with any pair.
        couple_ids = sorted(
            pk
            for (pk,) in insert_rows(
                Couple, ["created_at"], [(since,)] * len(numbers), returning=["id"]
            )
        )
        insert_rows(
            Membership,
            ["couple_id", "user_id", "seat", "joined_at"],
            (
                (couple_id, users[f"{side}{n}@{BULK_DOMAIN}"], seat, since)
                for couple_id, n in zip(couple_ids, numbers, strict=True)
                for seat, side in ((1, "a"), (2, "b"))
            ),
        )
        return [Couple(pk=pk, created_at=since) for pk in couple_ids]
