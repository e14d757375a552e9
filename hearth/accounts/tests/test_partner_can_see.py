"""PRODUCT D1: a page "what my partner can see", and every form saying who will read it."""

import pytest
from django.apps import apps
from django.urls import reverse

from hearth.accounts.visibility import KINDS, Seen, model_labels
from hearth.appreciate.services import journal_write
from hearth.conftest_helpers import login_client
from hearth.couples.models import CoupleOwned
from hearth.tests.factories import couple_of, make_questions

pytestmark = pytest.mark.django_db


def test_every_couple_owned_model_is_in_the_list():
    owned = {
        model._meta.label
        for model in apps.get_models()
        if issubclass(model, CoupleOwned) and not model._meta.abstract
    }
    missing = owned - model_labels()
    assert not missing, f"Say who sees these in hearth/accounts/visibility.py: {missing}"


def test_the_list_names_only_models_that_exist():
    for label in model_labels():
        assert apps.get_model(label), label


def test_each_kind_has_one_key_and_a_page_to_change_it():
    keys = [item.key for item in KINDS]
    assert len(keys) == len(set(keys))
    for item in KINDS:
        assert reverse(item.change_url).startswith("/")


def test_it_shows_every_kind_whether_the_partner_sees_it_and_where_to_change_it(owner, partner):
    response = login_client(owner).get("/settings/privacy/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>What Parker can see</h1>" in page
    for item in KINDS:
        assert f'id="{item.key}"' in page
        assert item.label.replace("'", "&#x27;") in page
        assert f'<a href="{reverse(item.change_url)}">{item.change_label}' in page.replace(
            "&#x27;", "'"
        )
    row = page.split('id="journal"')[1].split("</div>")[0]
    assert "Parker sees it: <strong>only when you share it</strong>" in row
    row = page.split('id="pulse"')[1].split("</div>")[0]
    assert "Parker sees it: <strong>never</strong>" in row
    row = page.split('id="notes"')[1].split("</div>")[0]
    assert "Parker sees it: <strong>always</strong>" in row


def test_it_speaks_of_your_partner_before_you_pair(loner):
    page = login_client(loner).get("/settings/privacy/").content.decode()
    assert "<h1>What your partner can see</h1>" in page
    assert "Unlink" not in page


def test_it_is_linked_from_settings_and_from_the_safety_help(owner, partner):
    client = login_client(owner)
    assert 'href="/settings/privacy/">What your partner can see' in (
        client.get("/settings/").content.decode()
    )
    assert 'href="/settings/privacy/"' in client.get("/help/safety/").content.decode()


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("/appreciate/", "Shared with Parker"),
        ("/appreciate/journal/", "Only you, unless you share it"),
        ("/talk/", "Only you until Parker answers too"),
        ("/support/", "Only you, unless you share it"),
        ("/support/needs-map/", "Shared with Parker"),
        ("/trust/repair/", "Shared with Parker"),
        ("/together/bucket/", "Shared with Parker"),
        ("/insights/pulse/", "Only you"),
    ],
)
def test_a_form_says_who_will_see_what_is_written_there(owner, partner, path, line):
    make_questions()
    page = login_client(owner).get(path).content.decode()
    assert f'<span class="seen-by-label">{line}</span>' in page
    assert 'href="/settings/privacy/#' in page


def test_the_check_in_form_marks_sharing_and_bids_as_shared(owner, partner):
    page = login_client(owner).get("/support/").content.decode()
    check_in_form, bids = page.split('id="bids-heading"')
    assert "Only you, unless you share it" in check_in_form
    assert '<span class="seen-by-label">Shared with Parker</span>' in bids


def test_a_shared_journal_entry_says_with_whom_and_a_private_one_says_private(owner, partner):
    couple = couple_of(owner)
    journal_write(user=owner, couple=couple, text="The long walk home", shared=True)
    journal_write(user=owner, couple=couple, text="Just for me")
    page = login_client(owner).get("/appreciate/journal/").content.decode()
    assert "You · shared with Parker" in page
    assert "You · private" in page


def test_the_badge_follows_the_list():
    # Only "always" is shown as shared; anything the person decides on stays "Only you".
    for item in KINDS:
        text = item.badge_for("Parker")
        assert (text == "Shared with Parker") == (item.seen == Seen.ALWAYS), item.key
