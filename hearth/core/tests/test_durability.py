"""A writing process killed with SIGKILL, again and again, mid-write: no acknowledged
write is lost and the database stays whole (SAFETY.md, "Data durability")."""

import os
import signal
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from hearth.appreciate.models import JournalEntry, Note
from hearth.core.models import Event
from hearth.couples.models import Couple
from hearth.insights.models import COLUMNS, DayTally
from hearth.insights.tallies import tallies_rebuild
from hearth.support.models import Bid
from hearth.tests.factories import couple_of
from hearth.tests.processes import database_url, hearth_env
from hearth.trust.models import Promise

KILLS = 20


def roll_ups(couple: Couple) -> dict:
    rows = DayTally.objects.filter(couple=couple).values("day", *COLUMNS)
    return {row.pop("day"): row for row in rows if any(row[column] for column in COLUMNS)}


def missing(acknowledged: list[tuple[str, int]]) -> list[tuple[str, int]]:
    kept = set(Promise.objects.filter(status=Promise.Status.KEPT).values_list("pk", flat=True))
    present = {
        "note": set(Note.objects.values_list("pk", flat=True)),
        "journal": set(JournalEntry.objects.values_list("pk", flat=True)),
        "bid": set(Bid.objects.values_list("pk", flat=True)),
        "kept": kept,
    }
    return [(kind, pk) for kind, pk in acknowledged if pk not in present[kind]]


def integrity() -> str:
    """SQLite's own check of the file. (PostgreSQL has no file of ours to check: there the
    acknowledged rows and the recount below are the proof.)"""
    if connection.vendor != "sqlite":
        return "ok"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA integrity_check")
        return cursor.fetchone()[0]


def acknowledgements(lines, until: str, acknowledged: list[tuple[str, int]]) -> list[str]:
    """Read the writer's lines up to the first that starts with `until`, noting each
    acknowledged write on the way; return that line's words."""
    for line in lines:
        words = line.split()
        if words[0] == "ack":
            acknowledged.append((words[1], int(words[2])))
        if line.startswith(until):
            return words
    pytest.fail("the writers' process ended by itself")


@pytest.mark.django_db(transaction=True)
def test_it_loses_no_acknowledged_write_when_the_writer_is_killed(owner, partner, tmp_path):
    forks = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hearth.core.tests.durability_writer",
            str(owner.pk),
            str(partner.pk),
        ],
        cwd=settings.BASE_DIR,
        env=hearth_env(var_dir=tmp_path, database=database_url(connection.settings_dict)),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert forks.stdin is not None and forks.stdout is not None
    acknowledged: list[tuple[str, int]] = []
    try:
        for kill in range(KILLS):
            forks.stdin.write("go\n")
            forks.stdin.flush()
            pid = int(acknowledgements(forks.stdout, "writer", acknowledged)[1])
            # Half the kills land inside a transaction that has written but not committed,
            # the others just after a commit, as the next write begins; later each time.
            wanted = "writing" if kill % 2 == 0 else "ack"
            for _ in range(1 + kill // 2):
                acknowledgements(forks.stdout, wanted, acknowledged)
            os.kill(pid, signal.SIGKILL)
            # Lines it printed before it died count too: those writes were committed.
            ended = acknowledgements(forks.stdout, f"ended {pid}", acknowledged)
            assert int(ended[2]) == signal.SIGKILL
            assert missing(acknowledged) == [], f"lost after kill {kill + 1}"
            assert integrity() == "ok", f"damaged after kill {kill + 1}"
    finally:
        forks.stdin.close()
        forks.wait()
        forks.stdout.close()

    assert len(acknowledged) >= KILLS
    # Nothing half-done either: every note has its nudge, and the roll-ups equal a recount.
    assert Event.objects.filter(kind=Event.Kind.NOTE_RECEIVED).count() == Note.objects.count()
    couple = couple_of(owner)
    kept_up = roll_ups(couple)
    tallies_rebuild(Couple.objects.filter(pk=couple.pk))
    assert kept_up == roll_ups(couple)
