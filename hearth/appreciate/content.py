"""Appreciate's content libraries: note prompts and gesture ideas."""

from pathlib import Path

from hearth.appreciate.models import Cost, Effort, GestureIdea, Prompt, Step, Style
from hearth.core.libraries import TomlLibrary

CONTENT = Path(__file__).parent / "content"

LIBRARIES = {
    "appreciation_prompts": TomlLibrary(
        model=Prompt,
        paths=(CONTENT / "prompts.toml",),
        table="prompt",
        fields=("step", "text"),
        choices=(("step", frozenset(Step.values)),),
    ),
    "gesture_ideas": TomlLibrary(
        model=GestureIdea,
        paths=(CONTENT / "gestures.toml",),
        table="gesture",
        fields=("style", "cost", "effort", "text"),
        choices=(
            ("style", frozenset(Style.values)),
            ("cost", frozenset(Cost.values)),
            ("effort", frozenset(Effort.values)),
        ),
    ),
}
