"""`ortak demo [--remove]`: the living demo plan and demo diaspora organizations for
`make run`, or their removal."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from ortak.accounts.services import operator_user
from ortak.network.demo import demo_network_create, demo_network_remove
from ortak.plans.demo import demo_create, demo_remove


class Command(BaseCommand):
    help = (
        "Create (or recreate) the demo activity plan with measures held, announced, overdue "
        "and postponed around today, and demo diaspora organizations on the map; --remove "
        "takes every demo record away."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--remove", action="store_true", help="remove the demo records")

    def handle(self, *args, **options) -> None:
        if options["remove"]:
            removed = demo_remove(actor=operator_user())
            removed += demo_network_remove(actor=operator_user())
            self.stdout.write(f"removed {removed} demo records")
            return
        plan = demo_create(actor=operator_user(), today=timezone.localdate())
        self.stdout.write(f"demo plan {plan.pk}: {plan.title}")
        organizations = demo_network_create(actor=operator_user())
        self.stdout.write(f"{organizations} demo diaspora organizations")
