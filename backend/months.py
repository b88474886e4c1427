"""Jalali months and inclusive month ranges: the unit every VAT figure is reported in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import jdatetime

_YM = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


@dataclass(frozen=True, order=True, slots=True)
class Month:
    """One Jalali month."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1..12, got {self.month}")
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")

    @classmethod
    def parse(cls, text: str) -> Month:
        """Parse `YYYY-MM` (Jalali) or raise ValueError."""
        match = _YM.match(text)
        if not match:
            raise ValueError(f"expected a Jalali month as YYYY-MM, got {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def of(cls, day: jdatetime.date) -> Month:
        """Return the month a Jalali day falls in."""
        return cls(day.year, day.month)

    @classmethod
    def from_ordinal(cls, ordinal: int) -> Month:
        """Inverse of `ordinal`."""
        year, month0 = divmod(ordinal, 12)
        return cls(year, month0 + 1)

    @property
    def ordinal(self) -> int:
        """A number that grows by one per month (for arithmetic and SQL filters)."""
        return self.year * 12 + self.month - 1

    @property
    def quarter(self) -> int:
        """The quarter (1..4) this month falls in."""
        return (self.month - 1) // 3 + 1

    def shift(self, months: int) -> Month:
        """Return the month `months` later (negative for earlier)."""
        return Month.from_ordinal(self.ordinal + months)

    def first_day(self) -> jdatetime.date:
        """Return the first day of the month."""
        return jdatetime.date(self.year, self.month, 1)

    def last_day(self) -> jdatetime.date:
        """Return the last day of the month (29/30 for Esfand by leap year)."""
        return self.shift(1).first_day() - jdatetime.timedelta(days=1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class MonthRange:
    """An inclusive range of Jalali months."""

    start: Month
    end: Month

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"range ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def year(cls, year: int) -> MonthRange:
        """Return months 1..12 of a Jalali year."""
        return cls(Month(year, 1), Month(year, 12))

    @classmethod
    def parse(cls, start: str, end: str) -> MonthRange:
        """Parse two `YYYY-MM` strings."""
        return cls(Month.parse(start), Month.parse(end))

    @classmethod
    def from_entity(cls, value: dict[str, str]) -> MonthRange:
        """Build from the NLU's `{"from": "YYYY-MM", "to": "YYYY-MM"}`."""
        return cls.parse(value["from"], value["to"])

    def months(self) -> Iterator[Month]:
        """Iterate the months in order."""
        for ordinal in range(self.start.ordinal, self.end.ordinal + 1):
            yield Month.from_ordinal(ordinal)

    def __len__(self) -> int:
        return self.end.ordinal - self.start.ordinal + 1

    def __contains__(self, month: object) -> bool:
        return isinstance(month, Month) and self.start <= month <= self.end

    def clip(self, other: MonthRange) -> MonthRange | None:
        """Return the overlap with `other`, or None."""
        start, end = max(self.start, other.start), min(self.end, other.end)
        return MonthRange(start, end) if start <= end else None

    def previous(self) -> MonthRange:
        """Return the range of equal length just before this one."""
        n = len(self)
        return MonthRange(self.start.shift(-n), self.end.shift(-n))

    def year_before(self) -> MonthRange:
        """Return the same months one year earlier."""
        return MonthRange(self.start.shift(-12), self.end.shift(-12))

    def as_entity(self) -> dict[str, str]:
        """Return the contract's `{"from", "to"}` form."""
        return {"from": str(self.start), "to": str(self.end)}

    def is_whole_year(self) -> bool:
        """Tell whether this is exactly months 1..12 of one year."""
        return self.start.month == 1 and self.end.month == 12 and self.start.year == self.end.year

    def __str__(self) -> str:
        return f"{self.start}..{self.end}"
