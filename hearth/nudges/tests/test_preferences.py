"""N1: each kind can be switched off, by e-mail and in Hearth; the settings page and the API
change the same choices, and bad input changes nothing."""

import pytest
from django.utils import timezone

from hearth.conftest_helpers import login_client
from hearth.core.models import Event
from hearth.nudges.delivery import emails_queue_due, notification_email_send
from hearth.nudges.models import Notification, NudgePreferences
from hearth.nudges.services import preferences_of, preferences_save
from hearth.nudges.tests.helpers import daytime, deliver, notification_for, send_note
from hearth.support.services import bid_send
from hearth.tests.factories import couple_of

pytestmark = pytest.mark.django_db


def test_the_defaults_email_a_few_important_kinds_and_show_everything(owner):
    preferences = preferences_of(owner)
    emailed = {kind for kind in Event.Kind.values if preferences.wants_email(kind)}
    assert {"note_received", "bid_received", "date_soon", "promise_due", "weekly_report"} <= (
        emailed
    )
    assert "partner_answered" not in emailed and "gesture_noticed" not in emailed
    assert all(preferences.wants_in_app(kind) for kind in Event.Kind.values)
    assert (preferences.quiet_start.hour, preferences.quiet_end.hour) == (22, 8)


def test_it_does_not_email_a_kind_switched_off(owner, partner):
    preferences_save(user=partner, email={"note_received": False})
    send_note(owner)
    deliver(daytime())
    notification = notification_for(partner, Event.Kind.NOTE_RECEIVED)
    assert notification.email == Notification.Email.NONE
    assert (
        "Olive sent you some appreciation" in login_client(partner).get("/nudges/").content.decode()
    )


def test_it_hides_a_kind_switched_off_in_hearth_and_still_emails_it_if_asked(owner, partner):
    preferences_save(user=partner, in_app={"bid_received": False})
    bid_send(user=owner, couple=couple_of(owner), kind="hug")
    deliver(daytime())
    client = login_client(partner)
    assert "reaching for you" not in client.get("/nudges/").content.decode()
    assert "New for you" not in client.get("/").content.decode()
    assert client.get("/api/v1/nudges/notifications").json() == []
    assert notification_for(partner, Event.Kind.BID_RECEIVED).email == Notification.Email.WAITING
    # Switched back on, it is there again.
    preferences_save(user=partner, in_app={"bid_received": True})
    assert "reaching for you" in client.get("/nudges/").content.decode()


def test_it_makes_nothing_for_a_kind_switched_off_everywhere(owner, partner):
    preferences_save(user=partner, email={"note_received": False}, in_app={"note_received": False})
    send_note(owner)
    assert deliver(daytime()) == 0
    assert not Notification.objects.exists()
    assert Event.objects.get().delivered_at is not None


def test_an_email_switched_off_after_it_was_queued_is_not_sent(owner, partner, smtp_server):
    now = daytime()
    send_note(owner)
    deliver(now)
    notification = notification_for(partner, Event.Kind.NOTE_RECEIVED)
    preferences_save(user=partner, email={"note_received": False})
    assert notification_email_send(notification_id=notification.pk, now=now) == "off"
    assert smtp_server.messages == []
    notification.refresh_from_db()
    assert notification.email == Notification.Email.NONE
    assert emails_queue_due(now=now) == 0


def test_the_settings_page_shows_and_saves_every_switch_and_the_quiet_hours(owner):
    client = login_client(owner)
    page = client.get("/nudges/settings/").content.decode()
    assert 'name="email_note_received" aria-label="By e-mail: Your partner sent you' in page
    assert 'name="email_note_received" aria-label' in page and "checked" in page
    assert 'value="22:00"' in page and 'value="08:00"' in page
    form = {"quiet_start": "23:15", "quiet_end": "07:00", "app_note_received": "on"}
    form |= {f"app_{kind}": "on" for kind in Event.Kind.values if kind != "partner_answered"}
    form |= {"email_weekly_report": "on"}
    response = client.post("/nudges/settings/", form)
    assert response.status_code == 302
    saved = NudgePreferences.objects.get(user=owner)
    assert saved.quiet_start.strftime("%H:%M") == "23:15"
    assert saved.quiet_end.strftime("%H:%M") == "07:00"
    assert not saved.wants_in_app("partner_answered") and saved.wants_in_app("good_news")
    assert saved.wants_email("weekly_report") and not saved.wants_email("note_received")
    assert "Saved." in client.get("/nudges/settings/").content.decode()


@pytest.mark.parametrize("bad", ["25:00", "", "a quiet time", "22:00\u202e", "🌙"])
def test_the_settings_page_refuses_a_bad_time_and_changes_nothing(owner, bad):
    response = login_client(owner).post(
        "/nudges/settings/", {"quiet_start": bad, "quiet_end": "07:00"}
    )
    assert response.status_code == 400
    assert "Have another look at the times below." in response.content.decode()
    assert not NudgePreferences.objects.exists()


def test_the_settings_are_linked_from_account_settings(owner):
    page = login_client(owner).get("/settings/").content.decode()
    assert 'href="/nudges/settings/"' in page


def test_the_api_reads_and_changes_the_same_choices(owner, api_for):
    api = api_for(owner)
    before = api.get("/nudges/preferences").json()
    assert before["email"]["note_received"] is True and before["quiet_start"] == "22:00"
    assert set(before["email"]) == set(Event.Kind.values)
    response = api.request(
        "PUT",
        "/nudges/preferences",
        json={"email": {"note_received": False}, "quiet_start": "21:30"},
    )
    assert response.status_code == 200, response.content
    after = response.json()
    assert after["email"]["note_received"] is False and after["quiet_start"] == "21:30"
    assert after["quiet_end"] == "08:00" and after["in_app"] == before["in_app"]
    assert not preferences_of(owner).wants_email("note_received")


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"email": {"streaks": True}}, 400),
        ({"email": {"note_received": "yes"}}, 422),
        ({"in_app": ["note_received"]}, 422),
        ({"quiet_start": "25:61"}, 422),
        ({"quiet_start": 2200}, 422),
        ({"email": {"note_received\u202e": True}}, 400),
        ({"email": {"🔔": True}}, 400),
        ({"email": {"note_received\x00": True}}, 400),
        ({"email": {f"kind{n}": True for n in range(500)}}, 422),
    ],
)
def test_the_api_refuses_bad_choices_clearly_and_stores_nothing(owner, api_for, body, status):
    response = api_for(owner).request("PUT", "/nudges/preferences", json=body)
    assert response.status_code == status, response.content
    assert response.json()["detail"]
    assert not NudgePreferences.objects.exists()
    assert timezone.now()  # nothing half-stored: the defaults stand
    assert preferences_of(owner).wants_email("note_received")
