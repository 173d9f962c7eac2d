"""ortak_outcomes_v1 and ortak_site_visits_v1: outcomes (not proposals) and visited sites."""

from __future__ import annotations

import pytest

HELD = "The forum was held in Baku. "


@pytest.mark.parametrize(
    ("text", "outcomes"),
    [
        (
            "The event ended with the adoption of a joint statement by the participants.",
            ["adoption of a joint statement by the participants"],
        ),
        (
            "Parties adopted the Joint Activity Plan for 2025 and agreed on the next "
            "rounds of the meeting.",
            [
                "adopted the Joint Activity Plan for 2025",
                "agreed on the next rounds of the meeting",
            ],
        ),
        (
            "The parties signed a memorandum of mutual cooperation.",
            ["signed a memorandum of mutual cooperation"],
        ),
        ("It was proposed to hold the Week of the Turkic Diaspora in Shusha.", []),
        ("The sides will sign an agreement next year.", []),
    ],
)
def test_outcomes_are_decisions_not_proposals(upto, text, outcomes):
    _, found = upto(HELD + text, "ortak_outcomes")
    assert [s.text for s in found.events[0].outcomes] == outcomes


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        (
            "The delegation visited the Alley of Honors, the Alley of Martyrs and the "
            "Turkish Martyrs’ "
            "Memorial complex.",
            ["Alley of Honors", "Alley of Martyrs", "Turkish Martyrs’ Memorial complex"],
        ),
        (
            "The delegation toured the Azerbaijan Culture and Education Center in "
            "Bishkek, where they met.",
            ["Azerbaijan Culture and Education Center in Bishkek"],
        ),
        ("The delegation visited Hungary.", []),
    ],
)
def test_site_visits_are_named_places_visited(upto, text, sites):
    _, found = upto(HELD + text, "ortak_site_visits")
    assert [s.text for s in found.events[0].site_visits] == sites
