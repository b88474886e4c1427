"""Entity extraction and the contract's labelling rules, over an invented gazetteer."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import jdatetime
import pytest

from nlp.entities import extract, find_status
from nlp.normalize import normalize


def _load_fixture() -> Any:
    """Import the shared invented gazetteer beside this file (works with or without __init__)."""
    path = Path(__file__).with_name("_gaz_fixture.py")
    spec = importlib.util.spec_from_file_location("_nlp_gaz_fixture", path)
    assert spec is not None and spec.loader is not None
    module = sys.modules.get("_nlp_gaz_fixture")
    if module is None:
        module = importlib.util.module_from_spec(spec)
        sys.modules["_nlp_gaz_fixture"] = module
        spec.loader.exec_module(module)
    return module


_FIXTURE = _load_fixture()
GAZ = _FIXTURE.GAZ

TODAY = jdatetime.date(1405, 3, 20)


def _ents(text: str) -> dict[str, Any]:
    return extract(normalize(text), GAZ, TODAY).entities


def test_words_inside_a_project_name_are_not_labelled_again() -> None:
    ents = _ents("فرهنگسرای منطقه ۹ کی افتتاح شد")
    assert ents["project"] == "P-208"
    assert "district" not in ents
    assert "category" not in ents  # فرهنگسرا is a culture synonym, but here part of the name


def test_city_inside_project_name_is_not_a_municipality() -> None:
    ents = _ents("کتابخانه مرکزی نیشابور چقدر پیشرفت داشته")
    assert ents.get("project") == "P-206"
    assert "municipality" not in ents


def test_district_beside_a_project_is_still_labelled() -> None:
    ents = _ents("من تو منطقه ۲ زندگی میکنم، زیرگذر جهاد خیلی کنده")
    assert ents["district"] == "2"
    assert ents["project"] == "P-207"


def test_comparison_fills_compare_keys_in_order() -> None:
    ents = _ents("سبزوار بیشتر سهم گرفته یا نیشابور")
    assert ents["municipality"] == "sabzevar"
    assert ents["compare_municipality"] == "neyshabur"


def test_same_city_twice_is_not_a_comparison() -> None:
    ents = _ents("شهرداری مشهد، همون مشهد خودمون")
    assert ents == {"municipality": "mashhad"}


def test_list_filters() -> None:
    ents = _ents("پارک‌های منطقه نهم که در حال اجرا هستن")
    assert ents == {"category": "green", "district": "9", "status": "in_progress"}


def test_arabic_letters_and_digits() -> None:
    ents = _ents("پروژه هاي تكميل شده منطقه ٤")
    assert ents == {"district": "4", "status": "completed"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("کد رهگیری ۹۹۸۱۲ چی شد", "99812"),
        ("پیگیری شماره 4471203", "4471203"),
        ("پیام با کد fb-1404-0031 رو بررسی کردید؟", "FB-1404-0031"),
        ("وضعیت AB-7712", "AB-7712"),
        ("کدش ۵۵۱۲۰ بود", "55120"),
    ],
)
def test_tracking_codes(text: str, code: str) -> None:
    assert _ents(text)["tracking_code"] == code


def test_plain_numbers_are_not_tracking_codes() -> None:
    assert "tracking_code" not in _ents("در سال ۱۴۰۳ چقدر گرفتید")
    assert "tracking_code" not in _ents("۲۵۰۰۰ تومن خرید کردم")


def test_project_code_is_a_project_not_a_tracking_code() -> None:
    ents = _ents("اطلاعات پروژه p-207")
    assert ents == {"project": "P-207"}


def test_ambiguous_project_gives_candidates_or_weak_reading() -> None:
    ex = extract(normalize("ایستگاه آتش نشانی کی تموم میشه"), GAZ, TODAY)
    assert "project" not in ex.entities
    assert set(ex.candidates or ex.weak_projects) == {"P-203", "P-204"}


def test_category_phrase_wins_over_a_descriptive_project_match() -> None:
    ex = extract(normalize("چقدر خرج ایستگاه آتش نشانی شد"), GAZ, TODAY)
    assert ex.entities.get("category") == "safety"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("پروژه‌های در حال اجرا", "in_progress"),
        ("پروژه‌هایی که در دست ساخت هستن", "in_progress"),
        ("پل‌هایی که دارن ساخته میشن", "in_progress"),
        ("پروژه‌های تموم شده", "completed"),
        ("طرح‌هایی که به بهره‌برداری رسیده", "completed"),
        ("پروژه‌هایی که هنوز شروع نشده", "planned"),
        ("پروژه‌های برنامه‌ریزی شده", "planned"),
        ("پروژه‌های متوقف", "suspended"),
        ("پروژه‌های نیمه‌کاره رها شده", "suspended"),
        ("کدوم پروژه‌ها خوابیده", "suspended"),
    ],
)
def test_status_phrases(text: str, status: str) -> None:
    assert find_status(normalize(text)) == status


def test_future_completion_is_not_a_status() -> None:
    assert find_status(normalize("بوستان لاله کی تکمیل میشه")) is None


def test_masking_replaces_spans_with_tokens() -> None:
    norm = normalize("پروژه‌های پارک منطقه ۹ در مشهد")
    masked = extract(norm, GAZ, TODAY).masked(norm)
    assert "CATEGORY" in masked and "DISTRICT" in masked and "CITY" in masked
    assert "مشهد" not in masked and "9" not in masked


def test_masking_project_and_code() -> None:
    norm = normalize("کد پیگیری 12345 درباره زیرگذر جهاد")
    masked = extract(norm, GAZ, TODAY).masked(norm)
    assert masked == "کد پیگیری TRACKCODE درباره PROJECT"


def test_periods_and_amounts_are_taken_from_helpers() -> None:
    ents = _ents("از ۲ میلیون تومان خرید سال ۱۴۰۲ چقدر به شهر رسید")
    assert ents["amount_rial"] == 20_000_000
    assert ents["period"] == {"from": "1402-01", "to": "1402-12"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("طرح‌های در دست اقدام منطقه ۴", "in_progress"),
        ("مدرسه‌هایی که ساختن و تحویل دادن", "completed"),
        ("کدوم کارها هنوز تمام نشده‌اند", "in_progress"),
        ("پروژه‌هایی که معلق موندن", "suspended"),
        ("کدوم طرحا معلقن", "suspended"),
        ("پروژه‌هایی که کارشون وایساده", "suspended"),
        ("طرح‌هایی که کلنگش هنوز زده نشده", "planned"),
        ("پروژه‌هایی که کلنگشون نخورده", "planned"),
        ("کارهایی که شهرداری تکمیل کرده", "completed"),
        ("پروژه‌هایی که تمومش کردن", None),  # an object clitic on the verb stem is not handled
        ("پروژه‌هایی که تموم کردند", "completed"),
        ("کدوم پل‌ها تحویل شده‌اند", "completed"),
        ("طرح‌هایی که به بهره برداری رسیدن", "completed"),
        ("پارک‌هایی که آماده شدن", "completed"),
    ],
)
def test_conjugated_status_phrases(text: str, status: str | None) -> None:
    assert find_status(normalize(text)) == status


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("۷۷۳۱۰ کد رهگیری پیشنهادمه، چی شد؟", "77310"),
        ("شکایتم با ۴۴۰۹۱۸ شماره پیگیری ثبت شده", "440918"),
        ("۸۸۱۲۳ کدرهگیریه", "88123"),
    ],
)
def test_tracking_code_before_its_keyword(text: str, code: str) -> None:
    assert _ents(text)["tracking_code"] == code


def test_number_before_an_unrelated_word_is_not_a_code() -> None:
    assert "tracking_code" not in _ents("۴۵۰۰۰ تومن کد تخفیف داشتم")
    assert "tracking_code" not in _ents("۱۴۰۲ شماره پیگیری ندارم")


def test_amount_words_never_name_a_project() -> None:
    # "شهری" and "خط" are in P-205's name, but here they only surround an amount
    ents = _ents("خرید ۲ میلیون تومانی چقدرش به شهر میرسه")
    assert "project" not in ents and ents["amount_rial"] == 20_000_000


def test_district_words_pick_between_same_named_projects() -> None:
    from nlp.gazetteer import Gazetteer
    from nlp.types import GazetteerData, GazetteerDistrict, GazetteerMunicipality, GazetteerProject

    gaz = Gazetteer.build(
        GazetteerData(
            municipalities=(GazetteerMunicipality("mashhad", "مشهد"),),
            districts=tuple(GazetteerDistrict("mashhad", str(i), f"منطقه {i}") for i in (2, 7)),
            categories=(),
            projects=(
                GazetteerProject("X-1", "کتابخانه شهید رجایی", "mashhad", "2", None),
                GazetteerProject("X-2", "کتابخانه شهید رجایی", "mashhad", "7", None),
            ),
        )
    )
    ex = extract(normalize("کتابخانه شهید رجایی منطقه هفت کی افتتاح شد"), gaz, TODAY)
    assert ex.entities.get("project") == "X-2" and ex.candidates == []
    ex = extract(normalize("کتابخانه شهید رجایی کی افتتاح شد"), gaz, TODAY)
    assert set(ex.candidates) == {"X-1", "X-2"}


@pytest.mark.parametrize(
    ("text", "code"),
    [("وضعیت بازخورد 44۱۰9", "44109"), ("شکایتم ۵۸۲۱۳ چی شد", "58213"), ("کد 1403 چی شد", "1403")],
)
def test_a_number_after_a_feedback_word_is_its_tracking_code(text: str, code: str) -> None:
    assert _ents(text).get("tracking_code") == code


def test_a_year_after_a_feedback_word_is_a_year() -> None:
    found = _ents("شکایت 1403 خیلی دیر جواب گرفت")
    assert "tracking_code" not in found
    assert found["period"] == {"from": "1403-01", "to": "1403-12"}
