"""Two partners answer today's question on two phones; neither sees the other's words first."""

import pytest
from playwright.sync_api import expect

from hearth.conftest_helpers import browser_log_in
from hearth.tests.factories import PASSWORD, UserFactory, make_couple, make_questions

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email: str) -> None:
    browser_log_in(page, email, PASSWORD)


def test_both_answer_and_only_then_see_each_other(new_phone, screenshot):
    make_questions(24)
    ana = UserFactory.create(email="ana@example.com", display_name="Ana")
    ben = UserFactory.create(email="ben@example.com", display_name="Ben")
    make_couple(ana, ben)

    ana_phone, ben_phone = new_phone(), new_phone()
    log_in(ana_phone, ana.email)
    log_in(ben_phone, ben.email)

    ana_phone.get_by_label("Your answer").fill("The lighthouse at dusk, with you.")
    ana_phone.get_by_role("button", name="Share my answer").click()
    expect(ana_phone.get_by_role("button", name="Update my answer")).to_be_visible()
    expect(ana_phone.get_by_text("Your partner's answer will show up")).to_be_visible()

    ben_phone.reload()
    expect(ben_phone.get_by_text("Ana has answered.")).to_be_visible()
    expect(ben_phone.get_by_text("The lighthouse at dusk")).to_have_count(0)
    screenshot(ben_phone, "waiting")

    ben_phone.get_by_label("Your answer").fill("The orchard in spring.")
    ben_phone.get_by_role("button", name="Share my answer").click()
    expect(ben_phone.get_by_text("The lighthouse at dusk, with you.")).to_be_visible()

    ana_phone.reload()
    expect(ana_phone.get_by_text("The orchard in spring.")).to_be_visible()
    ana_phone.get_by_role("button", name="Love this").click()
    expect(ana_phone.get_by_role("button", name="Love this")).to_have_attribute(
        "aria-pressed", "true"
    )
    ana_phone.get_by_role("button", name="Tell me more").click()
    expect(ana_phone.get_by_text("would love to hear more")).to_be_visible()
    screenshot(ana_phone, "revealed")

    ben_phone.reload()
    expect(ben_phone.get_by_text("Ana reacted ❤️")).to_be_visible()
