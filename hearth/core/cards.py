"""Today's cards, rendered with what the page's context processors give, worked out once.

Each app's `today_card` renders its own template. A template rendered with `request=` runs
every context processor again (the language, the navigation, the CSRF token, …), some
45 µs a card on the page a couple opens most. `card_render` runs them once per request
and renders each card with their values, so a card's template sees what any page's does."""

from typing import cast

from django.http import HttpRequest
from django.template.loader import get_template
from django.utils.safestring import SafeString


def card_render(request: HttpRequest, template_name: str, context: dict) -> SafeString:
    template = get_template(template_name)
    shared = getattr(request, "_card_context", None)
    if shared is None:
        shared = {}
        for processor in template.backend.engine.template_context_processors:  # type: ignore[attr-defined]
            shared.update(processor(request))
        request._card_context = shared  # type: ignore[attr-defined]
    return cast(SafeString, template.render({**shared, **context}))
