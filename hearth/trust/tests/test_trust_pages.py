"""Trust's pages, as the two partners use them."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hearth.conftest_helpers import login_client
from hearth.tests.factories import couple_of
from hearth.trust.models import (
    Apology,
    Promise,
    Round,
    Share,
    ValidatingResponse,
    VulnerabilityPrompt,
)
from hearth.trust.promises import promise_make
from hearth.trust.sharing import response_add, round_start, share_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def prompts(db):
    made = []
    for set_name in ("first", "deeper", "deepest", "pool"):
        for n, topic in enumerate(["fears", "insecurities", "hopes", "formative"]):
            made.append(
                VulnerabilityPrompt.objects.create(
                    key=f"{set_name}-{n}",
                    set=set_name,
                    topic=topic,
                    text=f"A {set_name} question about {topic}: what comes to mind?",
                )
            )
    ValidatingResponse.objects.create(
        key="v-1", kind="care", text="Thank you for trusting me with…"
    )
    return made


def test_a_promise_is_kept_and_the_partner_confirms_it(owner, partner):
    me, them = login_client(owner), login_client(partner)
    me.post("/trust/promises/", {"text": "Book the weekend away 🏕️", "due_on": ""})
    promise = Promise.objects.get()
    me.post(f"/trust/promises/{promise.pk}/kept/")
    page = them.get(f"/trust/promises/{promise.pk}/").content.decode()
    assert "Confirm it was kept" in page
    them.post(f"/trust/promises/{promise.pk}/confirm/")
    promise.refresh_from_db()
    assert promise.status == "kept" and promise.confirmed_at is not None


def test_renegotiating_before_the_day_keeps_faith_and_links_the_new_terms(owner, partner):
    couple = couple_of(owner)
    promise = promise_make(
        user=owner, couple=couple, text="Fix the bike", due_on=couple.local_today() + timedelta(2)
    )
    later = couple.local_today() + timedelta(days=9)
    # Only the one who made it can change it.
    login_client(partner).post(
        f"/trust/promises/{promise.pk}/renegotiate/", {"text": "Sell the bike", "due_on": later}
    )
    assert Promise.objects.count() == 1
    response = login_client(owner).post(
        f"/trust/promises/{promise.pk}/renegotiate/", {"text": "Fix the bike", "due_on": later}
    )
    new = Promise.objects.get(replaces=promise)
    assert response.headers["Location"] == f"/trust/promises/{new.pk}/"
    promise.refresh_from_db()
    assert promise.status == "renegotiated" and new.due_on == later
    assert (
        "What it was before"
        in login_client(partner).get(f"/trust/promises/{new.pk}/").content.decode()
    )


def test_reliability_is_shown_to_each_person_about_themselves_only(owner, partner):
    couple = couple_of(owner)
    today = couple.local_today()
    kept = promise_make(user=owner, couple=couple, text="Call the landlord", due_on=today)
    Promise.objects.filter(pk=kept.pk).update(status="kept", kept_on=today)
    missed = promise_make(user=partner, couple=couple, text="Water the plants", due_on=today)
    Promise.objects.filter(pk=missed.pk).update(due_on=today - timedelta(days=3))
    mine = login_client(owner).get("/trust/promises/").context["reliability"]
    theirs = login_client(partner).get("/trust/promises/").context["reliability"]
    assert mine != theirs
    # Neither page says anything about the other person's record.
    assert theirs not in login_client(owner).get("/trust/promises/").content.decode()
    assert mine not in login_client(partner).get("/trust/").content.decode()
    assert "Its day passed" in login_client(owner).get("/trust/promises/").content.decode()


def test_a_full_reciprocal_round_through_the_pages(owner, partner, prompts):
    me, them = login_client(owner), login_client(partner)
    first = VulnerabilityPrompt.objects.get(key="first-0")
    response = me.post("/trust/share/start/", {"prompt": first.pk})
    round_ = Round.objects.get()
    assert response.headers["Location"] == f"/trust/rounds/{round_.pk}/"
    assert them.post(f"/trust/rounds/{round_.pk}/share/", {"text": "Me first"}).status_code == 400
    me.post(f"/trust/rounds/{round_.pk}/share/", {"text": "I fear being a burden."})
    page = them.get(f"/trust/rounds/{round_.pk}/").content.decode()
    assert "I fear being a burden." in page and "Thank you for trusting me with" in page
    assert 'class="coach-feedback"' in page  # the coach checks the response
    starter = ValidatingResponse.objects.get()
    them.post(
        f"/trust/rounds/{round_.pk}/respond/",
        {"text": "Thank you for trusting me with that. You never are.", "starter": starter.pk},
    )
    them.post(f"/trust/rounds/{round_.pk}/share/", {"text": "I worry I'm too quiet."})
    me.post(f"/trust/rounds/{round_.pk}/respond/", {"text": "I love your quiet."})
    round_.refresh_from_db()
    assert round_.completed_at is not None
    done = me.get(f"/trust/rounds/{round_.pk}/").content.decode()
    assert "You both shared, and both listened" in done


def test_a_withdrawn_share_is_gone_for_the_partner_and_the_round_closes(owner, partner, prompts):
    couple = couple_of(owner)
    round_ = round_start(user=owner, couple=couple, prompt=prompts[0])
    share = share_add(user=owner, round_=round_, text="Something tender about my father")
    response_add(user=partner, round_=round_, text="I am here with you.")
    login_client(partner).post(f"/trust/shares/{share.pk}/withdraw/")  # not theirs
    assert Share.objects.get(pk=share.pk).withdrawn_at is None
    login_client(owner).post(f"/trust/shares/{share.pk}/withdraw/")
    page = login_client(partner).get(f"/trust/rounds/{round_.pk}/").content.decode()
    assert "my father" not in page and "I am here with you." not in page
    round_.refresh_from_db()
    assert round_.closed_at is not None and Share.objects.get(pk=share.pk).text == ""


def test_deeper_sets_open_only_after_gentle_rounds(owner, partner, prompts):
    deeper = VulnerabilityPrompt.objects.get(key="deeper-0")
    login_client(owner).post("/trust/share/start/", {"prompt": deeper.pk})
    assert not Round.objects.exists()
    page = login_client(owner).get("/trust/share/").content.decode()
    assert "Opens after a few rounds of the gentler set" in page


def test_passing_closes_the_round_without_a_reason(owner, partner, prompts):
    round_ = round_start(user=owner, couple=couple_of(owner), prompt=prompts[0])
    login_client(partner).post(f"/trust/rounds/{round_.pk}/pass/")
    round_.refresh_from_db()
    assert round_.closed_at is not None and round_.completed_at is None


def test_an_apology_becomes_a_promise_and_the_partner_answers(owner, partner):
    me, them = login_client(owner), login_client(partner)
    me.post(
        "/trust/repair/",
        {
            "what_happened": "I made a joke about your job in front of my friends.",
            "effect": "It may have felt like I didn't take you seriously.",
            "do_differently": "Check with you before teasing in company",
            "as_promise": "on",
        },
    )
    apology = Apology.objects.get()
    assert apology.promise is not None and apology.promise.author == owner
    assert (
        me.post(f"/trust/apologies/{apology.pk}/answer/", {"answer": "accept"}).status_code == 400
    )
    them.post(f"/trust/apologies/{apology.pk}/answer/", {"answer": "need_time"})
    them.post(f"/trust/apologies/{apology.pk}/answer/", {"answer": "talk", "note": "Tonight?"})
    apology.refresh_from_db()
    assert (apology.answer, apology.answer_note) == ("talk", "Tonight?")
    assert (
        them.post(f"/trust/apologies/{apology.pk}/answer/", {"answer": "bogus"}).status_code == 400
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "This field is required"), ("Ring\x07", "control character"), ("x" * 301, "at most 300")],
)
def test_bad_promises_are_refused(owner, partner, text, message):
    response = login_client(owner).post("/trust/promises/", {"text": text})
    assert response.status_code == 400 and message in response.content.decode()
    assert not Promise.objects.exists()


def test_trust_pages_do_not_grow_with_history(owner, partner, prompts):
    couple = couple_of(owner)

    def add(count):
        for n in range(count):
            promise_make(user=owner, couple=couple, text=f"Promise {n}")
            promise_make(user=partner, couple=couple, text=f"Theirs {n}")

    def counts(client):
        found = {}
        for page in ("/trust/", "/trust/promises/", "/trust/share/", "/trust/repair/"):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(page).status_code == 200
            found[page] = len(captured)
        return found

    client = login_client(owner)
    add(2)
    small = counts(client)
    add(40)
    assert counts(client) == small
