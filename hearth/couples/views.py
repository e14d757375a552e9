from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from hearth.couples.forms import CoupleTimeZoneForm, JoinForm
from hearth.couples.models import Invite
from hearth.couples.selectors import active_membership, partner_of
from hearth.couples.services import (
    PairingError,
    couple_join,
    couple_set_time_zone,
    couple_unlink,
    invite_create,
)


def pairing_context(request: HttpRequest) -> dict:
    """What the pairing page shows someone without a partner: their open invite, if any."""
    invite = (
        Invite.objects.filter(inviter_id=request.user.pk).open().order_by("-created_at").first()
    )
    invite_url = request.build_absolute_uri(invite.get_absolute_url()) if invite else None
    return {"invite": invite, "invite_url": invite_url, "join_form": JoinForm()}


@require_POST
@login_required
@vary_on_headers("HX-Request")
def invite(request: HttpRequest) -> HttpResponse:
    try:
        invite_create(inviter=request.user)
    except PairingError as error:
        messages.error(request, error.message)
        return redirect("today")
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "couples/pairing.html#invite-card", pairing_context(request))
    return redirect("today")


@require_http_methods(["GET", "POST"])
@login_required
def join(request: HttpRequest) -> HttpResponse:
    """Join with the six-digit code."""
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            couple_join(user=request.user, code=form.cleaned_data["code"])
        except PairingError as error:
            form.add_error("code", error.message)
        else:
            messages.success(request, _("You're paired. Welcome home, you two."))
            return redirect("today")
    status = 400 if form.errors else 200
    return render(request, "couples/join.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def join_link(request: HttpRequest, token: str) -> HttpResponse:
    """Where the invite link lands. Strangers are asked to sign up or log in first."""
    invite = Invite.objects.select_related("inviter").filter(token=token).first()
    if request.method == "POST" and request.user.is_authenticated:
        try:
            couple_join(user=request.user, token=token)
        except PairingError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("You're paired. Welcome home, you two."))
            return redirect("today")
    usable = invite is not None and invite in Invite.objects.open()
    return render(
        request,
        "couples/join_link.html",
        {
            "invite": invite if usable else None,
            "already_paired": active_membership(request.user) is not None,
        },
        status=200 if usable else 404,
    )


@require_http_methods(["GET", "POST"])
@login_required
def unlink(request: HttpRequest) -> HttpResponse:
    membership = active_membership(request.user)
    if membership is None:
        return redirect("today")
    if request.method == "POST":
        try:
            couple_unlink(user=request.user)
        except PairingError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("You are unlinked. What you wrote stays yours."))
        return redirect("today")
    return render(
        request, "couples/unlink.html", {"partner": partner_of(request.user, membership.couple)}
    )


@require_http_methods(["GET", "POST"])
@login_required
def time_zone(request: HttpRequest) -> HttpResponse:
    membership = active_membership(request.user)
    if membership is None:
        return redirect("today")
    form = CoupleTimeZoneForm(
        request.POST or None, initial={"time_zone": membership.couple.time_zone}
    )
    if request.method == "POST" and form.is_valid():
        try:
            couple_set_time_zone(user=request.user, time_zone=form.cleaned_data["time_zone"])
        except PairingError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Saved: your days now start at midnight there."))
            return redirect("accounts:settings")
    status = 400 if request.method == "POST" else 200
    return render(request, "couples/time_zone.html", {"form": form}, status=status)
