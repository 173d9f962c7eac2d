"""The index document and the query plan, without a database."""

import pytest

from ortak.search.terms import MAX_QUERY_WORDS, Term, document, fuzzy_terms, plan


def test_document_keeps_words_whole_names_and_fuzzy_keys():
    doc = document(["Fuad Muradov", "Фуад Мурадов", "F. Muradov"])
    terms = doc.terms.split()
    assert doc.folded.splitlines() == ["fuad muradov", "f muradov"]
    assert {"fuad", "muradov", "f", "fuad_muradov_", "f_muradov_"} <= set(terms)
    assert "f_muradov_" in document(["Fuad Muradov"]).terms.split(), "the initialled form"
    assert set(fuzzy_terms("muradov")) <= set(terms)
    assert len(terms) == len(set(terms)), "each term once"


@pytest.mark.parametrize(
    ("typed", "indexed"),
    [
        ("muradv", "muradov"),  # a letter lost
        ("muradoov", "muradov"),  # a letter too many, collapsed by the skeleton
        ("muardov", "muradov"),  # two letters swapped
        ("muradev", "muradov"),  # a vowel another orthography writes
        ("imanbaiev", "imanbaev"),
    ],
)
def test_words_one_edit_apart_share_a_fuzzy_key(typed, indexed):
    assert set(fuzzy_terms(typed)) & set(fuzzy_terms(indexed))


@pytest.mark.parametrize("word", ["f", "2024", ""])
def test_initials_and_numbers_have_no_fuzzy_keys(word):
    assert fuzzy_terms(word) == ()


def test_plan_folds_the_query_and_orders_its_stages():
    query = plan("Фуад Мура")
    assert query.words == ("fuad", "mura")
    assert [stage.name for stage in query.stages] == [
        "exact",
        "name prefix",
        "prefix",
        "fuzzy",
        "word fuad",
        "word mura",
    ]
    assert query.stages[0].clause == ((Term("fuad_mura_"),),)
    assert query.stages[2].clause == ((Term("fuad"),), (Term("mura", prefix=True),))
    assert query.stages[-1].fallback


def test_plan_of_an_initial_takes_it_as_a_prefix():
    prefix = plan("F. Muradov").stages[2]
    assert prefix.clause[0] == (Term("f", prefix=True),)


@pytest.mark.parametrize("query", ["", "   ", "«»—!?"])
def test_plan_of_nothing_to_look_for_is_none(query):
    assert plan(query) is None


def test_plan_keeps_the_first_words_of_a_long_query():
    assert len(plan(" ".join(f"word{n}" for n in range(30))).words) == MAX_QUERY_WORDS
