"""The sentence each value of a draft was read from, with the value marked in it.

The extractor keeps, for each value, its record path, its sentence and the character offsets
of what it read in the article's text (ortak.ingest.extract.pipeline.Evidence). The reviewer
sees the sentence with the value marked: the value's own words where the sentence has them
("Minister"), else the words it was read from ("Kyrgyz" for the country KG). A participant's
name, role and country often come from one sentence: they become one quote with three marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

CONTEXT = 160  # characters kept before the first and after the last mark of a long sentence
_ITEM_PART = re.compile(r"^(.*\[\d+\]\.\w+\[\d+\])\.\w+$")


@dataclass
class Quote:
    """A sentence of the article and the spans of it (start, end) that hold the value."""

    sentence: str
    marks: list[tuple[int, int]] = field(default_factory=list)

    def segments(self) -> list[tuple[str, bool]]:
        """The sentence as (text, marked) pieces, long runs of unmarked text shortened."""
        pieces, position = [], 0
        for start, end in _merged(self.marks, self.sentence):
            pieces += [(self.sentence[position:start], False), (self.sentence[start:end], True)]
            position = end
        pieces.append((self.sentence[position:], False))
        pieces = [piece for piece in pieces if piece[0]]
        return _shortened(pieces)

    def __str__(self) -> str:
        return self.sentence


def item_path(path: str) -> str:
    """`events[0].participants[1].role` -> `events[0].participants[1]` (the row it belongs to)."""
    found = _ITEM_PART.match(path)
    return found.group(1) if found else path


def quotes_by_path(evidence: list[dict[str, Any]], text: str) -> dict[str, list[Quote]]:
    """Every quote of the draft, keyed by the record path of the row it belongs to; the
    evidence of one row from one sentence is one quote."""
    quotes: dict[str, list[Quote]] = {}
    for item in evidence:
        if not isinstance(item, dict) or not item.get("path"):
            continue
        found = quote_of(item, text)
        if found is None:
            continue
        row = quotes.setdefault(item_path(str(item["path"])), [])
        same = next((quote for quote in row if quote.sentence == found.sentence), None)
        if same is None:
            row.append(found)
        else:
            same.marks.extend(mark for mark in found.marks if mark not in same.marks)
    return quotes


def quote_of(item: dict[str, Any], text: str) -> Quote | None:
    """The quote for one piece of evidence, or None when it points nowhere."""
    start, end = _offsets(item, text)
    sentence = str(item.get("sentence") or "") or (text[start:end] if start is not None else "")
    if not sentence:
        return None
    value = _value_text(item.get("value"))
    where = _locate(text, sentence, start) if start is not None else None
    if start is None or where is None:  # no offsets to go by: the value's first place
        mark = _find(sentence, value, 0)
        return Quote(sentence, [mark] if mark else [])
    mark = _find(sentence, value, start - where)
    inside = where <= start and end <= where + len(sentence)
    # Offsets within the sentence, and not merely its own bounds, mark what was read.
    if mark is None and inside and (start, end) != (where, where + len(sentence)):
        mark = (start - where, end - where)
    return Quote(sentence, [mark] if mark else [])


def _offsets(item: dict[str, Any], text: str) -> tuple[int | None, int]:
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return start, end
    return None, 0


def _locate(text: str, sentence: str, start: int) -> int | None:
    """Where the sentence holding offset `start` begins in the text (None if it does not)."""
    position = text.rfind(sentence, 0, start + len(sentence))
    if position == -1 or position + len(sentence) < start:
        position = text.find(sentence)
    return None if position == -1 else position


def _value_text(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or value.get("name_latin") or "")
    return "" if value is None else str(value)


def _find(sentence: str, value: str, near: int) -> tuple[int, int] | None:
    """The occurrence of the value (any case) in the sentence nearest to offset `near`."""
    if len(value) < 3:  # two-letter codes ("KG") would match inside words
        return None
    found = list(re.finditer(re.escape(value), sentence, re.IGNORECASE))
    if not found:
        return None
    best = min(found, key=lambda match: abs(match.start() - near))
    return best.start(), best.end()


def _merged(marks: list[tuple[int, int]], sentence: str) -> list[tuple[int, int]]:
    """Marks in order; overlapping ones, or ones only a space apart, joined into one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(marks):
        if merged and not sentence[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _shortened(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Cut a long lead-in and a long tail at word boundaries, marking the cuts with "…"."""
    if len(pieces) > 1 and not pieces[0][1] and len(pieces[0][0]) > CONTEXT:
        pieces[0] = ("…" + pieces[0][0][-CONTEXT:].split(" ", 1)[-1], False)
    if len(pieces) > 1 and not pieces[-1][1] and len(pieces[-1][0]) > CONTEXT:
        pieces[-1] = (pieces[-1][0][:CONTEXT].rsplit(" ", 1)[0] + "…", False)
    return pieces
