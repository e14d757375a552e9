"""The in-app guides (hearth/talk/content/guides.toml), read once per process."""

import tomllib
from functools import cache
from pathlib import Path

GUIDES = Path(__file__).parent / "content" / "guides.toml"


@cache
def guides() -> dict:
    with GUIDES.open("rb") as handle:
        return tomllib.load(handle)


def guide(name: str) -> dict:
    return guides()[name]
