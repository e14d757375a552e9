"""Small helpers for views."""

import functools

from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language


def next_url(request: HttpRequest, default: str) -> str:
    """Where a form asked to go back to (`next`), if it is a page of this site; else default
    (a URL name or path). Never another site: no open redirects."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(default)


@functools.lru_cache(maxsize=4096)
def _reversed(script_prefix: str, urlconf, language: str | None, viewname: str, args: tuple) -> str:
    return reverse(viewname, urlconf=urlconf, args=args)


def reverse_kept(viewname: str, *args: int | str) -> str:
    """reverse(), remembered for the last few thousand URLs: the links of an answer on Today
    are reversed again each time either partner opens it, and reverse() takes some 30 µs,
    most of it finding the URLconf and language for each step. What else the URL depends
    on is in the key. For ids and fixed names only, never anybody's words."""
    return _reversed(get_script_prefix(), get_urlconf(), get_language(), viewname, args)
