"""The one formatter: Persian digits, تومان magnitudes, percents, Jalali labels, progress bars."""

from __future__ import annotations

from fractions import Fraction

import jdatetime
import pytest

from backend.formatting import (
    change_phrase,
    date_label,
    fa_number,
    fa_percent,
    fa_signed_percent,
    month_label,
    progress_bar,
    range_label,
    rial_exact,
    status_label,
    toman,
    toman_with_rial,
)
from backend.months import Month, MonthRange


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (0, 0, "۰"),
        (7, 0, "۷"),
        (1234567, 0, "۱٬۲۳۴٬۵۶۷"),
        (-1234, 0, "−۱٬۲۳۴"),
        (12.345, 1, "۱۲٫۳"),
        (12.35, 1, "۱۲٫۴"),  # half up, not to even
        (2.5, 0, "۳"),
        (12.0, 1, "۱۲"),  # trailing zeros dropped
        (Fraction(1, 3), 2, "۰٫۳۳"),
        (-0.001, 1, "۰"),  # no "negative zero"
        (1234.5, 1, "۱٬۲۳۴٫۵"),
    ],
)
def test_fa_number(value: float, decimals: int, expected: str) -> None:
    assert fa_number(value, decimals) == expected


@pytest.mark.parametrize(
    ("rial", "expected"),
    [
        (1_234_567_000_000, "۱۲۳٫۵ میلیارد تومان"),
        (38_534_375_000_000, "۳٬۸۵۳ میلیارد تومان"),
        (120_000_000_000_000, "۱۲ هزار میلیارد تومان"),
        (123_456_000_000_000, "۱۲٫۳ هزار میلیارد تومان"),
        (10_000_000, "۱ میلیون تومان"),
        (12_345_678, "۱٫۲۳ میلیون تومان"),
        (5_000_000_000, "۵۰۰ میلیون تومان"),
        (27_273, "۲٬۷۲۷ تومان"),  # exact below a million تومان, rounded half up
        (27_275, "۲٬۷۲۸ تومان"),
        (9_999_990, "۹۹۹٬۹۹۹ تومان"),
        (62, "۶ تومان"),
        (3, "۰٫۳ تومان"),  # never "0 تومان" for a real amount
        (0, "۰ تومان"),
        (-40_000_000_000, "−۴ میلیارد تومان"),
    ],
)
def test_toman(rial: int, expected: str) -> None:
    assert toman(rial) == expected


def test_rial_exact_and_both() -> None:
    assert rial_exact(1_234_567_000_000) == "۱٬۲۳۴٬۵۶۷٬۰۰۰٬۰۰۰ ریال"
    assert toman_with_rial(2_468_123_000_000) == ("۲۴۶٫۸ میلیارد تومان (۲٬۴۶۸٬۱۲۳٬۰۰۰٬۰۰۰ ریال)")


def test_percents() -> None:
    assert fa_percent(12.345) == "۱۲٫۳٪"
    assert fa_percent(4) == "۴٪"
    assert fa_percent(33.333) == "۳۳٫۳٪"
    assert fa_signed_percent(12.345) == "+۱۲٫۳٪"
    assert fa_signed_percent(-4) == "−۴٪"
    assert fa_signed_percent(0.01) == "۰٪"
    assert change_phrase(18.2) == "۱۸٫۲٪ بیشتر"
    assert change_phrase(-4) == "۴٪ کمتر"
    assert change_phrase(0.0) == "تقریباً برابر"
    assert change_phrase(None) == "قابل مقایسه نیست"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("1404-01", "1404-12", "سال ۱۴۰۴"),
        ("1404-01", "1404-03", "بهار ۱۴۰۴"),
        ("1403-04", "1403-06", "تابستان ۱۴۰۳"),
        ("1404-07", "1404-09", "پاییز ۱۴۰۴"),
        ("1404-10", "1404-12", "زمستان ۱۴۰۴"),
        ("1404-01", "1404-06", "نیمه اول ۱۴۰۴"),
        ("1404-07", "1404-12", "نیمه دوم ۱۴۰۴"),
        ("1404-07", "1404-09", "پاییز ۱۴۰۴"),
        ("1404-07", "1404-08", "مهر تا آبان ۱۴۰۴"),
        ("1404-02", "1404-04", "اردیبهشت تا تیر ۱۴۰۴"),  # three months, not a season
        ("1403-08", "1404-07", "آبان ۱۴۰۳ تا مهر ۱۴۰۴"),
        ("1405-08", "1405-08", "آبان ۱۴۰۵"),
        ("1402-01", "1404-12", "سال‌های ۱۴۰۲ تا ۱۴۰۴"),
    ],
)
def test_range_label(start: str, end: str, expected: str) -> None:
    assert range_label(MonthRange.parse(start, end)) == expected


def test_month_and_date_labels() -> None:
    assert month_label(Month(1405, 8)) == "آبان ۱۴۰۵"
    assert month_label(Month(1404, 12)) == "اسفند ۱۴۰۴"
    assert date_label(jdatetime.date(1405, 9, 8)) == "۸ آذر ۱۴۰۵"
    assert date_label(jdatetime.date(1403, 12, 30)) == "۳۰ اسفند ۱۴۰۳"


def test_status_labels_and_progress_bar() -> None:
    assert status_label("planned") == "برنامه‌ریزی‌شده"
    assert status_label("in_progress") == "در حال اجرا"
    assert status_label("completed") == "تکمیل‌شده"
    assert status_label("suspended") == "متوقف"
    assert progress_bar(42) == "▰▰▰▰▱▱▱▱▱▱ ۴۲٪"
    assert progress_bar(0) == "▱▱▱▱▱▱▱▱▱▱ ۰٪"
    assert progress_bar(100) == "▰▰▰▰▰▰▰▰▰▰ ۱۰۰٪"
    assert progress_bar(45) == "▰▰▰▰▰▱▱▱▱▱ ۴۵٪"
    assert progress_bar(130) == "▰▰▰▰▰▰▰▰▰▰ ۱۰۰٪"  # clamped


def test_no_latin_digits_anywhere() -> None:
    outputs = [
        toman(987_654_321_000),
        rial_exact(10**15),
        fa_percent(99.95),
        range_label(MonthRange.parse("1399-11", "1400-02")),
        date_label(jdatetime.date(1400, 1, 1)),
    ]
    assert not any(ch.isascii() and ch.isdigit() for text in outputs for ch in text)
