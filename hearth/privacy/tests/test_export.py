"""Export (PRODUCT D5, GDPR Art. 15 and 20): all my data as JSON, as one readable page and
as a zip with my photos, from settings and the API; never my partner's words, never a
secret, never a record of when or where anyone used Hearth."""

import io
import json
import zipfile
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hearth.accounts.models import User
from hearth.appreciate import services as appreciate
from hearth.conftest_helpers import login_client
from hearth.privacy.exporting import export_build, export_html, export_json, sections
from hearth.privacy.tests import helpers
from hearth.privacy.tests.helpers import everything_for, seed_demo_couple
from hearth.talk.services import answer_save, daily_question_for
from hearth.tests.factories import couple_of, make_questions

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    alex, sam = seed_demo_couple()
    made = everything_for(alex, sam)
    return alex, sam, made


def download(client, path: str) -> bytes:
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Disposition"].startswith("attachment;")
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_it_holds_my_words_from_every_pillar(demo):
    alex, _, _ = demo
    data = export_build(user=alex)
    assert [key for key in data["sections"]] == [section.key for section in sections()]
    filled = {key for key, section in data["sections"].items() if section["rows"]}
    for key in (
        "account.profile",
        "talk.answers",
        "talk.replies",
        "talk.debriefs",
        "together.dates",
        "together.memories",
        "together.photos",
        "appreciate.notes",
        "appreciate.gestures",
        "appreciate.journal",
        "trust.promises",
        "trust.shares",
        "trust.apologies",
        "support.check_ins",
        "support.bids",
        "support.check_in_replies",
        "insights.pulses",
        "nudges.preferences",
        "nudges.notifications",
    ):
        assert key in filled, key
    text = export_json(data)
    for words in helpers.ALEX_WORDS:
        assert words in text
    assert data["sections"]["account.profile"]["rows"][0]["email"] == alex.email


def test_it_never_holds_my_partners_words(demo):
    alex, sam, _ = demo
    mine = export_json(export_build(user=alex))
    for words in (
        helpers.SAM_SECRET_ANSWER,
        helpers.SAM_PRIVATE_JOURNAL,
        helpers.SAM_SHARED_JOURNAL,
        helpers.SAM_PRIVATE_CHECK_IN,
        helpers.SAM_SHARED_CHECK_IN,
        helpers.SAM_NOTE,
        helpers.SAM_BID,
        helpers.SAM_APOLOGY,
        helpers.SAM_NEWS,
        sam.email,
    ):
        assert words not in mine
    # Not even the partner's revealed answers or shared entries: each exports their own.
    theirs = export_build(user=sam)["sections"]
    their_answers = {row["text"] for row in theirs["talk.answers"]["rows"]}
    my_answers = {
        row["text"] for row in export_build(user=alex)["sections"]["talk.answers"]["rows"]
    }
    for answer in their_answers - my_answers:
        assert answer not in mine


def test_it_holds_no_secret_and_no_record_of_use(demo):
    from allauth.usersessions.models import UserSession

    alex, _, _ = demo
    # A moment nothing else in the export could share.
    User.objects.filter(pk=alex.pk).update(last_login=datetime(2001, 2, 3, 4, 5, 6, tzinfo=UTC))
    alex.refresh_from_db()
    data = export_build(user=alex)
    text = export_json(data)
    html = export_html(data, user=alex)
    forbidden = [alex.password, "last_login", "user_agent", "token_hash", "127.0.0.1"]
    forbidden += [session.user_agent for session in UserSession.objects.all() if session.user_agent]
    forbidden += ["2001-02-03", "3 February 2001"]
    for secret in forbidden:
        assert secret not in text, secret
        assert secret not in html, secret


def test_it_downloads_from_settings_in_every_format(demo):
    alex, _, _ = demo
    client = login_client(alex)
    page = client.get("/settings/").content.decode()
    assert 'href="/settings/data/export/"' in page
    export_page = client.get("/settings/data/export/").content.decode()
    assert "?format=html" in export_page and "?format=json" in export_page
    data = json.loads(download(client, "/settings/data/export/download/?format=json"))
    assert data["format"] == "hearth-export"
    html = download(client, "/settings/data/export/download/?format=html").decode()
    assert helpers.ALEX_CHECK_IN_REPLY in html
    archive = zipfile.ZipFile(
        io.BytesIO(download(client, "/settings/data/export/download/?format=zip"))
    )
    assert {"export.json", "export.html"} <= set(archive.namelist())
    assert client.get("/settings/data/export/download/?format=xml").status_code == 404


def test_it_downloads_through_the_api(demo, api_for):
    alex, _, _ = demo
    api = api_for(alex)
    data = api.get("/me/export").json()
    assert data["sections"]["talk.answers"]["rows"]
    html = api.get("/me/export?format=html")
    assert html["Content-Type"].startswith("text/html")
    assert "<script" not in html.content.decode().lower()
    assert api.get("/me/export?format=xml").status_code == 422


def test_the_readable_page_stands_alone_without_scripts(demo):
    alex, _, _ = demo
    client = login_client(alex)
    response = client.get("/settings/data/export/download/?format=html")
    html = response.content.decode().lower()
    assert "<script" not in html and " src=" not in html and "http" not in html
    assert 'name="viewport"' in html and "@media print" in html
    assert response["Content-Security-Policy"].startswith("default-src 'none'")


def test_the_zip_holds_my_photos_and_not_my_partners(demo):
    alex, _, made = demo
    client = login_client(alex)
    archive = zipfile.ZipFile(
        io.BytesIO(download(client, "/settings/data/export/download/?format=zip"))
    )
    photos = [name for name in archive.namelist() if name.startswith("photos/")]
    listed = json.loads(archive.read("export.json"))["sections"]["together.photos"]["rows"]
    assert sorted(photos) == sorted(row["file"] for row in listed)
    assert any(name.endswith(f"-{made['alex_photo'].pk}.jpg") for name in photos)
    assert not any(name.endswith(f"-{made['sam_photo'].pk}.jpg") for name in photos)
    assert archive.read(photos[0])[:2] == b"\xff\xd8"


def test_its_queries_do_not_grow_with_rows(owner, partner):
    make_questions()
    couple = couple_of(owner)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            export_html(export_build(user=owner), user=owner)
        return len(queries)

    few = count()
    for day in range(1, 15):
        question = daily_question_for(couple=couple, day=couple.local_today().replace(day=day))
        answer_save(user=owner, daily_question=question, text=f"Answer {day}")
        appreciate.journal_write(user=owner, couple=couple, text=f"Entry {day}")
    assert count() == few
