"""The pipeline's components, one per module, each registered as a versioned spaCy factory."""

from __future__ import annotations

import importlib

MODULES = (
    "sentences", "gazetteer", "places", "dates", "organizations", "people", "events",
    "event_type", "organizers", "outcomes", "site_visits", "planned",
    "regional_entities", "regional_events",
)  # fmt: skip


def register() -> None:
    """Import every component module so that its factory is registered with spaCy."""
    for module in MODULES:
        importlib.import_module(f"{__name__}.{module}")
