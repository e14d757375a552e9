import logging

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import SafeString
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from hearth.core.fragments import rendered_once
from hearth.core.registry import hearth_app_modules, pillar_links
from hearth.core.waiting import waiting_on_today
from hearth.couples.selectors import membership_and_partner
from hearth.couples.views import pairing_context

logger = logging.getLogger(__name__)


@rendered_once
def pillar_list(script_prefix: str) -> SafeString:
    """Today's list of the pillars that exist, with what each is for ("" with none)."""
    pillars = pillar_links(script_prefix)
    return (
        render_to_string("core/_pillar_list.html", {"pillars": pillars})
        if pillars
        else SafeString()
    )


@require_GET
def today(request: HttpRequest) -> HttpResponse:
    """The home page: a welcome, the pairing flow, or the couple's day."""
    user = request.user
    if not user.is_authenticated:
        return render(request, "core/welcome.html")
    membership, partner = membership_and_partner(user)
    if membership is None:
        return render(request, "couples/pairing.html", pairing_context(request))
    request.couple = membership.couple  # type: ignore[attr-defined]
    request.partner = partner  # type: ignore[attr-defined]
    modules = list(hearth_app_modules("today"))
    waiting = waiting_on_today(request, membership.couple)
    cards = [module.today_card(request, membership.couple, waiting) for module in modules]
    return render(
        request,
        "core/today.html",
        {
            "couple": membership.couple,
            "partner": request.partner,  # type: ignore[attr-defined]
            "pillars": pillar_list(get_script_prefix()),
            "cards": [card for card in cards if card],
        },
    )


@require_GET
def help_safety(request: HttpRequest) -> HttpResponse:
    """Staying safe (PRODUCT D3): what quick exit does and does not do, said plainly.
    Open to everyone, signed in or not, so it can be read before signing up."""
    return render(request, "core/help_safety.html")


@require_GET
def bench_floor(request: HttpRequest) -> HttpResponse:
    """A fixed short page through the same middleware: what Today is measured against
    (routed only when HEARTH_BENCH=1, by `manage.py bench_load`)."""
    return HttpResponse("<!doctype html><title>Floor</title><p>Nothing here.</p>")


@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers; for load balancers and uptime checks."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("health check: database unavailable")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
