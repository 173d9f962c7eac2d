from django.core.management.base import BaseCommand, CommandError

from ortak.accounts.services import demo_accounts_ensure
from ortak.core.errors import OrtakError
from ortak.registry.reference import reference_load


class Command(BaseCommand):
    help = "Create (or reset) the demo editor and secretariat accounts and print their passwords."

    def handle(self, *args, **options):
        try:
            accounts = self._ensure()
        except OrtakError as error:
            raise CommandError(str(error)) from error
        self.stdout.write("Demo accounts (sign in at http://127.0.0.1:8000/accounts/login/):")
        for username, password in accounts.items():
            self.stdout.write(f"  {username:12s} password: {password}")

    def _ensure(self) -> dict[str, str]:
        try:
            return demo_accounts_ensure()
        except OrtakError as error:
            if error.code != "E230":
                raise
        # The demo editor's state is reference data: load it (safe to run twice), then retry.
        self.stdout.write("The reference data is not loaded yet; loading it first.")
        reference_load()
        return demo_accounts_ensure()
