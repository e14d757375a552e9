"""Deleting my account (PRODUCT D5, GDPR Art. 17): after my password, every row that is mine
goes, my words leave my partner's view, the couple ends for them, they keep their own words
and are told kindly, and every session and token of mine ends."""

import os

import pytest
from allauth.mfa.webauthn.internal.auth import WebAuthn
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import models
from django.test import Client
from django.utils.html import escape

from hearth.accounts.models import User
from hearth.api.models import ApiToken
from hearth.appreciate.models import Note
from hearth.conftest_helpers import login_client
from hearth.couples.models import Couple, Membership
from hearth.couples.selectors import couple_for_user
from hearth.insights.models import DayTally
from hearth.insights.tallies import tallies_rebuild
from hearth.privacy.exporting import export_build
from hearth.privacy.models import Notice
from hearth.privacy.services import DeletionRefused, account_delete
from hearth.privacy.tests import helpers
from hearth.privacy.tests.helpers import (
    everything_for,
    rows_referencing,
    seed_demo_couple,
    user_foreign_keys,
)
from hearth.talk.models import Answer
from hearth.tests.factories import PASSWORD, couple_of
from hearth.tests.passkeys import SoftPasskey

pytestmark = pytest.mark.django_db

DEMO_PASSWORD = "hearth-demo"
# Keys of an export row that hold what the person typed (not library text or choices).
WORD_KEYS = {
    "text",
    "did",
    "felt",
    "mattered",
    "note",
    "reply",
    "answer_note",
    "what_happened",
    "effect",
    "do_differently",
    "title",
    "details",
    "notes",
    "stressed",
    "comforts",
    "unhelpful",
    "signs",
    "needed",
    "my_part",
    "next_time",
}
# Foreign keys to the user no test world can fill: none so far. A model added later with
# one fails test_it_had_a_row_of_mine_in_every_model until the world gives it a row.
NOT_REACHED: set[str] = set()


@pytest.fixture
def demo(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    alex, sam = seed_demo_couple()
    made = everything_for(alex, sam)
    return alex, sam, made


def words_of(user) -> set[str]:
    """What the person typed, as their own export lists it."""
    found = set()
    for section in export_build(user=user)["sections"].values():
        for row in section["rows"]:
            for key, value in row.items():
                if key in WORD_KEYS and isinstance(value, str) and len(value) >= 8:
                    found.add(value)
    return found


def text_columns(model) -> list[str]:
    return [
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, models.CharField | models.TextField) and not field.choices
    ]


def library_text(values: set[str]) -> set[str]:
    """Those of `values` that content libraries hold too (a date named after its idea)."""
    found: set[str] = set()
    for model in apps.get_models():
        fields = {field.name for field in model._meta.get_fields()}
        if "couple" in fields or any(m is model for m, _ in user_foreign_keys()):
            continue
        for column in text_columns(model):
            found |= set(
                model._base_manager.filter(**{f"{column}__in": values}).values_list(
                    column, flat=True
                )
            )
    return found


def test_it_had_a_row_of_mine_in_every_model(demo):
    alex, _, _ = demo
    empty = [name for name, count in rows_referencing(alex.pk).items() if not count]
    assert set(empty) <= NOT_REACHED, f"The test world has no row of Alex's in {empty}"


def test_it_removes_every_row_that_is_mine_and_my_words(demo):
    alex, sam, made = demo
    alex_pk = alex.pk
    mine = words_of(alex)
    # Demo text can repeat between the two; Sam's own copy of a phrase is Sam's.
    theirs = words_of(sam)
    assert set(helpers.ALEX_WORDS) <= mine
    only_mine = mine - theirs - library_text(mine)
    assert len(only_mine) > 50

    account_delete(user=alex, password=DEMO_PASSWORD)

    left = {name: count for name, count in rows_referencing(alex_pk).items() if count}
    assert not left, f"Rows still point at the deleted account: {left}"
    for model in apps.get_models():
        for column in text_columns(model):
            found = model._base_manager.filter(**{f"{column}__in": only_mine})
            assert not found.exists(), f"{model._meta.label}.{column} still holds Alex's words"
    for session in Session.objects.all():
        assert session.get_decoded().get("_auth_user_id") != str(alex_pk)
    assert made["alex_client"].get("/settings/").status_code == 302


# Sam's sections that stand on their own. What Sam wrote in answer to Alex's words (a reply
# to Alex's answer, a cheer on Alex's news, a response to Alex's share, a reflection on a
# memory Alex made) and guesses about Alex go with Alex's words. Sam's notes to Alex stay.
STANDALONE = (
    "talk.answers",
    "talk.debriefs",
    "appreciate.gestures",
    "appreciate.journal",
    "appreciate.favourites",
    "trust.promises",
    "trust.apologies",
    "support.check_ins",
    "support.bids",
    "support.good_news",
    "support.needs_map",
    "together.dates",
    "together.rituals",
    "together.bucket",
    "together.memories",
)


def standalone_export(user) -> dict:
    sections = export_build(user=user)["sections"]
    return {key: sections[key]["rows"] for key in STANDALONE}


def test_it_ends_the_couple_and_the_partner_keeps_their_own_words(demo):
    alex, sam, _ = demo
    couple = couple_of(alex)
    before = standalone_export(sam)
    assert sum(len(rows) for rows in before.values()) > 30

    account_delete(user=alex, password=DEMO_PASSWORD)

    couple.refresh_from_db()
    assert couple.ended_at is not None
    assert couple_for_user(sam) is None
    assert Membership.objects.filter(couple=couple, user=sam, left_at__isnull=False).exists()
    after = standalone_export(sam)
    for key in STANDALONE:
        assert after[key] == before[key], key
    # Sam's notes to Alex stay Sam's words, addressed to no one now, without Alex's answers.
    notes = Note.objects.filter(author=sam)
    assert notes.exists() and not notes.exclude(recipient=None).exists()
    assert not notes.exclude(reaction="").exists() and not notes.filter(kept=True).exists()
    assert len(export_build(user=sam)["sections"]["appreciate.notes"]["rows"]) == notes.count()


def test_my_shared_things_leave_the_partners_view_at_once(demo):
    alex, sam, _ = demo
    shared = (
        Answer.objects.filter(author=alex)
        .exclude(daily_question__revealed_at=None)
        .order_by("-daily_question__day")
        .first()
    )
    assert shared is not None
    sam_client = login_client(sam)
    words = (shared.text, escape(shared.text))
    assert words[1] in sam_client.get("/talk/archive/").content.decode()

    account_delete(user=alex, password=DEMO_PASSWORD)

    for path in ("/", "/talk/archive/", "/api/v1/talk/questions"):
        body = sam_client.get(path, follow=True).content.decode()
        assert not any(text in body for text in words), path


def test_it_tells_the_partner_kindly_by_email_and_in_hearth(
    demo, smtp_server, django_capture_on_commit_callbacks
):
    alex, sam, _ = demo
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=alex, password=DEMO_PASSWORD)

    [message] = [m for m in smtp_server.messages if sam.email in m["To"]]
    body = message.get_payload()[0].get_payload(decode=True).decode()
    assert "closed their Hearth account" in message["Subject"] + body
    assert "still yours" in body
    for word in ("Alex", "last", "ago", "because", "reason"):
        assert word not in body
    notice = Notice.objects.get(user=sam)
    sam_client = login_client(sam)
    page = sam_client.get("/").content.decode()
    assert "Your partner closed their Hearth account" in page
    assert "Alex" not in page
    sam_client.post(f"/settings/data/notices/{notice.pk}/dismiss/")
    assert "closed their Hearth account" not in sam_client.get("/").content.decode()


def test_it_ends_every_session_and_token_of_mine(demo, api_for):
    alex, sam, made = demo
    api = api_for(alex)
    assert api.get("/me").status_code == 200
    other_browser = login_client(alex)
    sam_api = api_for(sam)

    account_delete(user=alex, password=DEMO_PASSWORD)

    assert api.get("/me").status_code == 401
    assert not ApiToken.objects.filter(name="alex-script").exists()
    for client in (made["alex_client"], other_browser):
        response = client.get("/settings/")
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert sam_api.get("/me").status_code == 200
    assert made["sam_client"].get("/settings/").status_code == 200


def test_it_recounts_the_couples_insights(demo):
    alex, _, _ = demo
    couple = couple_of(alex)
    account_delete(user=alex, password=DEMO_PASSWORD)

    recorded = list(DayTally.objects.filter(couple=couple).order_by("day").values())
    tallies_rebuild(Couple.objects.filter(pk=couple.pk))
    recounted = list(DayTally.objects.filter(couple=couple).order_by("day").values())
    strip = [{k: v for k, v in row.items() if k != "id"} for row in recorded]
    assert strip == [{k: v for k, v in row.items() if k != "id"} for row in recounted]
    assert all(row["answered_1"] == 0 for row in recounted)  # Alex sat in seat 1


def test_it_refuses_a_wrong_or_missing_password_and_keeps_everything(owner, partner):
    before = rows_referencing(owner.pk)
    for password in ("", "not-my-password", None):
        with pytest.raises(DeletionRefused):
            account_delete(user=owner, password=password)
    assert rows_referencing(owner.pk) == before


def test_it_stops_guessing_at_the_password(owner, partner):
    for _ in range(10):
        with pytest.raises(DeletionRefused):
            account_delete(user=owner, password="guess")
    with pytest.raises(DeletionRefused) as refused:
        account_delete(user=owner, password=PASSWORD)
    assert refused.value.code == "throttled"
    assert User.objects.filter(pk=owner.pk).exists()


def test_it_says_what_happens_before_deleting(owner, partner):
    client = login_client(owner)
    page = client.get("/settings/data/delete/").content.decode()
    assert "can't be undone" in page
    assert "Parker keeps their own words" in page
    assert "signed out everywhere" in page
    assert 'href="/settings/data/export/"' in page


def test_it_deletes_from_the_page_after_the_password(owner, partner):
    client = login_client(owner)
    wrong = client.post("/settings/data/delete/", {"password": "nope-nope"})
    assert wrong.status_code == 403
    assert "That password didn" in wrong.content.decode()
    assert User.objects.filter(pk=owner.pk).exists()

    done = client.post("/settings/data/delete/", {"password": PASSWORD}, follow=True)
    assert "Your account and everything in it are deleted" in done.content.decode()
    assert not User.objects.filter(pk=owner.pk).exists()
    assert couple_for_user(partner) is None


def test_it_asks_an_account_without_a_password_to_reauthenticate(owner, partner):
    """A passkey-only account confirms with allauth's own re-authentication instead."""
    owner.set_unusable_password()
    owner.save()
    WebAuthn.add(owner, "phone", SoftPasskey().registration_response(os.urandom(16)))
    client = login_client(owner, recently_authenticated=False)
    response = client.post("/settings/data/delete/")
    assert response.status_code == 302
    assert "/reauthenticate/" in response["Location"]
    assert User.objects.filter(pk=owner.pk).exists()
    client = login_client(owner)
    client.post("/settings/data/delete/")
    assert not User.objects.filter(pk=owner.pk).exists()


def test_it_deletes_through_the_api_with_the_password(owner, partner, api_for):
    api = api_for(owner)
    missing = api.delete("/me")
    assert missing.status_code == 422
    wrong = api.request("DELETE", "/me", json={"password": "not-it"})
    assert wrong.status_code == 403
    assert wrong.json()["code"] == "wrong_password"
    assert User.objects.filter(pk=owner.pk).exists()

    gone = api.request("DELETE", "/me", json={"password": PASSWORD})
    assert gone.status_code == 204
    assert not User.objects.filter(pk=owner.pk).exists()
    assert api.get("/me").status_code == 401
    assert Client().get("/api/v1/me").status_code == 401


def test_it_removes_my_photo_files_and_keeps_the_partners(demo, django_capture_on_commit_callbacks):
    from hearth.together.models import private_storage

    alex, _, made = demo
    mine, theirs = made["alex_photo"].image.name, made["sam_photo"].image.name
    assert private_storage.exists(mine) and private_storage.exists(theirs)
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=alex, password=DEMO_PASSWORD)
    assert not private_storage.exists(mine)
    assert private_storage.exists(theirs)
