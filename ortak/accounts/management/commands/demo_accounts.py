from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from ortak.accounts.services import DEMO_DEVICE, DEMO_USERNAMES, demo_accounts_ensure
from ortak.core.errors import OrtakError
from ortak.registry.reference import reference_load


class Command(BaseCommand):
    help = (
        "Create (or reset) the demo editor and secretariat accounts and print their passwords "
        "and authenticator keys; with --codes, print the demo accounts' current one-time codes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--codes",
            action="store_true",
            help="print the current one-time code of each demo account, changing nothing",
        )

    def handle(self, *args, codes=False, **options):
        if codes:
            return self._codes()
        self.stdout.write("Demo accounts (sign in at http://127.0.0.1:8000/accounts/login/):")
        try:
            accounts = self._ensure()
        except OrtakError as error:
            raise CommandError(str(error)) from error
        for account in accounts:
            self.stdout.write(f"  {account.username:12s} password: {account.password}")
            self.stdout.write(f"  {'':12s} authenticator key: {account.totp_secret}")
            self.stdout.write(f"  {'':12s} {account.otpauth_url}")
        self.stdout.write(
            "Both must enter a one-time code after the password: add the key to an "
            "authenticator app, or print the current codes with `ortak demo-accounts --codes`."
        )

    def _ensure(self):
        try:
            return demo_accounts_ensure()
        except OrtakError as error:
            if error.code != "E230":
                raise
        # The demo editor's state is reference data: load it (safe to run twice), then retry.
        self.stdout.write("The reference data is not loaded yet; loading it first.")
        reference_load()
        return demo_accounts_ensure()

    def _codes(self):
        # Only the demo accounts' own devices: no other account's code can be printed.
        devices = TOTPDevice.objects.filter(
            name=DEMO_DEVICE, confirmed=True, user__username__in=DEMO_USERNAMES
        ).select_related("user")
        for device in devices.order_by("user__username"):
            code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
            self.stdout.write(f"  {device.user.username:12s} code: {code:0{device.digits}d}")
