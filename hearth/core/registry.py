"""How pillar apps plug into the shared pages and commands without the core naming them.

A Hearth app may have, beside its models:
- `nav` on its AppConfig: {"label": _("Talk"), "url": "talk:home", "order": 10,
  "description": _(…)}, with gettext_lazy as _ (the label and description are for people);
- `content.py` with LIBRARIES: {name: ContentLibrary} for load_content and content_stats;
- `today.py` with `today_card(request, couple, waiting) -> str`: a card for the Today page
  rendered with `core.cards.card_render` (empty when there is nothing to show), and
  optionally `waiting(on) -> {name: expression}`: what the card may show (an Exists, or the
  few fields it shows via core.queries.first_as_json), written with `on`'s Params
  (core.waiting) and asked for all cards in one prepared query, so that a card reads only
  what is there (`waiting[name]` is then a bool, or a dict or None);
- `endpoints.py` with a ninja `router` mounted at its `PREFIX` under /api/v1 (or `ROUTERS`,
  a list of (prefix, router) pairs);
- `demo.py` with `seed_demo_couple(*, couple, first, second, weeks, rng)` and
  `seed_bulk(*, couples, weeks, rng)` for seed_demo.
"""

import functools
import importlib
import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Protocol

from django.apps import apps
from django.urls import reverse
from django.utils.functional import Promise


def hearth_app_modules(module_name: str) -> Iterator[ModuleType]:
    """Each Hearth app's `<app>.<module_name>` module, in INSTALLED_APPS order."""
    yield from _app_modules(module_name)


@functools.cache
def _app_modules(module_name: str) -> tuple[ModuleType, ...]:
    # Looked up once per process: the Today page asks for its cards on every request.
    return tuple(_find_app_modules(module_name))


def _find_app_modules(module_name: str) -> Iterator[ModuleType]:
    for config in apps.get_app_configs():
        if not config.name.startswith("hearth."):
            continue
        dotted = f"{config.name}.{module_name}"
        spec = importlib.util.find_spec(dotted)
        # A data folder of that name (say content/ holding only TOML) is not the module.
        if spec is not None and spec.origin is not None:
            yield importlib.import_module(dotted)


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    order: int
    description: str | Promise = ""


def navigation() -> list[NavItem]:
    items = []
    for config in apps.get_app_configs():
        nav = getattr(config, "nav", None)
        if isinstance(nav, dict):
            items.append(
                NavItem(nav["label"], nav["url"], nav.get("order", 50), nav.get("description", ""))
            )
    return sorted(items, key=lambda item: item.order)


@functools.cache
def pillar_links(script_prefix: str) -> tuple[tuple[NavItem, str], ...]:
    """Each pillar's nav item with its URL, reversed once per process and script prefix
    (reverse() reads the prefix); the labels stay lazy, so each page shows them in its
    person's language. Pass `django.urls.get_script_prefix()`."""
    return tuple((item, reverse(item.url_name)) for item in navigation())


class ContentLibrary(Protocol):
    def load(self) -> int:
        """Load or update the library from its data files; return how many items it holds."""
        ...

    def count(self) -> int: ...


def content_libraries() -> dict[str, ContentLibrary]:
    libraries: dict[str, ContentLibrary] = {}
    for module in hearth_app_modules("content"):
        libraries.update(module.LIBRARIES)
    return libraries
