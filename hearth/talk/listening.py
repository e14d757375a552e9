"""The listening session's rules (PRODUCT T2), as one small state machine.

speak (speaker) → paraphrase (listener) → confirm (speaker): "yes, that's it"
swaps the roles; a clarification sends it back to the listener. No advice,
no rebuttal: there is simply no place for it until both feel heard.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.couples.models import Couple
from hearth.couples.selectors import get_for_user, partner_of
from hearth.talk.models import ListeningSession, ListeningStep
from hearth.talk.services import TalkError, _clean
from hearth.talk.timeouts import timeout_start

Phase = ListeningSession.Phase
Status = ListeningSession.Status
Kind = ListeningStep.Kind
STEP_MAX = 2000

# Which step moves which phase on, and who takes it.
MOVES = {
    Kind.STATEMENT: (Phase.SPEAK, "speaker"),
    Kind.PARAPHRASE: (Phase.PARAPHRASE, "listener"),
    Kind.CONFIRM: (Phase.CONFIRM, "speaker"),
    Kind.CLARIFY: (Phase.CONFIRM, "speaker"),
}


def active_session(couple: Couple) -> ListeningSession | None:
    return (
        ListeningSession.objects.filter(couple=couple)
        .exclude(status=Status.ENDED)
        .order_by("-created_at")
        .first()
    )


def get_session_for_user(user, pk) -> ListeningSession:
    return get_for_user(ListeningSession, user, pk)


def session_start(*, user, couple: Couple, shared_device: bool = False) -> ListeningSession:
    """The starter speaks first. One open session per couple: an open one is returned."""
    partner = partner_of(user, couple)
    if partner is None:
        raise TalkError(_("Pair with your partner first."), code="not_paired", status=409)
    with transaction.atomic():
        Couple.objects.select_for_update().filter(pk=couple.pk).first()
        existing = active_session(couple)
        if existing is not None:
            return existing
        return ListeningSession.objects.create(
            couple=couple,
            started_by=user,
            speaker=user,
            listener=partner,
            shared_device=shared_device,
            status=Status.ACTIVE if shared_device else Status.WAITING,
        )


def _change(session: ListeningSession, **fields) -> None:
    ListeningSession.objects.filter(pk=session.pk).update(version=F("version") + 1, **fields)


def _locked(session: ListeningSession) -> ListeningSession:
    return ListeningSession.objects.select_for_update().get(pk=session.pk)


def session_join(*, user, session: ListeningSession) -> ListeningSession:
    with transaction.atomic():
        session = _locked(session)
        if session.status == Status.WAITING and user.pk == session.listener_id:
            _change(session, status=Status.ACTIVE)
    session.refresh_from_db()
    return session


def session_step(
    *, user, session: ListeningSession, kind: str, text: object = ""
) -> ListeningSession:
    """Take the next step if it is this person's to take; stale or out-of-turn moves are refused."""
    if kind not in MOVES:
        raise TalkError(_("Unknown step."), code="invalid_step")
    phase, role = MOVES[Kind(kind)]
    cleaned = _clean(text, STEP_MAX, required=kind != Kind.CONFIRM)
    with transaction.atomic():
        session = _locked(session)
        if session.status != Status.ACTIVE:
            raise TalkError(
                _("The session isn't running right now.")
                if session.status != Status.WAITING
                else _("Your partner hasn't joined yet."),
                code="not_active",
                status=409,
            )
        if session.phase != phase:
            raise TalkError(
                _("That step has already been taken; here is where you are now."),
                code="out_of_turn",
                status=409,
            )
        actor_id = getattr(session, f"{role}_id")
        if not session.shared_device and user.pk != actor_id:
            raise TalkError(
                _("It's your partner's turn. Take a breath; yours is coming."),
                code="not_your_turn",
                status=409,
            )
        ListeningStep.objects.create(
            couple_id=session.couple_id,
            session=session,
            turn=session.turns_completed + 1,
            kind=kind,
            author_id=actor_id,
            text=cleaned,
        )
        if kind == Kind.STATEMENT:
            _change(session, phase=Phase.PARAPHRASE)
        elif kind == Kind.PARAPHRASE or kind == Kind.CLARIFY:
            _change(session, phase=Phase.CONFIRM if kind == Kind.PARAPHRASE else Phase.PARAPHRASE)
        else:  # confirmed: the listener becomes the speaker
            _change(
                session,
                phase=Phase.SPEAK,
                speaker_id=session.listener_id,
                listener_id=session.speaker_id,
                turns_completed=session.turns_completed + 1,
            )
    session.refresh_from_db()
    return session


def session_pause(*, user, session: ListeningSession) -> ListeningSession:
    """Either partner can call a time-out: the session waits, and a break starts for both."""
    with transaction.atomic():
        session = _locked(session)
        if session.status == Status.ACTIVE:
            _change(session, status=Status.PAUSED)
            timeout_start(user=user, couple=session.couple)
    session.refresh_from_db()
    return session


def session_resume(*, user, session: ListeningSession) -> ListeningSession:
    with transaction.atomic():
        session = _locked(session)
        if session.status == Status.PAUSED:
            _change(session, status=Status.ACTIVE)
    session.refresh_from_db()
    return session


def session_end(*, user, session: ListeningSession) -> ListeningSession:
    with transaction.atomic():
        session = _locked(session)
        if session.status != Status.ENDED:
            _change(session, status=Status.ENDED, ended_at=timezone.now())
    session.refresh_from_db()
    return session


@dataclass(frozen=True)
class Heard:
    """One confirmed turn: what the speaker said, and what the listener heard."""

    speaker_id: int
    listener_id: int
    said: str
    heard: str


def session_summary(session: ListeningSession) -> list[Heard]:
    """Each confirmed turn: the speaker's words (with clarifications) and what was heard."""
    turns: dict[int, dict] = {}
    for step in session.steps.all():
        turn = turns.setdefault(step.turn, {})
        if step.kind in (Kind.STATEMENT, Kind.CLARIFY):
            turn["said"] = (
                step.text
                if step.kind == Kind.STATEMENT
                else f"{turn.get('said', '')} — {step.text}"
            )
            turn["speaker"] = step.author_id
        elif step.kind == Kind.PARAPHRASE:
            turn["heard"] = step.text
            turn["listener"] = step.author_id
        elif step.kind == Kind.CONFIRM:
            turn["confirmed"] = True
    return [
        Heard(speaker_id=t["speaker"], listener_id=t["listener"], said=t["said"], heard=t["heard"])
        for _, t in sorted(turns.items())
        if t.get("confirmed")
    ]
