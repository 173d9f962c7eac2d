import datetime as dt

import pytest

from ortak.plans.due import DuePeriod


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "written"),
    [
        ("2022", dt.date(2022, 1, 1), dt.date(2022, 12, 31), "year", "2022"),
        ("2022-03", dt.date(2022, 3, 1), dt.date(2022, 3, 31), "month", "2022-03"),
        ("2022-Q4", dt.date(2022, 10, 1), dt.date(2022, 12, 31), "quarter", "2022-Q4"),
        ("2024-q1", dt.date(2024, 1, 1), dt.date(2024, 3, 31), "quarter", "2024-Q1"),
        ("2022-10-15", dt.date(2022, 10, 15), dt.date(2022, 10, 15), "day", "2022-10-15"),
        ("2022-10/2022-11", dt.date(2022, 10, 1), dt.date(2022, 11, 30), "range",
         "2022-10/2022-11"),
        ("2022-10-05/2022-10-09", dt.date(2022, 10, 5), dt.date(2022, 10, 9), "range",
         "2022-10-05/2022-10-09"),
    ],
)  # fmt: skip
def test_due_period_forms(text, start, end, precision, written):
    due = DuePeriod.parse(text)
    assert (due.start, due.end, due.precision, str(due)) == (start, end, precision, written)


@pytest.mark.parametrize("text", ["2022-Q5", "2022-13", "next spring", "2022-11/2022-10", ""])
def test_malformed_due_period_says_what_to_write(text):
    with pytest.raises(ValueError, match=r"2022-Q4|ends before"):
        DuePeriod.parse(text)
