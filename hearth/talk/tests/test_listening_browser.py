"""A full listening round on two phones, each screen following the other live."""

import pytest
from playwright.sync_api import expect

from hearth.conftest_helpers import browser_log_in
from hearth.tests.factories import PASSWORD, UserFactory, make_couple

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email: str) -> None:
    browser_log_in(page, email, PASSWORD)


def test_a_full_round_of_speaking_paraphrasing_and_swapping(new_phone, screenshot):
    ana = UserFactory.create(email="ana@example.com", display_name="Ana")
    ben = UserFactory.create(email="ben@example.com", display_name="Ben")
    make_couple(ana, ben)
    ana_phone, ben_phone = new_phone(), new_phone()
    log_in(ana_phone, ana.email)
    log_in(ben_phone, ben.email)

    ana_phone.goto("/talk/listen/")
    ana_phone.get_by_role("button", name="Start, and speak first").click()
    expect(ana_phone.get_by_role("heading", name="Waiting for Ben")).to_be_visible()

    ben_phone.goto("/talk/listen/")
    ben_phone.get_by_role("button", name="Join and listen").click()
    # Ana's screen moves on by itself once Ben joins.
    expect(ana_phone.get_by_role("heading", name="You're speaking")).to_be_visible(timeout=10_000)

    ana_phone.get_by_label("Share one thing about how you feel").fill(
        "I feel lonely on weeknights when we both end up on our phones."
    )
    ana_phone.get_by_role("button", name="Share it").click()
    expect(ben_phone.get_by_text("I feel lonely on weeknights")).to_be_visible(timeout=10_000)
    ben_phone.get_by_label("Say back what you heard, before anything else").fill(
        "What I'm hearing is that evenings feel empty when we're together but apart."
    )
    ben_phone.get_by_role("button", name="This is what I heard").click()

    expect(ana_phone.get_by_text("together but apart")).to_be_visible(timeout=10_000)
    ana_phone.get_by_label("Not quite: what did you mean?").fill(
        "Mostly after nine, when I'm tired."
    )
    ana_phone.get_by_role("button", name="Clarify").click()
    expect(ben_phone.get_by_text("Mostly after nine")).to_be_visible(timeout=10_000)
    ben_phone.get_by_label("Say back what you heard, before anything else").fill(
        "So late evenings especially, when you're tired, you miss me."
    )
    ben_phone.get_by_role("button", name="This is what I heard").click()
    expect(ana_phone.get_by_role("button", name="Yes, that's it")).to_be_visible(timeout=10_000)
    ana_phone.get_by_role("button", name="Yes, that's it").click()

    # Roles swap: now Ben speaks and Ana listens.
    expect(ben_phone.get_by_role("heading", name="You're speaking")).to_be_visible(timeout=10_000)
    ben_phone.get_by_label("Share one thing about how you feel").fill(
        "I feel relieved you told me."
    )
    ben_phone.get_by_role("button", name="Share it").click()
    expect(ana_phone.get_by_text("I feel relieved you told me.")).to_be_visible(timeout=10_000)
    ana_phone.get_by_label("Say back what you heard, before anything else").fill(
        "It's a relief for you that I said it out loud."
    )
    ana_phone.get_by_role("button", name="This is what I heard").click()
    expect(ben_phone.get_by_role("button", name="Yes, that's it")).to_be_visible(timeout=10_000)
    ben_phone.get_by_role("button", name="Yes, that's it").click()

    expect(ana_phone.get_by_role("button", name="We both feel heard: finish")).to_be_visible(
        timeout=10_000
    )
    ana_phone.get_by_role("button", name="We both feel heard: finish").click()
    expect(ana_phone.get_by_role("heading", name="What you heard")).to_be_visible()
    expect(ana_phone.get_by_text("Ben heard")).to_be_visible()
    expect(ben_phone.get_by_role("heading", name="What you heard")).to_be_visible(timeout=10_000)
    screenshot(ben_phone, "summary")
