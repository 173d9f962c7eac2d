from django.core.management.base import BaseCommand

from ortak.accounts.services import demo_accounts_ensure


class Command(BaseCommand):
    help = "Create (or reset) the demo editor and secretariat accounts and print their passwords."

    def handle(self, *args, **options):
        accounts = demo_accounts_ensure()
        self.stdout.write("Demo accounts (sign in at http://127.0.0.1:8000/accounts/login/):")
        for username, password in accounts.items():
            self.stdout.write(f"  {username:12s} password: {password}")
