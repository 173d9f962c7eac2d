"""ortak_organizers_v1: hosts, organisers and supporters, the framework, and the states
taking part.

"organized by X", "Hosted by X and Y", "held at the X", "with the support of X" name the
organisers; "as part of the Action Plan ...", "within the framework of the ... Program"
name the framework. States take part through lists after participation words
("representatives from Kazakhstan, Uzbekistan and Türkiye", "Representatives of Türkiye
... participated") and through demonyms before party nouns ("the Azerbaijani delegation").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ortak.ingest.extract import affiliations, event_parts, knowledge, lexicon, patterns
from ortak.ingest.extract.findings import Event, Findings, Org, findings

_LIST_GLUE = frozenset(
    {",", "and", "the", "—", "–", "-", ":", "as", "well", "also", "&", "'s", "’s"}
)
_CUE_WINDOW = 10  # tokens before a list of states within which a participation word counts


@Language.factory("ortak_organizers_v1", default_config={"max_framework_tokens": 25})
def make_organizers(nlp: Language, name: str, *, max_framework_tokens: int) -> Organizers:
    """Build the organiser, framework and participating-state finder."""
    return Organizers(max_framework_tokens=max_framework_tokens)


class Organizers:
    """Fills organisers and framework of the events and the article's participating states."""

    def __init__(self, *, max_framework_tokens: int) -> None:
        self.max_framework = max_framework_tokens
        self.cues = (*patterns.phrases("events", "organizer_cues"), "held at the", "held at")
        self.frames = patterns.phrases("events", "framework_cues")

    def __call__(self, doc: Doc) -> Doc:
        found = findings(doc)
        orgs = {m.start: org for org in found.orgs for m in org.mentions}
        for sent in doc.sents:
            event = _event_of(found, sent)
            if event is None or event_parts.in_quote(sent[:1]):
                continue
            for org in self._organizers(sent, orgs):
                if org not in event.organizers:
                    event.organizers.append(org)
            if event.framework is None:
                event.framework = self._framework(sent)
        if found.events:
            main = found.events[0]
            for org in _hosts(doc, main, orgs):
                if org not in main.organizers:
                    main.organizers.append(org)
        found.parties = _parties(doc)
        return doc

    def _organizers(self, sent: Span, orgs: dict[int, Org]) -> list[Org]:
        doc, text = sent.doc, lexicon.lower_text(sent)
        found: list[Org] = []
        for cue in self.cues:
            at = text.find(cue + " ")
            if at < 0:
                continue
            span = doc.char_span(
                sent.start_char + at, sent.start_char + at + len(cue), alignment_mode="expand"
            )
            found += _orgs_after(doc, span.end, sent.end, orgs) if span is not None else []
        return found

    def _framework(self, sent: Span) -> Span | None:
        doc, text = sent.doc, lexicon.lower_text(sent)
        heads = patterns.words("events", "framework_heads")
        for cue in self.frames:
            at = text.find(cue + " ")
            if at < 0:
                continue
            cue_span = doc.char_span(
                sent.start_char + at, sent.start_char + at + len(cue), alignment_mode="expand"
            )
            if cue_span is None:
                continue
            end = _clause_end(doc, cue_span.end, sent.end, self.max_framework)
            frame = doc[cue_span.end : end]
            if frame and any(lexicon.bare(t) in heads for t in frame[:5]):
                return frame
        return None


def _event_of(found: Findings, sent: Span) -> Event | None:
    """The event a sentence speaks of: a planned one it names, else the main event."""
    for event in found.planned:
        if event.span.sent.start == sent.start:
            return event
    return found.events[0] if found.events else None


def _orgs_after(doc: Doc, k: int, sent_end: int, orgs: dict[int, Org]) -> list[Org]:
    """The organisations right after a cue, joined by "and" ("X and the Secretariat of Y")."""
    words = lexicon.words(doc)
    found: list[Org] = []
    while k < sent_end:
        k = _skip_owner(doc, k, sent_end)
        org = orgs.get(k)
        end = next((m.end for m in org.mentions if m.start == k), k + 1) if org else k + 1
        if org is None and lexicon.is_org_head(words[k]) and not lexicon.is_cap(words[k]):
            org, end = affiliations.named_before(doc[k : k + 1]), k + 1  # "the committee"
        if org is None:
            break
        found.append(org)
        k = end
        if k + 1 < sent_end and words[k].text == "(":
            k = next((i + 1 for i in range(k, min(k + 6, sent_end)) if words[i].text == ")"), k)
        if k >= sent_end or words[k].lower_ != "and":
            break
        k += 1
    return found


def _skip_owner(doc: Doc, k: int, sent_end: int) -> int:
    """Past "the" and a state's possessive: "organised by Azerbaijan's State Committee"."""
    words = lexicon.words(doc)
    while k < sent_end and words[k].lower_ in lexicon.ARTICLES:
        k += 1
    if k + 1 < sent_end and _is_state(doc, k) and words[k + 1].text in {"'s", "’s"}:
        k += 2
    return k


def _hosts(doc: Doc, event: Event, orgs: dict[int, Org]) -> list[Org]:
    """ "The Presidency (YTB) hosted the 3rd ... Program", "gathered at the OTS Secretariat
    for the meeting", "an internship program at the Foundation": the host in the event's
    own sentence."""
    words = lexicon.words(doc)
    sent = event.span.sent
    subject = _skip_owner(doc, sent.start, sent.end)
    found = []
    for k in range(sent.start, min(sent.end, event.span.end + 3)):
        org = orgs.get(k)
        if org is None or org in found:
            continue
        at = k > 1 and words[k - 1].lower_ == "the" and words[k - 2].lower_ == "at"
        before = lexicon.text_between(doc, k, event.span.start).lower()
        if at or (k == subject and lexicon.contains_phrase(before, _HOST_VERBS)):
            found.append(org)
    return found


_HOST_VERBS = ("hosted", "organized", "organised", "held", "convened", "hosts", "organizes")


def _clause_end(doc: Doc, start: int, sent_end: int, limit: int) -> int:
    words = lexicon.words(doc)
    end = start
    while end < sent_end and end - start < limit and words[end].text not in {",", ".", ";", "("}:
        end += 1
    return end


def _parties(doc: Doc) -> list[tuple[str, Span]]:
    """States taking part, with the span that says so."""
    found = findings(doc)
    cues = patterns.phrases("events", "participation_cues")
    party_nouns = patterns.words("events", "party_nouns")
    parties: list[tuple[str, Span]] = []
    places = [p for p in found.places if p.country and p.kind in {"country", "demonym"}]
    for place in places:
        if event_parts.in_quote(place.span) or event_parts.inside_name(place.span):
            continue
        if _people_word_after(doc, place.span):
            continue  # "representatives of Turkish Diaspora": people of a diaspora, not a state
        listed = _in_listed_party(doc, place.span, cues) or _before_party_noun(
            doc, place.span, party_nouns
        )
        if listed and place.country is not None:  # every place here has a state
            parties.append((place.country, place.span))
    return parties


_PEOPLE_WORDS = frozenset(
    {
        "diaspora",
        "diasporas",
        "community",
        "communities",
        "people",
        "peoples",
        "students",
        "youth",
        "compatriots",
        "culture",
        "language",
    }
)


def _people_word_after(doc: Doc, span: Span) -> bool:
    """The word after the state, or after the list it stands in ("the Azerbaijani and
    Turkmen communities")."""
    words = lexicon.words(doc)
    k = span.end
    while k < span.sent.end and (words[k].lower_ in {"and", ","} or _is_state(doc, k)):
        k += 1
    return k < len(doc) and words[k].lower_ in _PEOPLE_WORDS


def _in_listed_party(doc: Doc, span: Span, cues: tuple[str, ...]) -> bool:
    """The state stands in a list that a participation word introduces or closes."""
    words = lexicon.words(doc)
    sent = span.sent
    i = span.start - 1
    while i >= sent.start and (
        words[i].lower_ in _LIST_GLUE or _is_state(doc, i) or _list_item(doc, i)
    ):
        i -= 1
    if i < sent.start:
        return _cue_after(doc, span, cues)
    introducer = words[i].lower_
    if introducer in _BESIDES:  # "Besides Azerbaijan, Turkey and ..., observers attended"
        return _cue_after(doc, span, cues)
    window = lexicon.text_between(doc, max(sent.start, i - _CUE_WINDOW), i + 1).lower()
    if introducer in {"from", "of", "by"} or words[i + 1].text in {"—", "–", ":", "-"}:
        if lexicon.contains_phrase(window, cues) is not None:
            return True
        # "Scholars from X, Y and Z took part": the sentence's verb makes the Organization's
        # states parties; NGOs "from Poland and Latvia" speak for no state.
        verbs = patterns.phrases("events", "participation_verbs")
        member = _is_member(doc, span)
        return member and lexicon.contains_phrase(lexicon.lower_text(sent), verbs) is not None
    return False


# Words opening a list of states that the sentence's verb makes parties with others.
_BESIDES = frozenset({"besides", "alongside"})


def _is_member(doc: Doc, span: Span) -> bool:
    place = next((p for p in findings(doc).places if p.span.start == span.start), None)
    catalog = knowledge.catalog()
    codes = {s.iso_code for s in catalog.states if s.iso_code} if catalog else set()
    return place is not None and place.country in codes


def _list_item(doc: Doc, i: int) -> bool:
    """An institution or its abbreviation in brackets, standing in a list of states."""
    words = lexicon.words(doc)
    if words[i].text in {"(", ")"} or lexicon.is_acronym(words[i]):
        return True
    return i in _org_tokens(doc)


def _org_tokens(doc: Doc) -> set[int]:
    tokens = doc.user_data.get("ortak_org_tokens")
    if tokens is None:
        spans = doc.spans.get("ortak_orgs", [])
        tokens = doc.user_data["ortak_org_tokens"] = {
            i for s in spans for i in range(s.start, s.end)
        }
    return tokens


def _cue_after(doc: Doc, span: Span, cues: tuple[str, ...]) -> bool:
    """ "Representatives of Türkiye, ... participated": the cue may close the list."""
    after = lexicon.text_between(doc, span.end, min(span.sent.end, span.end + 20)).lower()
    before = lexicon.text_between(doc, span.sent.start, span.start).lower()
    verbs = patterns.phrases("events", "participation_verbs")
    return lexicon.contains_phrase(
        before, ("representatives of", "delegations of")
    ) is not None or (lexicon.contains_phrase(after, verbs) is not None)


def _is_state(doc: Doc, i: int) -> bool:
    states = doc.user_data.get("ortak_state_tokens")
    if states is None:
        places = findings(doc).places
        states = {
            t
            for p in places
            if p.kind in {"country", "demonym"}
            for t in range(p.span.start, p.span.end)
        }
        doc.user_data["ortak_state_tokens"] = states
    return i in states


def _before_party_noun(doc: Doc, span: Span, nouns: frozenset[str]) -> bool:
    """ "the Azerbaijani delegation", "the Azeri and Kazakh delegations"."""
    words = lexicon.words(doc)
    k = span.end
    while k < span.sent.end and (
        words[k].lower_ == "and" or _is_state(doc, k) or words[k].text == ","
    ):
        k += 1
    return k < span.sent.end and lexicon.bare(words[k]) in nouns and k > span.start
