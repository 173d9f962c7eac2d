"""The extractor's own rule knowledge: titles, trigger verbs, event nouns, name heads.

Each topic is a commented YAML file beside this module, read once. Facts about states,
institutions and program formats are not here: they come from `ortak.reference`.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

_DIR = Path(__file__).parent


@functools.cache
def load(topic: str) -> dict[str, Any]:
    """The patterns of one topic ("people", "organizations", "events", "places")."""
    with (_DIR / f"{topic}.yaml").open(encoding="utf-8") as handle:
        table: dict[str, Any] = yaml.safe_load(handle)
    return table


@functools.cache
def words(topic: str, key: str) -> frozenset[str]:
    """A word list of a topic as a frozen set, for membership tests."""
    return frozenset(str(w).lower() for w in load(topic)[key])


@functools.cache
def phrases(topic: str, key: str) -> tuple[str, ...]:
    """A phrase list of a topic, longest first so that a longer cue wins over its prefix."""
    return tuple(sorted((str(p).lower() for p in load(topic)[key]), key=len, reverse=True))
