import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from hearth.accounts.models import User
from hearth.couples.models import Couple, Membership
from hearth.couples.selectors import active_couple_id, partner_of

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_seed_demo_makes_alex_and_sam_a_couple_who_can_log_in():
    output = run("seed_demo")
    assert "alex@demo.hearth" in output and "hearth-demo" in output
    alex = User.objects.get(email="alex@demo.hearth")
    sam = User.objects.get(email="sam@demo.hearth")
    couple_id = active_couple_id(alex)
    assert couple_id is not None
    assert partner_of(alex, Couple.objects.get(pk=couple_id)) == sam
    client = Client()
    response = client.post(
        "/accounts/login/", {"login": "sam@demo.hearth", "password": "hearth-demo"}
    )
    assert response.status_code == 302
    assert "You &amp; Alex" in client.get("/").content.decode()


def test_seed_demo_is_safe_to_run_twice():
    run("seed_demo")
    output = run("seed_demo")
    assert "already there" in output
    assert User.objects.filter(email__endswith="@demo.hearth").count() == 2
    assert Couple.objects.count() == 1


def test_seed_demo_repairs_a_demo_couple_that_was_unlinked():
    run("seed_demo")
    from hearth.couples.services import couple_unlink

    couple_unlink(user=User.objects.get(email="alex@demo.hearth"))
    run("seed_demo")
    alex = User.objects.get(email="alex@demo.hearth")
    sam = User.objects.get(email="sam@demo.hearth")
    assert active_couple_id(alex) == active_couple_id(sam) is not None


def test_seed_demo_builds_benchmark_couples_in_bulk():
    # Row by row this would be tens of thousands of queries. In bulk, the count grows with
    # the number of batches (2,000 couples each), not with the number of couples.
    run("seed_demo", "--weeks", "1")  # content and the demo couple first

    def queries(*args: str) -> tuple[int, str]:
        with CaptureQueriesContext(connection) as captured:
            output = run("seed_demo", *args)
        return len(captured), output

    one_batch, _ = queries("--couples", "10", "--weeks", "1")
    two_batches, output = queries("--couples", "2500", "--weeks", "1")
    assert two_batches <= 2 * one_batch + 10, (one_batch, two_batches)
    assert "2,500" in output
    assert User.objects.filter(email__endswith="@bench.hearth").count() == 5020
    assert Membership.objects.filter(left_at__isnull=True).count() == 5022


def test_content_stats_prints_one_json_object():
    run("load_content")
    stats = json.loads(run("content_stats", "--json"))
    assert stats["questions"] >= 400
    assert stats["repair_phrases"] >= 40
    assert all(isinstance(size, int) and size > 0 for size in stats.values())


def test_load_content_is_safe_to_run_twice():
    first = run("load_content")
    second = run("load_content")
    assert first == second
    assert "Content libraries loaded" in second
