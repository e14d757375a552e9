"""Two partners on two phones: sign up, invite, join through the link, unlink."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_up(page, *, name: str, email: str) -> None:
    page.get_by_label("Email").fill(email)
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Password").fill("a-long-Password-42")
    page.get_by_role("button", name="Sign Up").click()


def test_two_partners_pair_through_the_link_and_unlink(new_phone, screenshot):
    ana = new_phone()
    ana.goto("/")
    ana.get_by_role("link", name="Create your account").click()
    sign_up(ana, name="Ana", email="ana@example.com")
    expect(ana.get_by_role("heading", name="Bring your partner in")).to_be_visible()
    ana.get_by_role("button", name="Create an invite").click()
    link = ana.get_by_label("Invite link").input_value()
    code = ana.locator(".invite-code").inner_text()
    assert re.fullmatch(r"\d{6}", code)
    screenshot(ana, "invite")

    ben = new_phone()
    ben.goto(link)
    expect(ben.get_by_role("heading", name="Ana invited you to Hearth")).to_be_visible()
    ben.get_by_role("link", name="Create my account").click()
    sign_up(ben, name="Ben", email="ben@example.com")
    ben.get_by_role("button", name="Pair with Ana").click()
    expect(ben.get_by_role("heading", name="You & Ana")).to_be_visible()
    screenshot(ben, "paired")

    ana.goto("/")
    expect(ana.get_by_role("heading", name="You & Ben")).to_be_visible()

    ben.get_by_role("link", name="Unlink from Ana").click()
    ben.get_by_role("button", name="Unlink now").click()
    expect(ben.get_by_role("heading", name="Bring your partner in")).to_be_visible()

    ana.reload()
    expect(ana.get_by_role("heading", name="Bring your partner in")).to_be_visible()
    expect(ana.get_by_text("Ben")).to_have_count(0)


def test_a_partner_can_join_with_the_six_digit_code(new_phone):
    ana = new_phone()
    ana.goto("/accounts/signup/")
    sign_up(ana, name="Ana", email="ana@example.com")
    ana.get_by_role("button", name="Create an invite").click()
    code = ana.locator(".invite-code").inner_text()

    ben = new_phone()
    ben.goto("/accounts/signup/")
    sign_up(ben, name="Ben", email="ben@example.com")
    ben.get_by_label("Invite code").fill("000000")
    ben.get_by_role("button", name="Join my partner").click()
    expect(ben.get_by_text("doesn't match any invite")).to_be_visible()
    ben.get_by_label("Invite code").fill(code)
    ben.get_by_role("button", name="Join my partner").click()
    expect(ben.get_by_role("heading", name="You & Ana")).to_be_visible()


def test_quick_exit_leaves_on_shift_pressed_three_times(new_phone, settings):
    settings.QUICK_EXIT_URL = "https://weather.example/"
    page = new_phone()
    page.route("https://weather.example/**", lambda route: route.fulfill(body="Sunny later."))
    page.goto("/accounts/login/")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("https://weather.example/")
    expect(page.get_by_text("Sunny later.")).to_be_visible()


def test_quick_exit_button_replaces_the_page_in_history(new_phone, settings):
    settings.QUICK_EXIT_URL = "https://weather.example/"
    page = new_phone()
    page.route("https://weather.example/**", lambda route: route.fulfill(body="Sunny later."))
    page.goto("/healthz")
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("https://weather.example/")
    page.go_back()
    assert "/accounts/login/" not in page.url
