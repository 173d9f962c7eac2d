"""ortak_event_type_v1: the schema's event type of each event found.

A program format named in the title decides first ("meeting of the Ministers and Heads of
Institutions ..." is the catalog's ministerial meeting series); then the event noun, refined
by the title's words (a meeting of ministers or heads is a ministerial meeting, a meeting of
the Contact Group a Contact Group meeting, an event about a genocide a commemoration).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ortak.ingest.extract import knowledge, lexicon, patterns
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
        title = event.title.lower()
        base = self.nouns.get((event.noun or "").lower(), self.default)
        if lexicon.contains_phrase(title, patterns.phrases("events", "commemoration_markers")):
            return "commemoration" if base in _MEETINGS | {"cultural_event"} else base
        if "contact group" in title and base in _MEETINGS:
            return "contact_group_meeting"
        meeting = base in {"other", "conference"} and (event.noun or "") in _MEETINGS
        markers = patterns.phrases("events", "ministerial_markers")
        if (meeting or event.noun == "conference") and lexicon.contains_phrase(title, markers):
            return "ministerial_meeting"
        if base == "other" and lexicon.contains_phrase(
            title, patterns.phrases("events", "cultural_markers")
        ):
            return "cultural_event"
        return base or self.default


def _program_type(event: Event) -> str | None:
    doc = event.span.doc
    for span in doc.spans.get("ortak_gazetteer", []):
        if span.label_ != "PROGRAM" or not (event.span.start <= span.start < event.span.end):
            continue
        program = knowledge.program(span.kb_id_)
        if program is not None and program.event_type:
            return program.event_type
    return None
