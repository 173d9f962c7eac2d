"""The plans app's answers to other apps' signals; connected in PlansConfig.ready()."""

from __future__ import annotations

from typing import Any

from ortak.plans.services import measure_links_refresh


def event_published_link(sender: Any, *, event: Any, actor: Any = None, **kwargs: Any) -> None:
    """A published event: link it to the plans and measures it is evidence for."""
    measure_links_refresh(event=event, actor=actor)
