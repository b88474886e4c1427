"""Tests for nlp.periods: relative and absolute Jalali periods, ranges and comparisons."""

from __future__ import annotations

import re

import jdatetime
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.normalize import normalize
from nlp.periods import find_periods

AUTUMN = jdatetime.date(1405, 9, 8)  # the contract's "today"
NEW_YEAR = jdatetime.date(1405, 1, 5)
LEAP_END = jdatetime.date(1403, 12, 30)  # 1403 is a Jalali leap year
SUMMER = jdatetime.date(1404, 4, 1)


def _periods(raw: str, today: jdatetime.date = AUTUMN) -> list[tuple[str, str]]:
    return [(p.from_ym, p.to_ym) for p in find_periods(normalize(raw), today)]


def _one(raw: str, today: jdatetime.date = AUTUMN) -> tuple[str, str]:
    found = _periods(raw, today)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("raw", "today", "expected"),
    [
        # years, relative
        ("امسال چقدر گرفتیم", AUTUMN, ("1405-01", "1405-12")),
        ("سال جاری", AUTUMN, ("1405-01", "1405-12")),
        ("پارسال", AUTUMN, ("1404-01", "1404-12")),
        ("سال گذشته", AUTUMN, ("1404-01", "1404-12")),
        ("سال قبل", NEW_YEAR, ("1404-01", "1404-12")),
        ("سال پیش", AUTUMN, ("1404-01", "1404-12")),
        ("پیارسال", AUTUMN, ("1403-01", "1403-12")),
        ("پیرارسال", AUTUMN, ("1403-01", "1403-12")),
        ("دو سال پیش", AUTUMN, ("1403-01", "1403-12")),
        ("سه سال قبل", AUTUMN, ("1402-01", "1402-12")),
        ("دو سال گذشته", AUTUMN, ("1403-01", "1404-12")),
        ("امسال", LEAP_END, ("1403-01", "1403-12")),
        # years, absolute
        ("در سال ۱۴۰۳", AUTUMN, ("1403-01", "1403-12")),
        ("۱۴۰۳", AUTUMN, ("1403-01", "1403-12")),
        ("١٤٠٢", AUTUMN, ("1402-01", "1402-12")),
        ("گزارش 1399", AUTUMN, ("1399-01", "1399-12")),
        ("سال ۰۳", AUTUMN, ("1403-01", "1403-12")),
        ("سال 98", AUTUMN, ("1398-01", "1398-12")),
        ("سال هزار و چهارصد و دو", AUTUMN, ("1402-01", "1402-12")),
        ("sale 1403", AUTUMN, ("1403-01", "1403-12")),
        ("1403/05/12", AUTUMN, ("1403-05", "1403-05")),
        ("۱۴۰۲/۱۱", AUTUMN, ("1402-11", "1402-11")),
        # months, relative
        ("ماه گذشته", AUTUMN, ("1405-08", "1405-08")),
        ("ماه پیش", AUTUMN, ("1405-08", "1405-08")),
        ("ماه قبل", AUTUMN, ("1405-08", "1405-08")),
        ("ماه گذشته", NEW_YEAR, ("1404-12", "1404-12")),
        ("ماه قبل", LEAP_END, ("1403-11", "1403-11")),
        ("این ماه", AUTUMN, ("1405-09", "1405-09")),
        ("ماه جاری", LEAP_END, ("1403-12", "1403-12")),
        ("سه ماه اخیر", AUTUMN, ("1405-06", "1405-08")),
        ("۳ ماه گذشته", AUTUMN, ("1405-06", "1405-08")),
        ("سه ماه اخیر", NEW_YEAR, ("1404-10", "1404-12")),
        ("شش ماه گذشته", AUTUMN, ("1405-03", "1405-08")),
        ("۶ ماه اخیر", NEW_YEAR, ("1404-07", "1404-12")),
        ("دوازده ماه گذشته", AUTUMN, ("1404-09", "1405-08")),
        ("یک ماه گذشته", AUTUMN, ("1405-08", "1405-08")),
        ("دو ماه پیش", AUTUMN, ("1405-07", "1405-07")),
        ("سه ماه آخر", AUTUMN, ("1405-06", "1405-08")),
        # months by name: the most recent one not after today
        ("آبان", AUTUMN, ("1405-08", "1405-08")),
        ("آذر", AUTUMN, ("1405-09", "1405-09")),
        ("دی", AUTUMN, ("1404-10", "1404-10")),
        ("دی ماه", AUTUMN, ("1404-10", "1404-10")),
        ("اسفند", NEW_YEAR, ("1404-12", "1404-12")),
        ("فروردین", NEW_YEAR, ("1405-01", "1405-01")),
        ("اسفند", LEAP_END, ("1403-12", "1403-12")),
        ("مهرماه", AUTUMN, ("1405-07", "1405-07")),
        ("آذر‌ماه", AUTUMN, ("1405-09", "1405-09")),
        ("فروردين", AUTUMN, ("1405-01", "1405-01")),  # Arabic yeh
        ("اردبهشت", AUTUMN, ("1405-02", "1405-02")),  # misspelled
        ("امرداد", AUTUMN, ("1405-05", "1405-05")),
        ("شهریو", AUTUMN, ("1405-06", "1405-06")),
        ("ابان", AUTUMN, ("1405-08", "1405-08")),
        ("اذر", AUTUMN, ("1405-09", "1405-09")),
        ("تیر ماه", AUTUMN, ("1405-04", "1405-04")),
        ("تیرماه", AUTUMN, ("1405-04", "1405-04")),
        # months with a year
        ("آبان پارسال", AUTUMN, ("1404-08", "1404-08")),
        ("مهر امسال", AUTUMN, ("1405-07", "1405-07")),
        ("آبان ۱۴۰۴", AUTUMN, ("1404-08", "1404-08")),
        ("آبان ماه سال ۱۴۰۲", AUTUMN, ("1402-08", "1402-08")),
        ("اسفند سال گذشته", AUTUMN, ("1404-12", "1404-12")),
        ("تیر ۱۴۰۳", AUTUMN, ("1403-04", "1403-04")),
        ("سال ۱۴۰۳ آبان ماه", AUTUMN, ("1403-08", "1403-08")),
        # seasons, quarters, halves
        ("بهار", AUTUMN, ("1405-01", "1405-03")),
        ("تابستون", AUTUMN, ("1405-04", "1405-06")),
        ("پاییز", AUTUMN, ("1405-07", "1405-09")),
        ("پائیز", AUTUMN, ("1405-07", "1405-09")),
        ("زمستان", AUTUMN, ("1404-10", "1404-12")),  # not begun this year yet
        ("زمستون", LEAP_END, ("1403-10", "1403-12")),
        ("تابستان", NEW_YEAR, ("1404-04", "1404-06")),
        ("بهار ۱۴۰۴", AUTUMN, ("1404-01", "1404-03")),
        ("فصل بهار سال ۱۴۰۳", AUTUMN, ("1403-01", "1403-03")),
        ("تابستان پارسال", AUTUMN, ("1404-04", "1404-06")),
        ("فصل دوم ۱۴۰۳", AUTUMN, ("1403-04", "1403-06")),
        ("فصل اول", AUTUMN, ("1405-01", "1405-03")),
        ("فصل چهارم", SUMMER, ("1403-10", "1403-12")),
        ("سه‌ماهه اول", AUTUMN, ("1405-01", "1405-03")),
        ("سه ماهه سوم سال ۱۴۰۲", AUTUMN, ("1402-07", "1402-09")),
        ("سه ماه اول سال", AUTUMN, ("1405-01", "1405-03")),
        ("سه ماه دوم ۱۴۰۴", AUTUMN, ("1404-04", "1404-06")),
        ("سه ماه آخر سال ۱۴۰۳", AUTUMN, ("1403-10", "1403-12")),
        ("ربع سوم", AUTUMN, ("1405-07", "1405-09")),
        ("Q2 1404", AUTUMN, ("1404-04", "1404-06")),
        ("نیمه اول", AUTUMN, ("1405-01", "1405-06")),
        ("نیمه دوم", AUTUMN, ("1405-07", "1405-12")),
        ("نیمه دوم", SUMMER, ("1403-07", "1403-12")),
        ("نیمه اول امسال", AUTUMN, ("1405-01", "1405-06")),
        ("نیمه‌ی دوم سال گذشته", AUTUMN, ("1404-07", "1404-12")),
        ("شش ماه اول ۱۴۰۴", AUTUMN, ("1404-01", "1404-06")),
        ("شش ماهه دوم", AUTUMN, ("1405-07", "1405-12")),
        ("نیمسال اول ۱۴۰۳", AUTUMN, ("1403-01", "1403-06")),
        ("دو ماه اول سال", AUTUMN, ("1405-01", "1405-02")),
        # ranges
        ("از ۱۴۰۲ تا ۱۴۰۴", AUTUMN, ("1402-01", "1404-12")),
        ("۱۴۰۲-۱۴۰۴", AUTUMN, ("1402-01", "1404-12")),
        ("مهر تا آذر ۱۴۰۴", AUTUMN, ("1404-07", "1404-09")),
        ("از فروردین تا شهریور ۱۴۰۳", AUTUMN, ("1403-01", "1403-06")),
        ("فروردین ۱۴۰۳ تا خرداد ۱۴۰۴", AUTUMN, ("1403-01", "1404-03")),
        ("از مهر ۱۴۰۳ تا اردیبهشت", AUTUMN, ("1403-07", "1404-02")),
        ("آبان تا فروردین ۱۴۰۴", AUTUMN, ("1403-08", "1404-01")),
        ("از خرداد تا مرداد", AUTUMN, ("1405-03", "1405-05")),
        ("از بهمن تا فروردین", NEW_YEAR, ("1404-11", "1405-01")),
        ("از ۱۴۰۳ تا امسال", AUTUMN, ("1403-01", "1405-12")),
        ("از اول سال تا الان", AUTUMN, ("1405-01", "1405-09")),
        ("از مهر تاکنون", AUTUMN, ("1405-07", "1405-09")),
        # "امسال تا الان" is امسال: the contract's 1..12 (answers stop where the data does)
        ("امسال تا الان", AUTUMN, ("1405-01", "1405-12")),
        # the edges of a range's ends are the ends themselves
        ("از ابتدای مهر تا پایان آذر ۱۴۰۴", AUTUMN, ("1404-07", "1404-09")),
        ("از اول ۱۴۰۲ تا آخر ۱۴۰۳", AUTUMN, ("1402-01", "1403-12")),
        ("امسال تا حالا چقدر", AUTUMN, ("1405-01", "1405-12")),
        ("پولای امسالو", AUTUMN, ("1405-01", "1405-12")),
        ("پارسالو بگو", AUTUMN, ("1404-01", "1404-12")),
        ("از مهر ۱۴۰۴ به بعد", AUTUMN, ("1404-07", "1405-09")),
        ("خرداد الی تیر ۱۴۰۲", AUTUMN, ("1402-03", "1402-04")),
        # Finglish
        ("emsal", AUTUMN, ("1405-01", "1405-12")),
        ("parsal", AUTUMN, ("1404-01", "1404-12")),
        ("mah gozashte", NEW_YEAR, ("1404-12", "1404-12")),
        ("bahar 1404", AUTUMN, ("1404-01", "1404-03")),
    ],
)
def test_single_period(raw: str, today: jdatetime.date, expected: tuple[str, str]) -> None:
    assert _one(raw, today) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("امسال نسبت به پارسال", [("1405-01", "1405-12"), ("1404-01", "1404-12")]),
        ("۱۴۰۳ و ۱۴۰۴", [("1403-01", "1403-12"), ("1404-01", "1404-12")]),
        ("مقایسه 1404 با 1402", [("1404-01", "1404-12"), ("1402-01", "1402-12")]),
        ("آذر امسال با آذر پارسال", [("1405-09", "1405-09"), ("1404-09", "1404-09")]),
        ("بهار ۱۴۰۵ در برابر بهار ۱۴۰۴", [("1405-01", "1405-03"), ("1404-01", "1404-03")]),
        ("بهار و تابستان ۱۴۰۳", [("1403-01", "1403-03"), ("1403-04", "1403-06")]),
        (
            "مهر و آبان و آذر ۱۴۰۲",
            [("1402-07", "1402-07"), ("1402-08", "1402-08"), ("1402-09", "1402-09")],
        ),
        ("ماه گذشته در مقایسه با این ماه", [("1405-08", "1405-08"), ("1405-09", "1405-09")]),
        # a lone second year in a comparison means the same months of that year
        ("بهار امسال نسبت به پارسال", [("1405-01", "1405-03"), ("1404-01", "1404-03")]),
        ("آبان ۱۴۰۴ با ۱۴۰۳", [("1404-08", "1404-08"), ("1403-08", "1403-08")]),
        ("نیمه اول ۱۴۰۴ و ۱۴۰۳", [("1404-01", "1404-06"), ("1403-01", "1403-06")]),
    ],
)
def test_two_periods_in_text_order(raw: str, expected: list[tuple[str, str]]) -> None:
    assert _periods(raw) == expected


def test_offsets_point_into_normalized_text() -> None:
    text = normalize("سهم شهر در نیمه دوم ۱۴۰۴ و از مهر تا آذر ۱۴۰۵ چقدر بود؟")
    spans = [text[p.start : p.end] for p in find_periods(text, AUTUMN)]
    assert spans == ["نیمه دوم 1404", "از مهر تا آذر 1405"]
    assert find_periods(text, AUTUMN)[0].as_entity() == {"from": "1404-07", "to": "1404-12"}


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "سلام خوبی",
        "منطقه ۹",
        "منطقه ۱۲ و منطقه ثامن",
        "کد پیگیری 1403",
        "کد 58213",
        "SH-1403",
        "۱۴۰۰ تومان",
        "۱۴۰۰ هزار تومن",
        "۱۳۵۰ نفر",
        "۲۵ درصد",
        "1403%",
        "خرید ۳۰ میلیون تومنی",
        "تیر چراغ برق افتاده",  # تیر without context is not a month
        "سی دی",
        "ال ای دی خیابان",
        "مهر و موم شده",
        "سال خوبی بود",
        "فصل جدید پروژه",
        "سه ماهه",
        "2024",
        "۱۵۰۰",
        "سهم شهرداری چقدره",
    ],
)
def test_no_period(raw: str) -> None:
    assert _periods(raw) == []


def test_weak_month_with_context() -> None:
    assert _periods("خرداد تا تیر") == [("1405-03", "1405-04")]
    assert _periods("خرداد و تیر ۱۴۰۳") == [("1403-03", "1403-03"), ("1403-04", "1403-04")]


def test_district_and_amount_do_not_become_years() -> None:
    assert _periods("منطقه ۹ سال ۱۴۰۳ ۵۰۰ میلیون تومان") == [("1403-01", "1403-12")]


_TODAYS = st.builds(
    jdatetime.date,
    st.integers(min_value=1300, max_value=1500),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=29),
)
_YM = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
_PERIOD_WORDS = st.lists(
    st.sampled_from(
        ["امسال", "پارسال", "سال", "ماه", "گذشته", "اخیر", "پیش", "تا", "از", "و", "آبان",
         "دی", "تیر", "بهار", "زمستان", "فصل", "نیمه", "اول", "دوم", "آخر", "سه", "شش",
         "1403", "۱۴۰۲", "03", "منطقه", "تومان", "کنون", "به", "بعد", "1402-1404",
         "1403/07", "ربع", "q4", "سی", "صد", "هزار", "دوازده", "ماهه", "مهر", "ی"]
    ),
    max_size=14,
)  # fmt: skip


def _check(text: str, today: jdatetime.date) -> None:
    previous_end = 0
    for period in find_periods(text, today):
        assert _YM.fullmatch(period.from_ym), period
        assert _YM.fullmatch(period.to_ym), period
        assert period.from_ym <= period.to_ym
        assert previous_end <= period.start < period.end <= len(text)
        previous_end = period.end


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=100), _TODAYS)
def test_never_raises_on_any_text(text: str, today: jdatetime.date) -> None:
    _check(text, today)
    _check(normalize(text), today)


@settings(max_examples=2000, deadline=None)
@given(_PERIOD_WORDS, _TODAYS)
def test_never_raises_on_period_soup(words: list[str], today: jdatetime.date) -> None:
    _check(normalize(" ".join(words)), today)


def test_non_ascii_numerals_do_not_crash() -> None:
    assert _periods("سال ፩፬፻") == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("سهم پارسالش چقدر بود", ("1404-01", "1404-12")),
        ("امسالش", ("1405-01", "1405-12")),
        ("آمار پارسالی", ("1404-01", "1404-12")),
        ("پیارسالش", ("1403-01", "1403-12")),
        ("ماه پیشش چی", ("1405-08", "1405-08")),
        ("سال قبلش", ("1404-01", "1404-12")),
        ("سال گذشتش", ("1404-01", "1404-12")),
        ("اردیبهشتش", ("1405-02", "1405-02")),
        ("اسفندی که گذشت", ("1404-12", "1404-12")),
    ],
)
def test_period_words_with_clitics(raw: str, expected: tuple[str, str]) -> None:
    assert _one(raw) == expected


@pytest.mark.parametrize("raw", ["دیش خرابه", "مهره", "تیره", "پاییزه", "سالی", "ماهش"])
def test_clitics_do_not_make_everyday_words_periods(raw: str) -> None:
    assert _periods(raw) == []
