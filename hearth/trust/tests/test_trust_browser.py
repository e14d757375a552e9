"""Two phones: a full reciprocal sharing round, then a promise made, renegotiated and kept."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hearth.conftest_helpers import browser_log_in
from hearth.core.registry import content_libraries
from hearth.tests.factories import PASSWORD, UserFactory, make_couple

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reciprocal_round_and_a_promise_renegotiated_then_kept(new_phone, screenshot):
    content_libraries()["vulnerability_prompts"].load()
    content_libraries()["validating_responses"].load()
    ana = UserFactory.create(email="ana@example.com", display_name="Ana")
    ben = UserFactory.create(email="ben@example.com", display_name="Ben")
    make_couple(ana, ben)
    ana_phone, ben_phone = new_phone(), new_phone()
    browser_log_in(ana_phone, ana.email, PASSWORD)
    browser_log_in(ben_phone, ben.email, PASSWORD)

    ana_phone.goto("/trust/share/")
    ana_phone.get_by_role("button", name="Begin with this one").first.click()
    ana_phone.get_by_label("What I'd like to share").fill("I'm scared of being the boring one.")
    ana_phone.get_by_role("button", name="Share", exact=True).click()
    expect(ana_phone.get_by_text("Ben is reading what you shared.")).to_be_visible()

    ben_phone.goto("/")
    ben_phone.get_by_role("link", name="Your turn in your sharing round").click()
    expect(ben_phone.get_by_text("I'm scared of being the boring one.")).to_be_visible()
    ben_phone.get_by_text("Ways to begin").click()
    ben_phone.locator("[data-fill]").first.click()
    box = ben_phone.get_by_label("My response")
    expect(box).not_to_have_value("")
    box.press("End")
    box.type(" you are never boring to me.")
    screenshot(ben_phone, "responding")
    ben_phone.get_by_role("button", name="Respond").click()
    ben_phone.get_by_label("What I'd like to share").fill("I worry I don't say enough.")
    ben_phone.get_by_role("button", name="Share", exact=True).click()

    # Ana's page moves on by itself (htmx polling) once Ben has shared.
    expect(ana_phone.get_by_text("I worry I don't say enough.")).to_be_visible(timeout=20_000)
    ana_phone.get_by_label("My response").fill("You say the things that matter.")
    ana_phone.get_by_role("button", name="Respond").click()
    expect(ana_phone.get_by_text("You both shared, and both listened.")).to_be_visible()
    screenshot(ana_phone, "round-done")

    due = timezone.localdate() + timedelta(days=3)
    later = due + timedelta(days=7)
    ben_phone.goto("/trust/promises/")
    ben_phone.get_by_label("I promise to").fill("Book the train tickets")
    ben_phone.get_by_label("By (optional)").fill(due.isoformat())
    ben_phone.get_by_role("button", name="Promise").click()
    ben_phone.get_by_text("You: Book the train tickets").click()
    ben_phone.get_by_label("By (optional)").fill(later.isoformat())
    ben_phone.get_by_role("button", name="Renegotiate").click()
    expect(ben_phone.get_by_text("Renegotiated in good time")).to_be_visible()
    expect(ben_phone.get_by_role("link", name="What it was before")).to_be_visible()

    ana_phone.goto("/trust/promises/")
    ana_phone.get_by_text("Ben: Book the train tickets").first.click()
    ana_phone.get_by_role("button", name="Yes, kept").click()
    expect(ana_phone.get_by_text("Kept on")).to_be_visible()
    screenshot(ana_phone, "kept")
