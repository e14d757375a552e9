"""Loading content libraries from versioned TOML files into the database.

Each item has a stable `key`. Loading adds new items, updates changed ones and
retires (never deletes) items that left the files, so history that points at
them stays intact. Safe to run again.
"""

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.db import models, transaction

# The content libraries (questions, ideas, prompts, guides) are written in this language
# only; pages in another language mark them with it (`{% content_lang %}`).
CONTENT_LANGUAGE = "en"


class ContentError(ValueError):
    """A data file is malformed; the message names the file and the item."""


def read_items(paths: Iterable[Path], table: str) -> list[dict]:
    items: list[dict] = []
    for path in sorted(paths):
        with path.open("rb") as handle:
            try:
                data = tomllib.load(handle)
            except tomllib.TOMLDecodeError as error:
                raise ContentError(f"{path}: {error}") from error
        for item in data.get(table, []):
            items.append({**item, "_source": path.name})
    return items


@dataclass(frozen=True)
class TomlLibrary:
    """A content library kept in TOML files: one `[[table]]` per item, with a `key`."""

    model: type[models.Model]
    paths: tuple[Path, ...]
    table: str
    fields: tuple[str, ...]
    # Values allowed per field (e.g. category choices); checked when loading.
    choices: tuple[tuple[str, frozenset[str]], ...] = ()

    def items(self) -> list[dict]:
        items = read_items(self.paths, self.table)
        seen: set[str] = set()
        allowed = dict(self.choices)
        for item in items:
            key = item.get("key")
            if not key or key in seen:
                raise ContentError(f"{item['_source']}: missing or repeated key {key!r}")
            seen.add(key)
            for field in self.fields:
                if field not in item:
                    raise ContentError(f"{item['_source']}: {key} has no {field}")
                if field in allowed and item[field] not in allowed[field]:
                    raise ContentError(f"{item['_source']}: {key} has {field}={item[field]!r}")
        return items

    @transaction.atomic
    def load(self) -> int:
        items = self.items()
        manager = self.model._default_manager
        existing = {obj.key: obj for obj in manager.all()}  # type: ignore[attr-defined]
        new, changed = [], []
        for item in items:
            values = {field: item[field] for field in self.fields}
            obj = existing.get(item["key"])
            if obj is None:
                new.append(self.model(key=item["key"], active=True, **values))
            elif any(getattr(obj, f) != v for f, v in values.items()) or not obj.active:  # type: ignore[attr-defined]
                for field, value in values.items():
                    setattr(obj, field, value)
                obj.active = True  # type: ignore[attr-defined]
                changed.append(obj)
        manager.bulk_create(new)
        if changed:
            manager.bulk_update(changed, [*self.fields, "active"])
        keys = {item["key"] for item in items}
        manager.exclude(key__in=keys).update(active=False)
        return len(items)

    def count(self) -> int:
        return self.model._default_manager.filter(active=True).count()
