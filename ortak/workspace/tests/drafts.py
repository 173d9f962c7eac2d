"""A hand-built draft to review: an article's text, its record and the evidence for it.

Built with the loader (ortak.ingest.load.record_load) rather than the extractor, so these
tests pin the review screen, not the extractor's reading of the article.
"""

from __future__ import annotations

from ortak.ingest.load import ArticleData, record_load
from ortak.ingest.models import Review

TEXT = (
    "Baku hosted the 5th meeting of the Contact Group on 5 October 2023.\n\n"
    "Chairman Fuad Muradov of the State Committee on Work with Diaspora opened the meeting.\n\n"
    "The participants adopted the Diaspora Joint Activity Plan for 2024.\n\n"
    "The guests visited the Azerbaijan Carpet Museum."
)


def _evidence(path: str, value: str, sentence_index: int, marked: str | None = None) -> dict:
    sentence = TEXT.split("\n\n")[sentence_index]
    start = TEXT.index(marked or value)
    return {
        "path": path,
        "value": value,
        "sentence": sentence,
        "start": start,
        "end": start + len(marked or value),
    }


def record(**event_fields) -> dict:
    event = {
        "title": "5th meeting of the Contact Group",
        "type": "contact_group_meeting",
        "start_date": "2023-10-05",
        "end_date": None,
        "city": "Baku",
        "country": "AZ",
        "organizers": ["State Committee on Work with Diaspora"],
        "framework": None,
        "participants": [
            {
                "name": "Fuad Muradov",
                "role": "Chairman",
                "organization": "State Committee on Work with Diaspora",
                "country": "AZ",
            }
        ],
        "organizations": [{"name": "State Committee on Work with Diaspora", "country": "AZ"}],
        "countries": ["AZ"],
        "outcomes": ["adopted the Diaspora Joint Activity Plan for 2024"],
        "site_visits": ["Azerbaijan Carpet Museum"],
        **event_fields,
    }
    return {
        "source": {"path": "", "url": None, "published": "2023-10-06", "language": "en"},
        "events": [event],
        "planned": [],
    }


EVIDENCE = [
    _evidence("events[0].title", "5th meeting of the Contact Group", 0),
    _evidence("events[0].city", "Baku", 0),
    _evidence("events[0].country", "AZ", 0, marked="Baku"),
    _evidence("events[0].participants[0].name", "Fuad Muradov", 1),
    _evidence("events[0].participants[0].role", "Chairman", 1),
    _evidence("events[0].outcomes[0]", "adopted the Diaspora Joint Activity Plan for 2024", 2),
    _evidence("events[0].site_visits[0]", "Azerbaijan Carpet Museum", 3),
]


def draft(*, actor=None, text: str = TEXT, **event_fields) -> Review:
    """A pending review of one draft event, as the loader makes it."""
    result = record_load(
        article=ArticleData(text=text, title="Contact Group met in Baku", published="2023-10-06"),
        record=record(**event_fields),
        evidence=EVIDENCE,
        pipeline_version="ortak-extract test",
        actor=actor,
    )
    return result.review
