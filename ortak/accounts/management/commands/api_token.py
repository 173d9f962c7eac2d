from django.core.management.base import BaseCommand, CommandError

from ortak.accounts.models import ApiToken, TokenScope
from ortak.accounts.services import command_user
from ortak.accounts.tokens import api_token_create, api_token_revoke
from ortak.core.errors import OrtakError
from ortak.registry.models import Institution


class Command(BaseCommand):
    help = "Make, list or revoke an institution's API tokens."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="make a token and print its key once")
        create.add_argument("--institution", required=True, help="the institution's key")
        create.add_argument("--name", required=True, help="what the token is for")
        create.add_argument(
            "--scope", action="append", required=True, choices=TokenScope.values, dest="scopes"
        )
        create.add_argument("--as", required=True, dest="actor", help="who answers for it")
        revoke = actions.add_parser("revoke", help="stop a token at once")
        revoke.add_argument("prefix")
        revoke.add_argument("--as", required=True, dest="actor")
        actions.add_parser("list", help="every token, live or revoked")

    def handle(self, *args, action, **options):
        try:
            getattr(self, f"_{action}")(**options)
        except (OrtakError, ApiToken.DoesNotExist, Institution.DoesNotExist) as error:
            raise CommandError(str(error)) from error

    def _create(self, *, institution, name, scopes, actor, **options):
        token, key = api_token_create(
            actor=command_user(actor),
            institution=Institution.objects.get(key=institution),
            name=name,
            scopes=scopes,
        )
        self.stdout.write(f"{token}: {', '.join(token.scopes)}")
        self.stdout.write(f"key (shown only now): {key}")

    def _revoke(self, *, prefix, actor, **options):
        token = ApiToken.objects.select_related("institution").get(prefix=prefix)
        api_token_revoke(actor=command_user(actor), token=token)
        self.stdout.write(f"{token}: revoked")

    def _list(self, **options):
        for token in ApiToken.objects.select_related("institution").order_by("created_at"):
            state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "live"
            self.stdout.write(f"{token}  {', '.join(token.scopes)}  {state}")
