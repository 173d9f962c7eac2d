"""Chart geometry: readable axes, gaps for years without events, a framed map."""

import pytest

from ortak.portal import charts


@pytest.mark.parametrize(
    ("value", "ceiling"), [(0, 1), (1, 1), (3, 5), (7, 10), (12, 20), (51, 100)]
)
def test_axis_tops_are_round_numbers(value, ceiling):
    assert charts.nice_ceiling(value) == ceiling


def test_a_year_without_events_is_a_gap_not_missing():
    rows = [
        {"year": 2020, "key": "AZ", "name": "Azerbaijan", "names": {}, "count": 2},
        {"year": 2022, "key": "KZ", "name": "Kazakhstan", "names": {"ru": "Казахстан"}, "count": 1},
    ]
    chart = charts.stacked_bars(rows, title="t", description="d", language="ru", year_label="Y")
    assert [row[0] for row in chart.table.rows] == [2020, 2021, 2022]
    # A state without a Russian name is named as CLDR names its country.
    assert chart.table.headers == ["Y", "Азербайджан", "Казахстан"]
    assert len(chart.rects) == 2
    assert chart.rects[0].title == "2020, Азербайджан: 2"


def test_no_rows_make_an_empty_chart():
    chart = charts.stacked_bars([], title="t", description="d", language="en", year_label="Y")
    assert chart.empty
