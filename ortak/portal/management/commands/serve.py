from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the portal at http://127.0.0.1:8000 (production: a WSGI server on config.wsgi)."

    def add_arguments(self, parser):
        parser.add_argument("address", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, address, **options):
        self.stdout.write(f"Ortak is at http://{address}/ (Ctrl+C to stop)")
        call_command("runserver", address, use_reloader=False)
