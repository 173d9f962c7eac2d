"""The reference catalog of Ortak: states, institutions and programs, read from YAML.

Plain Python without Django: `load_catalog()` returns a checked, immutable `Catalog`.
"""

from ortak.reference.catalog import (
    Catalog,
    InstitutionRef,
    Name,
    ProgramRef,
    StateRef,
    load_catalog,
)

__all__ = ["Catalog", "InstitutionRef", "Name", "ProgramRef", "StateRef", "load_catalog"]
