"""Every write to the registry: states, institutions, organizations, people, positions.

One module per topic; import from here (`from ortak.registry.services import person_update`).
"""

from ortak.registry.services.institution_merge import (
    institution_merge,
    institution_merge_preview,
)
from ortak.registry.services.institutions import (
    institution_add_name,
    institution_create,
    institution_publish,
    institution_update,
)
from ortak.registry.services.merge import (
    MergePreview,
    organization_merge,
    organization_merge_preview,
    person_merge,
    person_merge_preview,
)
from ortak.registry.services.organizations import (
    organization_confirm,
    organization_create,
    organization_publish,
    organization_register,
    organization_update,
)
from ortak.registry.services.people import (
    person_add_alias,
    person_alias_add,
    person_alias_remove,
    person_create,
    person_publish,
    person_update,
)
from ortak.registry.services.positions import position_create, position_remove, position_update
from ortak.registry.services.states import state_for_code

__all__ = [
    "MergePreview",
    "institution_add_name",
    "institution_create",
    "institution_merge",
    "institution_merge_preview",
    "institution_publish",
    "institution_update",
    "organization_confirm",
    "organization_create",
    "organization_merge",
    "organization_merge_preview",
    "organization_publish",
    "organization_register",
    "organization_update",
    "person_add_alias",
    "person_alias_add",
    "person_alias_remove",
    "person_create",
    "person_merge",
    "person_merge_preview",
    "person_publish",
    "person_update",
    "position_create",
    "position_remove",
    "position_update",
    "state_for_code",
]
