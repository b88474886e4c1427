"""Tests for Finglish → Persian conversion (nlp/finglish.py)."""

from __future__ import annotations

import pytest

from nlp.finglish import to_persian


@pytest.mark.parametrize(
    ("latin", "persian"),
    [
        ("sahm", "سهم"),
        ("shahrdari", "شهرداری"),
        ("maliyat", "مالیات"),
        ("cheqadr", "چقدر"),
        ("emsal", "امسال"),
        ("parsal", "پارسال"),
        ("salam", "سلام"),
        ("mamnoon", "ممنون"),
        ("gozaresh", "گزارش"),
        ("laghv", "لغو"),
        ("peygiri", "پیگیری"),
        ("moghayese", "مقایسه"),
        ("vat", "ارزش افزوده"),
    ],
)
def test_single_words(latin: str, persian: str) -> None:
    assert to_persian(latin) == persian


def test_sentence_with_suffixes_and_phrases() -> None:
    out = to_persian("hazine arzesh afzoode baraye atash neshani emsal cheghadresh bood?")
    assert out == "هزینه ارزش افزوده برای آتش‌نشانی امسال چقدرش بود?"
    assert to_persian("sahme shahrdariye") == "سهم شهرداری"
    assert to_persian("proje haye mantaghe 9") == "پروژه های منطقه 9"
    assert to_persian("gozareshaye mali") == "گزارش\u200cهای مالی"


def test_unknown_latin_names_and_codes_stay() -> None:
    assert to_persian("sahme kashmar") == "سهم kashmar"
    assert to_persian("peygiri FB-1405-0917") == "پیگیری FB-1405-0917"
    assert to_persian("proje D-113") == "پروژه D-113"


def test_persian_and_digits_untouched() -> None:
    text = "سهم شهرداری از ارزش‌افزوده ۱۴۰۳ چقدر بود؟ 1403"
    assert to_persian(text) is text or to_persian(text) == text
    assert to_persian("") == ""
    assert to_persian("سلام vat امسال") == "سلام ارزش افزوده امسال"


def test_plain_english_is_left_alone() -> None:
    assert to_persian("what is the weather in london") == "what is the weather in london"
    assert to_persian("click here to win free bitcoin") == "click here to win free bitcoin"


def test_ambiguous_short_words_only_inside_finglish() -> None:
    assert to_persian("in proje") == "این پروژه"
    assert to_persian("be") == "be"
