"""The quote beside each value: the sentence, the value marked in it."""

import pytest

from ortak.workspace.evidence import item_path, quote_of, quotes_by_path

TEXT = "Welcoming the guests, Kyrgyz Minister Ravshanbek Sabirov said the theme matters."
SENTENCE = TEXT


def _item(path, value, marked):
    start = TEXT.index(marked)
    return {"path": path, "value": value, "sentence": SENTENCE, "start": start,
            "end": start + len(marked)}  # fmt: skip


def _marked(quote):
    return [text for text, marked in quote.segments() if marked]


@pytest.mark.parametrize(
    ("value", "offsets_of", "marked"),
    [
        ("Ravshanbek Sabirov", "Ravshanbek Sabirov", "Ravshanbek Sabirov"),
        ("Minister", "Kyrgyz Minister", "Minister"),  # the value's own words where it has them
        ("KG", "Kyrgyz", "Kyrgyz"),  # else the words it was read from
        ("minister", "Kyrgyz Minister", "Minister"),  # any case
    ],
)
def test_value_is_marked_in_its_sentence(value, offsets_of, marked):
    quote = quote_of(_item("events[0].participants[0].role", value, offsets_of), TEXT)
    assert _marked(quote) == [marked]


def test_evidence_of_one_participant_from_one_sentence_is_one_quote():
    evidence = [
        _item("events[0].participants[0].name", "Ravshanbek Sabirov", "Ravshanbek Sabirov"),
        _item("events[0].participants[0].role", "Minister", "Kyrgyz Minister"),
    ]
    quotes = quotes_by_path(evidence, TEXT)
    assert list(quotes) == ["events[0].participants[0]"]
    # marks a space apart read as one
    assert _marked(quotes["events[0].participants[0]"][0]) == ["Minister Ravshanbek Sabirov"]


def test_long_sentence_is_shortened_around_the_value():
    text = "word " * 100 + "Bishkek" + " word" * 100
    quote = quote_of({"path": "events[0].city", "value": "Bishkek", "sentence": text}, text)
    pieces = quote.segments()
    assert pieces[0][0].startswith("…") and pieces[-1][0].endswith("…")
    assert len("".join(piece for piece, _ in pieces)) < 400


@pytest.mark.parametrize(
    "item",
    [
        {"path": "events[0].city", "start": 5000, "end": 5004},
        {"path": "events[0].city", "value": "Baku"},
        {"value": "Baku", "sentence": "In Baku."},
    ],
)
def test_evidence_pointing_nowhere_gives_no_quote(item):
    assert quotes_by_path([item], TEXT) == {}


def test_item_path_groups_the_parts_of_a_list_item():
    assert item_path("events[0].participants[2].role") == "events[0].participants[2]"
    assert item_path("events[0].title") == "events[0].title"
