"""Running Hearth in another process (a writer to kill, `manage.py restore`) against the
database the test suite is using."""

import os
import sys
from pathlib import Path
from urllib.parse import quote

from django.conf import settings


def database_url(settings_dict: dict) -> str:
    """A DATABASE_URL naming the database described by a Django settings dict."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(str(settings_dict.get("PASSWORD") or ""), safe="")
    credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
    host = settings_dict.get("HOST") or "localhost"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{quote(settings_dict['NAME'], safe='')}"


def hearth_env(*, var_dir: Path, database: str | None, media_root: Path | None = None) -> dict:
    """The environment of a Hearth process: its own var dir, and the database given as a
    DATABASE_URL (None: the SQLite file in that var dir)."""
    env = {**os.environ, "HEARTH_LOCAL": "1", "HEARTH_VAR_DIR": str(var_dir)}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for Playwright in the test process only
    if database is not None:
        env["DATABASE_URL"] = database
    if media_root is not None:
        env["PRIVATE_MEDIA_ROOT"] = str(media_root)
    return env


MANAGE = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
