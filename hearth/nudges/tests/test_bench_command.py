"""`manage.py bench_nudges` (run by `make bench`) builds its couples and reports a figure."""

import json

import pytest
from django.core.management import CommandError, call_command

from hearth.nudges.models import Notification

pytestmark = pytest.mark.django_db


def test_it_makes_every_couples_due_nudges_and_writes_the_figures(tmp_path, capsys):
    out = tmp_path / "bench.json"
    out.write_text(json.dumps({"coach_p95_ms": 1.2}))
    call_command("bench_nudges", couples=20, json_path=out)
    # Each couple: the partner's answer, two weekly reports; every fifth a promise due,
    # every tenth a date coming (for both).
    assert Notification.objects.count() == 20 * 3 + 4 + 2 * 2
    figures = json.loads(out.read_text())
    assert figures["coach_p95_ms"] == 1.2  # kept
    assert figures["nudges_due_couples"] == 20 and figures["nudges_due_notifications"] == 68
    assert figures["nudges_due_20_s"] >= 0
    assert "68 notifications made" in capsys.readouterr().out


def test_it_refuses_a_database_that_has_bench_couples_already():
    call_command("bench_nudges", couples=2)
    with pytest.raises(CommandError, match="fresh one"):
        call_command("bench_nudges", couples=2)
