"""Talk's content libraries: the daily questions and the repair phrases."""

from pathlib import Path

from hearth.core.libraries import TomlLibrary
from hearth.talk.models import Category, Depth, Question, RepairPhrase

CONTENT = Path(__file__).parent / "content"

REPAIR_GROUPS = frozenset(
    {"i_feel", "sorry", "get_to_yes", "calm_down", "stop_action", "appreciate"}
)

LIBRARIES = {
    "questions": TomlLibrary(
        model=Question,
        paths=tuple((CONTENT / "questions").glob("*.toml")),
        table="question",
        fields=("category", "depth", "text"),
        choices=(
            ("category", frozenset(Category.values)),
            ("depth", frozenset(Depth.values)),
        ),
    ),
    "repair_phrases": TomlLibrary(
        model=RepairPhrase,
        paths=(CONTENT / "repair_phrases.toml",),
        table="phrase",
        fields=("group", "text"),
        choices=(("group", REPAIR_GROUPS),),
    ),
}
