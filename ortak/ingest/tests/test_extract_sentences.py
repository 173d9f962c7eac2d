"""ortak_sentences_v1 on sentences of its own."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Forum opens in Baku\n\nThe forum was held today.", 2),
        ("F.Muradov spoke. He left.", 2),
        ("News.Az reports the forum. It ended.", 2),
        ("Mr. Fuad Muradov spoke at the forum.", 1),
        ("He said: “The forum is open.” Then he left.", 2),
    ],
)
def test_sentences_split_at_stops_and_line_breaks(upto, text, sentences):
    doc, _ = upto(text, "ortak_sentences")
    assert len(list(doc.sents)) == sentences


def test_sentences_mark_a_headline(upto):
    _doc, found = upto("Diaspora forum opens in Bursa\n\nThe forum began.", "ortak_sentences")
    assert found.headline_end == len("Diaspora forum opens in Bursa")
