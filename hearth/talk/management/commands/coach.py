"""Run the message coach over standard input, one message per line."""

import json
import sys

from django.core.management.base import BaseCommand

from hearth.talk.coach import analyze


class Command(BaseCommand):
    help = "Read one message per line on standard input; write the coach's analysis of each."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="one JSON object per line")

    def handle(self, *args, **options):
        count = 0
        for line in sys.stdin:
            message = line.rstrip("\n")
            analysis = analyze(message)
            if options["json"]:
                self.stdout.write(json.dumps(analysis.to_dict(), ensure_ascii=False))
            else:
                patterns = ", ".join(analysis.patterns) or "gentle"
                self.stdout.write(f"{analysis.harshness:.2f}  {patterns:<30}  {message}")
            count += 1
        if not options["json"]:
            self.stderr.write(f"{count} message{'s' if count != 1 else ''} read.")
