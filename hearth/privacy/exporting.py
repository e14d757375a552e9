"""Export (PRODUCT D5; GDPR articles 15 and 20): everything a person wrote, as JSON, as one
readable HTML page, or as a zip that adds the photos they uploaded.

Each Hearth app says what it exports in its own `export.py`:

- `SECTIONS`: a list of `Section`, one query each (values(), never a query per row);
- `NOT_EXPORTED`: {model: why}, for models that hold nothing of a person's own, or only
  secrets and records that must not leave the server.

hearth/privacy/tests/test_export_registry.py fails when a model is in neither.

The partner's words are never in an export, not even revealed answers or shared entries
(GDPR Art. 20(4), SAFETY.md rule 6): each person exports their own, so an export made after
a breakup holds nothing the other person could not take back by deleting their account.
"""

import json
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import PurePosixPath
from typing import IO, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.template.loader import render_to_string
from django.utils import dateformat, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from hearth.core.registry import hearth_app_modules

FORMAT_VERSION = 1
# Nothing under these names ever leaves the server, whoever's it is.
NEVER_EXPORTED_KEYS = frozenset(
    {
        "password",
        "last_login",
        "token_hash",
        "token",
        "secret",
        "ip",
        "ip_address",
        "user_agent",
        "session_key",
        "session_data",
        "code",
        "key",
    }
)


@dataclass(frozen=True)
class Section:
    """One kind of thing a person wrote, as rows of plain values.

    `rows(user)` returns dicts whose keys are those of `labels` (in that order); `labels`
    names each column for the readable page. `covers` lists the models whose rows of this
    person the section holds (for the completeness test). `title`, `about` and the labels
    are for people: mark them with gettext_lazy (they are read in the person's language)."""

    key: str
    title: str | Promise
    covers: tuple[type[models.Model], ...]
    labels: Mapping[str, str | Promise]
    rows: Callable[[Any], Iterable[Mapping[str, Any]]]
    about: str | Promise = ""


def sections() -> list[Section]:
    """Every app's sections, in INSTALLED_APPS order."""
    found: list[Section] = []
    for module in hearth_app_modules("export"):
        found.extend(getattr(module, "SECTIONS", []))
    return found


def not_exported() -> dict[type[models.Model], str]:
    found: dict[type[models.Model], str] = {}
    for module in hearth_app_modules("export"):
        found.update(getattr(module, "NOT_EXPORTED", {}))
    return found


def export_build(*, user) -> dict[str, Any]:
    """The person's data as one JSON-ready dict."""
    built: dict[str, Any] = {
        "format": "hearth-export",
        "version": FORMAT_VERSION,
        "exported_at": timezone.now(),
        "about": _(
            "Everything you wrote in Hearth and the choices you made. Your partner's words "
            "are not included: they can export their own."
        ),
        "sections": {},
    }
    for section in sections():
        rows = [{key: row[key] for key in section.labels} for row in section.rows(user)]
        built["sections"][section.key] = {
            "title": str(section.title),
            "about": str(section.about),
            "rows": rows,
        }
    return built


def export_json(data: Mapping[str, Any]) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def _readable(value: Any, zone) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return dateformat.format(value.astimezone(zone), _("j F Y, H:i"))
    if isinstance(value, date):
        return dateformat.format(value, _("j F Y"))
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, list | tuple):
        return ", ".join(_readable(item, zone) for item in value) or "—"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_readable(v, zone)}" for k, v in value.items()) or "—"
    return str(value)


def export_html(data: Mapping[str, Any], *, user) -> str:
    """One self-contained page: no scripts, no links out, readable on a phone and in print."""
    zone = user.zone
    labelled = {section.key: section.labels for section in sections()}
    parts = []
    for key, section in data["sections"].items():
        labels = labelled.get(key, {})
        rows = [
            [(labels.get(name, name), _readable(value, zone)) for name, value in row.items()]
            for row in section["rows"]
        ]
        parts.append({"key": key, **section, "rows": rows})
    return render_to_string(
        "privacy/export_document.html",
        {
            "name": user.display_name,
            "exported_at": _readable(data["exported_at"], zone),
            "about": data["about"],
            "sections": parts,
        },
    )


def photo_file_name(*, pk: int, happened_on: date, stored: str) -> str:
    """Where a photo is in the zip export (the photos section names it)."""
    return f"photos/{happened_on:%Y-%m-%d}-{pk}{PurePosixPath(stored).suffix}"


def _own_photos(user) -> Iterator[tuple[str, str]]:
    """(name in the zip, stored file name) of each photo the person uploaded."""
    from hearth.together.models import Photo

    photos = Photo.objects.filter(uploaded_by=user).order_by("created_at", "pk")
    for pk, happened_on, stored in photos.values_list("pk", "memory__happened_on", "image"):
        yield photo_file_name(pk=pk, happened_on=happened_on, stored=stored), stored


def export_zip(data: Mapping[str, Any], *, user) -> IO[bytes]:
    """export.json, export.html and photos/ (the photos the person uploaded). Spooled to
    disk past 16 MB: photos can make it large."""
    from hearth.together.models import private_storage

    buffer = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)  # noqa: SIM115
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("export.json", export_json(data))
        archive.writestr("export.html", export_html(data, user=user))
        for name, stored in _own_photos(user):
            if private_storage.exists(stored):
                with private_storage.open(stored, "rb") as photo:
                    # JPEGs are compressed already.
                    archive.writestr(name, photo.read(), compress_type=zipfile.ZIP_STORED)
    buffer.seek(0)
    return buffer
