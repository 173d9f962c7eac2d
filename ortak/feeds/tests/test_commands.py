"""`ortak feeds add|list|poll`: coded errors for bad input, counts for a poll."""

from __future__ import annotations

import json
import socket
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ortak.core.errors import ValidationError
from ortak.feeds.models import Feed
from ortak.feeds.services import feed_add
from ortak.ingest.models import Review
from ortak.names.fold import fold


def _run(*args: str) -> str:
    out = StringIO()
    call_command("feeds", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def _refused(*args: str) -> str:
    with pytest.raises(CommandError) as caught:
        _run(*args)
    return str(caught.value)


@pytest.mark.django_db
def test_add_list_and_poll_a_feed_from_the_command_line(rss_site, committee):
    added = _run("add", rss_site.url("/en/rss"), "--institution", "az-diaspora", "--language", "en")
    assert "RSS feed, en" in added and "State Committee on Work with Diaspora" in added
    assert "never polled" in _run("list")

    first = _run("poll")
    second = [json.loads(line) for line in _run("poll", "--json").splitlines()]

    assert "5 listed, 5 new, 5 ingested, 0 duplicate, 0 failed" in first
    assert second == [
        {
            "feed": Feed.objects.get().pk,
            "url": rss_site.url("/en/rss"),
            "not_modified": True,
            "listed": 0,
            "new": 0,
            "ingested": 0,
            "duplicate": 0,
            "failed": 0,
            "retrying": 0,
            "error": None,
        }
    ]
    listed = _run("list")
    assert "| ok |" in listed and "5 ingested, 0 duplicate, 0 failed, 0 waiting" in listed
    assert Review.objects.count() == 5


@pytest.mark.django_db
def test_a_feed_is_found_by_its_institution_s_name_in_another_script(rss_site, committee):
    short = "Госкомитет по работе с диаспорой"
    committee.name_history.create(text=short, language="ru", kind="short", folded=fold(short))

    _run(
        "add",
        rss_site.url("/en/rss"),
        "--institution",
        "ГОСКОМИТЕТ по работе с диаспорой",
        "--language",
        "ru",
        "--every",
        "30",
    )

    feed = Feed.objects.get()
    assert feed.institution == committee and feed.poll_interval.total_seconds() == 1800


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("institution", "language", "path", "code"),
    [
        ("no-such-institution", "en", "/en/rss", "ortak.E130"),
        ("az-diaspora", "de", "/en/rss", "ortak.E131"),
        ("az-diaspora", "en", "/missing", "ortak.E106"),
        ("az-diaspora", "en", "/en/news/2025/06/diaspora-youth-forum-opens-in-baku", None),
    ],
)
def test_bad_input_to_add_is_refused_with_its_code(
    rss_site, committee, institution, language, path, code
):
    message = _refused(
        "add", rss_site.url(path), "--institution", institution, "--language", language
    )

    # An article page is no feed and lists no other article: E132.
    assert message.startswith(code or "ortak.E132")
    assert not Feed.objects.exists()


@pytest.mark.django_db
def test_a_kind_of_feed_ortak_does_not_poll_is_refused(rss_site, committee, secretariat):
    with pytest.raises(ValidationError) as refused:
        feed_add(
            actor=secretariat,
            url=rss_site.url("/en/rss"),
            institution=committee,
            language="en",
            kind="podcast",
        )
    assert refused.value.code == "E135"
    assert not Feed.objects.exists()


@pytest.mark.django_db
def test_an_unreachable_feed_and_a_second_registration_are_refused(rss_site, committee):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    unreachable = _refused(
        "add", f"http://127.0.0.1:{port}/rss", "--institution", "az-diaspora", "--language", "en"
    )
    _run("add", rss_site.url("/en/rss"), "--institution", "az-diaspora", "--language", "en")
    again = _refused(
        "add", rss_site.url("/en/rss#latest"), "--institution", "az-diaspora", "--language", "en"
    )

    assert unreachable.startswith("ortak.E106") and again.startswith("ortak.E133")


@pytest.mark.django_db
def test_a_failing_feed_makes_the_poll_fail_and_shows_in_the_list(rss_site, committee):
    _run("add", rss_site.url("/en/rss"), "--institution", "az-diaspora", "--language", "en")
    rss_site.serve("/en/rss", "unavailable", status=503)

    message = _refused("poll", rss_site.url("/en/rss"))

    assert message == "1 feed(s) could not be read"
    listed = _run("list")
    assert "failing (1x)" in listed and "E106: cannot fetch" in listed


@pytest.mark.django_db
def test_an_editor_of_another_state_cannot_add_the_committee_s_feed(rss_site, committee, kz_editor):
    message = _refused(
        "add",
        rss_site.url("/en/rss"),
        "--institution",
        "az-diaspora",
        "--language",
        "en",
        "--as",
        kz_editor.username,
    )

    assert message.startswith("ortak.E301") and not Feed.objects.exists()
