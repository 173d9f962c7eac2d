"""Which date of an article in one of the region's languages dates its events.

The dates are read by regional_dates; here each is marked whether it stands on a header line
(a dateline, a page's time stamp), which dates the article and not the event, unless it is a
short sentence that reports an event held or a photo's caption. An event takes the date
nearest its held verb; else "yesterday" or "today" against the publication; else the lead's
first date with its day and year written (regional_events chooses in that order).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from ortak.core.dates import PartialDate
from ortak.ingest.extract import languages
from ortak.ingest.extract.components.regional_cues import cue_match, sentence_text, short_line
from ortak.ingest.extract.components.regional_dates import TextDate, dates_in
from ortak.ingest.extract.findings import findings
from ortak.ingest.extract.regional_text import Text


def article_dates(text: Text, published: dt.date | None) -> list[TextDate]:
    """The dates of the text, each marked whether it stands on a header line (a dateline)."""
    found = dates_in(text, published)
    for date in found:
        header = short_line(text, date.sent) or _stamp(text, date.sent)
        date.short_line = (
            header and cue_match(text, date.sent, "held") is None and not _caption_date(text, date)
        )
    return found


def _caption_date(text: Text, date: TextDate) -> bool:
    """ "Forumda söz alan Ali Yılmaz. 13 Temmuz 2022.": a date alone after a sentence on the
    same line dates what that sentence (a photo's caption) shows; a dateline stands on a line
    of its own."""
    lo, hi = text.sentences[date.sent]
    if date.sent == 0 or date.start != lo or date.end < hi - 1:
        return False
    previous = text.sentences[date.sent - 1]
    if previous[1] <= previous[0] or short_line(text, date.sent - 1):
        return False
    between = text.text[text.words[previous[1] - 1].end : text.words[lo].start]
    return "\n" not in between


_CLOCK = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)")


def _stamp(text: Text, sent: int) -> bool:
    """ "23-Ноябрь, 2024-жыл, ишемби, Бишкек убактысы 18:43": a date with a time of day is
    the page's stamp, as a dateline is."""
    return _CLOCK.search(sentence_text(text, sent)) is not None


def closest_date(dates: list[TextDate], sent: int, verb: int | None) -> TextDate | None:
    """The sentence's date nearest word `verb` (else its first), a dateline left out."""
    inside = [d for d in dates if d.sent == sent and not _dateline_sentence(d)]
    if not inside:
        return None
    anchor = verb if verb is not None else inside[0].start
    return min(inside, key=lambda d: abs(d.start - anchor))


def lead_date(
    text: Text, dates: list[TextDate], published: dt.date | None, limit: int
) -> TextDate | None:
    """A full date in the lead or a photo's caption ("Vashington, 6-dekabr, 2012-yil") dates
    an event whose own sentences give none: the first date of the body's first `limit`
    sentences with its day and year written, not after the publication."""
    body = {s for s in range(len(text.sentences)) if not short_line(text, s)}
    lead = set(sorted(body)[:limit])
    for date in dates:
        if (
            (date.sent in lead or (date.sent - 1 in lead and not date.short_line))
            and date.year_written
            and date.value.precision == "day"
            and not date.short_line
            and (published is None or date.value.date <= published)
        ):
            return date
    return None


def _dateline_sentence(date: TextDate) -> bool:
    """A date on a short line of its own ("Қазақстан • 20 Қараша, 2021") dates the article;
    a short sentence that reports an event held ("12-майда жыйын өттү") dates the event."""
    return date.short_line


def today_date(text: Text, published: dt.date | None, limit: int) -> PartialDate | None:
    """ "бүгүн", "bugün": an event of today is dated by the publication. The cue counts in the
    first `limit` sentences of the body: the short lines of a page's header (site name,
    headline, date, view count) are not sentences of the body."""
    if published is None:
        return None
    body = [s for s in range(len(text.sentences)) if not short_line(text, s)]
    for sent in body[:limit]:
        if cue_match(text, sent, "today") is not None:
            return PartialDate(published, "day")
    return None


def this_month_date(doc: Doc, text: Text, limit: int) -> PartialDate | None:
    """ "Bu gün", "сегодня" in an article known to be published in March 2022 only: the
    event is of that month."""
    month = findings(doc).published_month
    if month is None or today_date(text, month, limit) is None:
        return None
    return PartialDate(month, "month")


def yesterday_date(
    text: Text, sentences: list[int], published: dt.date | None
) -> PartialDate | None:
    """ "вчера", "dünən": the event's own sentence says it was held the day before."""
    cues = languages.words(text.lang, "dates", "yesterday")
    if published is None or not cues:
        return None
    for sent in dict.fromkeys(sentences):
        lo, hi = text.sentences[sent]
        if cue_match(text, sent, "held") is not None and any(
            w.lower in cues for w in text.words[lo:hi]
        ):
            return PartialDate(published - dt.timedelta(days=1), "day")
    return None
