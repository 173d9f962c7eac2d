"""Whether a person named in an article was present at its event.

Participants are the people present; the schema leaves out people only quoted in an
interview, remembered or commemorated, and heads of state whose names frame an event
("the chairmanship of President X") without putting them there.
"""

from __future__ import annotations

import difflib
import functools

from spacy.tokens import Span

from ortak.ingest.extract import event_parts, knowledge, lexicon, patterns
from ortak.ingest.extract.findings import Person


def present(person: Person) -> bool:
    """True unless the person is remembered, a head of state in passing, or a press source."""
    if _historical(person) or _remembered(person.mentions[0]) or _words_brought(person):
        return False
    if all(event_parts.in_quote(m) for m in person.mentions):
        return False  # named only inside someone's words
    if _head_of_state(person) and not any(_acts(m) for m in person.mentions):
        return False
    return not _press_source(person)


def _historical(person: Person) -> bool:
    """One of the historical figures, in any spelling: "Abai Kunanbaiuly", "Abay Qunanbayev"
    and "Abai Kunanbayev" fold to one first name and one surname stem."""
    return _historical_name(knowledge.names_api()[0](person.name))


@functools.lru_cache(maxsize=8192)
def _historical_name(name: str) -> bool:
    figures = _figures()
    if name in figures or any(name.endswith(" " + f) for f in figures if " " not in f):
        return True
    words = name.split()
    if len(words) < 2:
        return False
    stem = _stem(words[-1])
    return any(
        _similar(words[0], f[0]) and _similar(stem, _stem(f[-1]))
        for f in (g.split() for g in figures if " " in g)
    )


@functools.cache
def _figures() -> frozenset[str]:
    fold = knowledge.names_api()[0]
    return frozenset(fold(f) for f in patterns.load("people")["historical_figures"])


def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a, b).ratio() >= _SAME_NAME


_SAME_NAME = 0.8


@functools.lru_cache(maxsize=8192)
def _stem(surname: str) -> str:
    """A folded surname less its patronymic ending ("kunanbaiuli", "kunanbaev": "kunanba")."""
    for ending in _endings():
        if surname.endswith(ending) and len(surname) - len(ending) >= 4:
            return surname[: -len(ending)].rstrip("iy")
    return surname.rstrip("iy")


@functools.cache
def _endings() -> tuple[str, ...]:
    fold = knowledge.names_api()[0]
    folded = {fold(e) for e in patterns.words("people", "surname_endings")}
    return tuple(sorted((e for e in folded if len(e) > 1), key=len, reverse=True))


def _remembered(mention: Span) -> bool:
    before = lexicon.words_before(mention.doc, mention.start, 5)
    if lexicon.contains_phrase(before, patterns.phrases("people", "remembered_cues")) is not None:
        return True
    return _possessed_legacy(mention)


def _possessed_legacy(mention: Span) -> bool:
    """ "translated Abai Kunanbaiuly’s works", "Aitmatov's legacy": what the person left."""
    doc = mention.doc
    k = mention.end
    words = lexicon.words(doc)
    if k + 1 >= len(words) or words[k].text not in {"’s", "'s", "’", "'"}:
        return False
    if k + 1 >= mention.sent.end:
        return False
    after = lexicon.text_between(doc, k + 1, min(k + 4, mention.sent.end)).lower()
    return lexicon.contains_phrase(after, _legacy_nouns()) is not None and (
        words[k + 1].lower_ in {p.split()[0] for p in _legacy_nouns()}
    )


def _legacy_nouns() -> tuple[str, ...]:
    return patterns.phrases("people", "remembered_after")


def _words_brought(person: Person) -> bool:
    """ "conveyed the greetings of Secretary General X": X's words came, X did not."""
    mention = person.mentions[0]
    start = mention.start
    chain = person.role_span
    if chain is not None and chain.end <= mention.start and mention.start - chain.end <= 1:
        start = chain.start
    before = lexicon.words_before(mention.doc, start, 4)
    return lexicon.contains_phrase(before, patterns.phrases("people", "absent_cues")) is not None


def _head_of_state(person: Person) -> bool:
    role = (person.role or "").lower()
    titles = patterns.phrases("people", "head_of_state_titles")
    return person.organization is None and any(role.startswith(t) for t in titles)


def _acts(mention: Span) -> bool:
    """A presence verb right after the name: "President X attended the opening"."""
    doc = mention.doc
    after = lexicon.text_between(doc, mention.end, min(mention.end + 3, mention.sent.end)).lower()
    return lexicon.contains_phrase(after, patterns.phrases("people", "presence_verbs")) is not None


def _press_source(person: Person) -> bool:
    """The first mention tells a news agency ("X told Trend"): an interview, not an event."""
    mention = person.mentions[0]
    doc = mention.doc
    after = doc[mention.end : min(mention.end + 4, mention.sent.end)]
    if not after or after[0].lower_ != "told":
        return lexicon.contains_phrase(after.text.lower(), ("in an interview",)) is not None
    target = after[1:].text.lower()
    news = patterns.phrases("organizations", "news_sources")
    return lexicon.contains_phrase(target, news) is not None
