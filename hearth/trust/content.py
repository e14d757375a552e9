"""Trust's content libraries: vulnerability prompts and validating response starters."""

from pathlib import Path

from hearth.core.libraries import TomlLibrary
from hearth.trust.models import ValidatingResponse, VulnerabilityPrompt

CONTENT = Path(__file__).parent / "content"

LIBRARIES = {
    "vulnerability_prompts": TomlLibrary(
        model=VulnerabilityPrompt,
        paths=(CONTENT / "vulnerability_prompts.toml",),
        table="prompt",
        fields=("set", "topic", "text"),
        choices=(
            ("set", frozenset(VulnerabilityPrompt.Set.values)),
            ("topic", frozenset(VulnerabilityPrompt.Topic.values)),
        ),
    ),
    "validating_responses": TomlLibrary(
        model=ValidatingResponse,
        paths=(CONTENT / "validating_responses.toml",),
        table="response",
        fields=("kind", "text"),
        choices=(("kind", frozenset(ValidatingResponse.Kind.values)),),
    ),
}
