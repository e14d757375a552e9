from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from hearth.accounts.forms import ProfileForm
from hearth.accounts.models import User
from hearth.accounts.visibility import KINDS, Seen
from hearth.couples.selectors import membership_and_partner


@require_http_methods(["GET", "POST"])
@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    """Profile and settings: name, pronouns, time zone, language; links to security."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Saved."))
            return redirect("accounts:settings")
        return render(request, "accounts/settings.html", {"form": form}, status=400)
    return render(request, "accounts/settings.html", {"form": form})


@require_GET
@login_required
def partner_can_see(request: HttpRequest) -> HttpResponse:
    """What my partner can see (PRODUCT D1): every kind of thing, and where to change it."""
    _membership, partner = membership_and_partner(request.user)
    name = partner.display_name if isinstance(partner, User) else _("your partner")
    areas: dict[str | Promise, list[dict]] = {}
    for item in KINDS:
        areas.setdefault(item.area, []).append(
            {
                "key": item.key,
                "label": item.label,
                "seen_label": item.seen_label,
                "shared": item.seen == Seen.ALWAYS,
                "detail": item.detail_for(name),
                "change_url": reverse(item.change_url),
                "change_label": item.change_label,
            }
        )
    context = {"partner": partner, "partner_name": name, "areas": list(areas.items())}
    return render(request, "accounts/partner_can_see.html", context)
