"""Dates that know their precision: `2023-11-22` (day), `2019-05` (month), `2019` (year)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "month", "year"]
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date with the precision the source gave it."""

    date: dt.date
    precision: Precision = "day"

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ISO 8601 `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise ValueError otherwise."""
        match = _PARTIAL.match(text.strip())
        if not match:
            raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
        year, month, day = match.groups()
        precision: Precision = "day" if day else "month" if month else "year"
        return cls(dt.date(int(year), int(month or 1), int(day or 1)), precision)

    def isoformat(self) -> str:
        if self.precision == "year":
            return f"{self.date.year:04d}"
        if self.precision == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()

    def last_day(self) -> dt.date:
        """The last calendar day the partial date covers (for ranges and overlaps)."""
        if self.precision == "year":
            return dt.date(self.date.year, 12, 31)
        if self.precision == "month":
            next_month = (self.date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return next_month - dt.timedelta(days=1)
        return self.date

    def __str__(self) -> str:
        return self.isoformat()
