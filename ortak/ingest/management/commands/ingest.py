import sys

from django.core.management.base import BaseCommand, CommandError

from ortak.accounts.services import operator_user
from ortak.core.errors import OrtakError
from ortak.ingest.extract.reader import read_path, read_stdin, read_url
from ortak.ingest.services import article_ingest


class Command(BaseCommand):
    help = (
        "Keep each article (a file, a URL or - for standard input) as a source and its "
        "record as drafts in the review queue."
    )

    def add_arguments(self, parser):
        parser.add_argument("inputs", nargs="+", metavar="PATH|URL|-")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish the drafts at once, as the Ortak operator (for trusted imports)",
        )
        parser.add_argument(
            "--skip-known",
            action="store_true",
            help="pass over articles ingested before instead of reporting them as errors",
        )

    def handle(self, *args, inputs, publish, skip_known, **options):
        actor, failed = operator_user(), 0
        for name in inputs:
            try:
                result = article_ingest(actor=actor, article=_read(name), publish=publish)
            except OrtakError as error:
                if skip_known and error.code == "E107":
                    self.stdout.write(f"{name}: ingested before, passed over")
                    continue
                failed += 1
                self.stderr.write(f"{name}: {error}")
                continue
            self._report(name, result, publish)
        if failed:
            raise CommandError(f"{failed} of {len(inputs)} articles could not be ingested")

    def _report(self, name, result, publish):
        state = "published" if publish else "waiting for review"
        merged = f", {len(result.merged)} merged into events already known" if result.merged else ""
        self.stdout.write(f"{name}: {len(result.created)} new events {state}{merged}")


def _read(name: str):
    if name == "-":
        return read_stdin(sys.stdin.buffer)
    if name.startswith(("http://", "https://")):
        return read_url(name)
    return read_path(name)
