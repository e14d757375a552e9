"""What each kind of nudge says and where it leads, from hearth/nudges/content/kinds.toml.

A nudge never carries the words people wrote: only its kind (what happened), the
partner's name, and a link to the page where the person can look for themselves.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.urls import NoReverseMatch, reverse

from hearth.core.guides import read_guides
from hearth.core.models import Event

KINDS_FILE = Path(__file__).parent / "content" / "kinds.toml"


@dataclass(frozen=True)
class KindInfo:
    key: str
    label: str
    group: str
    title: str
    line: str
    email_default: bool
    link: str
    fallback_link: str
    with_pk: bool
    from_partner: bool

    def title_for(self, partner_name: str | None) -> str:
        title = self.title.replace("{partner}", partner_name or "Your partner")
        return title[:1].upper() + title[1:]


@cache
def kinds() -> dict[str, KindInfo]:
    """Every kind, in the order of the settings page. Each Event kind must be described."""
    data = read_guides(KINDS_FILE)
    found = {
        key: KindInfo(
            key=key,
            # Kept lazy: read in each person's language, not in the first one asked for.
            label=Event.Kind(key).label,
            group=entry["group"],
            title=entry["title"],
            line=entry["line"],
            email_default=entry["email"],
            link=entry["link"],
            fallback_link=entry.get("fallback_link", "today"),
            with_pk=entry.get("with_pk", False),
            from_partner=entry["from_partner"],
        )
        for key, entry in data["kinds"].items()
    }
    missing = set(Event.Kind.values) - set(found)
    if missing:
        raise LookupError(f"Describe these kinds in {KINDS_FILE}: {sorted(missing)}")
    return found


def groups() -> list[tuple[str, list[KindInfo]]]:
    """(heading, kinds) for the settings page."""
    names = read_guides(KINDS_FILE)["groups"]
    return [
        (heading, [info for info in kinds().values() if info.group == key])
        for key, heading in names.items()
    ]


def kind_info(kind: str) -> KindInfo:
    return kinds()[kind]


def from_partner_kinds() -> list[str]:
    return [key for key, info in kinds().items() if info.from_partner]


def link_for(kind: str, subject: str) -> str:
    """The path a nudge leads to. `subject` is "app.model:pk" of what it is about."""
    info = kind_info(kind)
    args: list[str] = []
    if info.with_pk:
        _, _, pk = subject.partition(":")
        args = [pk] if pk.isdigit() else []
    try:
        return reverse(info.link, args=args)
    except NoReverseMatch:
        return reverse(info.fallback_link)
