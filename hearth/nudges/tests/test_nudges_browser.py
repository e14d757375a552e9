"""On two phones: one partner sends a thinking-of-you, the other finds it on Today, looks,
and marks it seen; then chooses what reaches them and when."""

from datetime import time

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from hearth.conftest_helpers import browser_log_in
from hearth.nudges.models import NudgePreferences
from hearth.tests.factories import PASSWORD, UserFactory, make_couple

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_thinking_of_you_reaches_the_partner_who_then_sets_quiet_hours(new_phone, screenshot):
    ana = UserFactory.create(email="ana@example.com", display_name="Ana")
    ben = UserFactory.create(email="ben@example.com", display_name="Ben")
    make_couple(ana, ben)
    ana_phone, ben_phone = new_phone(), new_phone()
    browser_log_in(ana_phone, ana.email, PASSWORD)
    browser_log_in(ben_phone, ben.email, PASSWORD)

    ana_phone.goto("/nudges/")
    ana_phone.get_by_role("button", name="Send a thinking-of-you").click()
    expect(ana_phone.get_by_text("Sent. Ben will get a little wave from you.")).to_be_visible()
    expect(ana_phone.get_by_text("you can send 2 more today")).to_be_visible()
    call_command("send_due_nudges", verbosity=0)

    ben_phone.goto("/")
    expect(ben_phone.get_by_role("heading", name="New for you")).to_be_visible()
    ben_phone.get_by_role("link", name="All your nudges").click()
    expect(ben_phone.get_by_text("Ana is thinking of you")).to_be_visible()
    screenshot(ben_phone, "nudges")
    ben_phone.get_by_role("button", name="Mark all as seen").click()
    expect(ben_phone.get_by_text("New: ")).to_have_count(0)
    ben_phone.goto("/")
    expect(ben_phone.get_by_role("heading", name="New for you")).to_have_count(0)

    ben_phone.goto("/settings/")
    ben_phone.get_by_role("link", name="What reaches you, and your quiet hours").click()
    ben_phone.get_by_label("Quiet from").fill("21:30")
    ben_phone.get_by_label("By e-mail: Your partner is thinking of you").uncheck()
    screenshot(ben_phone, "settings")
    ben_phone.get_by_role("button", name="Save").click()
    expect(ben_phone.get_by_text("Saved. Hearth will keep to this.")).to_be_visible()
    saved = NudgePreferences.objects.get(user=ben)
    assert saved.quiet_start == time(21, 30) and not saved.wants_email("thinking_of_you")
    assert saved.wants_email("note_received")
