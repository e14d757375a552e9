"""manage.py backup: the database and the couples' photos in one archive (docs/backups.md)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from hearth.core.backup import BackupError, backup_create, default_backup_path, human_size


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite's online backup or pg_dump) and the private media "
        "into one .tar file, readable only by you (mode 0600)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            help="where to write the archive (default var/backups/hearth-<time>.tar; "
            "a name ending in .tar.gz compresses it)",
        )
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="the database to back up (default)"
        )

    def handle(self, *args, output: Path | None, database: str, **options):
        output = output or default_backup_path(Path(settings.VAR_DIR))
        try:
            summary = backup_create(
                database=connections[database],
                output=output,
                media_root=Path(settings.PRIVATE_MEDIA_ROOT),
                progress=self.stdout.write if options["verbosity"] >= 1 else _quiet,
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        if options["verbosity"] == 0:
            return
        photos = summary.media_files
        lines = [
            f"Backup written to {summary.path} ({human_size(summary.path.stat().st_size)}, "
            "readable only by you).",
            f"  {summary.engine} database: {len(summary.tables)} tables, {summary.rows:,} rows",
            f"  photos: {photos:,} ({human_size(summary.media_bytes)})",
            "Keep a copy away from this server; it holds private words, so keep it safe too.",
            f"Done in {summary.seconds:.1f}s.",
        ]
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))


def _quiet(message: str) -> None:
    """--verbosity 0: nothing but errors (cron mails only those)."""
