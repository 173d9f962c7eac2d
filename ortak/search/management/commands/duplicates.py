"""`ortak duplicates`: people, institutions, diaspora organizations and experts that may be
one record twice."""

import json
from dataclasses import asdict

from django.core.management.base import BaseCommand

from ortak.names import MATCH_THRESHOLD
from ortak.search.duplicates import find_duplicates, undismissed

KINDS = ["person", "institution", "organization", "expert"]


class Command(BaseCommand):
    help = (
        "List likely duplicate people, institutions, diaspora organizations and experts, "
        "most alike first, leaving out the pairs an editor said are two records."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--kind", choices=KINDS, action="append", help="only this kind")
        parser.add_argument(
            "--min-score",
            type=float,
            default=MATCH_THRESHOLD,
            help=f"pairs scoring at least this, 0 to 1 (default {MATCH_THRESHOLD})",
        )
        parser.add_argument("--json", action="store_true", help="one JSON object per pair")

    def handle(self, *args, **options) -> None:
        count = 0
        for kind in options["kind"] or KINDS:
            pairs = find_duplicates(kind=kind, min_score=options["min_score"])
            for pair in undismissed(pairs, kind=kind):
                count += 1
                self.stdout.write(self._line(pair, as_json=options["json"]))
        if not options["json"]:
            self.stderr.write(f"{count} likely duplicates")

    def _line(self, pair, *, as_json: bool) -> str:
        if as_json:
            return json.dumps(asdict(pair), ensure_ascii=False)
        return (
            f"{pair.score:.3f}  {pair.kind:<12} {pair.first_id:>8} {pair.first_name}"
            f"  ~  {pair.second_id} {pair.second_name}"
        )
