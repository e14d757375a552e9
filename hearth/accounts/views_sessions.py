"""Where I am signed in: my web sessions and API tokens, each with a way to end it (D4)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hearth.accounts import sessions
from hearth.api.models import ApiToken


@require_GET
@login_required
def sessions_page(request: HttpRequest) -> HttpResponse:
    """Where I am signed in, and my API tokens: each with a way to end it (PRODUCT D4)."""
    context = {
        "sessions": sessions.sessions_for(request),
        "tokens": ApiToken.objects.for_user(request.user),
    }
    return render(request, "accounts/sessions.html", context)


@require_POST
@login_required
def session_end(request: HttpRequest, pk: int) -> HttpResponse:
    device = sessions.user_session_end(request=request, pk=pk)
    messages.success(request, _("Signed out: %(device)s.") % {"device": device})
    return redirect("accounts:sessions")


@require_POST
@login_required
def sessions_end_others(request: HttpRequest) -> HttpResponse:
    sessions.user_sessions_end_others(request=request)
    messages.success(request, _("Signed out everywhere else. This device stays signed in."))
    return redirect("accounts:sessions")
