"""ortak_outcomes_v1: decisions taken, documents adopted or signed, agreements reached.

A sentence reports an outcome when an outcome verb ("adopted", "signed", "agreed on") or
noun ("the adoption of") stands in it and nothing marks it as a proposal or a plan
("It was proposed to hold ...", "will sign").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ortak.ingest.extract import event_parts, lexicon, patterns
from ortak.ingest.extract.findings import findings

_SPLIT = re.compile(r",?\s+and\s+(?=(?:adopted|signed|approved|agreed|decided|endorsed)\b)")


@Language.factory("ortak_outcomes_v1", default_config={"max_outcome_tokens": 45})
def make_outcomes(nlp: Language, name: str, *, max_outcome_tokens: int) -> Outcomes:
    """Build the outcome finder."""
    return Outcomes(max_tokens=max_outcome_tokens)


class Outcomes:
    """Attaches outcome clauses to the main event."""

    def __init__(self, *, max_tokens: int) -> None:
        self.max_tokens = max_tokens
        self.verbs = patterns.phrases("events", "outcome_verbs")
        self.proposals = patterns.phrases("events", "proposal_cues")

    def __call__(self, doc: Doc) -> Doc:
        found = findings(doc)
        if not found.events:
            return doc
        main = found.events[0]
        for sent in doc.sents:
            if event_parts.in_quote(sent[:1]) or not self._reports(sent):
                continue
            main.outcomes.extend(self._clauses(sent))
        return doc

    def _reports(self, sent: Span) -> bool:
        text = lexicon.lower_text(sent)
        return bool(lexicon.contains_phrase(text, self.verbs)) and not lexicon.contains_phrase(
            text, self.proposals
        )

    def _clauses(self, sent: Span) -> list[Span]:
        """The outcome words of a sentence, one span per verb joined by "and"."""
        doc = sent.doc
        first = next((t.i for t in sent if _outcome_word(t, self.verbs)), None)
        if first is None:
            return []
        start = _subject_start(sent, first)
        end = min(sent.end, start + self.max_tokens)
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        clause = doc[start:end]
        pieces = _SPLIT.split(clause.text)
        if len(pieces) == 1:
            return [clause]
        return [_piece(clause, p) for p in pieces if p.strip()]


def _outcome_word(token: Token, verbs: tuple[str, ...]) -> bool:
    return token.lower_ in {v for v in verbs if " " not in v}


def _subject_start(sent: Span, verb: int) -> int:
    """Passive "The strategy ... was signed": the outcome starts with its subject."""
    doc = sent.doc
    if verb > sent.start and doc[verb - 1].lower_ in {"was", "were", "been"}:
        return sent.start
    return verb


def _piece(clause: Span, text: str) -> Span:
    offset = clause.text.find(text)
    start = clause.start_char + offset
    span = clause.doc.char_span(start, start + len(text.rstrip(" ,.")), alignment_mode="expand")
    return span if span is not None else clause
