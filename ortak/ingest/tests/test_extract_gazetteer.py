"""ortak_gazetteer_v1: catalog names of states, institutions and programs."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "label", "key"),
    [
        ("The OTS met.", "INSTITUTION", "ots"),
        ("The Turkic Council met.", "INSTITUTION", "ots"),
        (
            "Officials of the Presidency for Turks Abroad and Related Communities came.",
            "INSTITUTION",
            "tr-ytb",
        ),
        ("The Otandastar Foundation signed it.", "INSTITUTION", "kz-otandastar"),
        ("Officials from Kazakhstan came.", "STATE", "KZ"),
        (
            "The meeting of the Ministers and Heads of Diaspora Institutions was held.",
            "PROGRAM",
            "ministers-meeting",
        ),
    ],
)
def test_gazetteer_finds_catalog_names(upto, text, label, key):
    doc, _ = upto(text, "ortak_gazetteer")
    found = {(s.label_, s.kb_id_) for s in doc.spans["ortak_gazetteer"]}
    assert (label, key) in found


def test_gazetteer_abbreviations_are_case_sensitive(upto):
    doc, _ = upto("The bots and robots met.", "ortak_gazetteer")
    assert not list(doc.spans["ortak_gazetteer"])
