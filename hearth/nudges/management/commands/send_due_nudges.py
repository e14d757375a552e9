"""`manage.py send_due_nudges`: make the notifications that are due and hand their e-mails
to the task worker (`manage.py db_worker`). Run it from cron or a systemd timer every few
minutes (docs/nudges.md); it is safe to run twice, even at the same moment."""

import time

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections
from django.utils import timezone

from hearth.nudges.delivery import emails_queue_due, notifications_make_due


class Command(BaseCommand):
    help = (
        "Make the notifications that are due and hand their e-mails to the task worker. "
        "Safe to run often, and twice at once."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            metavar="SECONDS",
            help="Keep running, once every SECONDS (for `make run`); by default run once.",
        )

    def handle(self, *args, every: int, verbosity: int, **options) -> None:
        if every < 0:
            self.stderr.write("--every takes a number of seconds, like 60.")
            raise SystemExit(2)
        while True:
            now = timezone.now()
            made = notifications_make_due(now=now)
            queued = emails_queue_due(now=now)
            if verbosity >= 1 and (made or queued or not every):
                self.stdout.write(
                    f"{made} notification{'s' if made != 1 else ''} made, "
                    f"{queued} e-mail{'s' if queued != 1 else ''} handed to the worker."
                )
            if not every:
                return
            close_old_connections()
            time.sleep(every)
