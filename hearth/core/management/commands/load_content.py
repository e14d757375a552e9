from django.core.management.base import BaseCommand

from hearth.core.registry import content_libraries


class Command(BaseCommand):
    help = "Load or update every content library from its data files (safe to run again)."

    def handle(self, *args, **options):
        libraries = content_libraries()
        for name, library in sorted(libraries.items()):
            size = library.load()
            self.stdout.write(f"  {name}: {size:,}")
        self.stdout.write(self.style.SUCCESS(f"Content libraries loaded: {len(libraries)}."))
