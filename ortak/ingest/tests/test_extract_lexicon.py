"""The shared token views: plain strings and flags read once per doc, as spaCy gives them."""

from __future__ import annotations

import re

import pytest
import spacy

from ortak.ingest.extract import languages, lexicon

TEXTS = [
    "Kyrgyz Minister Ravshanbek Sabirov met F.Muradov in Baku, Azerbaijan.",
    "  Forum opens\n\nthe OTS-member STATES met;  “quoted” (YTB) 28-30 March 2022...",
    "Вчера в Бишкеке прошёл форум. İstanbul'da düzenlendi.",
]
ATTRIBUTES = ("i", "idx", "text", "text_with_ws", "whitespace_", "lower_", "is_stop",
              "is_punct", "is_space", "is_title", "is_lower")  # fmt: skip


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("lang", ["en", "xx"])
def test_words_read_like_spacy_tokens(text, lang):
    doc = spacy.blank(lang).make_doc(text)
    for token, word in zip(doc, lexicon.words(doc), strict=True):
        assert [getattr(word, a) for a in ATTRIBUTES] == [getattr(token, a) for a in ATTRIBUTES]


@pytest.mark.parametrize("text", TEXTS)
def test_text_between_reads_slices_as_spacy_does(text):
    doc = spacy.blank("en").make_doc(text)
    n = len(doc)
    for start in range(-n - 1, n + 2):
        for end in range(-n - 1, n + 2):
            assert lexicon.text_between(doc, start, end) == doc[start:end].text


@pytest.mark.parametrize(
    "text", ["Forumu açıldı", "xforumu", "a forumu", "İkinci Forumu", "forumu", "-forumu"]
)
def test_word_start_patterns_find_what_a_lookbehind_finds(text):
    words = ["forumu", "f", "ikinci forumu"]
    reference = re.compile("|".join(r"(?<!\w)" + re.escape(w) for w in words))
    ours = re.compile("|".join(languages._at_word_start(w) for w in words))
    lowered = text.lower()
    assert [m.span() for m in ours.finditer(lowered)] == [
        m.span() for m in reference.finditer(lowered)
    ]
