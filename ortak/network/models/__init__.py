"""The network's records: the roster of experts, their consents, and requests for expertise."""

from ortak.network.models.experts import (
    PROFILE_FIELDS,
    Consent,
    ConsentScope,
    Expert,
    ExpertStatus,
    ExpertView,
)
from ortak.network.models.requests import ExpertiseRequest

__all__ = [
    "PROFILE_FIELDS",
    "Consent",
    "ConsentScope",
    "Expert",
    "ExpertStatus",
    "ExpertView",
    "ExpertiseRequest",
]
