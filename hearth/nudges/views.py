"""Nudges' pages (PRODUCT N1, N2): my notifications, my choices, a thinking-of-you."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.nudges.forms import NudgeSettingsForm
from hearth.nudges.kinds import groups
from hearth.nudges.services import (
    LIST_LIMIT,
    NudgeError,
    notifications_for,
    notifications_mark_seen,
    nudge_views,
    preferences_of,
    preferences_save,
    thinking_of_you_left,
    thinking_of_you_send,
)


def _home(request: CoupleRequest, *, refusal: str = "", status: int = 200) -> HttpResponse:
    notifications = notifications_for(request.user)[:LIST_LIMIT]
    context = {
        "nudges": nudge_views(notifications, partner=request.partner),
        "left_today": thinking_of_you_left(user=request.user),
        "refusal": refusal,
    }
    return render(request, "nudges/home.html", context, status=status)


@require_GET
@login_required
@couple_required
def home(request: CoupleRequest) -> HttpResponse:
    """My notifications, newest first. Whether I saw them is mine alone to know."""
    return _home(request)


@require_POST
@login_required
@couple_required
def seen(request: CoupleRequest) -> HttpResponse:
    notifications_mark_seen(user=request.user)
    return redirect("nudges:home")


@require_POST
@login_required
@couple_required
def thinking_of_you(request: CoupleRequest) -> HttpResponse:
    try:
        thinking_of_you_send(user=request.user, couple=request.couple)
    except NudgeError as refused:
        return _home(request, refusal=refused.message, status=refused.status)
    name = request.partner.display_name if request.partner else _("Your partner")
    messages.success(request, _("Sent. %(name)s will get a little wave from you.") % {"name": name})
    return redirect("nudges:home")


@require_http_methods(["GET", "POST"])
@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    """Which nudges I get, by e-mail and in Hearth, and my quiet hours."""
    preferences = preferences_of(request.user)
    data = request.POST if request.method == "POST" else None
    form = NudgeSettingsForm(data, preferences=preferences)
    if request.method == "POST":
        if form.is_valid():
            preferences_save(
                user=request.user,
                email=form.switches("email"),
                in_app=form.switches("app"),
                quiet_start=form.cleaned_data["quiet_start"],
                quiet_end=form.cleaned_data["quiet_end"],
            )
            messages.success(request, _("Saved. Hearth will keep to this."))
            return redirect("nudges:settings")
        status = 400
    else:
        status = 200
    rows = [
        (
            heading,
            [
                {"info": info, "email": form[f"email_{info.key}"], "app": form[f"app_{info.key}"]}
                for info in items
            ],
        )
        for heading, items in groups()
    ]
    return render(request, "nudges/settings.html", {"form": form, "groups": rows}, status=status)
