"""Merging two profiles of one expert (an import and a registration of the same person)."""

from __future__ import annotations

from django.db import transaction

from ortak.core.actors import Actor
from ortak.network.models import Expert, ExpertStatus
from ortak.network.services.experts import folded_text
from ortak.registry.services.merge import (
    MergeMove,
    MergePreview,
    blanks_filled,
    fill_blanks,
    items,
    list_additions,
    merge_save,
    new_spellings,
    require_merge,
)

# Fields the kept profile takes from the other when it has none.
PROFILE = ("affiliation", "residence_country", "orcid", "email", "community_state_id")
# Lists the kept profile joins with the other's.
LISTS = ("fields_of_science", "keywords", "languages", "links", "public_fields")


def expert_merge_preview(*, actor: Actor, keep: Expert, remove: Expert) -> MergePreview:
    """What `expert_merge` would move from `remove` to `keep`; the same rights needed."""
    require_merge(actor, keep, remove)
    return _plan(keep, remove)


def _plan(keep: Expert, remove: Expert) -> MergePreview:
    account = [remove.user] if remove.user_id and not keep.user_id else []
    return MergePreview(
        "expert",
        keep,
        remove,
        (
            new_spellings([keep.name, *keep.other_names], [remove.name, *remove.other_names]),
            MergeMove("consents", moved=items(remove.consents.all(), _consent)),
            MergeMove("views", moved=items(remove.views.all())),
            MergeMove("account", moved=items(account, lambda user: user.get_username())),
            MergeMove(
                "profile",
                moved=blanks_filled(keep, remove, PROFILE) + list_additions(keep, remove, LISTS),
            ),
        ),
    )


def _consent(consent) -> str:
    return f"{consent.given_at:%Y-%m-%d} {consent.text_version} ({', '.join(consent.scopes)})"


@transaction.atomic
def expert_merge(*, actor: Actor, keep: Expert, remove: Expert) -> Expert:
    """Make two profiles of one expert one, deleting `remove`.

    `remove`'s names become `keep`'s names in other scripts, so the roster finds `keep` by
    them; its consents, the log of who saw it and its account move; `keep` takes the
    profile fields it lacks and joins the lists (fields of science, keywords, languages).
    Histories and permissions as for `person_merge`.
    """
    require_merge(actor, keep, remove)
    plan = _plan(keep, remove)
    for what in ("consents", "views"):
        for item in plan.move(what).moved:
            item.record.expert = keep
            item.record.save()
    if plan.move("account").moved:
        keep.user = remove.user
    fill_blanks(keep, remove, PROFILE)
    for name in LISTS:
        setattr(keep, name, list(dict.fromkeys([*getattr(keep, name), *getattr(remove, name)])))
    keep.other_names = [*keep.other_names, *(item.text for item in plan.move("names").moved)]
    if remove.status == ExpertStatus.LISTED:  # one listed profile keeps the person listed
        keep.status = ExpertStatus.LISTED
    keep.folded = folded_text(keep)
    merge_save(actor, keep, remove, "expert")
    return keep
