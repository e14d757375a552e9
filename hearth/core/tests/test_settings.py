"""Settings as a self-hoster meets them: run in a fresh process with a chosen environment."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def run_manage(*args: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    ours = {"DEBUG", "SECRET_KEY", "HEARTH_LOCAL", "DATABASE_URL", "SITE_URL", "ALLOWED_HOSTS"}
    ours.add("DJANGO_ALLOW_ASYNC_UNSAFE")  # set for Playwright in this test process only
    clean = {name: value for name, value in os.environ.items() if name not in ours}
    clean["HEARTH_VAR_DIR"] = str(tmp_path)
    clean.update(env)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-production-secret-key-that-is-long-enough-and-random-3f9a8c7e6d5b4a",
    "ALLOWED_HOSTS": "hearth.example.com",
    "SITE_URL": "https://hearth.example.com",
}


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION, tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS:" not in result.stderr and "ERRORS:" not in result.stderr
    # Without EMAIL_HOST it says, as information, that e-mail will not be sent.
    assert "hearth.I001" in result.stderr


def test_with_an_smtp_host_the_deploy_check_has_nothing_to_say(tmp_path):
    env = {**PRODUCTION, "EMAIL_HOST": "smtp.example.com"}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env, tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_it_refuses_to_start_without_a_secret_key_in_production(tmp_path):
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = run_manage("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_local_mode_keeps_a_generated_key_in_var(tmp_path):
    first = run_manage("check", env={"HEARTH_LOCAL": "1"}, tmp_path=tmp_path)
    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "secret_key"
    key = key_file.read_text()
    assert len(key) >= 50
    assert oct(key_file.stat().st_mode)[-3:] == "600"
    run_manage("check", env={"HEARTH_LOCAL": "1"}, tmp_path=tmp_path)
    assert key_file.read_text() == key


def test_debug_is_off_unless_asked(tmp_path):
    script = "from django.conf import settings; print(settings.DEBUG, settings.PASSWORD_HASHERS[0])"
    result = run_manage("shell", "-c", script, env={"HEARTH_LOCAL": "1"}, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == [
        "False",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
    ]


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout_under_var(tmp_path):
    script = (
        "from django.db import connection; c = connection.cursor(); "
        "print(c.execute('PRAGMA journal_mode').fetchone()[0], "
        "c.execute('PRAGMA busy_timeout').fetchone()[0], connection.settings_dict['NAME'], "
        "connection.transaction_mode)"
    )
    result = run_manage("shell", "-c", script, env={"HEARTH_LOCAL": "1"}, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    mode, timeout, name, transaction_mode = result.stdout.split()[-4:]
    assert mode == "wal"
    assert int(timeout) >= 5000
    assert Path(name).parent == tmp_path
    assert transaction_mode == "IMMEDIATE"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("SESSION_COOKIE_SECURE", "True"),
        ("CSRF_COOKIE_SECURE", "True"),
        ("SECURE_SSL_REDIRECT", "True"),
        ("SECURE_HSTS_SECONDS", "31536000"),
    ],
)
def test_an_https_site_url_secures_cookies_and_turns_on_hsts(tmp_path, name, expected):
    script = f"from django.conf import settings; print(settings.{name})"
    result = run_manage("shell", "-c", script, env=PRODUCTION, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == expected


def test_database_url_selects_postgresql(tmp_path):
    script = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    env = {"HEARTH_LOCAL": "1", "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/hearth"}
    result = run_manage("shell", "-c", script, env=env, tmp_path=tmp_path)
    assert result.stdout.split()[-1] == "django.db.backends.postgresql"


def test_production_pages_link_the_collected_hashed_and_compressed_static_files(tmp_path):
    collected = run_manage("collectstatic", "--no-input", "-v0", env=PRODUCTION, tmp_path=tmp_path)
    assert collected.returncode == 0, collected.stdout + collected.stderr
    shown = run_manage(
        "shell",
        "-c",
        "from django.templatetags.static import static; print(static('hearth.css'));"
        "print(static('hearth.css'))",
        env=PRODUCTION,
        tmp_path=tmp_path,
    )
    assert shown.returncode == 0, shown.stderr
    first, again = shown.stdout.split()[-2:]
    assert first == again and first.startswith("/static/hearth.") and first.endswith(".css")
    served = tmp_path / "static" / first.removeprefix("/static/")
    assert served.is_file() and served.with_name(served.name + ".gz").is_file()
