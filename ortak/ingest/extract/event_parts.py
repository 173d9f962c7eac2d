"""Pieces of event finding: an event's phrase and title, whether it is an event of its own,
and its status (held, planned, recalled).

Kept apart from the component so that each rule is a small function that can be read and
tested alone; events told by verbs are in `event_verbs`, places and dates in `event_places`,
several mentions of one event in `event_mentions`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ortak.ingest.extract import lexicon, patterns, published
from ortak.ingest.extract.findings import Event, findings

_LEFT_WORDS = frozenset(
    [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "international",
        "bilateral",
        "joint",
        "annual",
        "regular",
        "next",
        "extended",
        "official",
        "solemn",
        "trilateral",
        "regional",
        "youth",
        "diaspora",
        "online",
        "opening",
        "closing",
        "final",
        "inaugural",
        "traditional",
        "forthcoming",
        "upcoming",
        "farewell",
        "welcome",
        "festive",
        "gala",
        "memorial",
        "commemorative",
        "scientific",
        "practical",
        "cultural",
        "charity",
        "summer",
        "winter",
        "spring",
        "autumn",
    ]
)


_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$|^[IVX]+$")


_QUOTES = '"“”«»'


PRESENT_TENSE = (
    "kicks off",
    "opens",
    "is being held",
    "is taking place",
    "takes place",
    "begins",
    "starts",
    "is held",
)


_REPORTED = ("mentioned that", "recalled that", "reminded that", "recalling that", "recalled the",
             "recalled", "reminded", "recalling")  # fmt: skip


_ATTENDED = (
    "participants of the",
    "participants in the",
    "participants of",
    "participants in",
    "at",
    "during",
    "attended",
    "participated in",
    "took part in",
    "addressed",
    "held",
    "continued with",
    "hosted",
    "organized",
    "organised",
)


def phrase(doc: Doc, noun: Span, max_tokens: int) -> Span:
    """The event's noun phrase: modifiers before the noun, complements after it."""
    words = lexicon.words(doc)
    start = noun.start
    floor = noun.sent.start
    while start > floor and _left_word(words[start - 1]):
        start -= 1
    end = noun.end
    stops = patterns.words("events", "title_stops") - {"and"}
    while (
        end < noun.sent.end
        and end - start < max_tokens
        and (_right_word(doc, end, stops) or _visit_to(doc, noun, end))
    ):
        if _theme_at(doc, end):
            break
        end += 1
    while end > noun.end and words[end - 1].lower_ in lexicon.CONNECTORS | lexicon.ARTICLES:
        end -= 1
    return doc[start:end]


def quoted_name(noun: Span) -> Span | None:
    """ "the "Azerbaijani Diaspora Youth: Unity and Development Forum"": an event noun inside
    quotation marks of its sentence; the name is all the quotation holds, colon included."""
    doc, sent = noun.doc, noun.sent
    words = lexicon.words(doc)
    start = noun.start
    while start > sent.start and words[start - 1].text not in _QUOTES:
        start -= 1
    end = noun.end
    while end < sent.end and words[end].text not in _QUOTES:
        end += 1
    if start == sent.start or end == sent.end or end - start > 25:
        return None
    opening, closing = words[start - 1].text, words[end].text
    if opening in "”»" or closing in "“«" or not lexicon.is_cap(words[start]):
        return None
    stops = patterns.words("events", "title_stops") - _NAME_WORDS
    if any(w.lower_ in stops for w in words[start:end]):
        return None  # a quoted sentence ("The forum is a success"), not a name
    return doc[start - 1 : end + 1]


# Words an event's name may hold though they end a name's phrase ("Heydar Aliyev and the
# Turkic World", "Dialogue as a Path to Peace").
_NAME_WORDS = frozenset({"and", "to", "as", "at", "during"})


def _visit_to(doc: Doc, noun: Span, i: int) -> bool:
    """ "visit to European countries": a visit's destination is part of its name."""
    return i == noun.end and noun.text.lower() == "visit" and lexicon.words(doc)[i].lower_ == "to"


def _theme_at(doc: Doc, i: int) -> bool:
    """Whether a theme cue ("themed", "on the theme") starts at token `i`: the title's noun
    phrase ends there, while "on" alone continues it ("Contact Group on Work with ...")."""
    ahead = lexicon.text_between(doc, i, min(i + 3, len(doc))).lower()
    return any(
        ahead == cue or ahead.startswith(cue + " ")
        for cue in patterns.phrases("events", "theme_cues")
    )


def _left_word(token: lexicon.TokenLike) -> bool:
    if (
        token.lower_ in lexicon.ARTICLES
        or token.text in _QUOTES
        or (token.is_punct and token.text != "-")
    ):
        return False
    return (
        lexicon.is_cap(token)
        or token.lower_ in _LEFT_WORDS
        or bool(_ORDINAL.match(token.text))
        or token.text == "-"
    )


def _right_word(doc: Doc, i: int, stops: frozenset[str]) -> bool:
    words = lexicon.words(doc)
    token = words[i]
    if token.lower_ in stops or token.is_space:
        return False
    if token.text in {",", ".", "(", ";", ":", ")", "!", "?"} or token.text in _QUOTES:
        return False
    if token.lower_ == "and":
        nxt = words[i + 1] if i + 1 < len(doc) else None
        return nxt is not None and nxt.lower_ not in lexicon.ARTICLES and not nxt.is_punct
    return True


def title(span: Span, noun: Span | None = None) -> str:
    """The event's title: a quoted theme where the text gives one, else the phrase, with
    its occasion where the phrase ends at its noun ("event dedicated to the anniversary")."""
    bare = noun is None or span.end <= noun.end
    theme = _quoted_theme(span) if bare else None
    if theme:
        return theme
    reason = occasion(span) if bare else None
    if reason is not None:
        span = span.doc[span.start : reason.end]
    words = span.text.split()
    if words and words[0].lower() in lexicon.ARTICLES:
        words = words[1:]
    return " ".join(words)


def _quoted_theme(span: Span) -> str | None:
    """ "a roundtable themed "X"", "a roundtable on "X"": the quoted theme names an event
    whose phrase ends at its noun; a named event ("the First Youth Forum of ..., themed
    "X"") keeps its name."""
    doc = span.doc
    after = lexicon.text_between(doc, span.end, min(span.end + 4, span.sent.end)).lower()
    cued = lexicon.contains_phrase(after, patterns.phrases("events", "theme_cues"))
    if not cued and not re.match(r"^(?:on|about|:)?\s*[\"“«]", after):
        return None
    rest = lexicon.text_between(doc, span.end, span.sent.end)
    match = re.search(r"[\"“«]([^\"”»]{3,120})[\"”»]", rest)
    return match.group(1).strip() if match else None


def is_part(noun: Span) -> bool:
    """ "the opening ceremony", "a session": part of an event, not an event; but "the
    opening ceremony of the Kazakh Cultural Center" is an event of its own."""
    doc = noun.doc
    text = lexicon.text_between(doc, max(noun.start - 1, 0), noun.end).lower()
    parts = patterns.phrases("events", "part_nouns")
    part = noun.text.lower() in parts or lexicon.contains_phrase(text, parts) == text
    return part and not _of_a_thing(noun)


def _of_a_thing(noun: Span) -> bool:
    """ "... of the Kazakh Cultural Center": what follows "of" names no event."""
    doc, end = noun.doc, noun.sent.end
    words = lexicon.words(doc)
    k = noun.end
    if k >= end or words[k].lower_ != "of":
        return False
    nouns = patterns.load("events")["event_nouns"]
    named = False
    for token in doc[k + 1 : min(k + 9, end)]:
        if token.is_punct or token.lower_ in patterns.words("events", "title_stops"):
            break
        word = lexicon.bare(token)
        if word in nouns or word.rstrip("s") in nouns:
            return False
        named = named or lexicon.is_cap(token)
    return named


def is_generic(span: Span, noun: Span) -> bool:
    """A bare "the forum" or "the event", which refers back to an event already named;
    "an event dedicated to ..." names one."""
    before = span.doc[span.start - 1].lower_ if span.start else ""
    if noun.text.lower() in {"event", "events"}:
        return not (before in {"a", "an"} and occasion(span) is not None)
    if before in {"the", "this", "that"} and _dated_only(span, noun):
        return True
    bare = span.start >= noun.start and span.end <= noun.end
    named = _capitalised_compound(noun) or _owned(span)
    return bare and before not in {"a", "an"} and not named


def _capitalised_compound(noun: Span) -> bool:
    """ "the Training Program": two event nouns written as a name name an event."""
    nouns = patterns.load("events")["event_nouns"]
    return noun.text.lower() not in nouns and lexicon.is_cap(noun[0])


def _owned(span: Span) -> bool:
    """ "during the foundation's board meeting": a body's own meeting, named by its owner
    and kind, though its noun stands bare after lower-case words."""
    doc, k = span.doc, span.start - 1
    while k > span.sent.start and span.start - k <= 3 and doc[k].is_alpha:
        k -= 1
    return k < span.start - 1 and doc[k].lower_ in {"'s", "’s"}


def _dated_only(span: Span, noun: Span) -> bool:
    """ "the program on Thursday", "the meeting on 5 May": after the noun, only its day."""
    doc = span.doc
    if span.start != noun.start:
        return False
    rest = [t for t in doc[noun.end : span.end] if t.lower_ not in {"on", "of", ","}]
    if not rest:
        return False
    dated = [d.span for d in findings(doc).dates]
    return all(any(d.start <= t.i < d.end for d in dated) for t in rest)


def occasion(span: Span) -> Span | None:
    """ "dedicated to the 32nd anniversary of ...", "marking Novruz": what the event is for,
    right after its phrase, up to the clause's end."""
    doc = span.doc
    words = lexicon.words(doc)
    sent_end = span.sent.end
    ahead = lexicon.text_between(doc, span.end, min(span.end + 4, sent_end)).lower()
    cue = next(
        (
            c
            for c in patterns.phrases("events", "occasion_cues")
            if (ahead + " ").startswith(c + " ")
        ),
        None,
    )
    if cue is None:
        return None
    end = span.end + len(cue.split())
    stops = patterns.words("events", "title_stops") - {"and", "to"}
    while end < sent_end and end - span.end < 16:
        token = words[end]
        if token.text in {",", ".", ";", "(", ":"} or token.is_space or token.lower_ in stops:
            break
        end += 1
    return doc[span.end : end] if end > span.end + len(cue.split()) else None


def status(doc: Doc, span: Span, noun: Span) -> str:
    """held | planned | recalled | mention, from the words around the phrase."""
    sent = span.sent
    around = lexicon.text_between(
        doc, max(sent.start, span.start - 4), min(sent.end, span.end + 6)
    ).lower()
    after = lexicon.text_between(doc, span.end, min(sent.end, span.end + 20)).lower()
    before = lexicon.text_between(doc, max(sent.start, span.start - 4), span.start).lower()
    clause = lexicon.text_between(doc, sent.start, span.start).lower()
    if lexicon.contains_phrase(clause, patterns.phrases("events", "proposal_holding_cues")):
        return "proposed"  # "He proposed to hold a meeting in Nakhchivan"
    if lexicon.contains_phrase(around, patterns.phrases("events", "future_cues")):
        return "planned"
    if _future_clause(doc, span) or _headline_future(doc, span):
        return "planned"
    frame = lexicon.text_between(doc, max(sent.start, span.start - 6), span.start).lower()
    if lexicon.contains_phrase(frame, patterns.phrases("events", "frame_cues")):
        return "frame"  # "on the sidelines of the Summit, the Contact Group met": the setting
    if recalled_text(lexicon.lower_text(sent)) or _past_year(doc, span):
        return "recalled"
    if lexicon.contains_phrase(
        lexicon.text_between(doc, sent.start, span.start).lower(), _REPORTED
    ):
        return "recalled"  # "F.Muradov mentioned that the congress ... was held in Baku"
    if lexicon.contains_phrase(after, patterns.phrases("events", "held_verbs")):
        return "held"
    if lexicon.contains_phrase(before, _ATTENDED) or _during(doc, span):
        return "held"
    if lexicon.contains_phrase(
        lexicon.text_between(doc, span.end, sent.end).lower(), PRESENT_TENSE
    ):
        return "held"
    # "Experts gathered on Tuesday at the Secretariat for the 8th meeting": the clause's verb.
    clause = lexicon.text_between(doc, sent.start, span.start).lower()
    if lexicon.contains_phrase(clause, patterns.phrases("events", "took_part_verbs")):
        return "held"
    return "mention"


# Tokens back from an event's phrase within which a future verb of its clause puts it ahead
# ("plans to gather around 200 children living abroad at a summer camp").
_FUTURE_REACH = 20


def _during(doc: Doc, span: Span) -> bool:
    """ "said ... during the foundation's public commission meeting": "during" before the
    event's modifiers, with no clause break between, puts the speaker at a held event."""
    words = lexicon.words(doc)
    k = span.start - 1
    while k > span.sent.start and span.start - k < 8:
        token = words[k]
        if token.lower_ == "during":
            return True
        if token.is_punct and token.text not in {"'", "’", "-"}:
            return False
        k -= 1
    return False


def _future_clause(doc: Doc, span: Span) -> bool:
    """ "The Turkic Week is to close on 16 January with a farewell reception": a future verb
    earlier in the clause, with no verb of a held event after it."""
    sent = span.sent
    before = doc[max(sent.start, span.start - _FUTURE_REACH) : span.start]
    cut = max((t.i for t in before if t.text in {",", ";", "(", ")"}), default=before.start - 1)
    clause = lexicon.text_between(doc, cut + 1, span.start).lower()
    future = lexicon.contains_phrase(clause, patterns.phrases("events", "future_cues"))
    if future is None:
        return False
    past = lexicon.contains_phrase(
        clause.split(future, 1)[-1], patterns.phrases("events", "held_verbs")
    )
    return past is None


def _headline_future(doc: Doc, span: Span) -> bool:
    """ "Turkey to host 2nd Diaspora Forum": a headline's "to" and a verb of holding."""
    if span.start_char >= findings(doc).headline_end:
        return False
    verbs = "|".join(patterns.words("events", "headline_future_verbs"))
    return re.search(rf"\bto ({verbs})\b", lexicon.lower_text(span.sent)) is not None


_IN_YEAR = re.compile(r"\b(?:in|of) ((?:19|20)\d\d)\b")


def _past_year(doc: Doc, span: Span) -> bool:
    """ "the forum in Baku in 2022" in a 2023 article: an event of a year gone by."""
    published = findings(doc).published
    if published is None:
        return False
    text = lexicon.text_between(doc, span.start, min(span.sent.end, span.end + 4))
    return any(int(year) < published.year for year in _IN_YEAR.findall(text))


def announced(event: Event) -> bool:
    """A planned event the text announces, not a service offered ("will offer courses"): it
    has a date, a verb of holding ("will be held", "to host"), or "next", "forthcoming"."""
    doc, sent = event.span.doc, event.span.sent
    if any(sent.start <= d.span.start < sent.end and d.start for d in findings(doc).dates):
        return True
    if event.noun in {"signing", "visit"} or event.title.lower().startswith(_AHEAD_WORDS):
        return True
    verbs = patterns.phrases("events", "holding_verbs")
    return lexicon.contains_phrase(lexicon.lower_text(sent), verbs) is not None


_AHEAD_WORDS = ("next", "forthcoming", "upcoming", "coming")


def recalled_text(text: str) -> bool:
    """Words that put the sentence's event before the article's ("last year", "earlier"),
    once those naming the article's own days ("earlier this week") are set aside."""
    for recent in patterns.phrases("events", "recent_cues"):
        text = text.replace(recent, " ")
    return lexicon.contains_phrase(text, patterns.phrases("events", "recalled_cues")) is not None


def in_quote(span: Span) -> bool:
    """Whether the span sits inside quotation marks opened earlier in its paragraph (kept per
    offset: the rules ask about the same places again and again)."""
    cache: dict[int, bool] = span.doc.user_data.setdefault("ortak_in_quote", {})
    start = span.start_char
    if start not in cache:
        cache[start] = _opened_before(lexicon.doc_text(span.doc), start)
    return cache[start]


def _opened_before(text: str, start: int) -> bool:
    paragraph = text[text.rfind("\n", 0, start) + 1 : start]
    opened = paragraph.count("“") + paragraph.count("«")
    closed = paragraph.count("”") + paragraph.count("»")
    return opened > closed or paragraph.count('"') % 2 == 1


def in_dateline(span: Span) -> bool:
    """Whether the span sits in the agency dateline opening a paragraph near the top
    ("WARSAW, 15 November 2024 – The forum ...")."""
    doc = span.doc
    text = lexicon.doc_text(doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    if line_start > 600:
        return False
    key = f"ortak_dateline_{line_start}"
    end = doc.user_data.get(key)
    if end is None:
        end = doc.user_data[key] = line_start + published.dateline_end(text[line_start:])
    return span.start_char < end


def inside_name(span: Span) -> bool:
    """Whether a place sits inside an institution's or a person's name."""
    doc, text = span.doc, lexicon.span_text(span)
    for key in ("ortak_orgs", "ortak_people"):
        for start, end in lexicon.span_bounds(doc, key):
            inside = start <= span.start and span.end <= end
            if inside and lexicon.text_between(doc, start, end) != text:
                return True
    return False


def is_venue_noun(noun: Span) -> bool:
    """ "a concert hall", "the conference room": a place named after an event, no event; so
    is "the Humboldt Forum" in "the celebration took place at the Humboldt Forum"."""
    doc = noun.doc
    words = lexicon.words(doc)
    nxt = words[noun.end].lower_ if noun.end < len(doc) else ""
    if nxt in patterns.words("events", "venue_nouns"):
        return True
    k = noun.start
    while k > noun.sent.start and lexicon.is_cap(words[k - 1]):
        k -= 1
    before = lexicon.text_between(doc, max(noun.sent.start, k - 4), k).lower()
    if not (before.endswith(" at the") or before.endswith(" at")) or not lexicon.is_cap(noun[0]):
        return False
    nouns = patterns.load("events")["event_nouns"]
    return any(t.lower_ in nouns for t in doc[noun.sent.start : k])
