"""Settings → Your data: download everything, or delete the account (PRODUCT D5)."""

from typing import cast

from allauth.account.internal.flows.reauthentication import raise_if_reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.accounts.models import User
from hearth.couples.selectors import membership_and_partner
from hearth.privacy.exporting import export_build, export_html, export_json, export_zip
from hearth.privacy.forms import DeleteAccountForm
from hearth.privacy.models import Notice
from hearth.privacy.services import DeletionRefused, account_delete

FORMATS = ("json", "html", "zip")
# The readable page is a file to keep: nothing in it may run or load from anywhere.
DOCUMENT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'"
)


def export_response(user, export_format: str) -> HttpResponseBase:
    """The download, for the page and the API alike."""
    if export_format not in FORMATS:
        raise Http404
    data = export_build(user=user)
    stamp = timezone.localdate(timezone=user.zone).isoformat()
    name = f"hearth-export-{stamp}"
    response: HttpResponseBase
    if export_format == "zip":
        response = FileResponse(
            export_zip(data, user=user),
            as_attachment=True,
            filename=f"{name}.zip",
            content_type="application/zip",
        )
    elif export_format == "html":
        response = HttpResponse(export_html(data, user=user), content_type="text/html")
        response["Content-Disposition"] = f'attachment; filename="{name}.html"'
    else:
        response = HttpResponse(export_json(data), content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    response["Content-Security-Policy"] = DOCUMENT_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@login_required
def export_page(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy/export_page.html")


@require_GET
@login_required
def export_download(request: HttpRequest) -> HttpResponseBase:
    return export_response(request.user, request.GET.get("format", "json"))


@require_http_methods(["GET", "POST"])
@login_required
def delete_page(request: HttpRequest) -> HttpResponse:
    """What deleting does, then the password; without a password (a passkey-only account)
    allauth's own re-authentication comes first."""
    user = cast(User, request.user)
    has_password = user.has_usable_password()
    form = DeleteAccountForm(request.POST or None)
    _membership, partner = membership_and_partner(user)
    context = {"form": form, "has_password": has_password, "partner": partner}
    if request.method == "GET":
        return render(request, "privacy/delete.html", context)
    if not has_password:
        raise_if_reauthentication_required(request, app="account")
    elif not form.is_valid():
        return render(request, "privacy/delete.html", context, status=400)
    try:
        account_delete(
            user=user,
            password=form.cleaned_data["password"] if has_password else None,
            reauthenticated=not has_password,
        )
    except DeletionRefused as refused:
        if has_password:
            form.add_error("password", refused.message)
        else:
            context["error"] = refused.message
        return render(request, "privacy/delete.html", context, status=refused.status)
    logout(request)
    messages.success(request, _("Your account and everything in it are deleted. Take care."))
    return redirect("today")


@require_POST
@login_required
def notice_dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_object_or_404(Notice, pk=pk, user=request.user, dismissed_at__isnull=True)
    notice.dismissed_at = timezone.now()
    notice.save(update_fields=["dismissed_at"])
    return redirect("today")
