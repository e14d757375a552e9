"""Support's content libraries: the feelings wheel and the needs-map prompts."""

from pathlib import Path

from hearth.core.libraries import ContentError, TomlLibrary
from hearth.support.models import Feeling, NeedsPrompt

CONTENT = Path(__file__).parent / "content"
TONES = frozenset({"pleasant", "unpleasant", "mixed"})
SECTIONS = frozenset({"stressed", "comforts", "unhelpful", "signs"})


class FeelingsWheel(TomlLibrary):
    """Checks the wheel's shape: three levels, each word below a word one level up."""

    def items(self) -> list[dict]:
        items = super().items()
        levels = {item["key"]: item["level"] for item in items}
        for item in items:
            parent_level = levels.get(item["parent"], 0) if item["parent"] else 0
            if item["level"] not in (1, 2, 3) or parent_level != item["level"] - 1:
                raise ContentError(f"{item['_source']}: {item['key']} is not under a parent")
        return items


LIBRARIES = {
    "feelings": FeelingsWheel(
        model=Feeling,
        paths=(CONTENT / "feelings.toml",),
        table="feeling",
        fields=("word", "level", "parent", "tone"),
        choices=(("tone", TONES),),
    ),
    "needs_map_prompts": TomlLibrary(
        model=NeedsPrompt,
        paths=(CONTENT / "needs_prompts.toml",),
        table="prompt",
        fields=("section", "text"),
        choices=(("section", SECTIONS),),
    ),
}
