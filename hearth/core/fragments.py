"""Pieces of pages that hold nothing of anyone's (the navigation, the list of pillars): the
same HTML for everyone who reads Hearth in one language, so a process renders each once and
keeps it, instead of on every request. Never for anything a couple wrote or anything about
them: that is rendered for each request, and never cached (SAFETY.md)."""

import functools
from collections.abc import Callable, Hashable

from django.conf import settings
from django.utils.safestring import SafeString
from django.utils.translation import get_language


def rendered_once(render: Callable[..., SafeString]) -> Callable[..., SafeString]:
    """Keep what `render` returns for each language and set of (hashable, positional)
    arguments. With DEBUG on, it renders every time, so that an edited template shows."""

    @functools.lru_cache(maxsize=256)
    def kept(language: str | None, *args: Hashable) -> SafeString:
        return render(*args)

    @functools.wraps(render)
    def fragment(*args: Hashable) -> SafeString:
        if settings.DEBUG:
            return render(*args)
        return kept(get_language(), *args)

    return fragment
