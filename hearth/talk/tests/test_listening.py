import pytest

from hearth.conftest_helpers import login_client
from hearth.talk.listening import (
    active_session,
    session_end,
    session_join,
    session_pause,
    session_resume,
    session_start,
    session_step,
    session_summary,
)
from hearth.talk.models import ListeningSession
from hearth.talk.services import TalkError
from hearth.talk.timeouts import current_timeout
from hearth.tests.factories import couple_of

pytestmark = pytest.mark.django_db
Status, Phase = ListeningSession.Status, ListeningSession.Phase


@pytest.fixture
def session(owner, partner):
    started = session_start(user=owner, couple=couple_of(owner))
    return session_join(user=partner, session=started)


def test_the_starter_speaks_first_and_the_partner_joins_to_listen(owner, partner):
    started = session_start(user=owner, couple=couple_of(owner))
    assert (started.status, started.speaker, started.listener) == (Status.WAITING, owner, partner)
    with pytest.raises(TalkError, match="hasn't joined"):
        session_step(user=owner, session=started, kind="statement", text="I feel…")
    joined = session_join(user=partner, session=started)
    assert joined.status == Status.ACTIVE
    assert session_start(user=partner, couple=couple_of(owner)) == joined  # one open at a time


def test_the_listener_must_paraphrase_before_anything_else(session, owner, partner):
    with pytest.raises(TalkError) as refused:
        session_step(user=partner, session=session, kind="statement", text="Me first!")
    assert refused.value.code == "not_your_turn"
    session = session_step(user=owner, session=session, kind="statement", text="I feel tired.")
    assert session.phase == Phase.PARAPHRASE
    for wrong in ("statement", "confirm", "clarify"):
        with pytest.raises(TalkError):
            session_step(user=partner, session=session, kind=wrong, text="Have you tried…")
    with pytest.raises(TalkError):
        session_step(user=owner, session=session, kind="paraphrase", text="I heard myself.")
    session = session_step(
        user=partner, session=session, kind="paraphrase", text="You're worn out."
    )
    assert session.phase == Phase.CONFIRM


def test_clarifying_goes_back_to_the_listener_and_confirming_swaps_roles(session, owner, partner):
    session = session_step(user=owner, session=session, kind="statement", text="I feel tired.")
    session = session_step(user=partner, session=session, kind="paraphrase", text="Bored?")
    session = session_step(user=owner, session=session, kind="clarify", text="No, exhausted.")
    assert session.phase == Phase.PARAPHRASE
    session = session_step(user=partner, session=session, kind="paraphrase", text="Exhausted.")
    session = session_step(user=owner, session=session, kind="confirm")
    assert (session.speaker, session.listener, session.phase) == (partner, owner, Phase.SPEAK)
    assert session.turns_completed == 1
    summary = session_summary(session)
    assert summary[0].said == "I feel tired. — No, exhausted."
    assert summary[0].heard == "Exhausted."


def test_a_stale_double_submit_is_refused_not_duplicated(session, owner):
    session_step(user=owner, session=session, kind="statement", text="Once.")
    with pytest.raises(TalkError) as refused:
        session_step(user=owner, session=session, kind="statement", text="Once.")
    assert refused.value.code == "out_of_turn"
    assert session.steps.count() == 1


def test_either_can_call_a_time_out_which_starts_a_break_for_both(session, owner, partner):
    paused = session_pause(user=partner, session=session)
    assert paused.status == Status.PAUSED
    assert current_timeout(couple_of(owner)).started_by == partner
    with pytest.raises(TalkError):
        session_step(user=owner, session=paused, kind="statement", text="…")
    assert session_resume(user=owner, session=paused).status == Status.ACTIVE


def test_one_shared_device_plays_both_roles(owner, partner):
    session = session_start(user=owner, couple=couple_of(owner), shared_device=True)
    assert session.status == Status.ACTIVE
    session = session_step(user=owner, session=session, kind="statement", text="I feel hopeful.")
    session = session_step(user=owner, session=session, kind="paraphrase", text="Hopeful!")
    assert session.steps.last().author == partner  # recorded as the listener's words
    session = session_step(user=owner, session=session, kind="confirm")
    assert session.speaker == partner


@pytest.mark.parametrize(
    ("kind", "text"), [("statement", ""), ("statement", "x" * 2001), ("dance", "hi")]
)
def test_bad_steps_are_refused(session, owner, kind, text):
    with pytest.raises(TalkError):
        session_step(user=owner, session=session, kind=kind, text=text)
    assert session.steps.count() == 0


def test_the_page_polls_and_refreshes_only_on_change(session, owner, partner):
    client = login_client(partner)
    page = client.get(f"/talk/listen/{session.pk}/").content.decode()
    assert f"?v={session.version}" in page
    assert client.get(f"/talk/listen/{session.pk}/state/?v={session.version}").status_code == 204
    session_step(user=owner, session=session, kind="statement", text="I feel tired.")
    changed = client.get(f"/talk/listen/{session.pk}/state/?v={session.version}")
    assert changed["HX-Refresh"] == "true"


def test_ending_shows_what_each_heard(session, owner, partner):
    session = session_step(user=owner, session=session, kind="statement", text="I feel tired.")
    session = session_step(user=partner, session=session, kind="paraphrase", text="Worn out.")
    session = session_step(user=owner, session=session, kind="confirm")
    session_end(user=partner, session=session)
    assert active_session(couple_of(owner)) is None
    page = login_client(owner).get(f"/talk/listen/{session.pk}/").content.decode()
    assert "What you heard" in page and "Parker heard" in page and "Worn out." in page


def test_the_listening_api(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    created = me.post("/talk/listening", {})
    assert created.status_code == 201
    session_id = created.json()["id"]
    them.post(f"/talk/listening/{session_id}/join")
    me.post(f"/talk/listening/{session_id}/steps", {"kind": "statement", "text": "I feel calm 🌿"})
    refused = me.post(f"/talk/listening/{session_id}/steps", {"kind": "paraphrase", "text": "x"})
    assert refused.status_code == 409
    them.post(f"/talk/listening/{session_id}/steps", {"kind": "paraphrase", "text": "Calm."})
    body = me.post(f"/talk/listening/{session_id}/steps", {"kind": "confirm"}).json()
    assert body["turns_completed"] == 1 and body["speaker_id"] == partner.pk
    ended = them.post(f"/talk/listening/{session_id}/end").json()
    assert ended["status"] == "ended" and ended["summary"][0]["heard"] == "Calm."
    assert them.post(f"/talk/listening/{session_id}/dance").status_code == 404
