"""From sign-up to the first weekly report, for two partners, each on their own phone
(issue 11): both sign up, pair with the six-digit code, answer the first daily question
and see each other's answers, one thanks the other, and on Sunday evening the State of us
arrives by e-mail and opens in Hearth. A screenshot of every step is kept in
var/test-artifacts/."""

import re
from datetime import datetime, time, timedelta
from email.header import decode_header, make_header
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from hearth.accounts.models import User
from hearth.core.models import Event
from hearth.core.registry import content_libraries
from hearth.nudges.delivery import notification_email_send, nudges_enqueue_due
from hearth.nudges.models import Notification

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANA_SAYS = "The lighthouse at dusk, the first week we met."
BEN_SAYS = "The orchard in spring, when you laughed at the goat."
THANKS = "You made soup when I came home soaked and grumpy."


# Counts what a person does on a page (taps on links and buttons, fields filled), kept in
# the tab's sessionStorage across pages: onboarding must stay short.
COUNT_ACTIONS = """
for (const kind of ["click", "change"]) {
  document.addEventListener(kind, (event) => {
    const target = event.target.closest(kind === "click" ? "a, button" : "input, textarea, select");
    if (!target) return;
    sessionStorage.actions = String(Number(sessionStorage.actions || 0) + 1);
  }, true);
}
"""
# From opening Hearth to seeing each other's first answers: under two minutes at a relaxed
# ten seconds per tap or field (docs/guide/README.md).
FIRST_MOMENT_ACTIONS = 12


def actions_so_far(phone: Page) -> int:
    return int(phone.evaluate("Number(sessionStorage.actions || 0)"))


def sign_up(phone: Page, *, name: str, email: str) -> None:
    phone.goto("/")
    phone.get_by_role("link", name="Create your account").click()
    expect(phone.get_by_role("heading", name="Sign Up")).to_be_visible()
    phone.get_by_label("Email").fill(email)
    phone.get_by_label("Your name").fill(name)
    phone.get_by_label("Password").fill("a-long-Password-42")
    phone.get_by_role("button", name="Sign Up").click()
    expect(phone.get_by_text(f"Welcome, {name}")).to_be_visible()
    expect(phone.get_by_role("heading", name="Bring your partner in")).to_be_visible()


def sunday_evening(zone_name: str) -> datetime:
    """The coming Sunday at 19:00 in the person's own time zone (today, if it is Sunday)."""
    zone = User(time_zone=zone_name).zone
    today = timezone.now().astimezone(zone).date()
    sunday = today + timedelta(days=(7 - today.isoweekday()) % 7)
    return datetime.combine(sunday, time(19, 0), tzinfo=zone)


def texts_of(message) -> tuple[str, str]:
    """(subject, plain text) of an e-mail as the SMTP server received it."""
    subject = str(make_header(decode_header(message["Subject"])))
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            return subject, part.get_payload(decode=True).decode()
    raise AssertionError(f"No plain text in {subject!r}")


def test_two_partners_from_sign_up_to_their_first_weekly_report(new_phone, screenshot, smtp_server):
    content_libraries()["questions"].load()
    content_libraries()["appreciation_prompts"].load()

    # Ana signs up and makes an invite; the code is what she reads out to Ben.
    ana = new_phone()
    ana.add_init_script(COUNT_ACTIONS)
    sign_up(ana, name="Ana", email="ana@example.com")
    screenshot(ana, "01-ana-signed-up")
    ana.get_by_role("button", name="Create an invite").click()
    code = ana.locator(".invite-code").inner_text()
    assert re.fullmatch(r"\d{6}", code), code
    expect(ana.get_by_text("It works once")).to_be_visible()
    screenshot(ana, "02-ana-invite-code")

    # Ben signs up on his own phone and types the code.
    ben = new_phone()
    ben.add_init_script(COUNT_ACTIONS)
    sign_up(ben, name="Ben", email="ben@example.com")
    ben.get_by_label("Invite code").fill(code)
    screenshot(ben, "03-ben-enters-code")
    ben.get_by_role("button", name="Join my partner").click()
    expect(ben.get_by_text("You're paired. Welcome home, you two.")).to_be_visible()
    expect(ben.get_by_role("heading", name="You & Ana")).to_be_visible()
    screenshot(ben, "04-ben-paired")
    ana.goto("/")
    expect(ana.get_by_role("heading", name="You & Ben")).to_be_visible()

    # The first daily question: the same one on both phones, and neither sees the other's
    # answer until both have answered.
    question = ana.locator(".question-card .question").inner_text()
    expect(ben.locator(".question-card .question")).to_have_text(question)
    ana.get_by_label("Your answer").fill(ANA_SAYS)
    ana.get_by_role("button", name="Share my answer").click()
    expect(ana.get_by_text("Your partner's answer will show up")).to_be_visible()
    screenshot(ana, "05-ana-answered-waiting")
    ben.reload()
    expect(ben.get_by_text("Ana has answered.")).to_be_visible()
    expect(ben.get_by_text(ANA_SAYS)).to_have_count(0)
    ben.get_by_label("Your answer").fill(BEN_SAYS)
    ben.get_by_role("button", name="Share my answer").click()
    expect(ben.get_by_text(ANA_SAYS)).to_be_visible()
    expect(ben.get_by_text(BEN_SAYS)).to_be_visible()
    screenshot(ben, "06-ben-sees-both-answers")
    ana.reload()
    expect(ana.get_by_text(BEN_SAYS)).to_be_visible()
    expect(ana.get_by_text(ANA_SAYS)).to_be_visible()
    screenshot(ana, "07-ana-sees-both-answers")
    # Their first shared moment, in a handful of taps and fields each.
    assert 0 < actions_so_far(ana) <= FIRST_MOMENT_ACTIONS, actions_so_far(ana)
    assert 0 < actions_so_far(ben) <= FIRST_MOMENT_ACTIONS, actions_so_far(ben)

    # Ana thanks Ben for something specific; Ben finds it on Today.
    ana.get_by_role("link", name="Appreciate", exact=True).click()
    ana.get_by_label("What they did").fill(THANKS)
    ana.get_by_label("How it made me feel").fill("Looked after, and warm again.")
    screenshot(ana, "08-ana-writes-thanks")
    ana.get_by_role("button", name="Send to Ben").click()
    expect(ana.get_by_text("Sent.")).to_be_visible()
    ben.goto("/")
    expect(ben.get_by_role("heading", name="Ana appreciates you")).to_be_visible()
    expect(ben.get_by_text(THANKS)).to_be_visible()
    screenshot(ben, "09-ben-thanked")

    # Sunday evening where Ana lives: the sender makes the weekly reports, and the e-mail
    # goes out as the worker would send it.
    ana_user = User.objects.get(email="ana@example.com")
    evening = sunday_evening(ana_user.time_zone)
    nudges_enqueue_due(now=evening)
    weekly = Notification.objects.filter(kind=Event.Kind.WEEKLY_REPORT)
    assert sorted(weekly.values_list("recipient__display_name", flat=True)) == ["Ana", "Ben"]
    for notification in weekly:
        assert notification_email_send(notification_id=notification.pk, now=evening) == "sent"
    by_recipient = {message["To"]: texts_of(message) for message in smtp_server.messages}
    assert set(by_recipient) == {"ana@example.com", "ben@example.com"}
    subject, text = by_recipient["ana@example.com"]
    assert subject.startswith("Hearth · State of us, the week to "), subject
    assert "Hello Ana," in text
    assert "You both answered 1 daily question" in text
    assert "1 thank-you note between you" in text
    assert "ONE FOCUS FOR THE WEEK AHEAD" in text
    # Counts, never the words either of them wrote.
    for words in (ANA_SAYS, BEN_SAYS, THANKS, question):
        assert words not in text
    link = re.search(r"See it in Hearth: (\S+)", text).group(1)
    assert urlsplit(link).path == "/insights/week/"

    # Ana follows the link on her phone: the State of us, as the e-mail said.
    ana.goto(urlsplit(link).path)
    expect(ana.get_by_role("heading", name="State of us", exact=True)).to_be_visible()
    highlights = ana.get_by_role("region", name="This week")
    expect(highlights.get_by_text("You both answered 1 daily question")).to_be_visible()
    expect(highlights.get_by_text("1 thank-you note between you")).to_be_visible()
    expect(ana.get_by_text("One focus for the week ahead")).to_be_visible()
    expect(ana.get_by_text(ANA_SAYS)).to_have_count(0)
    screenshot(ana, "10-ana-state-of-us")
