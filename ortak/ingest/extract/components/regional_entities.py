"""ortak_regional_entities_v1: people, institutions and places in the region's languages.

One set of rules for Russian, Turkish, Azerbaijani, Kazakh, Kyrgyz and Uzbek; what differs is
data (`patterns/<lang>/`). A person is a run of capitalised words (or initials and a surname)
that a title stands before ("Devlet Komitesi Başkanı Nazim İbrahimov", "председатель
муниципалитета Бурсы Алинур Акташ") or that ends like a surname. An institution is a name
around a head noun: the head ends the name in the Turkic languages ("... Devlet Komitesi"),
opens it in Russian ("Государственного комитета по работе с диаспорой"); either comes out in
its base form ("Komitəsinin" -> "Komitəsi", "Государственный комитет ...").

The rules live in `regional_names` (who may be a person), `regional_institutions` (the names
of bodies) and `regional_people` (a person's title, body and state); this component runs them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ortak.ingest.extract import languages
from ortak.ingest.extract.components.regional_institutions import add_org, institutions
from ortak.ingest.extract.components.regional_names import char_span, name_runs
from ortak.ingest.extract.components.regional_people import add_person
from ortak.ingest.extract.findings import Place, findings
from ortak.ingest.extract.regional_text import Text, analyse

__all__ = ["RegionalEntities", "char_span", "make_regional_entities"]


@Language.factory(
    "ortak_regional_entities_v1",
    default_config={"max_name_words": 3, "max_org_words": 18, "max_chain_words": 16},
)
def make_regional_entities(
    nlp: Language, name: str, *, max_name_words: int, max_org_words: int, max_chain_words: int
) -> RegionalEntities:
    """Build the finder of people, institutions and places for the region's languages."""
    return RegionalEntities(
        max_name_words=max_name_words, max_org_words=max_org_words, max_chain=max_chain_words
    )


class RegionalEntities:
    """Adds places, institutions and people (with title, institution and state) to findings."""

    def __init__(self, *, max_name_words: int, max_org_words: int, max_chain: int) -> None:
        self.max_name_words = max_name_words
        self.max_org_words = max_org_words
        self.max_chain = max_chain

    def __call__(self, doc: Doc) -> Doc:
        found = findings(doc)
        lang = found.language
        if lang not in languages.known():
            return doc
        text = analyse(doc, lang)
        _not_titles(text)
        _add_places(doc, text)
        runs = name_runs(text, self.max_name_words)
        spans = institutions(text, runs, self.max_org_words)
        for span in spans:
            span.org = add_org(doc, text, span)
        for run in runs:
            add_person(doc, text, run, spans, self.max_chain, runs)
        doc.spans["ortak_people"] = [m for p in found.people for m in p.mentions]
        doc.spans["ortak_orgs"] = [m for o in found.orgs for m in o.mentions]
        return doc


def _not_titles(text: Text) -> None:
    """ "elchixonada" (at the embassy) starts like "elchi" (ambassador): an embassy's word is
    an institution's, never a title."""
    embassies = languages.words(text.lang, "institutions", "embassies")
    for word in text.words:
        if word.role and any(b in embassies for b in languages.base_forms(text.lang, word.text)):
            word.role = False


def _add_places(doc: Doc, text: Text) -> None:
    found = findings(doc)
    for place in text.places:
        span = char_span(doc, text, place.start, place.end)
        name = place.name or text.span_text(place.start, place.end)
        found.places.append(Place(span=span, kind=place.kind, name=name, country=place.code))
