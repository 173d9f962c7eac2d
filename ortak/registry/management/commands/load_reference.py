from django.core.management.base import BaseCommand

from ortak.registry.reference import reference_load


class Command(BaseCommand):
    help = "Load the reference data (states, institutions, programs). Safe to run twice."

    def handle(self, *args, **options):
        counts = reference_load()
        summary = ", ".join(f"{n} {what}" for what, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Reference data loaded: {summary}."))
