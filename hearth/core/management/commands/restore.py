"""manage.py restore PATH: put a backup's database and photos back (docs/backups.md)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from hearth.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`: the database (SQLite's backup API or "
        "pg_restore --clean --if-exists) and the private media. Stop Hearth first."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the .tar (or .tar.gz) file to restore")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that already holds accounts, and the photos there",
        )
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="the database to restore into (default)"
        )

    def handle(self, *args, path: Path, force: bool, database: str, **options):
        try:
            summary = backup_restore(
                database=connections[database],
                archive=path,
                media_root=Path(settings.PRIVATE_MEDIA_ROOT),
                force=force,
                progress=self.stdout.write if options["verbosity"] >= 1 else _quiet,
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        if summary.pending_migrations:  # said even with --verbosity 0
            self.stderr.write(
                f"This backup is from an older version of Hearth: run `manage.py migrate` "
                f"({len(summary.pending_migrations)} migrations to apply) before starting Hearth."
            )
        if options["verbosity"] == 0:
            return
        lines = [
            f"Restored {summary.path.name}, made {summary.made_at}.",
            f"  {summary.engine} database: {len(summary.tables)} tables, {summary.rows:,} rows, "
            "the same counts as when the backup was made",
            f"  photos: {summary.media_files:,} in {settings.PRIVATE_MEDIA_ROOT}",
        ]
        if summary.dropped_tables:
            lines.append(
                "  removed tables the backup did not have: " + ", ".join(summary.dropped_tables)
            )
        lines.append(f"Done in {summary.seconds:.1f}s.")
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))


def _quiet(message: str) -> None:
    """--verbosity 0: nothing but errors (cron mails only those)."""
