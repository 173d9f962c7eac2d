from django.core.management.base import BaseCommand, CommandError

from ortak.accounts.services import command_user
from ortak.core.errors import OrtakError
from ortak.ingest.batch import batch
from ortak.ingest.extract.reader import read_source
from ortak.ingest.services import article_ingest


class Command(BaseCommand):
    help = (
        "Keep each article (a file, a folder of articles, a URL or - for standard input) as "
        "a source and its record as drafts in the review queue; a bad article is reported "
        "and the others go on."
    )

    def add_arguments(self, parser):
        parser.add_argument("inputs", nargs="+", metavar="PATH|URL|-")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish the drafts at once (trusted imports); needs a reviewer of their states",
        )
        parser.add_argument(
            "--as",
            dest="username",
            metavar="USER",
            help="whose rights the ingest has (default: the Ortak operator)",
        )
        parser.add_argument(
            "--skip-known",
            action="store_true",
            help="pass over articles ingested before instead of reporting them as errors",
        )

    def handle(self, *args, inputs, publish, skip_known, username, **options):
        try:
            actor = command_user(username)
        except OrtakError as error:
            raise CommandError(str(error)) from error

        def one(name: str) -> None:
            try:
                result = article_ingest(actor=actor, article=read_source(name), publish=publish)
            except OrtakError as error:
                if not (skip_known and error.code == "E107"):
                    raise
                self.stdout.write(f"{name}: ingested before, passed over")
                return
            self._report(name, result, publish)

        failed = batch(inputs, one, self.stderr.write)
        if failed:
            raise CommandError(f"{failed} article(s) could not be ingested")

    def _report(self, name, result, publish):
        state = "published" if publish else "waiting for review"
        merged = f", {len(result.merged)} merged into events already known" if result.merged else ""
        self.stdout.write(f"{name}: {len(result.created)} new events {state}{merged}")
