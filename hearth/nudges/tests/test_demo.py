"""seed_demo gives the demo couple nudges to look at, each leading somewhere real."""

import pytest
from django.core.management import call_command

from hearth.accounts.models import User
from hearth.conftest_helpers import login_client
from hearth.nudges.models import Notification

pytestmark = pytest.mark.django_db


def test_the_demo_couple_has_recent_nudges_that_lead_to_their_pages():
    call_command("seed_demo", verbosity=0)
    alex = User.objects.get(email="alex@demo.hearth")
    mine = Notification.objects.filter(recipient=alex)
    kinds = set(mine.values_list("kind", flat=True))
    assert {"weekly_report", "note_received"} <= kinds or {"weekly_report", "bid_received"} <= kinds
    assert not mine.exclude(email=Notification.Email.NONE).exists()  # nothing e-mailed
    client = login_client(alex)
    assert "Your week together is ready" in client.get("/nudges/").content.decode()
    for notification in mine:
        assert client.get(notification.link).status_code == 200, notification.link
    # Running it again adds nothing.
    count = Notification.objects.count()
    call_command("seed_demo", verbosity=0)
    assert Notification.objects.count() == count
