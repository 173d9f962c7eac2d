"""`ortak duplicates` finds institutions (the ingest makes them twice) and experts too."""

from __future__ import annotations

import io
import json

from django.core.management import call_command

from ortak.network.selectors import expert_duplicates
from ortak.registry.models import Institution
from ortak.registry.tests.factories import StateFactory
from ortak.search.selectors import duplicates


def _institution(name: str, state: str | None, **fields) -> Institution:
    return Institution.objects.create(
        name=name, kind="state_body", state=StateFactory(key=state) if state else None, **fields
    )


def test_institutions_written_two_ways_in_one_state_are_duplicates(db):
    known = _institution("Diaspora ilə İş üzrə Dövlət Komitəsi", "AZ")
    drafted = _institution("Diaspora ile Is uzre Dovlet Komitesi", "AZ", publication="draft")
    _institution("Diaspora ilə İş üzrə Dövlət Komitəsi", "KZ")  # another state's: not one
    pairs = duplicates(kind="institution")
    assert [(p.first_id, p.second_id) for p in pairs] == [(known.pk, drafted.pk)]
    assert pairs[0].score >= 0.9


def test_experts_across_scripts_and_by_orcid(make_expert):
    leyla = make_expert("Leyla Aliyeva")
    cyrillic = make_expert("Лейла Алиева")
    make_expert("Kamran Mammadov", orcid="0000-0002-1825-0097")
    make_expert("K. Mammadli", orcid="0000-0002-1825-0097")
    make_expert("Aysel Guliyeva")
    pairs = expert_duplicates()
    assert {(p.first_name, p.second_name) for p in pairs} == {
        ("Leyla Aliyeva", "Лейла Алиева"),
        ("Kamran Mammadov", "K. Mammadli"),
    }
    assert (leyla.pk, cyrillic.pk) in {(p.first_id, p.second_id) for p in pairs}


def test_command_lists_every_kind(make_expert, db):
    _institution("Diaspora ilə İş üzrə Dövlət Komitəsi", "AZ")
    _institution("Diaspora ile Is uzre Dovlet Komitesi", "AZ")
    make_expert("Leyla Aliyeva"), make_expert("Лейла Алиева")
    out = io.StringIO()
    call_command("duplicates", "--json", stdout=out, stderr=io.StringIO())
    kinds = [json.loads(line)["kind"] for line in out.getvalue().splitlines()]
    assert kinds == ["institution", "expert"]
