"""Together's daily pages take the same number of queries with a week or years of history."""

from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.conftest_helpers import login_client
from hearth.tests.factories import couple_of
from hearth.together.models import BucketItem, DatePlan, Memory, PresentSession, Reflection
from hearth.together.services import ritual_create

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/together/",
    "/together/dates/",
    "/together/memories/",
    "/together/rituals/",
    "/together/bucket/",
    "/together/present/",
]


def add_history(owner, partner, weeks: int, start: int = 0) -> None:
    """Weekly dates that became memories with two reflections, bucket items, present time."""
    couple = couple_of(owner)
    now = timezone.now()
    for week in range(start, start + weeks):
        at = now - timedelta(weeks=week + 1)
        plan = DatePlan.objects.create(
            couple=couple,
            title=f"Date {week}",
            proposed_by=owner,
            asked_by=owner,
            starts_at=at,
            time_zone="UTC",
            status=DatePlan.Status.SCHEDULED,
        )
        memory = Memory.objects.create(
            couple=couple,
            kind=Memory.Kind.DATE,
            title=plan.title,
            happened_on=at.date(),
            created_by=owner,
            plan=plan,
        )
        for person in (owner, partner):
            Reflection.objects.create(
                couple=couple, memory=memory, author=person, text="Lovely", rating=4
            )
        BucketItem.objects.create(couple=couple, title=f"Try {week}", added_by=partner)
        PresentSession.objects.create(
            couple=couple, started_by=owner, started_at=at, joined_at=at, ended_at=at, minutes=30
        )


def query_counts(client) -> dict[str, int]:
    counts = {}
    for page in PAGES:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page).status_code == 200
        counts[page] = len(captured)
    return counts


def test_daily_pages_do_not_grow_with_history(owner, partner):
    ritual_create(
        user=owner,
        couple=couple_of(owner),
        kind="date_night",
        title="Fridays",
        frequency="weekly",
        starts_on=timezone.localdate(),
        at=time(19),
        time_zone="UTC",
    )
    add_history(owner, partner, weeks=2)
    client = login_client(owner)
    small = query_counts(client)
    add_history(owner, partner, weeks=60, start=2)
    assert query_counts(client) == small
    assert small["/together/"] <= 12
