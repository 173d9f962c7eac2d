"""Roles through the command line: a command acts as `--as USER` (the Ortak operator when
not given), and the services check that user's right on every record, as in the workspace.
A refused command names its code and writes nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from ortak.accounts.models import ApiToken, Membership, Role
from ortak.accounts.tests.factories import editor_of
from ortak.events.models import Event, Source
from ortak.events.services import event_create
from ortak.ingest.models import Review
from ortak.network.models import Expert
from ortak.plans.models import ActivityPlan
from ortak.registry.models import DiasporaOrganization, Institution, State

pytestmark = pytest.mark.django_db
# A roundtable in Kyrgyzstan that Ortak does not know yet: a new draft of Kyrgyzstan's.
NEW_IN_KG = (
    "Youth forum in Bishkek\n\nA forum on diaspora youth exchanges was held in Bishkek, "
    "Kyrgyzstan, on 3 October 2025."
)
# Another report of Kyrgyzstan's published roundtable of 12 June 2025.
REPORT_OF_KG = (
    "Roundtable in Bishkek\n\nA roundtable on friendship of peoples was held in Bishkek, "
    "Kyrgyzstan, on 12 June 2025. Minister Ravshanbek Sabirov opened the roundtable."
)


@pytest.fixture
def kg(reference):
    return State.objects.get(key="KG")


@pytest.fixture
def az_editor(reference):
    return editor_of(State.objects.get(key="AZ"))


@pytest.fixture
def az_reviewer(az_editor):
    """An editor of Azerbaijan who reviews Azerbaijan's drafts."""
    Membership.objects.create(user=az_editor, role=Role.REVIEWER, state=State.objects.get(key="AZ"))
    return az_editor


def _article(tmp_path, text: str) -> str:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _refused(*args: str) -> str:
    """Run a command that must fail; its error and what it wrote, as one text."""
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command(*args, stdout=out, stderr=err)
    return f"{failed.value}\n{out.getvalue()}\n{err.getvalue()}"


def _nothing_ingested() -> bool:
    return not (Source.objects.exists() or Review.objects.exists() or Event.objects.exists())


def test_an_editor_ingests_drafts_in_their_own_name(tmp_path, az_editor):
    call_command("ingest", _article(tmp_path, NEW_IN_KG), "--as", az_editor.username,
                 stdout=io.StringIO())  # fmt: skip
    event = Event.objects.get()
    assert event.publication == "draft" and Review.objects.get().status == "pending"
    assert event.history.earliest().history_user == az_editor


def test_an_editor_cannot_publish_through_ingest(tmp_path, az_editor):
    text = _refused(
        "ingest", _article(tmp_path, NEW_IN_KG), "--publish", "--as", az_editor.username
    )
    assert "ortak.E302" in text
    assert _nothing_ingested()


def test_a_reviewer_cannot_publish_another_state_s_draft_through_ingest(tmp_path, az_reviewer):
    text = _refused(
        "ingest", _article(tmp_path, NEW_IN_KG), "--publish", "--as", az_reviewer.username
    )
    assert "ortak.E307" in text
    assert _nothing_ingested()


def test_a_reviewer_publishing_a_report_of_another_state_s_event_leaves_it_unchanged(
    tmp_path, az_reviewer, kg
):
    """The article merges into Kyrgyzstan's published roundtable; publishing the review
    changes nothing of it: its values would wait as proposals for Kyrgyzstan's editors."""
    roundtable = event_create(
        actor=editor_of(kg), title="Peace, Labor and Friendship of Peoples",
        event_type="roundtable", state=kg, city="Bishkek", country="KG", start="2025-06-12",
    )  # fmt: skip
    before = Event.objects.filter(pk=roundtable.pk).values().get()
    call_command("ingest", _article(tmp_path, REPORT_OF_KG), "--publish", "--as",
                 az_reviewer.username, stdout=io.StringIO())  # fmt: skip
    assert Review.objects.get().merged_event_ids == [roundtable.pk]
    assert Event.objects.filter(pk=roundtable.pk).values().get() == before
    assert not roundtable.participations.exists()


@pytest.mark.parametrize(
    ("kind", "sheet", "model"),
    [
        (
            "organizations",
            "name,kind,country,city,community\nKyrgyz House,association,DE,Berlin,KG\n",
            DiasporaOrganization,
        ),
        (
            "experts",
            "name,fields,country,community,consent\nAsel Toktogulova,1.2,DE,KG,public\n",
            Expert,
        ),
    ],
)
def test_an_editor_cannot_import_another_state_s_records(tmp_path, az_editor, kind, sheet, model):
    path = tmp_path / f"{kind}.csv"
    path.write_text(sheet, encoding="utf-8")
    text = _refused("import", kind, str(path), "--as", az_editor.username)
    assert "ortak.E228" in text and "community" in text
    assert not model.objects.exists()


def test_an_editor_cannot_import_a_plan(tmp_path, az_editor):
    sheet = tmp_path / "plan.csv"
    sheet.write_text("number,measure,due\n1,Diaspora youth forum,2026\n", encoding="utf-8")
    args = ("--title", "Plan 2026", "--years", "2026", "--as", az_editor.username)
    assert "ortak.E303" in _refused("plan_import", str(sheet), *args)
    assert not ActivityPlan.objects.exists()


def test_an_editor_cannot_make_a_token_for_another_state_s_institution(kg, az_editor):
    institution = Institution.objects.filter(state=kg).first()
    args = ("--institution", institution.key, "--name", "press", "--scope", "drafts:read")
    assert "ortak.E311" in _refused("api_token", "create", *args, "--as", az_editor.username)
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize(
    "command",
    [
        ("ingest", "article.txt"),
        ("import", "organizations", "sheet.csv"),
        ("plan_import", "plan.csv", "--title", "Plan", "--years", "2026"),
    ],
)
def test_an_unknown_actor_is_refused_with_its_code(reference, command):
    assert "ortak.E310" in _refused(*command, "--as", "nobody")
