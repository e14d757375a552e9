from django.conf import settings
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from hearth.core.registry import navigation as registered_navigation


def navigation(request) -> dict:
    """The main navigation: Today, each pillar that exists, Settings; and the partner on
    pages for a couple (set by couple_required, no query here)."""
    entries: list[tuple[str | Promise, str]] = [(_("Today"), reverse("today"))]
    entries += [(item.label, reverse(item.url_name)) for item in registered_navigation()]
    entries.append((_("Settings"), reverse("accounts:settings")))
    path = request.path
    nav = [
        {"label": label, "url": url, "current": path == url if url == "/" else path.startswith(url)}
        for label, url in entries
    ]
    context = {"nav": nav, "QUICK_EXIT_URL": settings.QUICK_EXIT_URL}
    if hasattr(request, "partner"):
        context["partner"] = request.partner
    return context
