"""manage.py backup and restore: a consistent copy taken while partners keep writing, put
back into a fresh database with every row as it was (SAFETY.md, "Data durability")."""

import io
import json
import os
import stat
import subprocess
import tarfile
import threading
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from PIL import Image

from hearth.appreciate.models import JournalEntry, Note
from hearth.appreciate.services import journal_write, note_react, note_send
from hearth.core.backup import BackupError, backup_create, pg_tool
from hearth.support.models import Bid
from hearth.support.services import bid_answer, bid_send
from hearth.talk.services import answer_save, daily_question_for
from hearth.tests.factories import couple_of, make_questions
from hearth.tests.processes import MANAGE, database_url, hearth_env
from hearth.together.memories import memory_create, photo_add
from hearth.trust.promises import promise_keep, promise_make

WAIT = 120  # seconds: only a guard against hanging forever, never reached when all is well


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def photo(colour: str) -> SimpleUploadedFile:
    image = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(image, "PNG")
    return SimpleUploadedFile("p.png", image.getvalue())


def some_history(owner, partner) -> None:
    """A little of everything, written through the services, photos included."""
    couple = couple_of(owner)
    make_questions(4)
    question = daily_question_for(couple=couple)
    answer_save(user=owner, daily_question=question, text="The sea, always.")
    answer_save(user=partner, daily_question=question, text="The hills at dawn.")
    note = note_send(user=owner, couple=couple, did="You made soup", felt="Looked after")
    note_react(user=partner, note=note, reaction="heart")
    bid = bid_send(user=partner, couple=couple, kind="hard_day")
    bid_answer(user=owner, bid=bid, answer="now", reply="Coming")
    promise_keep(user=partner, promise=promise_make(user=owner, couple=couple, text="Call Mum"))
    journal_write(user=partner, couple=couple, text="Grateful for the quiet morning")
    memory = memory_create(
        user=owner, couple=couple, title="The ferry", happened_on=couple.local_today()
    )
    photo_add(user=owner, memory=memory, upload=photo("teal"))
    photo_add(user=partner, memory=memory, upload=photo("coral"))


class Writer(threading.Thread):
    """Partners writing through the services without pause, until told to stop."""

    def __init__(self, owner, partner):
        super().__init__()
        self.owner, self.partner = owner, partner
        self.written = 0
        self.errors: list[Exception] = []
        self.changed = threading.Condition()
        self.stop = threading.Event()

    def run(self) -> None:
        couple = couple_of(self.owner)
        try:
            while not self.stop.is_set():
                n = self.written
                if n % 3 == 0:
                    note_send(user=self.owner, couple=couple, did=f"Thanks {n}", felt="Warm")
                elif n % 3 == 1:
                    journal_write(user=self.partner, couple=couple, text=f"Grateful {n}")
                else:
                    bid_send(user=self.partner, couple=couple, kind="talk")
                with self.changed:
                    self.written += 1
                    self.changed.notify_all()
        except Exception as error:
            self.errors.append(error)
        finally:
            connection.close()
            with self.changed:
                self.stop.set()
                self.changed.notify_all()

    def wait_for(self, count: int) -> None:
        with self.changed:
            assert self.changed.wait_for(
                lambda: self.written >= count or self.stop.is_set(), timeout=WAIT
            )
        assert not self.errors, self.errors


def tables(cursor, vendor: str) -> list[str]:
    if vendor == "sqlite":
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return sorted(name for (name,) in cursor.fetchall())


def every_row(cursor, vendor: str) -> dict[str, list[tuple]]:
    """Every table's rows: the models' tables column by column in primary-key order, and
    the others (django_migrations, the cache) as they come, sorted."""
    quote = connection.ops.quote_name
    found = tables(cursor, vendor)
    content: dict[str, list[tuple]] = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if not meta.managed or meta.proxy:
            continue
        columns = ", ".join(quote(str(field.column)) for field in meta.concrete_fields)
        order = quote(str(meta.pk.column))
        cursor.execute(f"SELECT {columns} FROM {quote(meta.db_table)} ORDER BY {order}")  # noqa: S608
        content[meta.db_table] = [tuple(row) for row in cursor.fetchall()]
    for table in found:
        if table not in content:
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608
            content[table] = sorted((tuple(row) for row in cursor.fetchall()), key=repr)
    assert sorted(content) == found, "a model without its table, or a table read twice"
    return content


def restored_rows(database: str, var_dir: Path) -> dict[str, list[tuple]]:
    if connection.vendor == "sqlite":
        import sqlite3

        restored = sqlite3.connect(var_dir / "hearth.sqlite3")
        try:
            return every_row(restored.cursor(), "sqlite")
        finally:
            restored.close()
    other = connection.copy()
    other.settings_dict["NAME"] = database
    try:
        other.ensure_connection()
        assert other.connection is not None
        return every_row(other.connection.cursor(), "postgresql")
    finally:
        other.close()


@pytest.fixture
def fresh_database():
    """The name of a database of our own to restore into (PostgreSQL), dropped afterwards;
    on SQLite, None: the restore writes a new file in its own var dir."""
    if connection.vendor == "sqlite":
        yield None
        return
    name = f"{connection.settings_dict['NAME']}_restore_{os.getpid()}"
    quoted = connection.ops.quote_name(name)
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted}")
        cursor.execute(f"CREATE DATABASE {quoted}")
    try:
        yield name
    finally:
        connection.close()
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")


def restore_in_a_fresh_process(archive: Path, *args: str, database, var_dir: Path):
    url = None if database is None else database_url({**connection.settings_dict, "NAME": database})
    return subprocess.run(
        [*MANAGE, "restore", str(archive), *args],
        env=hearth_env(var_dir=var_dir, database=url, media_root=var_dir / "photos"),
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=WAIT,
    )


@pytest.mark.django_db(transaction=True)
def test_it_backs_up_while_partners_write_and_restores_every_row(
    owner, partner, settings, tmp_path, fresh_database
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "media"
    some_history(owner, partner)
    archive = tmp_path / "backup.tar"
    at_backup: dict[str, list[tuple]] = {}

    def snapshot_taken(cursor) -> None:
        # Partners commit more while the backup holds its snapshot; the copy must not
        # include them, and must be the state read here, row for row.
        writer.wait_for(writer.written + 3)
        at_backup.update(every_row(cursor, connection.vendor))

    writer = Writer(owner, partner)
    writer.start()
    try:
        writer.wait_for(3)
        backup_create(
            database=connection,
            output=archive,
            media_root=settings.PRIVATE_MEDIA_ROOT,
            on_snapshot=snapshot_taken,
        )
        writer.wait_for(writer.written + 3)  # and go on writing after it
    finally:
        writer.stop.set()
        writer.join()
    assert not writer.errors, writer.errors
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600

    var_dir = tmp_path / "restored"
    result = restore_in_a_fresh_process(archive, database=fresh_database, var_dir=var_dir)
    assert result.returncode == 0, result.stderr
    assert "the same counts as when the backup was made" in result.stdout

    restored = restored_rows(fresh_database, var_dir)
    assert sorted(restored) == sorted(at_backup)
    for table, rows in at_backup.items():
        assert restored[table] == rows, f"{table} differs after the restore"
    written = (Note, JournalEntry, Bid)
    in_backup = sum(len(at_backup[model._meta.db_table]) for model in written)
    assert sum(model.objects.count() for model in written) >= in_backup + 3, "writes went on"
    photos = sorted(
        path.relative_to(tmp_path / "media") for path in settings.PRIVATE_MEDIA_ROOT.rglob("*.jpg")
    )
    assert len(photos) == 2
    for path in photos:
        assert (var_dir / "photos" / path).read_bytes() == (tmp_path / "media" / path).read_bytes()

    # Over a Hearth that holds accounts, only with --force, which puts back the backup.
    refused = restore_in_a_fresh_process(archive, database=fresh_database, var_dir=var_dir)
    assert refused.returncode == 1
    assert "already holds 2 accounts and 2 photos" in refused.stderr
    assert "--force" in refused.stderr
    forced = restore_in_a_fresh_process(
        archive, "--force", database=fresh_database, var_dir=var_dir
    )
    assert forced.returncode == 0, forced.stderr
    assert restored_rows(fresh_database, var_dir) == restored


@pytest.mark.django_db(transaction=True)
def test_it_reports_progress_and_a_summary_and_keeps_the_file_private(
    owner, partner, settings, tmp_path
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "media"
    some_history(owner, partner)
    archive = tmp_path / "nightly" / "hearth.tar.gz"
    output = run("backup", "--output", str(archive))
    assert "Adding photos: 2/2" in output
    assert f"Backup written to {archive}" in output and "readable only by you" in output
    assert "photos: 2" in output
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "hearth-backup.json" in names
    assert any(name.startswith("database.") for name in names)
    assert sum(name.startswith("private-media/photos/") for name in names) == 2
    assert not list(archive.parent.glob(".*")), "no temporary file left behind"

    with pytest.raises(CommandError, match=r"exists already\. Choose another --output"):
        run("backup", "--output", str(archive))
    # Restoring over this Hearth, which holds accounts, asks for --force and changes nothing.
    with pytest.raises(CommandError, match=r"already holds 2 accounts.*--force"):
        run("restore", str(archive))
    assert Note.objects.count() == 1


def test_it_says_when_a_file_is_not_a_backup(tmp_path):
    not_a_tar = tmp_path / "notes.txt"
    not_a_tar.write_text("hello")
    with pytest.raises(CommandError, match="could not be read as a backup"):
        run("restore", str(not_a_tar))
    other_tar = tmp_path / "other.tar"
    with tarfile.open(other_tar, "w") as tar:
        tar.add(not_a_tar, arcname="notes.txt")
    with pytest.raises(CommandError, match="is not a Hearth backup"):
        run("restore", str(other_tar))
    with pytest.raises(CommandError, match="There is no backup at"):
        run("restore", str(tmp_path / "missing.tar"))


def test_it_names_the_package_to_install_when_pg_dump_is_missing_or_too_old(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BackupError, match="apt-get install postgresql-client"):
        pg_tool("pg_dump", at_least=15)
    old = tmp_path / "pg_dump"
    old.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 13.16'\n")
    old.chmod(0o755)
    with pytest.raises(BackupError, match=r"version 13, older than the PostgreSQL 15.*client-15"):
        pg_tool("pg_dump", at_least=15)
    assert pg_tool("pg_dump", at_least=13) == (str(old), 13)


def test_it_refuses_a_backup_from_a_newer_hearth_and_says_to_update_first(tmp_path):
    manifest = {
        "format": 1,
        "made_at": "2031-01-01T00:00:00+00:00",
        "engine": connection.vendor,
        "database": "database.dump",
        "tool": "pg_dump 99",
        "migrations": [["talk", "0001_initial"], ["talk", "9999_from_the_future"]],
        "tables": {},
    }
    archive = tmp_path / "future.tar"
    with tarfile.open(archive, "w") as tar:
        for name, data in (("hearth-backup.json", json.dumps(manifest)), ("database.dump", "")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data.encode()))
    with pytest.raises(CommandError, match=r"newer version of Hearth.*talk\.9999_from_the_future"):
        run("restore", str(archive))
