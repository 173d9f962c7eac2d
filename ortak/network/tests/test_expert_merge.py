"""Two profiles of one expert become one: names, consents, account and profile."""

from __future__ import annotations

import pytest

from ortak.accounts.tests.factories import UserFactory, editor_of
from ortak.core.errors import PermissionDenied
from ortak.network.models import Consent, Expert
from ortak.network.selectors import expert_duplicates
from ortak.network.services import expert_merge, expert_merge_preview
from ortak.registry.tests.factories import StateFactory


@pytest.fixture
def leyla_twice(make_expert):
    keep = make_expert("Leyla Aliyeva", keywords=["oil"], languages=["az"])
    remove = make_expert(
        "Лейла Алиева",
        other_names=["Leyla Aliyeva"],
        keywords=["geology"],
        orcid="0000-0002-1825-0097",
    )
    remove.user = UserFactory()
    remove.save()
    return keep, remove


def test_expert_merge_does_what_its_preview_said(leyla_twice, secretariat):
    keep, remove = leyla_twice
    preview = expert_merge_preview(actor=secretariat, keep=keep, remove=remove)
    assert [i.text for i in preview.move("names").moved] == ["Лейла Алиева"]
    assert [i.text for i in preview.move("names").joined] == ["Leyla Aliyeva"]
    assert preview.counts() == {"names": 2, "consents": 1, "account": 1, "profile": 2}
    assert [i.text for i in preview.move("profile").moved] == [
        "ORCID iD: 0000-0002-1825-0097",
        "keywords: geology",
    ]
    account = remove.user
    expert_merge(actor=secretariat, keep=keep, remove=remove)
    keep.refresh_from_db()
    assert keep.other_names == ["Лейла Алиева"]
    assert (keep.orcid, keep.user) == ("0000-0002-1825-0097", account)
    assert keep.keywords == ["oil", "geology"]
    assert Consent.objects.filter(expert=keep).count() == 2
    assert not Expert.objects.filter(pk=remove.pk).exists()


def test_merged_expert_is_not_proposed_again_and_history_says_who(leyla_twice, secretariat):
    keep, remove = leyla_twice
    removed_pk = remove.pk
    expert_merge(actor=secretariat, keep=keep, remove=remove)
    assert expert_duplicates() == []
    latest = keep.history.first()
    assert latest.history_user == secretariat
    assert latest.history_change_reason.startswith(f"merged with expert #{removed_pk}")
    assert Expert.history.filter(id=removed_pk).first().history_type == "-"


def test_another_communitys_editor_may_not_merge_experts(leyla_twice):
    keep, remove = leyla_twice
    with pytest.raises(PermissionDenied) as error:
        expert_merge(actor=editor_of(StateFactory(key="KZ")), keep=keep, remove=remove)
    assert error.value.code == "E309"
