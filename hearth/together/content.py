"""Together's content libraries: date ideas and ritual ideas."""

from pathlib import Path

from hearth.core.libraries import ContentError, TomlLibrary
from hearth.together.models import (
    SEASONS,
    Cost,
    DateIdea,
    Energy,
    Frequency,
    Novelty,
    Place,
    RitualIdea,
    RitualKind,
    Setting,
)

CONTENT = Path(__file__).parent / "content"


class DateIdeaLibrary(TomlLibrary):
    def items(self) -> list[dict]:
        items = super().items()
        for item in items:
            seasons = item["seasons"]
            if not seasons or not set(seasons) <= {"any", *SEASONS}:
                raise ContentError(f"{item['_source']}: {item['key']} has seasons={seasons!r}")
        return items


LIBRARIES = {
    "date_ideas": DateIdeaLibrary(
        model=DateIdea,
        paths=(CONTENT / "date_ideas.toml",),
        table="idea",
        fields=(
            "title",
            "description",
            "cost",
            "duration_minutes",
            "setting",
            "energy",
            "novelty",
            "place",
            "seasons",
        ),
        choices=(
            ("cost", frozenset(Cost.values)),
            ("setting", frozenset(Setting.values)),
            ("energy", frozenset(Energy.values)),
            ("novelty", frozenset(Novelty.values)),
            ("place", frozenset(Place.values)),
        ),
    ),
    "ritual_ideas": TomlLibrary(
        model=RitualIdea,
        paths=(CONTENT / "rituals.toml",),
        table="ritual",
        fields=("kind", "title", "description", "frequency", "interval", "duration_minutes"),
        choices=(
            ("kind", frozenset(RitualKind.values)),
            ("frequency", frozenset(Frequency.values)),
        ),
    ),
}
