"""One partner thanks the other for something specific on their phone; the other reads it
and reacts on theirs. A private journal entry never shows on the partner's phone."""

import pytest
from playwright.sync_api import expect

from hearth.conftest_helpers import browser_log_in
from hearth.core.registry import content_libraries
from hearth.tests.factories import PASSWORD, UserFactory, make_couple

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECRET = "Grateful, privately, for the hour alone at the lido"


def test_a_note_sent_read_and_reacted_to_and_a_private_entry_kept_private(new_phone, screenshot):
    content_libraries()["appreciation_prompts"].load()
    content_libraries()["gesture_ideas"].load()
    ana = UserFactory.create(email="ana@example.com", display_name="Ana")
    ben = UserFactory.create(email="ben@example.com", display_name="Ben")
    make_couple(ana, ben)
    ana_phone, ben_phone = new_phone(), new_phone()
    browser_log_in(ana_phone, ana.email, PASSWORD)
    browser_log_in(ben_phone, ben.email, PASSWORD)

    ana_phone.goto("/appreciate/")
    ana_phone.get_by_label("What they did").fill(
        "You drove two hours to bring my forgotten passport."
    )
    ana_phone.get_by_role("button", name="Send to Ben").click()
    expect(ana_phone.get_by_text("Add how it made you feel or why it mattered")).to_be_visible()
    ana_phone.get_by_label("How it made me feel").fill("Rescued, and so loved.")
    screenshot(ana_phone, "writing")
    ana_phone.get_by_role("button", name="Send to Ben").click()
    expect(ana_phone.get_by_text("Sent.")).to_be_visible()

    ana_phone.goto("/appreciate/journal/")
    ana_phone.get_by_label("Today I'm grateful for").fill(SECRET)
    ana_phone.get_by_role("button", name="Write it down").click()
    expect(ana_phone.get_by_text("You · private")).to_be_visible()

    ben_phone.goto("/")
    expect(ben_phone.get_by_text("Ana appreciates you")).to_be_visible()
    ben_phone.get_by_role("link", name="React, or keep it for hard days").click()
    expect(ben_phone.get_by_text("forgotten passport")).to_be_visible()
    ben_phone.get_by_role("button", name="This moved me").click()
    expect(ben_phone.get_by_role("button", name="This moved me")).to_have_attribute(
        "aria-pressed", "true"
    )
    ben_phone.get_by_role("button", name="Keep it for hard days").click()
    expect(ben_phone.get_by_text("kept", exact=False).first).to_be_visible()
    screenshot(ben_phone, "wall")

    for path in ("/", "/appreciate/", "/appreciate/journal/", "/appreciate/wall/"):
        ben_phone.goto(path)
        expect(ben_phone.get_by_text(SECRET)).to_have_count(0)

    ana_phone.goto("/appreciate/sent/")
    expect(ana_phone.get_by_text("Ben reacted 🥹")).to_be_visible()
