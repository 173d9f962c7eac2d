import datetime as dt

import pytest

from ortak.core.dates import PartialDate


@pytest.mark.parametrize(
    ("text", "precision", "last_day"),
    [
        ("2023-11-22", "day", dt.date(2023, 11, 22)),
        ("2019-05", "month", dt.date(2019, 5, 31)),
        ("2024-02", "month", dt.date(2024, 2, 29)),
        ("2019", "year", dt.date(2019, 12, 31)),
    ],
)
def test_partial_date_keeps_its_precision(text, precision, last_day):
    date = PartialDate.parse(text)
    assert (date.precision, date.last_day(), date.isoformat()) == (precision, last_day, text)


@pytest.mark.parametrize("text", ["18.11.2024", "2024-13", "2024-02-30", "", "next year"])
def test_partial_date_refuses_what_is_not_a_date(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)
