"""The weekly "State of us" (PRODUCT I4): the page, the e-mail and the API."""

import random
from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.appreciate.models import Style
from hearth.appreciate.services import (
    favourite_add,
    journal_write,
    note_send,
    style_ratings_save,
)
from hearth.conftest_helpers import login_client
from hearth.insights.weekly import (
    ACTIONS_PER_WEEK,
    focus_content,
    pick_actions,
    weekly_email,
    weekly_report,
)
from hearth.support.models import Feeling
from hearth.support.services import bid_answer, bid_send, check_in_make
from hearth.talk.services import answer_save, daily_question_for
from hearth.talk.timeouts import debrief_write
from hearth.tests.factories import couple_of, make_questions
from hearth.together.models import PresentSession
from hearth.together.services import (
    date_accept,
    date_propose,
    present_end,
    present_start,
    ritual_create,
)
from hearth.trust.promises import promise_keep, promise_make

pytestmark = pytest.mark.django_db

PILLARS = ("talk", "together", "appreciate", "trust", "support")
BLAME = ("missed", "didn't", "did not", "failed", "only ", "never", "should have")
# Actions speak to the reader about what to do, never about what the partner failed to do.
HARSH = ("you missed", "you never", "you always", "you failed", "you should", "why don't you")


def texts_of(pillar: str, partner_name: str, style: str | None = None) -> set[str]:
    return {
        item["text"].replace("{partner}", partner_name)
        for item in focus_content()["action"]
        if item["pillar"] == pillar and (style is None or item.get("style") == style)
    }


# Activity for each pillar, made through the services as people make it.


def talk(owner, partner, *, days_ago: int = 1) -> None:
    couple = couple_of(owner)
    question = daily_question_for(couple=couple, day=couple.local_today() - timedelta(days_ago))
    answer_save(user=owner, daily_question=question, text="Mine")
    answer_save(user=partner, daily_question=question, text="Theirs")


def together(owner, partner, *, minutes: int = 90) -> None:
    couple = couple_of(owner)
    session = present_start(user=owner, couple=couple)
    present_start(user=partner, couple=couple)
    PresentSession.objects.filter(pk=session.pk).update(
        joined_at=timezone.now() - timedelta(minutes=minutes)
    )
    present_end(user=owner, session=session)


def appreciate(owner, partner) -> None:
    couple = couple_of(owner)
    note_send(user=owner, couple=couple, did="You cooked", felt="Cared for")
    note_send(user=partner, couple=couple, did="You called the plumber", felt="Relieved")


def trust(owner, partner) -> None:
    couple = couple_of(owner)
    promise_keep(user=owner, promise=promise_make(user=owner, couple=couple, text="Call mum"))
    promise_keep(user=partner, promise=promise_make(user=partner, couple=couple, text="Fix it"))


def support(owner, partner) -> None:
    couple = couple_of(owner)
    bid_answer(user=owner, bid=bid_send(user=partner, couple=couple, kind="hug"), answer="now")
    bid_answer(user=partner, bid=bid_send(user=owner, couple=couple, kind="hug"), answer="now")


ACTIVITY = {
    "talk": talk,
    "together": together,
    "appreciate": appreciate,
    "trust": trust,
    "support": support,
}


def all_but(pillar: str, owner, partner) -> None:
    make_questions(20)
    for name, make in ACTIVITY.items():
        if name != pillar:
            make(owner, partner)


# What the week was.


def test_it_sums_up_the_week_in_warm_words(owner, partner):
    make_questions(20)
    talk(owner, partner)
    appreciate(owner, partner)
    support(owner, partner)
    report = weekly_report(couple=couple_of(owner), user=owner)
    assert "You both answered 1 daily question" in report.highlights
    assert "2 thank-you notes between you" in report.highlights
    assert "You turned toward each other twice when one of you reached out" in report.highlights
    for line in report.highlights + report.went_well:
        assert not any(word in line.lower() for word in BLAME), line


def test_it_is_kind_about_a_quiet_week(owner, partner):
    report = weekly_report(couple=couple_of(owner), user=owner)
    assert report.highlights == () and report.went_well == ()
    body = login_client(owner).get("/insights/week/").content.decode()
    assert "A quiet week, and that's all right." in body
    assert len(report.focus.actions) in (2, 3)


def test_it_names_what_went_well_beside_the_last_four_weeks(owner, partner):
    make_questions(20)
    appreciate(owner, partner)
    together(owner, partner)
    went_well = weekly_report(couple=couple_of(owner), user=owner).went_well
    # Everything happened this week, so the week runs ahead of the four weeks' pace.
    assert "Specific thank-yous between you: more than in your usual week" in went_well
    assert "Time together with the phones away: more than in your usual week" in went_well
    assert went_well[0].endswith("shone this week, more than over your last four weeks")


# One focus for the week ahead.


def test_it_focuses_on_the_pillar_with_the_most_room_to_grow(owner, partner):
    all_but("trust", owner, partner)
    focus = weekly_report(couple=couple_of(owner), user=owner).focus
    assert focus.pillar == "trust" and focus.name == "Trust"
    assert 2 <= len(focus.actions) <= 3
    assert set(focus.actions) <= texts_of("trust", "Parker")


def test_it_draws_appreciation_from_what_the_partner_rated_highest(owner, partner):
    all_but("appreciate", owner, partner)
    style_ratings_save(
        user=partner, ratings={"touch": 2, "service": 3, "gifts": 1, "time": 2, "words": 7}
    )
    focus = weekly_report(couple=couple_of(owner), user=owner).focus
    assert focus.pillar == "appreciate"
    assert focus.styles == ("Words",)
    assert len(focus.actions) == ACTIONS_PER_WEEK
    assert set(focus.actions) <= texts_of("appreciate", "Parker", style="words")
    page = login_client(owner).get("/insights/week/").content.decode()
    assert "These follow what Parker said means most to them: Words." in page


def test_it_suggests_one_of_the_partners_own_favourites_in_a_style_they_love(owner, partner):
    all_but("appreciate", owner, partner)
    style_ratings_save(
        user=partner, ratings={"touch": 7, "service": 3, "gifts": 1, "time": 2, "words": 2}
    )
    favourite_add(user=partner, style="touch", text="A forehead kiss in the morning")
    favourite_add(user=partner, style="gifts", text="Lemon sweets")
    actions = weekly_report(couple=couple_of(owner), user=owner).focus.actions
    assert actions[-1] == "Something Parker told Hearth they love: “A forehead kiss in the morning”"
    assert set(actions[:-1]) <= texts_of("appreciate", "Parker", style="touch")


def test_without_the_partners_styles_it_mixes_styles_and_invites_them_to_share(owner, partner):
    all_but("support", owner, partner)
    # The owner rated their own styles: that guides Parker's report, not the owner's.
    style_ratings_save(
        user=owner, ratings={"touch": 7, "service": 1, "gifts": 1, "time": 1, "words": 1}
    )
    mine = weekly_report(couple=couple_of(owner), user=owner).focus
    assert mine.pillar == "support" and mine.styles == ()
    assert mine.actions[-1] == (
        "Ask Parker what helps most on a hard day, and invite them to rate their styles in Hearth."
    )
    styles_used = {
        item["style"]
        for item in focus_content()["action"]
        if item["text"].replace("{partner}", "Parker") in mine.actions
    }
    assert len(styles_used) == len(mine.actions) - 1  # each from a different style
    theirs = weekly_report(couple=couple_of(owner), user=partner).focus
    assert theirs.styles == ("Affectionate touch",)
    assert set(theirs.actions) <= texts_of("support", "Olive", style="touch")


def test_it_keeps_the_actions_for_the_week_and_draws_new_ones_the_next(owner, partner):
    couple = couple_of(owner)
    monday = couple.local_today() - timedelta(days=couple.local_today().weekday())
    this_week = [
        weekly_report(couple=couple, user=owner, today=monday + timedelta(days=n)).focus
        for n in range(7)
    ]
    assert len(set(this_week)) == 1
    weeks = {
        weekly_report(couple=couple, user=owner, today=monday + timedelta(weeks=n)).focus.actions
        for n in range(8)
    }
    assert len(weeks) > 1


def test_the_pick_follows_every_top_rated_style_in_turn():
    ratings = {"touch": 6, "service": 6, "gifts": 1, "time": 2, "words": 3}
    for seed in range(20):
        chosen, styles = pick_actions("appreciate", ratings=ratings, rng=random.Random(seed))
        assert styles == ["touch", "service"]
        assert len(chosen) == 3
        assert {item["style"] for item in chosen} == {"touch", "service"}
    # Every style rated alike: no style stands out, so three different ones, none claimed.
    alike = dict.fromkeys(Style.values, 5)
    chosen, styles = pick_actions("support", ratings=alike, rng=random.Random(1))
    assert styles == [] and len({item["style"] for item in chosen}) == 3


def test_the_focus_content_is_specific_and_kind():
    content = focus_content()
    keys = [item["key"] for item in content["action"]]
    assert len(keys) == len(set(keys))
    for pillar in PILLARS:
        actions = [item for item in content["action"] if item["pillar"] == pillar]
        assert len(actions) >= 8, pillar
        assert content["pillar"][pillar]["name"] and content["pillar"][pillar]["lead"]
        for item in actions:
            assert len(item["text"]) <= 160, item["key"]
            assert not any(word in item["text"].lower() for word in HARSH), item["key"]
        if pillar in ("appreciate", "support"):
            assert "{partner}" in content["pillar"][pillar]["invite"]
            for style in Style.values:
                assert sum(item.get("style") == style for item in actions) >= 3, (pillar, style)


# The week ahead.


def test_it_lists_the_dates_rituals_and_promises_of_the_next_seven_days(owner, partner):
    couple = couple_of(owner)
    now = timezone.now()
    soon = date_propose(
        user=owner,
        couple=couple,
        starts_at=now + timedelta(days=2),
        time_zone="UTC",
        title="Picnic",
    )
    date_accept(user=partner, plan=soon)
    later = date_propose(
        user=owner, couple=couple, starts_at=now + timedelta(days=12), time_zone="UTC", title="Zoo"
    )
    date_accept(user=partner, plan=later)
    date_propose(
        user=owner, couple=couple, starts_at=now + timedelta(days=3), time_zone="UTC", title="Maybe"
    )
    ritual_create(
        user=partner,
        couple=couple,
        kind="check_in",
        title="Sunday tea",
        frequency="weekly",
        starts_on=couple.local_today(),
        at=time(23, 59),
        time_zone="UTC",
    )
    today = couple.local_today()
    promise_make(user=partner, couple=couple, text="Book the train", due_on=today)
    promise_make(user=owner, couple=couple, text="Paint the door", due_on=today + timedelta(3))
    promise_make(user=owner, couple=couple, text="Plant bulbs", due_on=today + timedelta(30))
    report = weekly_report(couple=couple, user=owner)
    assert [item.title for item in report.dates] == ["Picnic"]
    assert [item.title for item in report.rituals] == ["Sunday tea"]
    assert report.rituals[0].detail.startswith("Every week on ")
    assert [(item.title, item.detail) for item in report.promises] == [
        ("Book the train", "Parker's"),
        ("Paint the door", "Yours"),
    ]
    page = login_client(owner).get("/insights/week/").content.decode()
    assert f'href="/together/dates/{soon.pk}/"' in page
    assert "Sunday tea" in page and "Book the train" in page and "Plant bulbs" not in page


# The page, the e-mail and the API.


def test_the_page_shows_the_report_and_the_insights_page_links_to_it(owner, partner):
    make_questions(20)
    talk(owner, partner)
    client = login_client(partner)
    page = client.get("/insights/week/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "State of us" in body and "You both answered 1 daily question" in body
    assert "One focus for the week ahead" in body
    assert page.context["report"].focus.name in body
    assert 'href="/insights/week/"' in client.get("/insights/").content.decode()


def test_the_page_sends_someone_without_a_partner_to_pair_first(loner):
    response = login_client(loner).get("/insights/week/")
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_the_email_has_a_subject_text_and_simple_html_with_links_to_the_site(
    owner, partner, settings
):
    settings.SITE_URL = "https://hearth.example.org"
    make_questions(20)
    talk(owner, partner)
    couple = couple_of(owner)
    promise_make(user=partner, couple=couple, text="Water the figs", due_on=couple.local_today())
    subject, text, html = weekly_email(couple=couple, user=owner)
    assert subject.startswith("Hearth · State of us")
    for body in (text, html):
        assert "Olive" in body
        assert "You both answered 1 daily question" in body
        assert "https://hearth.example.org/insights/week/" in body
        assert "https://hearth.example.org/nudges/settings/" in body
        assert "Water the figs" in body
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "<" not in text and "&#x27;" not in text  # plain text, not escaped HTML
    assert "Parker&#x27;s promise" in html or "Parker's promise" in html


def test_the_api_gives_the_same_report(owner, partner, api_for):
    all_but("trust", owner, partner)
    couple = couple_of(owner)
    promise_make(user=owner, couple=couple, text="Sort the photos", due_on=couple.local_today())
    response = api_for(owner).get("/insights/week")
    assert response.status_code == 200
    data = response.json()
    report = weekly_report(couple=couple, user=owner)
    assert data["focus"]["pillar"] == "trust"
    assert data["focus"]["actions"] == list(report.focus.actions)
    assert data["highlights"] == list(report.highlights)
    assert data["promises"] == [
        {
            "id": report.promises[0].pk,
            "text": "Sort the photos",
            "due_on": couple.local_today().isoformat(),
            "mine": True,
        }
    ]


def test_the_api_asks_someone_without_a_partner_to_pair_first(loner, api_for):
    response = api_for(loner).get("/insights/week")
    assert response.status_code == 409 and response.json()["code"] == "not_paired"


# Privacy and cost.

PRIVATE = {
    "journal": "Private journal: the heron on the canal",
    "check_in": "Private check-in: the landlord's letter",
    "unrevealed": "Unrevealed answer: a cabin in the snow",
    "debrief": "Private debrief: the long silence",
}


def test_private_words_never_appear_in_the_page_the_email_or_the_api(owner, partner, api_for):
    make_questions(20)
    couple = couple_of(owner)
    talk(owner, partner)
    journal_write(user=partner, couple=couple, text=PRIVATE["journal"])
    journal_write(user=owner, couple=couple, text=PRIVATE["journal"] + " (mine)")
    feeling = Feeling.objects.create(key="calm", word="Calm", level=1, parent="", tone="pleasant")
    check_in_make(
        user=partner, couple=couple, feeling=feeling, need="space", note=PRIVATE["check_in"]
    )
    answer_save(
        user=partner, daily_question=daily_question_for(couple=couple), text=PRIVATE["unrevealed"]
    )
    debrief_write(user=partner, couple=couple, felt=PRIVATE["debrief"], shared=False)
    for person in (owner, partner):
        bodies = [
            login_client(person).get("/insights/week/").content.decode(),
            api_for(person).get("/insights/week").content.decode(),
            *weekly_email(couple=couple, user=person),
        ]
        for body in bodies:
            for words in PRIVATE.values():
                assert words not in body
    # Nor do counts give them away: the private check-in is not a highlight.
    assert not any(
        "check-in" in line for line in weekly_report(couple=couple, user=owner).highlights
    )


def make_history(owner, partner, days: range) -> None:
    couple = couple_of(owner)
    now = timezone.now()
    for n in days:
        talk(owner, partner, days_ago=n + 1)
        appreciate(owner, partner)
        trust(owner, partner)
        support(owner, partner)
        plan = date_propose(
            user=owner,
            couple=couple,
            starts_at=now + timedelta(days=1, minutes=n),
            time_zone="UTC",
            title=f"Date {n}",
        )
        date_accept(user=partner, plan=plan)
        ritual_create(
            user=owner,
            couple=couple,
            kind="daily",
            title=f"Ritual {n}",
            frequency="daily",
            starts_on=couple.local_today(),
            at=time(23, 59),
            time_zone="UTC",
        )
        promise_make(user=owner, couple=couple, text=f"Promise {n}", due_on=couple.local_today())
        if n < 20:  # a person keeps at most 30
            favourite_add(user=partner, style=Style.values[n % 5], text=f"Favourite {n}")


def test_it_takes_the_same_queries_with_little_or_much_history(
    owner, partner, django_assert_num_queries
):
    make_questions(80)
    couple = couple_of(owner)
    make_history(owner, partner, range(1))
    with CaptureQueriesContext(connection) as few:
        weekly_report(couple=couple, user=owner)
    make_history(owner, partner, range(1, 40))
    with django_assert_num_queries(len(few)):
        report = weekly_report(couple=couple, user=owner)
    assert len(report.dates) == 10 and len(report.promises) == 10
