"""One partner checks in with "comfort" and sends a bid; the other answers both on their
phone. A private check-in never reaches the partner."""

import pytest
from playwright.sync_api import expect

from hearth.conftest_helpers import browser_log_in
from hearth.core.registry import content_libraries
from hearth.support.models import Bid, CheckIn
from hearth.tests.factories import PASSWORD, UserFactory, make_couple

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PRIVATE = "only mine: nervous about Monday"


def test_a_check_in_and_a_bid_answered_and_a_private_check_in_kept_private(new_phone, screenshot):
    content_libraries()["feelings"].load()
    ana = UserFactory.create(email="ana@example.com", display_name="Ana")
    ben = UserFactory.create(email="ben@example.com", display_name="Ben")
    make_couple(ana, ben)
    ana_phone, ben_phone = new_phone(), new_phone()
    browser_log_in(ana_phone, ana.email, PASSWORD)
    browser_log_in(ben_phone, ben.email, PASSWORD)

    # A private check-in first, with a note.
    ana_phone.goto("/support/")
    ana_phone.get_by_label("Worn out").check()
    ana_phone.get_by_label("Some space").check()
    ana_phone.get_by_text("How strong, and a few words").click()
    ana_phone.get_by_label("A few words (optional)").fill(PRIVATE)
    ana_phone.get_by_role("button", name="Keep it private").click()
    expect(ana_phone.get_by_text("Noted, just for you.")).to_be_visible()

    # Three taps: a feeling, a need, share.
    ana_phone.get_by_label("Sad").check()
    ana_phone.get_by_label("Comfort").check()
    screenshot(ana_phone, "check-in")
    ana_phone.get_by_role("button", name="Share with Ben").click()
    expect(ana_phone.get_by_text("Shared with Ben.")).to_be_visible()
    ana_phone.get_by_role("button", name="Hard day").click()
    expect(ana_phone.get_by_text("Sent.")).to_be_visible()

    ben_phone.goto("/")
    expect(ben_phone.get_by_text("Ana is reaching for you")).to_be_visible()
    expect(ben_phone.get_by_text(PRIVATE)).to_have_count(0)
    ben_phone.get_by_role("link", name="Answer", exact=True).click()
    expect(ben_phone.get_by_role("heading", name="Ana feels sad")).to_be_visible()
    ben_phone.get_by_role("heading", name="Ana feels sad").locator("..").get_by_role(
        "button", name="Sending you a big hug"
    ).click()
    ben_phone.get_by_role("heading", name="Ana: Hard day").locator("..").get_by_role(
        "button", name="On my way"
    ).click()
    expect(ben_phone.get_by_role("heading", name="Ana: Hard day")).to_have_count(0)
    screenshot(ben_phone, "answered")
    for path in ("/support/", "/support/check-ins/", "/"):
        ben_phone.goto(path)
        expect(ben_phone.get_by_text(PRIVATE)).to_have_count(0)

    assert CheckIn.objects.get(need="comfort").reply == "Sending you a big hug"
    assert Bid.objects.get().answer == "now"
    ana_phone.goto("/support/")
    expect(ana_phone.get_by_text("Ben: On my way")).to_be_visible()
