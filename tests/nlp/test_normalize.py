"""Tests for nlp.normalize: canonical letters, digits, spacing, ZWNJ, idempotence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.normalize import ZWNJ, fold, normalize, to_persian_digits


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("شهرداري مشهد", "شهرداری مشهد"),  # Arabic yeh
        ("ماليات كم", "مالیات کم"),  # Arabic yeh and kaf
        ("مصطفى", "مصطفی"),  # alef maqsura
        ("علاقة", "علاقه"),  # teh marbuta
        ("مسألة مؤسسه إيران", "مساله موسسه ایران"),
        ("آب", "آب"),  # آ is kept
        ("پائیز آئین", "پاییز آیین"),  # ئ used as ye
        ("مسئول", "مسئول"),  # a real hamza seat is kept
        ("خانه\u0654", "خانۀ"),  # decomposed ۀ composes
        ("ﻻ", "لا"),  # presentation form
    ],
)
def test_letters(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("۱۲۳۴۵۶۷۸۹۰", "1234567890"),
        ("١٢٣٤٥٦٧٨٩٠", "1234567890"),
        ("۲٫۵ میلیون", "2.5 میلیون"),
        ("۷۵٬۰۰۰ تومان", "75,000 تومان"),
        ("۱/۵ میلیارد", "1/5 میلیارد"),
        ("ساعت ۱۰:۳۰", "ساعت 10:30"),
        ("۹٪ سهم", "9% سهم"),
        ("کد SH-40213", "کد sh-40213"),
        ("١٤٠٢-١٤٠٤", "1402-1404"),
        ("１２３", "123"),  # full-width digits
    ],
)
def test_digits_and_number_punctuation(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("سلام، خوبی؟", "سلام خوبی"),
        ("چقدر؟!؟!", "چقدر"),
        ("«شفاف» ؛ تست", "شفاف تست"),
        ("تموم شد.", "تموم شد"),
        ("یک, دو", "یک دو"),
        ("1. 2", "1 2"),
        ("-5 تا", "5 تا"),
        ("a/b", "a b"),
        ("%20", "20"),
        ("under_score", "under score"),
    ],
)
def test_punctuation(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_kashida_and_diacritics_removed() -> None:
    assert normalize("مـــشـهـد") == "مشهد"
    assert normalize("مَشْهَدٌ") == "مشهد"
    assert normalize("رحمٰن") == "رحمن"


def test_invisible_characters() -> None:
    assert normalize("\u200fسلام\u200e") == "سلام"
    assert normalize("\ufeffسلام") == "سلام"
    assert normalize("سل\u200dام") == "سلام"  # ZWJ
    assert normalize("سل\u00adام") == "سلام"  # soft hyphen
    assert normalize("\u202bسلام\u202c \u2067دنیا\u2069") == "سلام دنیا"
    assert normalize("سلام\x00دنیا") == "سلام دنیا"  # control characters separate words
    assert normalize("سلام\u00a0\u2003دنیا\n\tخوبی") == "سلام دنیا خوبی"


def test_zwnj_canonical() -> None:
    assert normalize("ارزش\u200cافزوده") == f"ارزش{ZWNJ}افزوده"
    assert normalize("ارزش\u200c\u200c\u200cافزوده") == f"ارزش{ZWNJ}افزوده"
    assert normalize("ارزش\u200bافزوده") == f"ارزش{ZWNJ}افزوده"  # ZWSP meant as ZWNJ
    assert normalize("\u200cسلام\u200c") == "سلام"
    assert normalize("سلام \u200c دنیا") == "سلام دنیا"
    assert normalize("سلام\u200c دنیا") == "سلام دنیا"
    assert normalize("1403\u200cها") == "1403 ها"  # ZWNJ only between letters


def test_emoji_and_symbols() -> None:
    assert normalize("سلام😀👍🏽") == "سلام"
    assert normalize("سلام😀دنیا") == "سلام دنیا"
    assert normalize("👨‍👩‍👧 خانواده ❤️") == "خانواده"
    assert normalize("قیمت $ ۵ € ©") == "قیمت 5"


def test_lone_surrogates_do_not_raise() -> None:
    assert normalize("\ud800سلام\udfff") == "سلام"
    assert normalize("\udc00") == ""


def test_repeated_letters_collapse() -> None:
    assert normalize("سلاممم") == "سلام"
    assert normalize("خیلیییی ممنووووون") == "خیلی ممنون"
    assert normalize("ممنون") == "ممنون"  # doubled letters stay
    assert normalize("1000000") == "1000000"  # digits never collapse
    assert normalize("HELLOOOO") == "hello"


def test_latin_lowercase_and_spaces() -> None:
    assert normalize("  Hello   WORLD  ") == "hello world"
    assert normalize("") == ""
    assert normalize("   ") == ""


def test_truncation_keeps_whole_words() -> None:
    text = "سلام " * 1000
    out = normalize(text, max_length=23)
    assert len(out) <= 23
    assert out == "سلام سلام سلام سلام"
    assert normalize("سل" * 50, max_length=10) == "سل" * 5
    assert normalize("12.5", max_length=3) == "12"  # no dangling "."
    assert normalize("سلام", max_length=0) == ""


def test_huge_input_is_bounded() -> None:
    out = normalize("ارزش افزوده " * 50_000)
    assert len(out) <= 2000
    assert out.endswith("افزوده") or out.endswith("ارزش")


def test_fold() -> None:
    assert fold("ارزش‌افزوده") == "ارزش افزوده"
    assert fold("آبان") == fold("ابان") == "ابان"
    assert fold("خانۀ") == fold("خانه") == "خانه"
    assert fold("خانه‌ی ما") == "خانه ما"
    assert fold("مسئول") == fold("مسیول")
    assert fold("اجزاء") == "اجزا"
    assert fold("شهرداري  مشهد") == "شهرداری مشهد"


def test_to_persian_digits() -> None:
    assert to_persian_digits("1403 و ١٤٠٤") == "۱۴۰۳ و ۱۴۰۴"
    assert to_persian_digits("سهم 2.5") == "سهم ۲.۵"


_PERSIAN_HEAVY = st.text(
    st.one_of(
        st.characters(),
        st.sampled_from(
            [
                *"سلامیکهاآئءۀةيكى.,/:-%0123456789۰۱۹٫٬ـ ",
                *("\u200c", "\u200d", "\u200b", "\u0654", "\u064b", "\u0670", "\ufeff"),
            ]
        ),
    ),
    max_size=80,
)


@settings(max_examples=1500, deadline=None)
@given(_PERSIAN_HEAVY)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert "  " not in once
    assert once == once.strip()
    assert not once.startswith(ZWNJ) and not once.endswith(ZWNJ)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200), st.integers(min_value=0, max_value=60))
def test_truncated_normalize_is_idempotent(text: str, max_length: int) -> None:
    once = normalize(text, max_length)
    assert len(once) <= max_length
    assert normalize(once, max_length) == once


@settings(max_examples=500, deadline=None)
@given(_PERSIAN_HEAVY)
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert ZWNJ not in once
