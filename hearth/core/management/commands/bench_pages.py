"""`make bench`: the server time and queries of the pages a couple opens every day, for a
couple with one week of history and one with five years.

Builds both couples (in the database it is pointed at: `make bench` uses its own, under
var/bench/) with every pillar's demo activity, then asks for each page through the whole
Django stack (middleware, view, templates) in this process, many times, one history then
the other in turn (so the machine's busy moments weigh on both alike), and reports the
median and p95 of each. `history_growth_ratio` is the worst five-years-over-one-week ratio
of medians over Today, Insights, Memories and the daily-question archive; `queries_today`
the queries Today takes; `storage_per_couple_*_kb` what each couple's history adds to
the database. Figures are merged into --json.
"""

import random
import statistics
import time
from datetime import timedelta
from pathlib import Path

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.accounts.models import User
from hearth.core.demo_helpers import bench_figures_merge, seed_every_pillar
from hearth.core.registry import content_libraries
from hearth.couples.models import Couple, Membership

DOMAIN = "pages.bench"
HISTORIES = {"1w": 1, "5y": 5 * 52}
PAGES = {
    "today": "/",
    "insights": "/insights/",
    "memories": "/together/memories/",
    "archive": "/talk/archive/",
}


def couple_with_history(name: str, weeks: int) -> User:
    since = timezone.now() - timedelta(weeks=weeks)
    first, second = (
        User.objects.create_user(email=f"{name}-{seat}@{DOMAIN}", display_name=display)
        for seat, display in (("a", "Robin"), ("b", "Kai"))
    )
    for person in (first, second):
        EmailAddress.objects.create(user=person, email=person.email, primary=True, verified=True)
    couple = Couple.objects.create(created_at=since)
    Membership.objects.create(couple=couple, user=first, seat=1, joined_at=since)
    Membership.objects.create(couple=couple, user=second, seat=2, joined_at=since)
    rng = random.Random(weeks)  # noqa: S311 (demo data)
    seed_every_pillar(couple=couple, first=first, second=second, weeks=weeks, rng=rng)
    return first


def database_bytes() -> int:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
        cursor.execute("PRAGMA page_count")
        pages = cursor.fetchone()[0]
        cursor.execute("PRAGMA page_size")
        return pages * cursor.fetchone()[0]


def timed(clients: dict[str, Client], path: str, repeat: int) -> dict[str, list[float]]:
    """Milliseconds of each request for `path`, for each history in turn: one request of
    each, then again, so that a busy moment of the machine weighs on both alike."""
    times: dict[str, list[float]] = {name: [] for name in clients}
    for client in clients.values():
        client.get(path)  # warm: templates compiled, caches filled
    for _ in range(repeat):
        for name, client in clients.items():
            started = time.perf_counter()
            response = client.get(path)
            times[name].append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise CommandError(f"{path} answered {response.status_code}")
    return times


class Command(BaseCommand):
    help = "Time the daily pages at one week and five years of history (for make bench)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=200)
        parser.add_argument(
            "--json", dest="json_path", type=Path, help="merge the figures into this JSON file"
        )

    def handle(self, *args, repeat: int, json_path: Path | None, **options):
        if User.objects.filter(email__endswith=f"@{DOMAIN}").exists():
            raise CommandError("This database has bench couples already; use a fresh one.")
        for library in content_libraries().values():
            if library.count() == 0:
                library.load()
        medians: dict[str, dict[str, float]] = {}
        figures: dict[str, float | int] = {}
        clients = {}
        for name, weeks in HISTORIES.items():
            started, before = time.monotonic(), database_bytes()
            person = couple_with_history(name, weeks)
            # What one couple's history weighs, for the sharding plan (docs/deploy.md).
            figures[f"storage_per_couple_{name}_kb"] = round((database_bytes() - before) / 1024)
            self.stdout.write(
                f"Built a couple with {weeks} weeks in {time.monotonic() - started:.1f}s"
            )
            clients[name] = Client(HTTP_HOST="127.0.0.1")
            clients[name].force_login(person)
        for page, path in PAGES.items():
            for name, times in timed(clients, path, repeat).items():
                median = statistics.median(times)
                p95 = statistics.quantiles(times, n=20)[-1]
                medians.setdefault(page, {})[name] = median
                figures[f"page_{page}_{name}_median_ms"] = round(median, 2)
                figures[f"page_{page}_{name}_p95_ms"] = round(p95, 2)
                self.stdout.write(f"  {page:<9} {name}: median {median:6.2f} ms, p95 {p95:6.2f} ms")
        for name, client in clients.items():
            with CaptureQueriesContext(connection) as queries:
                client.get("/")
            figures[f"queries_today_{name}"] = len(queries)
        figures["history_growth_ratio"] = round(
            max(by["5y"] / by["1w"] for by in medians.values()), 3
        )
        figures["queries_today"] = max(figures[f"queries_today_{name}"] for name in HISTORIES)
        self.stdout.write(
            self.style.SUCCESS(
                f"history_growth_ratio {figures['history_growth_ratio']} (target ≤ 1.25), "
                f"queries_today {figures['queries_today']} (target ≤ 12)"
            )
        )
        if json_path:
            bench_figures_merge(json_path, figures)
