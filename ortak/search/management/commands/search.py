"""`ortak search QUERY`: what the portal's search box would find, ranked, with scores."""

import json
from dataclasses import asdict

from django.core.management.base import BaseCommand

from ortak.search.selectors import KINDS, search


class Command(BaseCommand):
    help = "Search every record as the portal does: kind, id, name and score, best first."

    def add_arguments(self, parser) -> None:
        parser.add_argument("query", nargs="+", help="words to look for, in any script")
        parser.add_argument(
            "--kind", action="append", choices=KINDS, help="only this kind (repeatable)"
        )
        parser.add_argument("--state", help="only records of this state (its key: AZ, KZ)")
        parser.add_argument("--year", type=int, help="only records spanning this year")
        parser.add_argument(
            "--drafts", action="store_true", help="include drafts, as editors see them"
        )
        parser.add_argument("--limit", type=int, default=20, help="at most this many hits (20)")
        parser.add_argument("--json", action="store_true", help="one JSON object per hit")

    def handle(self, *args, **options) -> None:
        hits = search(
            " ".join(options["query"]),
            kinds=options["kind"],
            state=options["state"],
            year=options["year"],
            published_only=not options["drafts"],
            limit=options["limit"],
        )
        for hit in hits:
            if options["json"]:
                self.stdout.write(json.dumps(asdict(hit), ensure_ascii=False))
            else:
                draft = "" if hit.published else "  (draft)"
                self.stdout.write(
                    f"{hit.kind:<12} {hit.object_id:>8}  {hit.score:.3f}  {hit.name}{draft}"
                )
        if not hits and not options["json"]:
            self.stderr.write("nothing found")
