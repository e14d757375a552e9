import json

from django.core.management.base import BaseCommand

from hearth.core.registry import content_libraries


class Command(BaseCommand):
    help = "How many items each content library holds (questions, date ideas, …)."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="one JSON object, for scripts")

    def handle(self, *args, **options):
        stats = {name: library.count() for name, library in sorted(content_libraries().items())}
        if options["json"]:
            self.stdout.write(json.dumps(stats, sort_keys=True))
            return
        if not stats:
            self.stdout.write("No content libraries are installed yet.")
        for name, size in stats.items():
            self.stdout.write(f"{name:<28} {size:>6,}")
