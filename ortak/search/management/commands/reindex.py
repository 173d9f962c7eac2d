"""`ortak reindex`: build the search index afresh from every record."""

from django.core.management.base import BaseCommand

from ortak.search.services import index_rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from every record (after a bulk load or a change of fold)."

    def handle(self, *args, **options) -> None:
        count = index_rebuild()
        self.stdout.write(f"indexed {count} records")
