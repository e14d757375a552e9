"""The pages a couple opens every day take the same few queries after a week or five years.

One couple has a week of every pillar's demo activity, the other five years; on top, both
have everything the Today page can show waiting at once. Each page is asked for twice (the
first fills per-process caches) and the second is counted."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.accounts.models import User
from hearth.appreciate.services import note_send
from hearth.conftest_helpers import login_client, seeded_couple
from hearth.core.registry import content_libraries
from hearth.couples.selectors import membership_and_partner
from hearth.nudges.delivery import notifications_make_due
from hearth.support.models import Feeling
from hearth.support.services import bid_send, check_in_make
from hearth.talk.services import answer_save, daily_question_for, reaction_set, reply_add
from hearth.talk.timeouts import timeout_start
from hearth.together.services import date_propose, present_start
from hearth.trust.models import VulnerabilityPrompt
from hearth.trust.promises import promise_make
from hearth.trust.repair import apology_make
from hearth.trust.sharing import open_round, round_start, share_add

DAILY_PAGES = [
    "/",
    "/talk/",
    "/talk/archive/",
    "/together/",
    "/together/memories/",
    "/appreciate/",
    "/trust/",
    "/support/",
    "/insights/",
    "/nudges/",
]
TODAY_AT_MOST = 12


def everything_waiting(me) -> None:
    """Everything the Today page can show for `me`, at once."""
    membership, partner = membership_and_partner(me)
    assert membership is not None and isinstance(partner, User)
    couple = membership.couple
    question = daily_question_for(couple=couple)
    for person in (me, partner):
        if not question.answers.filter(author=person).exists():
            answer_save(user=person, daily_question=question, text="Our walk by the sea.")
    question.refresh_from_db()
    answer = question.answers.get(author=partner)
    reaction_set(user=me, answer=answer, kind="heart")
    reply_add(user=me, answer=answer, text="Let's go again soon.")
    timeout_start(user=partner, couple=couple)
    present_start(user=partner, couple=couple)
    check_in_make(
        user=partner,
        couple=couple,
        feeling=Feeling.objects.earliest("pk"),
        need="listen",
        shared=True,
    )
    bid_send(user=partner, couple=couple, kind="hug")
    note_send(
        user=partner, couple=couple, did="You made soup.", felt="Looked after, on a long day."
    )
    apology_make(
        user=partner, couple=couple, what_happened="I snapped.", do_differently="Pause first."
    )
    promise_make(user=me, couple=couple, text="Call your sister", due_on=couple.local_today())
    round_ = open_round(couple) or round_start(
        user=partner, couple=couple, prompt=VulnerabilityPrompt.objects.earliest("pk")
    )
    if round_.started_by_id == partner.pk and not round_.shares.exists():
        share_add(user=partner, round_=round_, text="I worry I'm not enough.")
    date_propose(
        user=partner,
        couple=couple,
        starts_at=timezone.now() + timedelta(days=2),
        time_zone="UTC",
        title="Picnic",
    )
    notifications_make_due(now=timezone.now())


def queries_per_page(person) -> dict[str, list[str]]:
    client = login_client(person)
    found = {}
    for path in DAILY_PAGES:
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            page = client.get(path)
        assert page.status_code == 200, path
        found[path] = [query["sql"] for query in captured.captured_queries]
    return found


def test_daily_pages_take_the_same_few_queries_at_one_week_and_five_years(db):
    for library in content_libraries().values():
        library.load()
    pages = []
    for weeks in (1, 5 * 52):
        person = seeded_couple(weeks)
        everything_waiting(person)
        pages.append(queries_per_page(person))
    week_pages, year_pages = pages
    grew = {path: (len(week_pages[path]), len(year_pages[path])) for path in DAILY_PAGES}
    assert all(a == b for a, b in grew.values()), grew
    assert len(year_pages["/"]) <= TODAY_AT_MOST, "\n".join(year_pages["/"])


def test_today_shows_everything_waiting_for_the_person(db):
    for library in content_libraries().values():
        library.load()
    person = seeded_couple(1)
    everything_waiting(person)
    page = login_client(person).get("/").content.decode()
    for shown in (
        "A break is on",
        "put their phone away",
        "suggests: Picnic",
        "You made soup.",
        "is reaching for you",
        "wrote you an apology",
        "Call your sister",
        "Let&#x27;s go again soon.",
    ):
        assert shown in page, shown
