"""ortak_sentences_v1 on sentences of its own."""

from __future__ import annotations

import pytest
from spacy.attrs import SENT_START
from spacy.tokens import Doc


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Forum opens in Baku\n\nThe forum was held today.", 2),
        ("F.Muradov spoke. He left.", 2),
        ("News.Az reports the forum. It ended.", 2),
        ("Mr. Fuad Muradov spoke at the forum.", 1),
        ("He said: “The forum is open.” Then he left.", 2),
        # An abbreviation's stop before a lower-case word ends nothing.
        ("В мае 2017 г. в Бишкеке прошел форум. Его открыл министр.", 2),
    ],
)
def test_sentences_split_at_stops_and_line_breaks(upto, text, sentences):
    doc, _ = upto(text, "ortak_sentences")
    assert len(list(doc.sents)) == sentences


def test_sentences_mark_a_headline(upto):
    _doc, found = upto("Diaspora forum opens in Bursa\n\nThe forum began.", "ortak_sentences")
    assert found.headline_end == len("Diaspora forum opens in Bursa")


@pytest.mark.parametrize(
    "text",
    [
        "Forum opens in Baku\n\nThe forum was held today. Delegates met.\nNews.Az reported it.",
        "One.",
        "He said: “The forum is open.” Then he left. The end",
    ],
)
def test_sentences_answer_span_sent_as_spacy_walks_it(upto, text):
    """The sentence index answers `.sent` and `.sents` as spaCy's own walk over the marks."""
    doc, _ = upto(text, "ortak_sentences")
    plain = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    plain.from_array([SENT_START], doc.to_array([SENT_START]))
    assert [(s.start, s.end) for s in doc.sents] == [(s.start, s.end) for s in plain.sents]
    for i in range(len(doc)):
        for end in (i + 1, min(i + 3, len(doc))):
            ours, theirs = doc[i:end].sent, plain[i:end].sent
            assert (ours.start, ours.end) == (theirs.start, theirs.end)
        assert (doc[i].sent.start, doc[i].sent.end) == (plain[i].sent.start, plain[i].sent.end)
