"""Every flow works with the keyboard alone (issue 11): Tab to move, Enter and Space to act,
arrow keys inside a group of choices, typing into what has focus. No mouse, no taps, no
filling fields from outside the page: if a person with only a keyboard could not get
somewhere, neither can this test. Focus stays visible on the way."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from hearth.core.registry import content_libraries
from hearth.support.models import CheckIn
from hearth.tests.factories import PASSWORD, UserFactory, make_couple
from hearth.together.models import DatePlan
from hearth.trust.models import Promise

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEUTRAL = "https://weather.example/"
# More than any page here has stops in it: a page that takes more is a problem in itself.
MOST_TABS = 60

DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "nothing (the page itself)";
  const label = el.labels && el.labels.length ? el.labels[0].innerText : "";
  const text = (label || el.getAttribute("aria-label") || el.innerText || el.value || "");
  return `<${el.tagName.toLowerCase()}> "${text.trim().replace(/\\s+/g, " ").slice(0, 60)}"`;
}"""


def has_focus(target: Locator) -> bool:
    return target.evaluate("el => el === document.activeElement")


def focus_description(page: Page) -> str:
    return page.evaluate(DESCRIBE_FOCUS)


def tab_to(page: Page, target: Locator, *, back: bool = False, limit: int = MOST_TABS) -> None:
    """Press Tab (Shift+Tab with `back`) until `target` has focus, as a keyboard user would;
    fail if it never does. Every stop on the way can be seen: not hidden under the header."""
    expect(target).to_have_count(1)
    key = "Shift+Tab" if back else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        assert_in_sight(page)
        if has_focus(target):
            return
    raise AssertionError(
        f"{limit} presses of {key} never reached {target}; focus ended on {focus_description(page)}"
    )


def assert_in_sight(page: Page) -> None:
    """What has focus is on screen, and not covered by anything (the sticky header, say)."""
    covered = page.evaluate(
        """() => {
          const el = document.activeElement;
          if (!el || el === document.body) return "";
          const box = el.getBoundingClientRect();
          const x = box.left + box.width / 2, y = box.top + box.height / 2;
          if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) return "off screen";
          const seen = document.elementFromPoint(x, y);
          if (seen && (el.contains(seen) || seen.contains(el))) return "";
          return "under " + (seen ? seen.outerHTML.slice(0, 80) : "nothing");
        }"""
    )
    assert not covered, f"{focus_description(page)} has focus but is {covered}"


def arrow_to(page: Page, choice: Locator, *, key: str = "ArrowDown", limit: int = 20) -> None:
    """Inside a group of radio buttons that has focus, press an arrow key until `choice`
    is the one chosen."""
    for _ in range(limit):
        if has_focus(choice) and choice.is_checked():
            return
        page.keyboard.press(key)
    raise AssertionError(
        f"{limit} presses of {key} never chose {choice}; focus ended on {focus_description(page)}"
    )


def assert_focus_is_visible(target: Locator) -> None:
    """The control with focus shows it: the :focus-visible outline, thick enough to see."""
    assert has_focus(target), f"{target} does not have focus"
    ring = target.evaluate(
        """el => {
          const style = getComputedStyle(el);
          return {
            visible: el.matches(":focus-visible"),
            style: style.outlineStyle,
            width: parseFloat(style.outlineWidth),
          };
        }"""
    )
    assert ring["visible"], f"{target} has focus but not :focus-visible"
    assert ring["style"] not in ("none", "hidden") and ring["width"] >= 2, (target, ring)


def type_date(page: Page, day) -> None:
    """Type a date into a date field that has focus, in the order the browser shows it."""
    for part in date_order(page):
        page.keyboard.type({"y": f"{day:%Y}", "m": f"{day:%m}", "d": f"{day:%d}"}[part])


def type_date_and_time(page: Page, day, hour: int, minute: int) -> None:
    """Type a date and time into a date-and-time field that has focus: the date, Tab to the
    time within the field, then the time (with AM or PM where the browser shows them)."""
    type_date(page, day)
    page.keyboard.press("Tab")
    twelve_hours = page.evaluate(
        "() => new Intl.DateTimeFormat(navigator.language, {hour: 'numeric'})"
        ".resolvedOptions().hour12"
    )
    if twelve_hours:
        page.keyboard.type(f"{(hour - 1) % 12 + 1:02d}{minute:02d}{'PM' if hour >= 12 else 'AM'}")
    else:
        page.keyboard.type(f"{hour:02d}{minute:02d}")


def date_order(page: Page) -> list[str]:
    """The order of year, month and day in this browser's dates (en-US: month first)."""
    order = page.evaluate(
        """() => new Intl.DateTimeFormat(navigator.language, {
             year: "numeric", month: "2-digit", day: "2-digit"})
           .formatToParts(new Date(2030, 0, 31)).map(p => p.type)"""
    )
    return [{"year": "y", "month": "m", "day": "d"}[p] for p in order if p != "literal"]


@pytest.fixture
def ana(db):
    for library in ("questions", "feelings", "appreciation_prompts", "gesture_ideas", "date_ideas"):
        content_libraries()[library].load()
    ana = UserFactory.create(email="ana@example.com", display_name="Ana")
    make_couple(ana, UserFactory.create(email="ben@example.com", display_name="Ben"))
    return ana


def sign_in_by_keyboard(page: Page, ana) -> None:
    page.goto("/accounts/login/")
    email = page.get_by_label("Email")
    tab_to(page, email)
    assert_focus_is_visible(email)
    page.keyboard.type(ana.email)
    tab_to(page, page.get_by_label("Password"))
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="You & Ben")).to_be_visible()


def test_sign_in_answer_and_thank_with_the_keyboard_alone(new_phone, ana, screenshot):
    page = new_phone()
    sign_in_by_keyboard(page, ana)

    # Today's question, on Today.
    answer = page.get_by_label("Your answer")
    tab_to(page, answer)
    assert_focus_is_visible(answer)
    page.keyboard.type("The lighthouse at dusk, with you.")
    share = page.get_by_role("button", name="Share my answer")
    tab_to(page, share)
    assert_focus_is_visible(share)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your partner's answer will show up")).to_be_visible()
    # The card is replaced in place; focus goes to its question, not back to the page.
    expect(page.locator(".question-card h2")).to_be_focused()
    tab_to(page, page.get_by_role("button", name="Update my answer"), limit=3)
    screenshot(page, "answered")

    # An appreciation note: the kind by Space, the words typed, sent with Enter.
    tab_to(page, page.get_by_role("link", name="Appreciate", exact=True))
    page.keyboard.press("Enter")
    thanks = page.get_by_role("radio", name="Thank you")
    tab_to(page, thanks)
    page.keyboard.press("Space")
    expect(thanks).to_be_checked()
    assert_focus_is_visible(thanks)
    tab_to(page, page.get_by_label("What they did"))
    page.keyboard.type("You drove two hours to bring my forgotten passport.")
    tab_to(page, page.get_by_label("How it made me feel"))
    page.keyboard.type("Rescued, and so loved.")
    tab_to(page, page.get_by_role("button", name="Send to Ben"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Sent.")).to_be_visible()
    screenshot(page, "thanked")


def test_check_in_promise_and_date_with_the_keyboard_alone(new_phone, ana, screenshot):
    page = new_phone()
    sign_in_by_keyboard(page, ana)

    # A shared check-in. The feelings are one group of choices: Tab lands on it, the arrow
    # keys choose; "more…" opens with Enter and its words join the group.
    tab_to(page, page.get_by_role("link", name="Support", exact=True))
    page.keyboard.press("Enter")
    tab_to(page, page.locator("input[name=feeling]").first)
    sad = page.get_by_role("radio", name="Sad", exact=True)
    arrow_to(page, sad)
    assert_focus_is_visible(sad)
    tab_to(page, page.locator("summary", has_text="More words for sad"))
    page.keyboard.press("Enter")
    tab_to(page, sad, back=True)
    lonely = page.get_by_role("radio", name="Lonely", exact=True)
    arrow_to(page, lonely)
    assert_focus_is_visible(lonely)
    tab_to(page, page.locator("input[name=need]").first)
    arrow_to(page, page.get_by_role("radio", name="Comfort"))
    tab_to(page, page.locator("summary", has_text="How strong, and a few words"))
    page.keyboard.press("Enter")
    # Tab into a group lands on its chosen one (3 of 5, to begin with).
    tab_to(page, page.locator("input[name=intensity]:checked"))
    arrow_to(page, page.locator("input[name=intensity][value='4']"), key="ArrowRight")
    tab_to(page, page.get_by_label("A few words (optional)"))
    page.keyboard.type("Long week.")
    screenshot(page, "check-in")
    share = page.get_by_role("button", name="Share with Ben")
    tab_to(page, share)
    assert_focus_is_visible(share)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Shared with Ben.")).to_be_visible()
    check_in = CheckIn.objects.get()
    assert (check_in.feeling.word, check_in.need, check_in.intensity) == ("Lonely", "comfort", 4)
    assert check_in.shared and check_in.note == "Long week."

    # Down to the end of the page and back up with Shift+Tab to the check-in form, then
    # down to reach for Ben: every control on the way shows clear of the sticky header.
    tab_to(page, page.get_by_role("link", name="Check-ins so far"))
    tab_to(page, page.get_by_role("button", name="Keep it private"), back=True)
    hard_day = page.get_by_role("button", name="Hard day")
    tab_to(page, hard_day)
    assert_focus_is_visible(hard_day)
    page.keyboard.press("Space")
    expect(page.get_by_text("Sent.")).to_be_visible()

    # A promise, with a date typed into the date field. On a new page the first Tab is the
    # skip link, which goes straight past the header to the page's own content.
    tab_to(page, page.get_by_role("link", name="Trust", exact=True), back=True)
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("link", name="Make a small one"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/trust/promises/$"))
    skip = page.get_by_role("link", name="Skip to content")
    tab_to(page, skip, limit=1)
    assert_focus_is_visible(skip)
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    tab_to(page, page.get_by_label("I promise to"), limit=3)
    page.keyboard.type("Book the train tickets")
    tab_to(page, page.get_by_label("By (optional)"))
    due = timezone.localdate() + timedelta(days=3)
    type_date(page, due)
    expect(page.get_by_label("By (optional)")).to_have_value(due.isoformat())
    tab_to(page, page.get_by_role("button", name="Promise", exact=True))
    page.keyboard.press("Space")
    expect(page.get_by_text("You: Book the train tickets")).to_be_visible()
    assert Promise.objects.get().due_on == due

    # A date: from Together, to "suggest your own", the form typed and chosen by keyboard.
    tab_to(page, page.get_by_role("link", name="Together", exact=True))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("link", name="suggest your own"))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_label("What shall we do?"))
    page.keyboard.type("Picnic by the river")
    when = page.get_by_label("When")
    tab_to(page, when)
    day = timezone.localdate() + timedelta(days=4)
    type_date_and_time(page, day, 19, 30)
    expect(when).to_have_value(f"{day:%Y-%m-%d}T19:30")
    length = page.get_by_label("For how long")
    tab_to(page, length)
    before = length.input_value()
    page.keyboard.press("ArrowDown")
    assert length.input_value() != before
    tab_to(page, page.get_by_label("Details (optional)"))
    page.keyboard.type("Bring the blue blanket.")
    screenshot(page, "date")
    tab_to(page, page.get_by_role("button", name="Suggest it to Ben"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Waiting for Ben")).to_be_visible()
    assert DatePlan.objects.get().title == "Picnic by the river"


def test_quick_exit_by_keyboard(new_phone, ana, settings):
    settings.QUICK_EXIT_URL = NEUTRAL
    page = new_phone()
    page.route(f"{NEUTRAL}**", lambda route: route.fulfill(body="Sunny later."))
    sign_in_by_keyboard(page, ana)
    page.goto("/appreciate/journal/")
    leave = page.get_by_role("link", name="Quick exit")
    tab_to(page, leave, limit=5)
    assert_focus_is_visible(leave)
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL)
    expect(page.get_by_text("Sunny later.")).to_be_visible()
