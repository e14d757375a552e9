"""The message coach where people write: highlights, a gentler wording, and no blocking."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hearth.conftest_helpers import login_client
from hearth.tests.factories import couple_of, make_questions

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.django_db


def test_the_coach_highlights_harsh_words_and_offers_a_rewrite(owner):
    response = login_client(owner).post(
        "/talk/coach/", {"text": "You never listen to me. Whatever."}
    )
    page = response.content.decode()
    assert '<mark class="coach-mark"' in page
    assert "You never" in page and "Use this wording" in page
    assert "I feel" in page  # the gentle start-up
    assert "You can still send it" in page


def test_the_coach_stays_quiet_on_kind_words(owner):
    page = login_client(owner).post("/talk/coach/", {"text": "You always make me laugh 😄"})
    assert page.content.decode().strip() == ""


def test_every_compose_box_asks_the_coach(owner, partner):
    make_questions(10)
    couple_of(owner)
    client = login_client(owner)
    for path in ("/talk/", "/talk/debriefs/"):
        page = client.get(path).content.decode()
        assert 'hx-post="/talk/coach/"' in page, path
        assert 'class="coach-feedback"' in page, path


def test_the_coach_api(api_for, owner):
    body = api_for(owner).post("/coach/analyze", {"text": "It's not my fault you're late."}).json()
    assert body["is_harsh"] and "defensiveness" in body["patterns"]
    assert all(span["text"] in "It's not my fault you're late." for span in body["spans"])
    assert api_for(owner).post("/coach/analyze", {"text": 5}).status_code == 422
    assert api_for().post("/coach/analyze", {"text": "hi"}).status_code == 401


def test_the_coach_command_reads_lines_and_writes_json_lines():
    messages = "You never help.\nThanks for the tea ☕\n\nلا شيء\n"
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "coach", "--json"],
        input=messages,
        capture_output=True,
        text=True,
        timeout=60,
        env={"HEARTH_LOCAL": "1", "PATH": "/usr/bin:/bin", "HEARTH_VAR_DIR": str(ROOT / "var")},
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 4
    assert {"harshness", "patterns", "spans", "suggestion"} <= set(lines[0])
    assert lines[0]["patterns"] and not lines[1]["patterns"]
