"""Due periods of measures: a year, a quarter, a month, a day or a range of them.

`2022`, `2022-Q4`, `2022-03`, `2022-10-15` and `2022-10/2022-11` are the forms a plan writes;
each is kept as its first and last day with the precision it was given.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ortak.core.dates import PartialDate

_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
PRECISIONS = ("day", "month", "quarter", "year", "range")


@dataclass(frozen=True)
class DuePeriod:
    """The window in which a measure is due: `start` to `end`, both days included."""

    start: dt.date
    end: dt.date
    precision: str = "day"

    @classmethod
    def parse(cls, text: str) -> DuePeriod:
        """Parse a due period; raise ValueError with the forms accepted otherwise."""
        text = text.strip()
        try:
            if "/" in text:
                first, last = (cls.parse(part) for part in text.split("/", 1))
                if last.end < first.start:
                    raise ValueError(f"the range {text!r} ends before it starts")
                return cls(first.start, last.end, "range")
            quarter = _QUARTER.match(text)
            if quarter:
                return cls.quarter(int(quarter.group(1)), int(quarter.group(2)))
            partial = PartialDate.parse(text)
        except ValueError as error:
            if "range" in str(error):
                raise
            raise ValueError(
                f"{text!r} is not a due period; write 2022, 2022-Q4, 2022-03, 2022-10-15 "
                "or a range such as 2022-10/2022-11"
            ) from error
        return cls(partial.date, partial.last_day(), partial.precision)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> DuePeriod:
        first = dt.date(year, 3 * quarter - 2, 1)
        last = PartialDate(dt.date(year, 3 * quarter, 1), "month").last_day()
        return cls(first, last, "quarter")

    @classmethod
    def stored(cls, start: dt.date | None, end: dt.date | None, precision: str) -> DuePeriod | None:
        """The period kept on a measure (`due_date`, `due_until`, `due_precision`)."""
        if start is None:
            return None
        if end is None:  # kept before due periods had an end: the precision gives it
            precision = precision if precision in ("day", "month", "year") else "day"
            end = PartialDate(start, precision).last_day()  # type: ignore[arg-type]
        return cls(start, end, precision)

    def isoformat(self) -> str:
        if self.precision == "quarter":
            return f"{self.start.year}-Q{(self.start.month + 2) // 3}"
        if self.precision == "range":
            return f"{_month_or_day(self.start, self.end)}"
        if self.precision in ("day", "month", "year"):
            return PartialDate(self.start, self.precision).isoformat()  # type: ignore[arg-type]
        return self.start.isoformat()

    def label(self) -> str:
        """The period as a reader of the interface's language writes it ("Q4 2022")."""
        from django.utils.formats import date_format
        from django.utils.translation import gettext

        if self.precision == "year":
            return str(self.start.year)
        if self.precision == "quarter":
            quarter = (self.start.month + 2) // 3
            return gettext("Q%(quarter)s %(year)s") % {"quarter": quarter, "year": self.start.year}
        if self.precision == "month":
            return date_format(self.start, "YEAR_MONTH_FORMAT")
        if self.precision == "day":
            return date_format(self.start, "DATE_FORMAT")
        first = date_format(
            self.start, "YEAR_MONTH_FORMAT" if self.start.day == 1 else "DATE_FORMAT"
        )
        last_format = "YEAR_MONTH_FORMAT" if self.isoformat().count("-") == 2 else "DATE_FORMAT"
        return f"{first} – {date_format(self.end, last_format)}"

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return self.isoformat()


def _month_or_day(start: dt.date, end: dt.date) -> str:
    """A range written as months when it runs from a month's first to a month's last day."""
    whole_months = start.day == 1 and PartialDate(end, "month").last_day() == end
    if whole_months:
        return f"{start:%Y-%m}/{end:%Y-%m}"
    return f"{start.isoformat()}/{end.isoformat()}"
