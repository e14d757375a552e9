"""Pages for the listening session (PRODUCT T2). Live by polling a version number."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.talk.guides import guide
from hearth.talk.listening import (
    active_session,
    get_session_for_user,
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

POLL_SECONDS = 3


@require_GET
@login_required
@couple_required
def listening_home(request: CoupleRequest) -> HttpResponse:
    session = active_session(request.couple)
    if session is not None:
        return redirect("talk:listening_session", session.pk)
    return render(request, "talk/listening_start.html", {"guide": guide("listening")})


@require_POST
@login_required
@couple_required
def listening_start(request: CoupleRequest) -> HttpResponse:
    session = session_start(
        user=request.user,
        couple=request.couple,
        shared_device=request.POST.get("shared_device") == "on",
    )
    return redirect("talk:listening_session", session.pk)


def _people(request: CoupleRequest, session: ListeningSession) -> dict:
    names = {request.user.pk: request.user.display_name}
    if request.partner is not None:
        names[request.partner.pk] = request.partner.display_name
    return {
        "speaker_name": names.get(session.speaker_id, _("Your partner")),
        "listener_name": names.get(session.listener_id, _("Your partner")),
        "i_speak": session.shared_device or session.speaker_id == request.user.pk,
        "i_listen": session.shared_device or session.listener_id == request.user.pk,
        "names": names,
    }


@require_GET
@login_required
@couple_required
def listening_session(request: CoupleRequest, pk: int) -> HttpResponse:
    session = get_session_for_user(request.user, pk)
    steps = list(session.steps.all())
    current = [step for step in steps if step.turn == session.turns_completed + 1]
    people = _people(request, session)

    def said_by(user_id: int) -> str:
        if user_id == request.user.pk:
            return _("You said")
        return _("%(name)s said") % {"name": people["names"].get(user_id)}

    def heard_by(user_id: int) -> str:
        if user_id == request.user.pk:
            return _("You heard")
        return _("%(name)s heard") % {"name": people["names"].get(user_id)}

    summary = [
        {
            "said_by": said_by(item.speaker_id),
            "said": item.said,
            "heard_by": heard_by(item.listener_id),
            "heard": item.heard,
        }
        for item in (
            session_summary(session) if session.status == ListeningSession.Status.ENDED else []
        )
    ]
    context = {
        "session": session,
        "statement": next(
            (s for s in reversed(current) if s.kind in ("statement", "clarify")), None
        ),
        "first_statement": next((s for s in current if s.kind == "statement"), None),
        "paraphrase": next((s for s in reversed(current) if s.kind == "paraphrase"), None),
        "summary": summary,
        "guide": guide("listening"),
        "poll_seconds": POLL_SECONDS,
        **people,
    }
    return render(request, "talk/listening_session.html", context)


@require_GET
@login_required
@couple_required
def listening_state(request: CoupleRequest, pk: int) -> HttpResponse:
    """Polled by the page: 204 while nothing changed, else ask htmx to refresh the page."""
    session = get_session_for_user(request.user, pk)
    if str(session.version) == request.GET.get("v"):
        return HttpResponse(status=204)
    response = HttpResponse(status=200)
    response["HX-Refresh"] = "true"
    return response


ACTIONS = {
    "join": lambda user, session, _: session_join(user=user, session=session),
    "pause": lambda user, session, _: session_pause(user=user, session=session),
    "resume": lambda user, session, _: session_resume(user=user, session=session),
    "end": lambda user, session, _: session_end(user=user, session=session),
}


@require_POST
@login_required
@couple_required
def listening_act(request: CoupleRequest, pk: int, action: str) -> HttpResponse:
    session = get_session_for_user(request.user, pk)
    try:
        if action == "step":
            session_step(
                user=request.user,
                session=session,
                kind=request.POST.get("kind", ""),
                text=request.POST.get("text", ""),
            )
        elif action in ACTIONS:
            ACTIONS[action](request.user, session, request.POST)
        else:
            return HttpResponse(_("Unknown action."), status=404, content_type="text/plain")
    except TalkError as refused:
        messages.info(request, refused.message)
        response = redirect("talk:listening_session", session.pk)
        response.status_code = 303
        return response
    return redirect("talk:listening_session", session.pk)
