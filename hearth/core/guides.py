"""In-app guides kept as TOML next to each app's content, read once per process."""

import tomllib
from functools import cache
from pathlib import Path


@cache
def read_guides(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)
