"""Tests for nlp.numbers: words ↔ integers, money amounts, small numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.normalize import normalize
from nlp.numbers import (
    find_amounts,
    find_numbers,
    number_to_words,
    small_number_word,
    words_to_number,
)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "صفر"),
        (7, "هفت"),
        (13, "سیزده"),
        (40, "چهل"),
        (120, "صد و بیست"),
        (305, "سیصد و پنج"),
        (999, "نهصد و نود و نه"),
        (1000, "هزار"),
        (1001, "هزار و یک"),
        (2000, "دو هزار"),
        (120_000, "صد و بیست هزار"),
        (1_000_000, "یک میلیون"),
        (2_500_000, "دو میلیون و پانصد هزار"),
        (1_200_000_000, "یک میلیارد و دویست میلیون"),
        (3 * 10**12, "سه تریلیون"),
        (10**15, "هزار تریلیون"),
    ],
)
def test_number_to_words(n: int, words: str) -> None:
    assert number_to_words(n) == words
    assert words_to_number(words) == n


@pytest.mark.parametrize("n", [-1, 10**15 + 1])
def test_number_to_words_range(n: int) -> None:
    with pytest.raises(ValueError):
        number_to_words(n)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("دو میلیون و پانصد هزار", 2_500_000),
        ("یک‌میلیارد و دویست میلیون", 1_200_000_000),
        ("صد و بیست هزار", 120_000),
        ("یک و نیم میلیون", 1_500_000),
        ("دو میلیون و نیم", 2_500_000),
        ("نیم میلیون", 500_000),
        ("هزار", 1000),
        ("یه", 1),
        ("یک", 1),
        ("دویس", 200),
        ("پونصد هزار", 500_000),
        ("۲.۵ میلیون", 2_500_000),
        ("۲٫۵ میلیارد", 2_500_000_000),
        ("۷۵۰ هزار", 750_000),
        ("1/5 میلیارد", 1_500_000_000),
        ("75,000", 75_000),
        ("۷۵٬۰۰۰", 75_000),
        ("1.500.000", 1_500_000),
        ("هزار و پانصد میلیارد", 1_500_000_000_000),
        ("۴ میلیون و ۲۰۰ هزار", 4_200_000),
        ("500 hezar", 500_000),
        ("2 million", 2_000_000),
        ("3 milyard", 3_000_000_000),
        ("یک میلیون و دویست", 1_000_200),  # literal: the colloquial reading is only for money
    ],
)
def test_words_to_number(text: str, value: int) -> None:
    assert words_to_number(text) == value


@pytest.mark.parametrize(
    "text",
    ["", "سلام", "دو سه", "2.5", "1/5", "نیم", "یک میلیون تومان", "میلیون میلیون", "1403/05/12"],
)
def test_words_to_number_rejects(text: str) -> None:
    assert words_to_number(text) is None


@settings(max_examples=2000, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_words_round_trip(n: int) -> None:
    assert words_to_number(number_to_words(n)) == n


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=10**6))
def test_words_round_trip_small(n: int) -> None:
    assert words_to_number(number_to_words(n)) == n


def _amounts(raw: str) -> list[tuple[str, int, str]]:
    text = normalize(raw)
    return [(text[a.start : a.end], a.rial, a.unit) for a in find_amounts(text)]


@pytest.mark.parametrize(
    ("raw", "rial", "unit"),
    [
        ("یه لپ‌تاپ ۳۰ میلیون تومنی خریدم", 300_000_000, "toman"),
        ("فاکتورم شد ۴ میلیون و ۲۰۰ هزار تومن", 42_000_000, "toman"),
        ("مالیاتش 350000 ریال شد", 350_000, "rial"),
        ("ماشین ۱/۵ میلیارد تومان", 15_000_000_000, "toman"),
        ("یک و نیم میلیون تومن دادم", 15_000_000, "toman"),
        ("کفش ۷۵٬۰۰۰ تومانی", 750_000, "toman"),
        ("۲۵۰ هزار تومان", 2_500_000, "toman"),
        ("سه میلیارد ریال", 3_000_000_000, "rial"),
        ("خرید ۵ میلیونی", 50_000_000, "toman"),  # no currency word: toman
        ("۷۵۰ هزار خرید کردم", 7_500_000, "toman"),
        ("هزار تومن", 10_000, "toman"),
        ("صد تومن", 1000, "toman"),
        ("۱۰۰ت", 1000, "toman"),
        ("اگه 500 hezar toman بدم", 5_000_000, "toman"),
        ("۲ میلیون rial", 2_000_000, "rial"),
        ("یک میلیون و دویست تومن", 12_000_000, "toman"),  # colloquial: 1.2 million
        ("دو میلیون و نیم تومان", 25_000_000, "toman"),
        ("۲.۵ میلیون", 25_000_000, "toman"),
        ("۵,۰۰۰,۰۰۰ ریال", 5_000_000, "rial"),
        ("دو میلیون و پانصد هزار تومان", 25_000_000, "toman"),
        ("هزار و پانصد میلیارد تومان", 15_000_000_000_000, "toman"),
        ("۸۰۰ هزار ریالی", 800_000, "rial"),
    ],
)
def test_find_amounts(raw: str, rial: int, unit: str) -> None:
    found = _amounts(raw)
    assert len(found) == 1, found
    assert found[0][1:] == (rial, unit)


def test_amount_offsets_cover_number_and_currency() -> None:
    text = normalize("یه گوشی ۳۰ میلیون تومنی بخرم")
    [amount] = find_amounts(text)
    assert text[amount.start : amount.end] == "30 میلیون تومنی"
    text = normalize("۷۵۰ هزار خرید")
    [amount] = find_amounts(text)
    assert text[amount.start : amount.end] == "750 هزار"


@pytest.mark.parametrize(
    "raw",
    [
        "سال ۱۴۰۳",
        "سهم ۱۴۰۵ چقدر بود",
        "منطقه ۹",
        "منطقه نه",
        "کد 58213",
        "پیگیری SH-40213",
        "۲۰ درصد",
        "۹٪ سهم شهر",
        "۱۵ آبان",
        "یه سوال دارم",
        "۲۰ هزار نفر",
        "چند میلیون تومن",
        "میلیون‌ها تومان",
        "صدها پروژه",
        "1403/05/12",
        "نیم ساعت",
    ],
)
def test_not_amounts(raw: str) -> None:
    assert _amounts(raw) == []


def test_amounts_left_to_right_and_split() -> None:
    found = _amounts("سال ۱۴۰۳ ۵۰۰ میلیون تومان و پارسال ۲ میلیارد ریال")
    assert [(r, u) for _, r, u in found] == [(5_000_000_000, "toman"), (2_000_000_000, "rial")]
    found = _amounts("۲ میلیون ۳ تا گوشی")  # "۳ تا" is a count, not part of the amount
    assert [r for _, r, _ in found] == [20_000_000]


def test_find_numbers() -> None:
    text = normalize("منطقه ۹ در سال ۱۴۰۳ و دو میلیون و پانصد هزار و 2.5")
    assert [(text[s:e], v) for s, e, v in find_numbers(text)] == [
        ("9", 9.0),
        ("1403", 1403.0),
        ("دو میلیون و پانصد هزار", 2_500_000.0),
        ("2.5", 2.5),
    ]
    assert find_numbers(normalize("کد sh-40213 و 9%")) == []


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("یک", 1), ("یه", 1), ("نه", 9), ("ده", 10), ("سیزده", 13), ("بیست", 20),
        ("اول", 1), ("نخست", 1), ("دوم", 2), ("سوم", 3), ("نهم", 9), ("سیزدهم", 13),
        ("بیستم", 20), ("9", 9), ("13", 13),
    ],
)  # fmt: skip
def test_small_number_word(token: str, value: int) -> None:
    assert small_number_word(token) == value


@pytest.mark.parametrize("token", ["سهم", "سی", "صد", "سلام", "1403", "", "اولی"])
def test_small_number_word_rejects(token: str) -> None:
    assert small_number_word(token) is None


def test_small_number_word_without_ordinals() -> None:
    assert small_number_word("دوم", ordinals=False) is None
    assert small_number_word("دو", ordinals=False) == 2


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=80))
def test_extractors_never_raise(text: str) -> None:
    norm = normalize(text)
    for amount in find_amounts(norm):
        assert 0 <= amount.start < amount.end <= len(norm)
        assert amount.rial > 0
        assert amount.unit in ("rial", "toman")
    for start, end, _ in find_numbers(norm):
        assert 0 <= start < end <= len(norm)
    words_to_number(text)


_NUMBERISH = st.lists(
    st.sampled_from(
        ["و", "نیم", "هزار", "میلیون", "میلیارد", "صد", "دو", "بیست", "سه", "یک", "۱۲", "2.5",
         "1/5", "75,000", "تومان", "ریال", "ت", "میلیونی", "تا", "نفر", "1403", "منطقه", "چند"]
    ),
    max_size=12,
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(_NUMBERISH)
def test_amounts_on_number_soup(words: list[str]) -> None:
    norm = normalize(" ".join(words))
    previous_end = 0
    for amount in find_amounts(norm):
        assert amount.start >= previous_end
        previous_end = amount.end
        assert isinstance(amount.rial, int) and amount.rial > 0
    words_to_number(norm)


def test_commas_group_thousands_or_separate_numbers() -> None:
    text = normalize("1402,1403")
    assert [v for _, _, v in find_numbers(text)] == [1402.0, 1403.0]
    assert words_to_number("۲,۵ میلیون") == 2_500_000  # decimal comma before a magnitude
    assert words_to_number("12,500,000") == 12_500_000


def test_non_ascii_digits_do_not_crash() -> None:
    # "፩" (Ethiopic one) is numeric to Python but not a decimal digit normalize can map
    assert words_to_number("፩") is None
    assert find_amounts(normalize("፩ تومان")) == []
    assert find_numbers(normalize("፩፪")) == []


@pytest.mark.parametrize(
    ("text", "rial"),
    [("۲م خرید کردم", 20_000_000), ("یه گوشی ۱۸م گرفتم", 180_000_000), ("2م تومن", 20_000_000)],
)
def test_glued_m_is_chat_shorthand_for_million(text: str, rial: int) -> None:
    assert [a.rial for a in find_amounts(normalize(text))] == [rial]


@pytest.mark.parametrize("text", ["فاز ۲م پروژه", "طبقه ۳م", "۳ م خرید"])
def test_m_after_an_ordinal_word_or_apart_is_not_a_million(text: str) -> None:
    assert find_amounts(normalize(text)) == []
