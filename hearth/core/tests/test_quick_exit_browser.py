"""PRODUCT D3 in a real browser: Shift three times leaves for a neutral site, Back does not
bring the page back, and typing capital letters never leaves by accident."""

import pytest
from playwright.sync_api import expect

from hearth.appreciate.services import journal_write
from hearth.conftest_helpers import browser_log_in
from hearth.tests.factories import PASSWORD, UserFactory, couple_of, make_couple

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEUTRAL = "https://weather.example/"
ENTRY = "Grateful for the quiet hour before anyone woke"


@pytest.fixture
def phone(new_phone, settings):
    """A signed-in phone on the journal, with the neutral site answering offline."""
    settings.QUICK_EXIT_URL = NEUTRAL
    ana = UserFactory.create(email="ana@example.com", display_name="Ana")
    make_couple(ana, UserFactory.create(email="ben@example.com", display_name="Ben"))
    journal_write(user=ana, couple=couple_of(ana), text=ENTRY)
    page = new_phone()
    page.route(f"{NEUTRAL}**", lambda route: route.fulfill(body="Sunny later."))
    browser_log_in(page, ana.email, PASSWORD)
    page.goto("/help/safety/")
    page.goto("/appreciate/journal/")
    expect(page.get_by_text(ENTRY)).to_be_visible()
    return page


def test_shift_three_times_leaves_and_back_does_not_return(phone, screenshot):
    for _ in range(3):
        phone.keyboard.press("Shift")
    phone.wait_for_url(NEUTRAL)
    expect(phone.get_by_text("Sunny later.")).to_be_visible()
    phone.go_back()
    phone.wait_for_load_state()
    # The page before the journal, not the journal: it was replaced in the history.
    assert phone.url.endswith("/help/safety/")
    expect(phone.get_by_text(ENTRY)).to_have_count(0)
    screenshot(phone, "after-back")


def test_typing_capital_letters_does_not_leave(phone):
    box = phone.get_by_label("Today I'm grateful for")
    box.click()
    for word in ("I", "Am", "Glad", "Of", "You"):
        phone.keyboard.down("Shift")
        phone.keyboard.press(f"Key{word[0]}")
        phone.keyboard.up("Shift")
        phone.keyboard.type(word[1:] + " ")
    expect(box).to_have_value("I Am Glad Of You ")
    assert phone.url.endswith("/appreciate/journal/")
    # Three presses of Shift alone, with nothing between them, still leave.
    for _ in range(3):
        phone.keyboard.press("Shift")
    phone.wait_for_url(NEUTRAL)
