"""One partner proposes a date on their phone, the other accepts on theirs, and the date is
in both partners' calendar feeds."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from hearth.conftest_helpers import browser_log_in
from hearth.core.registry import content_libraries
from hearth.tests.factories import PASSWORD, UserFactory, make_couple

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def calendar_events(page) -> list[str]:
    """Make my calendar address on the calendar page, then fetch it as a calendar app would."""
    page.goto("/together/calendar/")
    page.get_by_role("button", name="Make my calendar address").click()
    address = page.get_by_role("textbox", name="Calendar address").input_value()
    response = page.request.get(urlsplit(address).path)
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    return [str(event["summary"]) for event in Calendar.from_ical(response.body()).walk("VEVENT")]


def test_a_date_proposed_on_one_phone_and_accepted_on_the_other(new_phone, screenshot):
    content_libraries()["date_ideas"].load()
    ana = UserFactory.create(email="ana@example.com", display_name="Ana", time_zone="Europe/Paris")
    ben = UserFactory.create(email="ben@example.com", display_name="Ben", time_zone="Europe/Paris")
    make_couple(ana, ben)
    ana_phone, ben_phone = new_phone(), new_phone()
    browser_log_in(ana_phone, ana.email, PASSWORD)
    browser_log_in(ben_phone, ben.email, PASSWORD)

    ana_phone.goto("/together/ideas/?setting=home&cost=free")
    ana_phone.get_by_role("button", name="Surprise us").first.click()
    surprise = ana_phone.locator(".idea.highlight")
    title = surprise.get_by_role("heading").inner_text()
    screenshot(ana_phone, "surprise")
    surprise.get_by_role("link", name="Suggest this date").click()
    day = timezone.localdate() + timedelta(days=4)
    ana_phone.get_by_label("When").fill(f"{day:%Y-%m-%d}T19:30")
    ana_phone.get_by_role("button", name="Suggest it to Ben").click()
    expect(ana_phone.get_by_text("Waiting for Ben")).to_be_visible()

    ben_phone.goto("/")
    expect(ben_phone.get_by_text(f"Ana suggests: {title}")).to_be_visible()
    ben_phone.get_by_text(f"Ana suggests: {title}").click()
    expect(ben_phone.get_by_role("heading", name="Ana asks: shall we?")).to_be_visible()
    screenshot(ben_phone, "asked")
    ben_phone.get_by_role("button", name="Yes, it's a date").click()
    expect(ben_phone.get_by_text("It's a date!")).to_be_visible()
    expect(ben_phone.get_by_text("19:30")).to_be_visible()

    ana_phone.goto("/together/")
    expect(ana_phone.get_by_role("heading", name="Coming up")).to_be_visible()
    expect(ana_phone.get_by_text(title).first).to_be_visible()
    screenshot(ana_phone, "together")

    assert title in calendar_events(ana_phone)
    assert title in calendar_events(ben_phone)
    screenshot(ben_phone, "calendar")
