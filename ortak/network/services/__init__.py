"""Every write of the network: imports (and, by topic, the roster's records)."""

from ortak.network.services.imports import ImportRefused, importer_for, organizations_import

__all__ = ["ImportRefused", "importer_for", "organizations_import"]
