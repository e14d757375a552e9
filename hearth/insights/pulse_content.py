"""The monthly pulse's words (hearth/insights/content/pulse.toml), read once per process.

A plain TOML read rather than a content library in the database: the ten statements are a
fixed instrument whose keys are the columns of `Pulse`, so nothing ever points at a row
of items, and there is no loading step to forget. Wording can improve in the file at any
time; the keys (and so old answers) stay put. The file is checked against the model on
first read, so a missing, extra or misplaced statement fails loudly instead of a page
quietly showing nine questions.
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hearth.core.libraries import ContentError
from hearth.insights.models import PULSE_HIGHEST, PULSE_ITEMS, PULSE_LOWEST

PULSE_FILE = Path(__file__).parent / "content" / "pulse.toml"
PILLARS = ("talk", "together", "appreciate", "trust", "support")
ITEMS_PER_PILLAR = 2
ITEM_TEXT_MAX = 90
CLOSENESS_LABEL_MAX = 60
SCALE = tuple(range(PULSE_LOWEST, PULSE_HIGHEST + 1))


@dataclass(frozen=True)
class PulseItem:
    key: str
    pillar: str
    text: str


@dataclass(frozen=True)
class ClosenessLevel:
    level: int
    label: str


@dataclass(frozen=True)
class PulseContent:
    page: dict[str, str]
    # The words beside 1, 4 and 7: {"low": …, "middle": …, "high": …}.
    scale: dict[str, str]
    items: tuple[PulseItem, ...]
    closeness: tuple[ClosenessLevel, ...]

    def items_of(self, pillar: str) -> tuple[PulseItem, ...]:
        return tuple(item for item in self.items if item.pillar == pillar)


def _checked(data: dict, source: str) -> PulseContent:
    items = tuple(
        PulseItem(key=entry["key"], pillar=entry["pillar"], text=entry["text"])
        for entry in data.get("item", [])
    )
    keys = [item.key for item in items]
    if sorted(keys) != sorted(PULSE_ITEMS):
        raise ContentError(f"{source}: the statements must be exactly {', '.join(PULSE_ITEMS)}")
    for item in items:
        if item.pillar not in PILLARS or not item.key.startswith(f"{item.pillar}_"):
            raise ContentError(f"{source}: {item.key} has pillar={item.pillar!r}")
        if not item.text or len(item.text) > ITEM_TEXT_MAX:
            raise ContentError(f"{source}: {item.key} needs a text of 1–{ITEM_TEXT_MAX} characters")
    for pillar in PILLARS:
        if len([item for item in items if item.pillar == pillar]) != ITEMS_PER_PILLAR:
            raise ContentError(f"{source}: {pillar} needs {ITEMS_PER_PILLAR} statements")
    closeness = tuple(
        ClosenessLevel(level=entry["level"], label=entry["label"])
        for entry in data.get("closeness", [])
    )
    if [level.level for level in closeness] != list(SCALE):
        raise ContentError(f"{source}: the closeness levels must be 1 to 7, in order")
    if any(not level.label or len(level.label) > CLOSENESS_LABEL_MAX for level in closeness):
        raise ContentError(
            f"{source}: each closeness label needs 1–{CLOSENESS_LABEL_MAX} characters"
        )
    scale = data.get("scale", {})
    page = data.get("page", {})
    for table, fields in (
        ("scale", ("low", "middle", "high")),
        ("page", ("title", "intro", "private", "question", "closeness")),
    ):
        missing = [name for name in fields if not (scale if table == "scale" else page).get(name)]
        if missing:
            raise ContentError(f"{source}: [{table}] has no {', '.join(missing)}")
    return PulseContent(page=page, scale=scale, items=items, closeness=closeness)


def read_pulse(path: Path) -> PulseContent:
    """The pulse's words from a TOML file, checked against the `Pulse` model."""
    with path.open("rb") as handle:
        try:
            data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as error:
            raise ContentError(f"{path.name}: {error}") from error
    try:
        return _checked(data, path.name)
    except (KeyError, TypeError) as error:
        raise ContentError(f"{path.name}: an entry is missing {error}") from error


@cache
def pulse_content() -> PulseContent:
    """The pulse's words, read once per process."""
    return read_pulse(PULSE_FILE)
