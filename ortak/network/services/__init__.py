"""Every write of the network: imports, the roster of experts, requests for expertise."""

from ortak.network.services.expert_merge import expert_merge, expert_merge_preview
from ortak.network.services.experts import (
    ExpertProfile,
    consent_withdraw,
    expert_add,
    expert_confirm,
    expert_from_token,
    expert_moderate,
    expert_register,
    expert_send_link,
    expert_token,
    expert_view_record,
)
from ortak.network.services.imports import ImportRefused, importer_for, organizations_import
from ortak.network.services.requests import expertise_request_create

__all__ = [
    "ExpertProfile",
    "ImportRefused",
    "consent_withdraw",
    "expert_add",
    "expert_confirm",
    "expert_from_token",
    "expert_merge",
    "expert_merge_preview",
    "expert_moderate",
    "expert_register",
    "expert_send_link",
    "expert_token",
    "expert_view_record",
    "expertise_request_create",
    "importer_for",
    "organizations_import",
]
