"""On two phones of the same person: the second signs the first out from "Where you're
signed in", and the first is back at the sign-in page."""

import re

import pytest
from playwright.sync_api import expect

from hearth.conftest_helpers import browser_log_in
from hearth.tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_signing_out_another_phone(new_phone, screenshot):
    olive = UserFactory.create(email="olive@example.com", display_name="Olive")
    old_phone, new = new_phone(), new_phone()
    browser_log_in(old_phone, olive.email, PASSWORD)
    browser_log_in(new, olive.email, PASSWORD)

    new.goto("/settings/")
    new.get_by_role("link", name="Where you're signed in").click()
    expect(new.get_by_text("this device")).to_be_visible()
    sign_out_other = new.get_by_role("button", name=re.compile(r"^Sign out (?!everywhere)"))
    expect(sign_out_other).to_have_count(1)
    screenshot(new, "sessions")
    sign_out_other.click()
    expect(new.get_by_text("Signed out:")).to_be_visible()
    expect(new.get_by_text("You're signed in only here.")).to_be_visible()

    old_phone.goto("/settings/")
    expect(old_phone).to_have_url(re.compile(r"/accounts/login/"))
