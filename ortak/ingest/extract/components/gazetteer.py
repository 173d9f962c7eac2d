"""ortak_gazetteer_v1: names of states, institutions and program formats from the catalog.

Phrase patterns are built from every name and variant in `ortak.reference` (including the
variants news uses, such as "Turkic Council" for the OTS). Abbreviations and state names
match case-sensitively, so "OTS" is found but "ots" in a word is not; longer names match in
any case, since news writes "meeting of the ministers" in lower case as often as not.
Matches land in `doc.spans["ortak_gazetteer"]`, labelled STATE, INSTITUTION or PROGRAM,
with the catalog key as `kb_id_`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ortak.ingest.extract import knowledge

SPANS_KEY = "ortak_gazetteer"


@Language.factory("ortak_gazetteer_v1", default_config={"catalog_path": None})
def make_gazetteer(nlp: Language, name: str, *, catalog_path: str | None) -> Gazetteer:
    """Build the gazetteer from the catalog at `catalog_path` (None: the shipped one)."""
    return Gazetteer(nlp, entries=knowledge.entries(catalog_path))


class Gazetteer:
    """Marks catalog names in the text."""

    def __init__(self, nlp: Language, *, entries: tuple[knowledge.Entry, ...]) -> None:
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: dict[str, knowledge.Entry] = {}
        exact: dict[str, list[Doc]] = {}
        lower: dict[str, list[Doc]] = {}
        for entry in entries:
            match_id = f"{entry.label}|{entry.key}"
            self.entries[match_id] = entry
            table = exact if _case_sensitive(entry) else lower
            table.setdefault(match_id, []).append(nlp.make_doc(entry.text))
        for match_id, docs in exact.items():
            self.exact.add(match_id, docs)
        for match_id, docs in lower.items():
            self.lower.add(match_id, docs)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.exact, self.lower):
            for match_id, start, end in matcher(doc):
                label, key = doc.vocab.strings[match_id].split("|", 1)
                spans.append(Span(doc, start, end, label=label, kb_id=key))
        # Programs may hold an institution's name ("Diaspora Forum of the Organization of
        # Turkic States"): keep both, each group free of overlaps within itself.
        programs = filter_spans([s for s in spans if s.label_ == "PROGRAM"])
        others = filter_spans([s for s in spans if s.label_ != "PROGRAM"])
        doc.spans[SPANS_KEY] = sorted(programs + others, key=lambda s: (s.start, -s.end))
        return doc

    def entry(self, span: Span) -> knowledge.Entry:
        """The catalog entry a gazetteer span stands for."""
        return self.entries[f"{span.label_}|{span.kb_id_}"]


def _case_sensitive(entry: knowledge.Entry) -> bool:
    short = len(entry.text) <= 6 and entry.text.upper() == entry.text
    return short or entry.label == "STATE"
