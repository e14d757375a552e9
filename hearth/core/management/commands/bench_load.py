"""`make bench`: Hearth under load, served the way it is in production.

In the database it is pointed at (make bench gives it its own), this builds 25 bench
couples with history and signs in all 50 partners ahead of time. Then, for each server
asked for (gunicorn, granian, uvicorn), it starts the server with production settings
(DEBUG off, collected static files) and uses Locust, headless:
- throughput: Today's requests per second against a fixed empty page through the same
  middleware (`today_vs_floor_rps_ratio`), in turns of 5 seconds once each has been
  served for 3 seconds unmeasured;
- load: 50 partners arriving over 10 seconds, then for --seconds doing an evening's mix
  (Today, answering the daily question, a thank-you, a check-in, Insights): p95, p99 and
  errors, from the moment all 50 are in;
- memory: the largest server worker's resident set after the load.
Figures go to --json under a prefix (--label, e.g. "sqlite" or "postgres"); the first
server named is the one Hearth ships with and gives the unprefixed keys.
"""

import csv
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test import Client

from hearth.core.demo_helpers import bench_figures_merge
from hearth.core.management.commands.seed_demo import BULK_DOMAIN

ROOT = Path(settings.BASE_DIR)
LOCUSTFILE = ROOT / "bench" / "locustfile.py"
PARTNERS = 50
WORKERS = 2
THROUGHPUT_ROUND_SECONDS = 5
THROUGHPUT_USERS = 8  # asking back to back, no pauses
# Served, not measured, before the throughput turns: a new worker's first requests compile
# templates and load translations and code, a one-off second that says nothing of its pace.
WARM_UP_SECONDS = 3
# The partners of the load run open Hearth over 10 seconds, not all in the same one.
ARRIVE_SECONDS = 10


def server_commands(port: int) -> dict[str, list[str]]:
    bin_dir = Path(sys.executable).parent
    bind = f"127.0.0.1:{port}"
    return {
        "gunicorn": [
            str(bin_dir / "gunicorn"), "hearth.wsgi", "--bind", bind,
            "--workers", str(WORKERS), "--threads", "4", "--access-logfile", "-",
        ],
        "granian": [
            str(bin_dir / "granian"), "--interface", "wsgi", "hearth.wsgi:application",
            "--host", "127.0.0.1", "--port", str(port), "--workers", str(WORKERS),
            "--blocking-threads", "1", "--no-access-log",
        ],
        "uvicorn": [
            str(bin_dir / "uvicorn"), "hearth.asgi:application", "--host", "127.0.0.1",
            "--port", str(port), "--workers", str(WORKERS), "--no-access-log",
        ],
    }  # fmt: skip


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of `pid`, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        path = task / "children"
        if path.exists():
            found += [int(child) for child in path.read_text().split()]
    return found


class Command(BaseCommand):
    help = "Serve Hearth with production servers and measure it under load (for make bench)."

    def add_arguments(self, parser):
        parser.add_argument("--servers", default="granian,gunicorn,uvicorn")
        parser.add_argument("--seconds", type=int, default=60)
        parser.add_argument("--rps-seconds", type=int, default=30)
        parser.add_argument("--label", default="sqlite")
        parser.add_argument("--json", dest="json_path", type=Path)

    def handle(self, *args, servers: str, seconds: int, rps_seconds: int, label: str, **options):
        names = [name.strip() for name in servers.split(",") if name.strip()]
        port = free_port()
        unknown = set(names) - set(server_commands(port))
        if unknown:
            raise CommandError(f"Unknown server(s): {', '.join(sorted(unknown))}")
        work = Path(settings.VAR_DIR) / f"load-{label}"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        people = self.prepare(work)
        env = self.server_env(people)
        # Static files as production has them: collected, compressed, with a manifest.
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "collectstatic", "--no-input", "-v0"], env=env, check=True)  # noqa: S603
        figures: dict[str, float | int | str] = {}
        for index, name in enumerate(names):
            found = self.measure(name, port, env, work, seconds, rps_seconds)
            prefix = f"{label}_{name}_"
            figures.update({prefix + key: value for key, value in found.items()})
            if index == 0:  # the server Hearth ships with
                figures.update({f"{label}_{key}": value for key, value in found.items()})
                if label == "sqlite":  # the headline figures
                    figures.update(found)
        self.report(figures, options.get("json_path"))

    def prepare(self, work: Path) -> Path:
        """The bench couples (with six months of history) and a session for each partner."""
        self.stdout.write("Building 25 bench couples with 26 weeks of history…")
        call_command("load_content", verbosity=0)
        User = get_user_model()
        if not User.objects.filter(email__endswith=f"@{BULK_DOMAIN}").exists():
            call_command("seed_demo", couples=PARTNERS // 2, weeks=26, verbosity=0)
        sessions = []
        for person in User.objects.filter(email__endswith=f"@{BULK_DOMAIN}").order_by("pk")[
            :PARTNERS
        ]:
            client = Client()
            client.force_login(person)
            sessions.append({"email": person.email, "session": client.cookies["sessionid"].value})
        if len(sessions) < PARTNERS:
            raise CommandError(f"Only {len(sessions)} bench partners; expected {PARTNERS}.")
        path = work / "people.json"
        path.write_text(json.dumps(sessions))
        return path

    def server_env(self, people: Path) -> dict[str, str]:
        env = {
            **os.environ,
            "DEBUG": "0",
            "HEARTH_LOCAL": "0",
            "HEARTH_BENCH": "1",
            "SECRET_KEY": settings.SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": "http://127.0.0.1",
            "HEARTH_VAR_DIR": str(settings.VAR_DIR),
            "HEARTH_BENCH_PEOPLE": str(people),
            "LOG_LEVEL": "WARNING",
        }
        env.setdefault("DATABASE_URL", settings.DATABASE_URL)
        return env

    def measure(self, name, port, env, work, seconds, rps_seconds) -> dict:
        command = server_commands(port)[name]
        log = (work / f"{name}.log").open("w")
        server = subprocess.Popen(command, env=env, stdout=log, stderr=log, cwd=ROOT)  # noqa: S603
        try:
            self.wait_for(port, server, work / f"{name}.log")
            host = f"http://127.0.0.1:{port}"
            self.stdout.write(f"{name}: throughput, {rps_seconds}s each…")
            today, floor = self.throughput(env, host, work, name, rps_seconds)
            self.stdout.write(f"{name}: {PARTNERS} partners arriving, then {seconds}s…")
            load = self.locust(
                env, host, work, f"{name}-load", "mix", PARTNERS, seconds, arrive=ARRIVE_SECONDS
            )
            workers = children(server.pid) or [server.pid]
            return {
                "today_rps": round(today, 1),
                "floor_rps": round(floor, 1),
                "today_vs_floor_rps_ratio": round(today / floor, 3),
                "load_requests": int(load["Request Count"]),
                "load_median_ms": float(load["50%"]),
                "load_p95_ms": float(load["95%"]),
                "load_p99_ms": float(load["99%"]),
                "load_errors": int(load["Failure Count"]),
                "worker_rss_mb": round(max(rss_mb(pid) for pid in workers), 1),
            }
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
            log.close()

    def throughput(self, env, host, work, name, seconds) -> tuple[float, float]:
        """Requests per second of Today and of the floor, each over `seconds` in all, taken
        in turns (Today, floor, Today, …) so that a machine running faster or slower for a
        while (shared cores do) weighs on both alike. Each page is first served unmeasured for
        WARM_UP_SECONDS, so the first turn does not carry the workers' start."""
        served = {"today": [0.0, 0.0], "floor": [0.0, 0.0]}  # requests, seconds
        for page in served:
            self.locust(
                env, host, work, f"{name}-warm-up", f"rps-{page}", THROUGHPUT_USERS, WARM_UP_SECONDS
            )
        rounds = max(1, seconds // THROUGHPUT_ROUND_SECONDS)
        turn = seconds // rounds
        for _ in range(rounds):
            for page, tally in served.items():
                row = self.locust(
                    env, host, work, f"{name}-{page}", f"rps-{page}", THROUGHPUT_USERS, turn
                )
                if not row["Request Count"]:
                    raise CommandError(f"{name} answered no {page} requests; see its log")
                tally[0] += row["Request Count"]
                tally[1] += row["Request Count"] / row["Requests/s"]
        return tuple(count / spent for count, spent in served.values())  # type: ignore[return-value]

    def wait_for(self, port: int, server: subprocess.Popen, log: Path) -> None:
        for _ in range(100):
            if server.poll() is not None:
                raise CommandError(f"The server stopped at once; see {log}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise CommandError(f"The server did not answer within 20 s; see {log}")

    def locust(self, env, host, work, name, tags, users, seconds, arrive=0) -> dict:
        """Run Locust headless; the "Aggregated" row of its statistics. With `arrive`, the
        users come in over that many seconds and the `seconds` measured start once all are
        in (--reset-stats)."""
        prefix = work / name
        run_env = {**env, "HEARTH_BENCH_RPS": "1" if tags.startswith("rps") else ""}
        subprocess.run(  # noqa: S603
            [
                str(Path(sys.executable).parent / "locust"), "-f", str(LOCUSTFILE), "--headless",
                "--host", host, "--users", str(users),
                "--spawn-rate", str(users / arrive if arrive else users),
                *(["--reset-stats"] if arrive else []),
                "--run-time", f"{seconds + arrive}s", "--tags", tags, "--csv", str(prefix),
                "--only-summary", "--loglevel", "WARNING", "--exit-code-on-error", "0",
            ],
            env=run_env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        with (work / f"{name}_stats.csv").open() as handle:
            rows = {row["Name"]: row for row in csv.DictReader(handle)}
        return rows["Aggregated"] | {
            key: float(value) for key, value in rows["Aggregated"].items() if _number(value)
        }

    def report(self, figures: dict, json_path: Path | None) -> None:
        width = max(len(key) for key in figures)
        for key in sorted(figures):
            self.stdout.write(f"  {key:<{width}}  {figures[key]}")
        if json_path:
            bench_figures_merge(json_path, figures)


def _number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True
