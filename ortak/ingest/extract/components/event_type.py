"""ortak_event_type_v1: the schema's event type of each event found.

A program format named in the title decides first ("meeting of the Ministers and Heads of
Institutions ..." is the catalog's ministerial meeting series); then the event noun, refined
by the title's words (a meeting of ministers or heads is a ministerial meeting, a meeting of
the Contact Group a Contact Group meeting, an event about a genocide a commemoration).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ortak.ingest.extract import event_parts, knowledge, lexicon, patterns
from ortak.ingest.extract.findings import Event, findings

_MEETINGS = frozenset({"meeting", "conference", "session", "summit", "talks", "other"})


@Language.factory("ortak_event_type_v1", default_config={"default_type": "other"})
def make_event_type(nlp: Language, name: str, *, default_type: str) -> EventType:
    """Build the event classifier."""
    return EventType(default_type=default_type)


class EventType:
    """Sets `type` on every held and planned event."""

    def __init__(self, *, default_type: str) -> None:
        self.default = default_type
        events = patterns.load("events")
        nouns = {**events["event_nouns"], **events["russian_event_nouns"]}
        self.nouns = {str(k).lower(): v for k, v in nouns.items()}

    def __call__(self, doc: Doc) -> Doc:
        found = findings(doc)
        for event in found.events + found.planned:
            event.type = event.type or self.classify(event)
        return doc

    def classify(self, event: Event) -> str:
        """The type of one event, from its program, noun and title."""
        program_type = _program_type(event)
        if program_type:
            return program_type
        reason = event_parts.occasion(event.span)
        title = event.title.lower() + (" " + reason.text.lower() if reason is not None else "")
        title += " " + _owner(event)
        base = self.nouns.get((event.noun or "").lower(), self.default)
        if lexicon.contains_phrase(title, patterns.phrases("events", "commemoration_markers")):
            return "commemoration" if base in _MEETINGS | {"cultural_event"} else base
        if (event.noun or "").lower() == "ceremony" and _anniversary(event, title):
            return "commemoration"  # "a ceremony marking the 15th anniversary of ..."
        if "contact group" in title and base in _MEETINGS:
            return "contact_group_meeting"
        meeting = base in {"other", "conference"} and (event.noun or "") in _MEETINGS
        markers = patterns.phrases("events", "ministerial_markers")
        bilateral = title.startswith(f"{event.noun} with")  # "meeting with the heads of ..."
        if meeting and not bilateral and _ministerial(event, title, markers):
            return "ministerial_meeting"
        if base == "other" and lexicon.contains_phrase(
            title, patterns.phrases("events", "cultural_markers")
        ):
            return "cultural_event"
        return base or self.default


def _anniversary(event: Event, title: str) -> bool:
    """A ceremony held for an anniversary: its title or occasion says so, or its clause
    ("The Committee marked its 15th anniversary with a ceremony")."""
    span = event.span
    clause = lexicon.text_between(span.doc, span.sent.start, span.start).lower()
    return "anniversary" in title or (
        "anniversary" in clause
        and lexicon.contains_phrase(clause, ("marked", "celebrated")) is not None
    )


def _owner(event: Event) -> str:
    """ "the Contact Group held its 9th meeting": the clause before "its", whose meeting it is."""
    span = event.span
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in {"its", "their"}:
        return ""
    return lexicon.text_between(doc, span.sent.start, span.start - 1).lower()


def _ministerial(event: Event, title: str, markers: tuple[str, ...]) -> bool:
    """A meeting of ministers or heads: its title says so, or, where the title is bare ("their
    annual meeting"), the sentence's subject ("Heads of the diaspora agencies ... gathered")."""
    if lexicon.contains_phrase(title, markers):
        return True
    if " of " in title:
        return False
    sent = event.span.sent
    subject = sent[: min(4, len(sent))].text.lower()
    return lexicon.contains_phrase(subject, markers) is not None


def _program_type(event: Event) -> str | None:
    doc = event.span.doc
    for span in doc.spans.get("ortak_gazetteer", []):
        if span.label_ != "PROGRAM" or not (event.span.start <= span.start < event.span.end):
            continue
        program = knowledge.program(span.kb_id_)
        if program is not None and program.event_type:
            return program.event_type
    return None
