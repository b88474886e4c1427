"""Jalali (Solar Hijri) date helpers: parse `YYYY-MM-DD` in any digits, convert both ways."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import jdatetime

from backend.formatting import MONTH_NAMES
from nlp.digits import to_ascii_digits, to_persian_digits

_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)


class JalaliDateError(ValueError):
    """A Jalali date that is malformed or does not exist, explained in Persian and English."""

    def __init__(self, reason_fa: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.reason_fa = reason_fa
        self.reason_en = reason_en


@lru_cache(maxsize=1024)
def is_leap_year(year: int) -> bool:
    """Tell whether a Jalali year has a 30th of Esfand."""
    return bool(jdatetime.date(year, 1, 1).isleap())


def days_in_month(year: int, month: int) -> int:
    """Return the number of days of a Jalali month (Esfand has 30 in leap years)."""
    if not 1 <= month <= 12:
        raise JalaliDateError(
            "ماه باید بین ۱ تا ۱۲ باشد", f"month must be between 1 and 12, not {month}"
        )
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if is_leap_year(year) else 29


@lru_cache(maxsize=8192)  # jdatetime is slow and imports repeat the same few thousand dates
def jalali_to_gregorian(year: int, month: int, day: int) -> date:
    """Convert a Jalali year, month and day to a Gregorian date, validating the day."""
    if not jdatetime.MINYEAR <= year <= jdatetime.MAXYEAR:
        raise JalaliDateError(
            to_persian_digits(f"سال {year} پشتیبانی نمی‌شود"), f"year {year} is not supported"
        )
    last = days_in_month(year, month)
    if not 1 <= day <= last:
        fa_month = MONTH_NAMES[month - 1]
        raise JalaliDateError(
            to_persian_digits(f"{fa_month} سال {year} روز {day} ندارد (۱ تا {last})"),
            f"day {day} does not exist in month {month} of {year} (1..{last})",
        )
    result: date = jdatetime.date(year, month, day).togregorian()
    return result


def parse_jalali_date(text: str) -> date:
    """Parse a Jalali `YYYY-MM-DD` (any digits) into the Gregorian date it names."""
    match = _DATE.fullmatch(to_ascii_digits(text.strip()))
    if match is None:
        raise JalaliDateError(
            "تاریخ باید به شکل سال-ماه-روز شمسی باشد، مثل ۱۴۰۳-۰۱-۱۵",
            "date must be Jalali YYYY-MM-DD, e.g. 1403-01-15",
        )
    year, month, day = (int(part) for part in match.groups())
    return jalali_to_gregorian(year, month, day)


def gregorian_to_jalali(value: date) -> tuple[int, int, int]:
    """Return the Jalali (year, month, day) of a Gregorian date."""
    jalali = jdatetime.date.fromgregorian(date=value)
    return jalali.year, jalali.month, jalali.day


def format_jalali_date(value: date) -> str:
    """Format a Gregorian date as the Jalali `YYYY-MM-DD` (ASCII digits) used in the CSV files."""
    year, month, day = gregorian_to_jalali(value)
    return f"{year:04d}-{month:02d}-{day:02d}"
