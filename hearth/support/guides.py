"""Support's in-app guides (hearth/support/content/guides.toml)."""

from pathlib import Path

from hearth.core.guides import read_guides

GUIDES = Path(__file__).parent / "content" / "guides.toml"


def guide(name: str) -> dict:
    return read_guides(GUIDES)[name]
