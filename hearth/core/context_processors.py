import functools

from django.conf import settings
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.functional import Promise, SimpleLazyObject
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from hearth.core.fragments import rendered_once
from hearth.core.registry import pillar_links


@functools.cache
def _entries(script_prefix: str) -> tuple[tuple[str | Promise, str], ...]:
    # The same for every request of a process served under one prefix (reverse() reads it);
    # the labels stay lazy, so each page still shows them in its person's language.
    entries: list[tuple[str | Promise, str]] = [(_("Today"), reverse("today"))]
    entries += [(item.label, url) for item, url in pillar_links(script_prefix)]
    entries.append((_("Settings"), reverse("accounts:settings")))
    return tuple(entries)


@rendered_once
def _nav_items(script_prefix: str, current: int | None) -> SafeString:
    items = [
        {"label": label, "url": url, "current": index == current}
        for index, (label, url) in enumerate(_entries(script_prefix))
    ]
    return render_to_string("includes/nav_items.html", {"nav": items})


def navigation(request) -> dict:
    """The main navigation (its items as HTML): Today, each pillar that exists, Settings;
    and the partner on pages for a couple (set by couple_required, no query here)."""
    path, script_prefix = request.path, get_script_prefix()
    current = next(
        (
            index
            for index, (_label, url) in enumerate(_entries(script_prefix))
            if (path == url if url == "/" else path.startswith(url))
        ),
        None,
    )
    context = {"nav": _nav_items(script_prefix, current), "QUICK_EXIT_URL": settings.QUICK_EXIT_URL}
    if hasattr(request, "partner"):
        context["partner"] = request.partner
    return context


def csrf_once(request) -> dict:
    """The CSRF token for forms, masked once per request. Django's own processor masks it
    anew for each template rendered (Today renders a few), and each mask draws 32 characters
    from the operating system one system call at a time: on a threaded server every call
    hands the interpreter to another thread and waits to get it back. One masked token
    serves every form of a response; the next response gets a new one."""

    def token() -> str:
        if not hasattr(request, "_csrf_token_masked"):
            request._csrf_token_masked = get_token(request)
        return request._csrf_token_masked

    return {"csrf_token": SimpleLazyObject(token)}
