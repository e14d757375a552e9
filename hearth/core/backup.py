"""Backups: one archive holding the database and the private media (docs/backups.md).

The archive is a tar file (gzip-compressed when its name ends in .gz or .tgz) with:

- `database.sqlite3`, a copy made with SQLite's online backup API, or `database.pgdump`,
  made by `pg_dump --format=custom`;
- `private-media/…`, the couples' photos (PRIVATE_MEDIA_ROOT);
- `hearth-backup.json`, what is inside: the engine, the migrations applied and the number
  of rows of every table when the copy was taken, which a restore checks against.

The database copy is one consistent snapshot taken while Hearth keeps running: SQLite reads
it inside one read transaction (in WAL mode writers carry on meanwhile), PostgreSQL exports
a repeatable-read snapshot that pg_dump then uses. Never copy a live database file instead.
"""

import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

FORMAT = 1
MANIFEST = "hearth-backup.json"
MEDIA_DIR = "private-media"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
SQLITE_PAGES_PER_STEP = 1024
PG_CLIENT_PACKAGE = "postgresql-client"

Progress = Callable[[str], None]
# Called with a DB-API cursor that sees exactly the state being backed up, before the copy
# starts: lets a caller read or check that state while writes go on elsewhere.
OnSnapshot = Callable[[Any], None]


class BackupError(Exception):
    """A backup or restore could not go ahead; the message says what to do next."""


@dataclass
class BackupSummary:
    path: Path
    engine: str
    tables: dict[str, int]
    media_files: int
    media_bytes: int
    seconds: float

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


@dataclass
class RestoreSummary:
    path: Path
    engine: str
    made_at: str
    tables: dict[str, int]
    media_files: int
    seconds: float
    dropped_tables: list[str] = field(default_factory=list)
    pending_migrations: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


def default_backup_path(var_dir: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return var_dir / "backups" / f"hearth-{stamp}.tar"


def engine_of(database: BaseDatabaseWrapper) -> str:
    if database.vendor not in DATABASE_FILES:
        raise BackupError(
            f"Hearth backs up SQLite and PostgreSQL, not {database.vendor}; "
            "use that database's own backup tools."
        )
    return database.vendor


# Backup ---------------------------------------------------------------------------------


def backup_create(
    *,
    database: BaseDatabaseWrapper,
    output: Path,
    media_root: Path,
    progress: Progress = lambda message: None,
    on_snapshot: OnSnapshot | None = None,
) -> BackupSummary:
    """Write one archive with a consistent copy of the database and the private media.

    The file is created with mode 0600 (it holds private words) under a temporary name
    and renamed when complete, so an interrupted backup never looks like a finished one.
    """
    started = time.monotonic()
    engine = engine_of(database)
    output = output.absolute()
    if output.exists():
        raise BackupError(f"{output} exists already. Choose another --output, or move it away.")
    if not output.parent.is_dir():
        output.parent.mkdir(mode=0o700, parents=True)
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".hearth-backup-") as work:
        dump = Path(work) / DATABASE_FILES[engine]
        if engine == "sqlite":
            tables, migrations, tool = _sqlite_backup(database, dump, progress, on_snapshot)
        else:
            tables, migrations, tool = _pg_backup(database, dump, progress, on_snapshot)
        # Listed after the snapshot: a photo's file is saved before its row is committed, so
        # every photo the copied database knows of is on disk by now.
        media = _media_files(media_root)
        media_bytes = sum(size for _, size in media)
        manifest = {
            "format": FORMAT,
            "made_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "engine": engine,
            "database": DATABASE_FILES[engine],
            "tool": tool,
            "migrations": migrations,
            "tables": tables,
            "media_files": len(media),
            "media_bytes": media_bytes,
        }
        partial = output.with_name(f".{output.name}.partial")
        partial.unlink(missing_ok=True)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as raw:
                with tarfile.open(fileobj=raw, mode=_tar_mode(output, "w")) as tar:
                    _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
                    progress(f"Adding the database ({human_size(dump.stat().st_size)})…")
                    tar.add(dump, arcname=DATABASE_FILES[engine], recursive=False)
                    _add_media(tar, media_root, media, progress)
                raw.flush()
                os.fsync(raw.fileno())  # on disk before it takes the final name
            partial.replace(output)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return BackupSummary(
        path=output,
        engine=engine,
        tables=tables,
        media_files=len(media),
        media_bytes=media_bytes,
        seconds=time.monotonic() - started,
    )


def _tar_mode(path: Path, mode: str) -> Any:
    return f"{mode}:gz" if path.name.endswith((".gz", ".tgz")) else mode


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    info.mtime = int(time.time())
    tar.addfile(info, io.BytesIO(data))


def _media_files(media_root: Path) -> list[tuple[str, int]]:
    """Every regular file under the media root, as (relative path, size)."""
    if not media_root.is_dir():
        return []
    found = []
    for directory, _, names in os.walk(media_root):
        for name in names:
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                found.append((path.relative_to(media_root).as_posix(), path.stat().st_size))
    return sorted(found)


def _add_media(
    tar: tarfile.TarFile, media_root: Path, media: list[tuple[str, int]], progress: Progress
) -> None:
    if not media:
        progress("No photos to add.")
        return
    step = max(1, len(media) // 10)
    for number, (relative, _) in enumerate(media, start=1):
        path = media_root / relative
        try:
            tar.add(path, arcname=f"{MEDIA_DIR}/{relative}", recursive=False)
        except FileNotFoundError:  # a photo removed since the database copy was taken
            continue
        if number % step == 0 or number == len(media):
            progress(f"Adding photos: {number:,}/{len(media):,}")


def _table_counts(cursor, tables: list[str], quote: Callable[[str], str]) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 (names from the catalogue)
        counts[table] = cursor.fetchone()[0]
    return counts


def _applied_migrations(cursor, tables: dict[str, int]) -> list[list[str]]:
    if "django_migrations" not in tables:
        return []
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    return [[app, name] for app, name in cursor.fetchall()]


def _sqlite_tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    return [name for (name,) in cursor.fetchall()]


def _sqlite_backup(
    database: BaseDatabaseWrapper, dump: Path, progress: Progress, on_snapshot: OnSnapshot | None
) -> tuple[dict[str, int], list[list[str]], str]:
    name = str(database.settings_dict["NAME"])
    if not Path(name).is_file():
        raise BackupError(f"There is no database at {name} yet: nothing to back up.")
    source = sqlite3.connect(name, timeout=20, isolation_level=None)
    try:
        # One read transaction for the whole copy: every step reads the same snapshot, and
        # in WAL mode the app's writers carry on meanwhile.
        source.execute("BEGIN")
        cursor = source.cursor()
        tables = _table_counts(cursor, _sqlite_tables(cursor), database.ops.quote_name)
        migrations = _applied_migrations(cursor, tables)
        if on_snapshot is not None:
            on_snapshot(cursor)
        progress(f"Copying the SQLite database ({human_size(Path(name).stat().st_size)})…")
        shown = [-1]

        def report(status: int, remaining: int, total: int) -> None:
            done = 100 * (total - remaining) // max(total, 1)
            if done // 10 > shown[0]:
                shown[0] = done // 10
                progress(f"  {done}%")

        target = sqlite3.connect(dump)
        try:
            source.backup(target, pages=SQLITE_PAGES_PER_STEP, progress=report)
        finally:
            target.close()
        source.execute("COMMIT")
    finally:
        source.close()
    return tables, migrations, f"sqlite {sqlite3.sqlite_version}"


def _pg_server_major(database: BaseDatabaseWrapper) -> int:
    database.ensure_connection()
    return int(database.pg_version) // 10_000  # type: ignore[attr-defined]


def pg_tool(name: str, *, at_least: int) -> tuple[str, int]:
    """The path and major version of pg_dump or pg_restore, checked to be new enough."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} is not installed. Install PostgreSQL's client programs "
            f"(Debian/Ubuntu: apt-get install {PG_CLIENT_PACKAGE}, or run "
            "scripts/check-system-packages with DATABASE_URL set), then run this again."
        )
    answer = subprocess.run([path, "--version"], capture_output=True, text=True, check=True)  # noqa: S603
    found = re.search(r"\)\s+(\d+)", answer.stdout)
    major = int(found.group(1)) if found else 0
    if major < at_least:
        raise BackupError(
            f"{name} is version {major}, older than the PostgreSQL {at_least} it must work "
            f"with. Install version {at_least} or newer of the client programs "
            f"(Debian/Ubuntu: apt-get install postgresql-client-{at_least}), then run this "
            "again."
        )
    return path, major


def _pg_connection_args(settings_dict: dict) -> tuple[list[str], dict[str, str]]:
    """Connection options for pg_dump/pg_restore (the password goes in the environment)."""
    from django.db.backends.postgresql.client import DatabaseClient

    args = []
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("NAME"):
        args += ["--dbname", str(settings_dict["NAME"])]
    _, env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    return args, {**os.environ, **(env or {})}


def _pg_tables(cursor) -> list[str]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return [name for (name,) in cursor.fetchall()]


def _run_reporting(
    command: list[str], env: dict[str, str], marker: str, tables: int, progress: Progress
) -> None:
    """Run pg_dump/pg_restore --verbose, reporting how many of the tables it has reached."""
    process = subprocess.Popen(  # noqa: S603 (our own argument list, no shell)
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    lines, reached, shown = [], 0, -1
    for line in process.stderr:
        lines.append(line.rstrip())
        if marker in line:
            reached += 1
            if 10 * reached // max(tables, 1) > shown:
                shown = 10 * reached // max(tables, 1)
                progress(f"  tables: {reached:,}/{tables:,}")
    process.wait()
    if process.returncode != 0:
        details = "\n".join(line for line in lines[-15:] if "error" in line.lower()) or "\n".join(
            lines[-5:]
        )
        raise BackupError(f"{Path(command[0]).name} failed:\n{details}")


def _pg_backup(
    database: BaseDatabaseWrapper, dump: Path, progress: Progress, on_snapshot: OnSnapshot | None
) -> tuple[dict[str, int], list[list[str]], str]:
    server = _pg_server_major(database)
    pg_dump, major = pg_tool("pg_dump", at_least=server)
    snapshot = database.copy()
    try:
        snapshot.ensure_connection()
        raw = snapshot.connection
        assert raw is not None
        raw.autocommit = True
        cursor = raw.cursor()
        # The counts, the caller and pg_dump all see this one snapshot.
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot_id,) = cursor.fetchone()
        tables = _table_counts(cursor, _pg_tables(cursor), database.ops.quote_name)
        migrations = _applied_migrations(cursor, tables)
        if on_snapshot is not None:
            on_snapshot(cursor)
        progress(f"Dumping the PostgreSQL database with pg_dump {major}…")
        args, env = _pg_connection_args(database.settings_dict)
        _run_reporting(
            [
                pg_dump,
                *args,
                "--format=custom",
                f"--snapshot={snapshot_id}",
                "--verbose",
                f"--file={dump}",
            ],
            env,
            "dumping contents of table",
            len(tables),
            progress,
        )
        cursor.execute("COMMIT")
    finally:
        snapshot.close()
    return tables, migrations, f"pg_dump {major} (server {server})"


def human_size(count: int) -> str:
    size = float(count)
    for unit in ("bytes", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:,.0f} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1000
    return f"{count} bytes"


# Restore --------------------------------------------------------------------------------


def backup_restore(
    *,
    database: BaseDatabaseWrapper,
    archive: Path,
    media_root: Path,
    force: bool = False,
    progress: Progress = lambda message: None,
) -> RestoreSummary:
    """Replace the database and the private media with an archive's content, then check
    that every table holds as many rows as when the backup was made."""
    started = time.monotonic()
    engine = engine_of(database)
    archive = archive.absolute()
    if not archive.is_file():
        raise BackupError(f"There is no backup at {archive}. Check the path.")
    media_root = media_root.absolute()
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".hearth-restore-") as work:
        unpacked = Path(work)
        progress(f"Reading {archive.name}…")
        _unpack(archive, unpacked)
        manifest = _read_manifest(unpacked, archive)
        if manifest["engine"] != engine:
            raise BackupError(
                f"This backup holds a {manifest['engine']} database and Hearth is set up for "
                f"{engine}. Restore it with DATABASE_URL pointing at a {manifest['engine']} "
                "database."
            )
        _check_migrations_known(manifest)
        if not force:
            _refuse_to_overwrite(database, media_root)
        dump = unpacked / manifest["database"]
        dropped: list[str] = []
        if engine == "sqlite":
            _sqlite_restore(database, dump, progress)
        else:
            dropped = _pg_restore(database, dump, manifest, progress)
        media_files = _swap_media(unpacked / MEDIA_DIR, media_root, progress)
    progress("Checking the restored database…")
    tables = _restored_counts(database)
    expected: dict[str, int] = manifest["tables"]
    differences = [
        f"{table}: {tables.get(table)} rows, {count} in the backup"
        for table, count in sorted(expected.items())
        if tables.get(table) != count
    ]
    if differences:
        raise BackupError(
            "The restored database differs from the backup:\n  "
            + "\n  ".join(differences)
            + "\nThe backup may be damaged; try an older one."
        )
    return RestoreSummary(
        path=archive,
        engine=engine,
        made_at=manifest["made_at"],
        tables={table: tables[table] for table in expected},
        media_files=media_files,
        seconds=time.monotonic() - started,
        dropped_tables=dropped,
        pending_migrations=_pending_migrations(database),
    )


def _unpack(archive: Path, into: Path) -> None:
    try:
        with tarfile.open(archive, mode="r:*") as tar:
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            tar.extractall(into, filter="data")
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(
            f"{archive} could not be read as a backup ({error}). Check that the copy is "
            "complete, or try another backup."
        ) from None


def _read_manifest(unpacked: Path, archive: Path) -> dict:
    path = unpacked / MANIFEST
    if not path.is_file():
        raise BackupError(f"{archive} is not a Hearth backup (it has no {MANIFEST}).")
    manifest = json.loads(path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"This backup has format {manifest.get('format')}, which this version of Hearth "
            "does not read. Restore it with the Hearth version that made it."
        )
    if not (unpacked / manifest["database"]).is_file():
        raise BackupError(f"{archive} has no {manifest['database']}: the backup is incomplete.")
    return manifest


def _check_migrations_known(manifest: dict) -> None:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [f"{app}.{name}" for app, name in manifest["migrations"] if (app, name) not in known]
    if unknown:
        listed = ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")
        raise BackupError(
            f"This backup was made by a newer version of Hearth (it has migrations this code "
            f"does not know: {listed}). Update Hearth to that version or newer (git pull, "
            "make setup), then restore."
        )


def _refuse_to_overwrite(database: BaseDatabaseWrapper, media_root: Path) -> None:
    user_table = get_user_model()._meta.db_table
    with database.cursor() as cursor:
        accounts = 0
        if user_table in database.introspection.table_names(cursor):
            cursor.execute(f"SELECT COUNT(*) FROM {database.ops.quote_name(user_table)}")  # noqa: S608
            accounts = cursor.fetchone()[0]
    photos = len(_media_files(media_root))
    if accounts or photos:
        held = " and ".join(
            part
            for part in (
                f"{accounts:,} account{'s' if accounts != 1 else ''}" if accounts else "",
                f"{photos:,} photo{'s' if photos != 1 else ''}" if photos else "",
            )
            if part
        )
        raise BackupError(
            f"This Hearth already holds {held}. A restore replaces everything in it. "
            "Back it up first if you may want it, then run restore again with --force; "
            "or restore into an empty database (see docs/backups.md)."
        )


def _sqlite_restore(database: BaseDatabaseWrapper, dump: Path, progress: Progress) -> None:
    name = str(database.settings_dict["NAME"])
    database.close()
    progress(f"Restoring the SQLite database into {name}…")
    source = sqlite3.connect(dump)
    try:
        target = sqlite3.connect(name, timeout=20)
        try:
            # The online backup API, the other way round: it takes the write lock and
            # replaces the whole file's content in one go.
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def _pg_restore(
    database: BaseDatabaseWrapper, dump: Path, manifest: dict, progress: Progress
) -> list[str]:
    server = _pg_server_major(database)
    needed = max(server, int(re.search(r"pg_dump (\d+)", manifest["tool"]).group(1)))  # type: ignore[union-attr]
    pg_restore, major = pg_tool("pg_restore", at_least=needed)
    # Tables of Hearth's apps that the backup does not have (from a later version, say)
    # would stay behind --clean and make the next migrate fail: they go first.
    prefixes = tuple(f"{config.label}_" for config in apps.get_app_configs())
    with database.cursor() as cursor:
        extra = sorted(
            table
            for table in _pg_tables(cursor)
            if table not in manifest["tables"] and table.startswith(prefixes)
        )
        for table in extra:
            cursor.execute(f"DROP TABLE IF EXISTS {database.ops.quote_name(table)} CASCADE")
    database.close()
    progress(f"Restoring the PostgreSQL database with pg_restore {major}…")
    args, env = _pg_connection_args(database.settings_dict)
    _run_reporting(
        [
            pg_restore,
            *args,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--verbose",
            str(dump),
        ],
        env,
        "processing data for table",
        len(manifest["tables"]),
        progress,
    )
    return extra


def _swap_media(unpacked_media: Path, media_root: Path, progress: Progress) -> int:
    """Put the backup's photos in place of the current ones (a rename: all or nothing)."""
    unpacked_media.mkdir(exist_ok=True)
    unpacked_media.chmod(0o700)
    count = len(_media_files(unpacked_media))
    progress(f"Putting {count:,} photo{'s' if count != 1 else ''} in {media_root}…")
    old = media_root.with_name(f".{media_root.name}.before-restore-{os.getpid()}")
    try:
        if media_root.exists():
            media_root.rename(old)
        unpacked_media.rename(media_root)
    except OSError:  # a mount point cannot be renamed: replace what is inside instead
        if old.exists() and not media_root.exists():
            old.rename(media_root)
        for entry in media_root.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        shutil.copytree(unpacked_media, media_root, dirs_exist_ok=True)
    if old.exists():
        shutil.rmtree(old)
    return count


def _restored_counts(database: BaseDatabaseWrapper) -> dict[str, int]:
    with database.cursor() as cursor:
        names = _sqlite_tables(cursor) if database.vendor == "sqlite" else _pg_tables(cursor)
        return _table_counts(cursor, names, database.ops.quote_name)


def _pending_migrations(database: BaseDatabaseWrapper) -> list[str]:
    executor = MigrationExecutor(database)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]
