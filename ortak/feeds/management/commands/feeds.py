import datetime as dt
import json
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from ortak.accounts.services import operator_user
from ortak.core.errors import OrtakError
from ortak.feeds import selectors, services
from ortak.feeds.models import Feed, FeedKind
from ortak.feeds.schedule import EVERY_MINUTES, schedule_ensure


class Command(BaseCommand):
    help = "Register the institutions' news feeds, list them, poll them, schedule the polls."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="register a feed (or news listing page)")
        add.add_argument("url", metavar="URL")
        add.add_argument(
            "--institution", required=True, help="the institution's id, reference key or name"
        )
        add.add_argument(
            "--language",
            required=True,
            help=f"the feed's language: {', '.join(code for code, _ in settings.LANGUAGES)}",
        )
        add.add_argument(
            "--kind", choices=FeedKind.values, help="what the address is (found when not given)"
        )
        add.add_argument("--every", type=int, metavar="MINUTES", help="poll interval (60)")
        add.add_argument("--as", dest="actor", help="who registers it (the Ortak operator)")
        actions.add_parser("list", help="every feed: its state, last poll, last error, items")
        poll = actions.add_parser("poll", help="poll feeds now and ingest their new articles")
        poll.add_argument("feed", nargs="?", metavar="FEED", help="a feed's id or address")
        poll.add_argument("--due", action="store_true", help="only the feeds due, as scheduled")
        poll.add_argument("--json", action="store_true", help="one JSON object per feed")
        schedule = actions.add_parser("schedule", help="register the periodic polling task")
        schedule.add_argument("--every", type=int, default=EVERY_MINUTES, metavar="MINUTES")

    def handle(self, *args, action, **options):
        try:
            getattr(self, f"_{action}")(**options)
        except OrtakError as error:
            raise CommandError(str(error)) from error
        except User.DoesNotExist as error:
            raise CommandError(f"no user is called “{options.get('actor')}”") from error

    def _add(self, *, url, institution, language, kind, every, actor, **options):
        feed = services.feed_add(
            actor=User.objects.get(username=actor) if actor else operator_user(),
            url=url,
            institution=selectors.institution_find(institution),
            language=language,
            kind=kind,
            poll_interval=dt.timedelta(minutes=every) if every else None,
        )
        self.stdout.write(
            f"{feed.pk}: {feed.url} ({feed.get_kind_display()}, {feed.language}) "
            f"for {feed.institution}, polled every {feed.poll_interval}"
        )

    def _list(self, **options):
        for feed in selectors.feed_list():
            self.stdout.write(" | ".join(_feed_line(feed)))

    def _poll(self, *, feed, due, **options):
        as_json, actor = options["json"], operator_user()
        if due:
            reports = services.feeds_poll_due(actor=actor)
        else:
            feeds = [selectors.feed_find(feed)] if feed else Feed.objects.filter(active=True)
            reports = [services.feed_poll(actor=actor, feed=one) for one in feeds]
        for report in reports:
            self._report(report, as_json=as_json)
        failed = sum(1 for report in reports if report.error)
        if failed:
            raise CommandError(f"{failed} feed(s) could not be read")

    def _report(self, report, *, as_json: bool):
        if as_json:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
        elif report.error:
            self.stderr.write(f"{report.feed.url}: {report.error}")
        else:
            listed = "not modified" if report.not_modified else f"{report.listed} listed"
            self.stdout.write(
                f"{report.feed.url}: {listed}, {report.new} new, {report.ingested} ingested, "
                f"{report.duplicate} duplicate, {report.failed} failed"
                + (f", {report.retrying} to retry" if report.retrying else "")
            )

    def _schedule(self, *, every, **options):
        task = schedule_ensure(every_minutes=every)
        self.stdout.write(f"“{task.name}” runs {task.task} every {every} minute(s)")


def _feed_line(feed: Any) -> list[str]:
    """One feed of selectors.feed_list() (with its item counts), as the list's columns."""
    if not feed.active:
        state = "paused"
    elif feed.failures:
        state = f"failing ({feed.failures}x)"
    else:
        state = "ok"
    polled = f"{feed.last_polled_at:%Y-%m-%d %H:%M}" if feed.last_polled_at else "never polled"
    error = f"{feed.last_error_code}: {feed.last_error}" if feed.last_error_code else "-"
    items = (
        f"{feed.items_ingested} ingested, {feed.items_duplicate} duplicate, "
        f"{feed.items_failed} failed, {feed.items_new} waiting"
    )
    return [
        str(feed.pk), feed.url, feed.kind, str(feed.institution), feed.language, state,
        polled, f"next {feed.next_poll_at:%Y-%m-%d %H:%M}", items, error,
    ]  # fmt: skip
