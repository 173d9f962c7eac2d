"""The reference catalog (`ortak.reference`) as the extractor uses it: phrase patterns for
the gazetteer and what a catalog key says about an institution (its state, whether it is
international). Loaded once per process.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ortak.reference import Catalog, InstitutionRef, ProgramRef


@dataclass(frozen=True)
class Entry:
    """One name of a catalog entry, as a phrase to find in text."""

    text: str
    label: str  # STATE | INSTITUTION | PROGRAM
    key: str
    country: str | None
    international: bool = False


@functools.cache
def catalog(path: str | None = None) -> Catalog:
    """The reference catalog (ortak.reference), read once."""
    from ortak.reference import load_catalog

    return load_catalog(Path(path)) if path else load_catalog()


@functools.cache
def entries(path: str | None = None) -> tuple[Entry, ...]:
    """Every name of every state, institution and program, ready for a phrase matcher."""
    cat = catalog(path)
    if cat is None:
        return ()
    found: list[Entry] = []
    for state in cat.states:
        found += [Entry(n.text, "STATE", state.key, state.iso_code) for n in state.names]
    for inst in cat.institutions:
        country, international = institution_country(inst.key, path), _international(inst)
        found += [
            Entry(n.text, "INSTITUTION", inst.key, country, international) for n in inst.names
        ]
    for program in cat.programs:
        found += [Entry(n.text, "PROGRAM", program.key, None) for n in program.names]
    return tuple(found)


@functools.cache
def institution_country(key: str, path: str | None = None) -> str | None:
    """ISO code of the state an institution belongs to; None for international bodies."""
    cat = catalog(path)
    if cat is None:
        return None
    inst = cat.institution(key)
    while not inst.state and inst.parent:
        inst = cat.institution(inst.parent)
    return cat.state(inst.state).iso_code if inst.state else None


@functools.cache
def institution_name(key: str, path: str | None = None) -> str | None:
    """The catalog's English name of an institution."""
    cat = catalog(path)
    return cat.institution(key).name if cat else None


@functools.cache
def program(key: str, path: str | None = None) -> ProgramRef | None:
    """The catalog's program (event series, strategy, plan) of that key, or None."""
    cat = catalog(path)
    return cat.program(key) if cat else None


@functools.cache
def canonical_key(key: str, path: str | None = None) -> str:
    """The key an institution is reported under: the OTS Secretariat counts as the OTS."""
    cat = catalog(path)
    try:
        inst = cat.institution(key) if cat else None
    except KeyError:  # a registry's own key, unknown to the catalog
        return key
    if inst is None:
        return key
    if inst.kind == "organ" and inst.parent and inst.name.lower().startswith("secretariat"):
        return inst.parent
    return key


@functools.cache
def names_api() -> tuple[Callable[[str], str], Callable[[str, str], float], Callable[[str], str]]:
    """(fold, similarity, to_latin) from ortak.names, cached: names recur across articles."""
    from ortak.names import fold, similarity, to_latin

    cache = functools.lru_cache(maxsize=65536)
    return cache(fold), cache(similarity), cache(to_latin)


def _international(inst: InstitutionRef) -> bool:
    return not inst.state and inst.kind in {"international_organization", "organ"}
