"""ortak_site_visits_v1: places the participants visited during the event.

"The delegation visited the Alley of Honors ..., the Alley of Martyrs and the Turkish
Martyrs' Memorial complex": each named object after a visit verb is a site. A state or a
city after the verb is a visit, not a site (ortak_events_v1 makes it an event).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ortak.ingest.extract import event_parts, lexicon, patterns
from ortak.ingest.extract.findings import Place, findings

_ENDS = frozenset(
    {",", ".", ";", "where", "which", "to", "opened", "shot", "and", "with", "in", "on"}
)


@Language.factory("ortak_site_visits_v1", default_config={"max_site_tokens": 12})
def make_site_visits(nlp: Language, name: str, *, max_site_tokens: int) -> SiteVisits:
    """Build the site-visit finder."""
    return SiteVisits(max_tokens=max_site_tokens)


class SiteVisits:
    """Attaches visited sites to the main event."""

    def __init__(self, *, max_tokens: int) -> None:
        self.max_tokens = max_tokens
        self.verbs = patterns.phrases("events", "site_verbs")

    def __call__(self, doc: Doc) -> Doc:
        found = findings(doc)
        if not found.events:
            return doc
        places = lexicon.places_by_token(doc)
        for sent in doc.sents:
            for verb in self._verbs(sent):
                found.events[0].site_visits.extend(self._sites(doc, verb + 1, sent.end, places))
        return doc

    def _verbs(self, sent: Span) -> list[int]:
        text = lexicon.lower_text(sent)
        if event_parts.in_quote(sent[:1]) or not lexicon.contains_phrase(text, self.verbs):
            return []
        verbs = {v.split()[-1] for v in self.verbs}
        lower = lexicon.tokens(sent.doc).lower
        return [i for i in range(sent.start, sent.end) if lower[i] in verbs]

    def _sites(self, doc: Doc, k: int, sent_end: int, places: dict[int, Place]) -> list[Span]:
        """The objects after a visit verb: "the Alley of Honors ..., the Alley of Martyrs"."""
        words = lexicon.words(doc)
        sites = []
        while k < sent_end:
            site = self._site(doc, k, sent_end)
            if site is None:
                break
            if not _is_place(site, places):
                sites.append(site)
            k = site.end
            while k < sent_end and words[k].lower_ not in {",", "and"}:
                k += 1
            k += 1
        return sites

    def _site(self, doc: Doc, start: int, sent_end: int) -> Span | None:
        words = lexicon.words(doc)
        while start < sent_end and words[start].lower_ in lexicon.ARTICLES | {"also"}:
            start += 1
        end = start
        while end < sent_end and end - start < self.max_tokens and not _ends(doc, end, start):
            end += 1
        span = doc[start:end]
        return span if span and lexicon.is_cap(span[0]) else None


def _ends(doc: Doc, i: int, start: int) -> bool:
    words = lexicon.words(doc)
    token = words[i]
    if token.lower_ == "of" or token.lower_ == "the":
        return False
    if token.lower_ == "in" and i + 1 < len(doc) and lexicon.is_cap(words[i + 1]):
        return False  # "Center in Bishkek"
    if token.lower_ in _ENDS:
        return not (
            token.lower_ == "and" and i + 1 < len(doc) and words[i + 1].is_title and i - start < 3
        )
    return not (
        lexicon.is_cap(token)
        or token.text in {"-", "’", "'"}
        or token.lower_ in {"complex", "gates", "busts", "monument"}
    )


def _is_place(span: Span, places: dict[int, Place]) -> bool:
    return all(t.i in places for t in span)
