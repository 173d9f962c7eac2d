"""Possible duplicates in the workspace: the list, a merge's preview, the merge, and a pair
said to be two records."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ortak.accounts.tests.factories import editor_of
from ortak.core.models import Publication
from ortak.events.services import participation_add
from ortak.events.tests.factories import EventFactory
from ortak.network.models import Expert
from ortak.network.services import ExpertProfile, expert_add
from ortak.registry.models import Person
from ortak.registry.services import person_create
from ortak.search.models import DuplicateDismissal

pytestmark = pytest.mark.django_db


@pytest.fixture
def ali_twice(secretariat, azerbaijan):
    keep = person_create(actor=secretariat, name="Ali Çiviler", state=azerbaijan)
    remove = person_create(
        actor=secretariat,
        name="Али Чивилер",
        state=azerbaijan,
        publication=Publication.DRAFT,
    )
    return keep, remove


def _list(client, kind="person"):
    return client.get(reverse("workspace:duplicate_list"), {"kind": kind})


def _pair_url(name, keep, remove):
    first, second = sorted((keep.pk, remove.pk))
    return reverse(f"workspace:{name}", args=["person", first, second])


def test_the_list_shows_the_pair_its_likeness_and_why(signed_in, editor, ali_twice):
    page = _list(signed_in(editor)).content.decode()
    assert "Ali Çiviler" in page and "Али Чивилер" in page
    assert "“Ali Çiviler” and “Али Чивилер” are alike" in page
    assert _pair_url("duplicate_preview", *ali_twice) in page


def test_another_states_editor_is_not_offered_the_pair(signed_in, kazakhstan, ali_twice):
    page = _list(signed_in(editor_of(kazakhstan))).content.decode()
    assert "Али Чивилер" not in page


def test_the_page_is_for_editors_and_the_secretariat(signed_in, nobody):
    assert _list(signed_in(nobody)).status_code == 403


def test_preview_shows_both_records_and_what_moves(signed_in, editor, ali_twice, secretariat):
    keep, remove = ali_twice
    participation_add(actor=secretariat, event=EventFactory(title="Diaspora Forum"), person=remove)
    response = signed_in(editor).get(
        _pair_url("duplicate_preview", keep, remove), {"keep": keep.pk}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("Ali Çiviler") < page.index("Али Чивилер")  # the kept one first
    assert "Diaspora Forum" in page and "Participations in events" in page
    assert f'name="keep" value="{keep.pk}"' in page
    assert f"?keep={remove.pk}" in page  # keep the other instead


def test_merge_says_so_and_goes_to_the_kept_person(signed_in, editor, ali_twice):
    keep, remove = ali_twice
    response = signed_in(editor).post(
        _pair_url("duplicate_merge", keep, remove), {"keep": keep.pk}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("workspace:person", args=[keep.pk])
    assert "“Али Чивилер” was merged into “Ali Çiviler”." in response.content.decode()
    assert not Person.objects.filter(pk=remove.pk).exists()
    assert "Али Чивилер" in keep.aliases.values_list("text", flat=True)


def test_the_other_record_may_be_kept(signed_in, editor, ali_twice):
    keep, remove = ali_twice
    signed_in(editor).post(_pair_url("duplicate_merge", keep, remove), {"keep": remove.pk})
    assert list(Person.objects.values_list("pk", flat=True)) == [remove.pk]


def test_another_states_editor_may_not_merge(signed_in, kazakhstan, ali_twice):
    keep, remove = ali_twice
    client = signed_in(editor_of(kazakhstan))
    assert client.get(_pair_url("duplicate_preview", keep, remove)).status_code == 403
    response = client.post(_pair_url("duplicate_merge", keep, remove), {"keep": keep.pk})
    assert response.status_code == 403
    assert "E309" in response.content.decode()
    assert Person.objects.count() == 2
    response = client.post(_pair_url("duplicate_dismiss", keep, remove))
    assert response.status_code == 403 and not DuplicateDismissal.objects.exists()


def test_a_dismissed_pair_is_not_proposed_again(signed_in, editor, ali_twice):
    client = signed_in(editor)
    response = client.post(_pair_url("duplicate_dismiss", *ali_twice), follow=True)
    assert "they will not be proposed again" in response.content.decode()
    assert "Али Чивилер" not in _list(client).content.decode()
    assert Person.objects.count() == 2


def test_an_unknown_pair_is_not_found(signed_in, secretariat, ali_twice):
    keep, _ = ali_twice
    url = reverse("workspace:duplicate_preview", args=["person", keep.pk, keep.pk + 99])
    assert signed_in(secretariat).get(url).status_code == 404


def test_the_kept_records_history_shows_the_merge_and_who_made_it(signed_in, editor, ali_twice):
    keep, remove = ali_twice
    client = signed_in(editor)
    client.post(_pair_url("duplicate_merge", keep, remove), {"keep": keep.pk})
    page = client.get(reverse("workspace:history", args=["person", keep.pk])).content.decode()
    assert f"Merged with “Али Чивилер” (#{remove.pk}), which was removed." in page
    assert (editor.get_full_name() or editor.get_username()) in page


def test_the_published_record_is_kept_unless_the_editor_chooses(signed_in, editor, azerbaijan):
    draft = person_create(
        actor=editor, name="Али Чивилер", state=azerbaijan, publication=Publication.DRAFT
    )
    published = person_create(actor=editor, name="Ali Çiviler", state=azerbaijan)
    page = signed_in(editor).get(_pair_url("duplicate_preview", draft, published))
    assert f'name="keep" value="{published.pk}"' in page.content.decode()


def test_experts_are_merged_and_the_list_shown_again(signed_in, secretariat, azerbaijan):
    keep, remove = (
        expert_add(
            actor=secretariat,
            profile=ExpertProfile(name=name, community_state=azerbaijan, fields_of_science=["1.2"]),
            scopes=["public"],
            consent_version="2026-1",
        )
        for name in ("Leyla Aliyeva", "Лейла Алиева")
    )
    client = signed_in(secretariat)
    assert "Лейла Алиева" in _list(client, "expert").content.decode()
    url = reverse("workspace:duplicate_merge", args=["expert", keep.pk, remove.pk])
    response = client.post(url, {"keep": keep.pk})
    assert response.url == reverse("workspace:duplicate_list") + "?kind=expert"
    assert list(Expert.objects.values_list("other_names", flat=True)) == [["Лейла Алиева"]]
