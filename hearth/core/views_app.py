"""Hearth on a phone's home screen: the web app manifest, the service worker and the page
it shows when there is no connection.

The service worker keeps only Hearth's own look (styles, scripts, icons) and the offline
page. It never stores a page or an API answer: those hold people's words, and a phone can
be picked up by someone else."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

THEME_COLOUR = "#8f3b1d"
BACKGROUND_COLOUR = "#fbf6f1"
# What the service worker keeps, besides the offline page. Bump the version in
# templates/core/sw.js when this list changes (it names the cache).
APP_SHELL = ("hearth.css", "hearth.js", "hearth.svg", "icons/hearth-192.png")


@require_GET
@cache_control(max_age=86400, public=True)
def manifest(request: HttpRequest) -> JsonResponse:
    icons = [
        {"src": static("icons/hearth-192.png"), "sizes": "192x192", "type": "image/png"},
        {"src": static("icons/hearth-512.png"), "sizes": "512x512", "type": "image/png"},
        {
            "src": static("icons/hearth-maskable-512.png"),
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
        {"src": static("hearth.svg"), "sizes": "any", "type": "image/svg+xml"},
    ]
    data = {
        "name": "Hearth",
        "short_name": "Hearth",
        "description": _("A private home for the two of you."),
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "background_color": BACKGROUND_COLOUR,
        "theme_color": THEME_COLOUR,
        "icons": icons,
    }
    return JsonResponse(data, content_type="application/manifest+json")


@require_GET
@cache_control(no_cache=True)
def service_worker(request: HttpRequest) -> HttpResponse:
    """Served from the site's root so that it may look after every page."""
    context = {
        "offline_url": "/offline/",
        "shell": [static(name) for name in APP_SHELL],
        "debug": settings.DEBUG,
    }
    response = render(request, "core/sw.js", context, content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
@cache_control(max_age=3600, public=True)
def offline(request: HttpRequest) -> HttpResponse:
    """The same for everyone, signed in or not: it is kept on the phone."""
    return render(request, "core/offline.html")
