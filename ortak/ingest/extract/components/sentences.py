"""ortak_sentences_v1: sentence boundaries for news text.

spaCy's sentencizer splits at every full stop; news text also breaks at line ends (headline,
dateline, paragraphs), and a full stop inside "F.Muradov" or "News.Az" ends nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import cast

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

from ortak.ingest.extract import lexicon
from ortak.ingest.extract.findings import findings

_ENDS = {".", "!", "?", "…", "...", "。"}
_CLOSERS = {'"', "”", "’", "'", ")", "»"}
_MAY_END = _ENDS | _CLOSERS
# Initials transliterated from one Cyrillic letter ("Ч", "Ш", "Ж", "Х", "Ц", "Ю", "Я").
_DIGRAPH_INITIAL = re.compile(r"^(?:[CSZK]h|Ts|Y[aeu])$")


@Language.factory("ortak_sentences_v1", default_config={"split_on_newlines": True})
def make_sentences(nlp: Language, name: str, *, split_on_newlines: bool) -> Sentences:
    """Build the sentence splitter."""
    return Sentences(split_on_newlines=split_on_newlines)


class Sentences:
    """Marks sentence starts after end punctuation and at line breaks."""

    def __init__(self, *, split_on_newlines: bool) -> None:
        self.split_on_newlines = split_on_newlines

    def __call__(self, doc: Doc) -> Doc:
        # Token texts from the doc's arrays: creating a Token object per word costs more than
        # the whole of this component's own work.
        words = lexicon.tokens(doc)
        texts = words.text
        spaces = words.spaced
        starts = [True] + [False] * (len(texts) - 1) if texts else []
        for i in range(1, len(texts)):
            prev = texts[i - 1]
            # Only an end mark, a closing quote or a line break before a word can end a sentence.
            if prev in _MAY_END or "\n" in prev:
                starts[i] = self._starts(texts, spaces, starts, i)
        if starts:
            # One array write instead of a per-token setter: the setter checks the whole doc.
            values = numpy.where(numpy.array(starts), 1, -1).astype("int64").astype("uint64")
            doc.from_array([SENT_START], cast(Ints2d, values.reshape(-1, 1)))
            _index_sentences(doc, starts)
        doc.user_data["ortak_sent_starts"] = starts
        findings(doc).headline_end = _headline_end(doc)
        return doc

    def _starts(self, texts: list[str], spaces: list[int], starts: list[bool], i: int) -> bool:
        prev = texts[i - 1]
        if self.split_on_newlines and "\n" in prev and not prev.strip():
            return True
        if not texts[i].strip() or (prev in _CLOSERS and starts[i - 1]):
            return False
        j = i - 1
        while j > 0 and texts[j] in _CLOSERS:
            j -= 1
        if texts[j] not in _ENDS:
            return False
        if texts[i] in _CLOSERS:
            # A straight quote after a space opens the next sentence; any other closes this one.
            return texts[i] == '"' and bool(spaces[i - 1])
        if texts[j] == "." and texts[i][:1].islower():
            return False  # "2017 г. в Бишкеке", "approx. five": an abbreviation's stop
        if texts[j] == "." and j == i - 1 and j > 0 and _DIGRAPH_INITIAL.match(texts[j - 1]):
            return False  # "Ch. Valikhanov", "Sh. Ualikhanov": a transliterated initial
        # "News.Az": no space after the stop means no sentence ends there.
        return bool(spaces[j]) or j + 1 < i


def _index_sentences(doc: Doc, starts: list[bool]) -> None:
    """Answer `span.sent` and `doc.sents` from the boundaries just set: spaCy's own walk
    from the span to the sentence marks, and its check of the whole doc for them, ran on
    every call, and the rules ask for a span's sentence thousands of times per article."""
    index = SentenceIndex(starts)
    doc.user_span_hooks["sent"] = index.sent
    doc.user_hooks["sents"] = index.sents


class SentenceIndex:
    """Each sentence's token bounds, and the sentence each token stands in (a class, not a
    closure, so that a doc carrying it can still be copied and pickled)."""

    def __init__(self, starts: list[bool]) -> None:
        firsts = [i for i, start in enumerate(starts) if start]
        self.bounds = list(zip(firsts, [*firsts[1:], len(starts)], strict=True))
        self.owner = [0] * len(starts)
        for number, (first, end) in enumerate(self.bounds):
            self.owner[first:end] = [number] * (end - first)

    def sent(self, span: Span) -> Span:
        first, end = self.bounds[self.owner[min(span.start, len(self.owner) - 1)]]
        return span.doc[first:end]

    def sents(self, doc: Doc) -> Iterator[Span]:
        return (doc[first:end] for first, end in self.bounds)


def _headline_end(doc: Doc) -> int:
    """End offset of a leading headline: a first line with no closing full stop."""
    text = lexicon.doc_text(doc)
    line_end = text.find("\n")
    if line_end <= 0:
        return 0
    first = text[:line_end].strip()
    if first and first[-1] not in ".!?" and len(first.split()) <= 25:
        return line_end
    return 0
