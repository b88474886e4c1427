"""Jalali month arithmetic."""

from __future__ import annotations

import pytest

from backend.months import Month, MonthRange


def test_month_arithmetic_across_years() -> None:
    assert Month(1405, 1).shift(-1) == Month(1404, 12)
    assert Month(1404, 12).shift(1) == Month(1405, 1)
    assert Month.from_ordinal(Month(1403, 7).ordinal) == Month(1403, 7)
    assert Month(1403, 7).quarter == 3


def test_month_last_day_follows_leap_years() -> None:
    assert Month(1403, 12).last_day().day == 30  # 1403 is a Jalali leap year
    assert Month(1404, 12).last_day().day == 29
    assert Month(1404, 6).last_day().day == 31
    assert Month(1404, 7).last_day().day == 30


def test_parse_and_validate() -> None:
    assert Month.parse("1403-07") == Month(1403, 7)
    for bad in ("1403-13", "1403-00", "14037", "abc"):
        with pytest.raises(ValueError):
            Month.parse(bad)
    with pytest.raises(ValueError):
        MonthRange(Month(1404, 1), Month(1403, 1))


def test_range_helpers() -> None:
    year = MonthRange.year(1404)
    assert len(year) == 12 and year.is_whole_year()
    assert year.previous() == MonthRange.year(1403)
    autumn = MonthRange(Month(1404, 7), Month(1404, 9))
    assert autumn.year_before() == MonthRange(Month(1403, 7), Month(1403, 9))
    assert autumn.previous() == MonthRange(Month(1404, 4), Month(1404, 6))
    assert year.clip(MonthRange(Month(1404, 10), Month(1405, 3))) == MonthRange(
        Month(1404, 10), Month(1404, 12)
    )
    assert year.clip(MonthRange.year(1406)) is None
    assert Month(1404, 5) in year and Month(1405, 5) not in year
    assert MonthRange.from_entity({"from": "1403-01", "to": "1403-06"}).as_entity() == {
        "from": "1403-01",
        "to": "1403-06",
    }
