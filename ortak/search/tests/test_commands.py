"""ortak reindex, ortak search and ortak duplicates: what they print."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from ortak.search.models import SearchEntry

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_reindex_says_how_many_records_it_indexed(make_person):
    make_person("Fuad Muradov")
    SearchEntry.objects.all().delete()
    out, _ = run("reindex")
    assert out.strip() == f"indexed {SearchEntry.objects.count()} records"
    assert SearchEntry.objects.filter(kind="person").count() == 1


def test_search_prints_kind_id_score_and_name_best_first(make_person):
    fuad = make_person("Fuad Muradov")
    other = make_person("Fuad Muradov Ali")
    out, _ = run("search", "Фуад", "Мурадов")
    lines = out.splitlines()
    assert lines[0].split() == ["person", str(fuad.pk), "1.000", "Fuad", "Muradov"]
    assert lines[1].split()[:2] == ["person", str(other.pk)]


def test_search_json_kind_and_limit(make_person, make_organization):
    make_person("Kazakh Aliev")
    make_organization("Kazakh Culture Center")
    out, _ = run("search", "kazakh", "--kind", "organization", "--json", "--limit", "1")
    (line,) = out.splitlines()
    hit = json.loads(line)
    assert (hit["kind"], hit["name"], hit["published"]) == (
        "organization",
        "Kazakh Culture Center",
        True,
    )


def test_search_drafts_only_when_asked(make_person):
    make_person("Merey Mukazhan", draft=True)
    out, err = run("search", "Merey")
    assert out == "" and "nothing found" in err
    out, _ = run("search", "Merey", "--drafts")
    assert out.rstrip().endswith("Merey Mukazhan  (draft)")


def test_duplicates_prints_pairs_with_their_score(make_person, make_organization):
    a, b = make_person("Fuad Muradov"), make_person("Фуад Мурадов")
    make_person("Gismat Gozalov")
    out, err = run("duplicates", "--kind", "person")
    (line,) = out.splitlines()
    assert line.split()[:4] == ["1.000", "person", str(a.pk), "Fuad"]
    assert f"~  {b.pk} Фуад Мурадов" in line
    assert "1 likely duplicates" in err


def test_duplicates_min_score_and_json(make_person):
    make_person("Fuad Muradov")
    make_person("Fuad Muradli")  # another surname on the same root: under a match
    assert run("duplicates", "--json")[0] == ""
    out, _ = run("duplicates", "--json", "--min-score", "0.4")
    assert json.loads(out.splitlines()[0])["kind"] == "person"
