"""Gazetteer matching: names, variants, Finglish, typos, districts, categories, projects."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from nlp.gazetteer import Gazetteer, latin_skeleton, persian_skeleton, question_words
from nlp.normalize import normalize
from nlp.types import (
    GazetteerCategory,
    GazetteerData,
    GazetteerDistrict,
    GazetteerMunicipality,
    GazetteerProject,
)


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


def _munis(text: str) -> list[str]:
    toks = GAZ.tokens(normalize(text))
    return [m.value for m in GAZ.find_municipalities(toks, set())]


def _districts(text: str) -> list[str]:
    toks = GAZ.tokens(normalize(text))
    return [m.value for m in GAZ.find_districts(toks, set(), None)]


def _categories(text: str) -> list[str]:
    toks = GAZ.tokens(normalize(text))
    return [m.value for m in GAZ.find_categories(toks, set())]


def _project(text: str) -> tuple[str, ...] | None:
    toks = GAZ.tokens(normalize(text))
    pm = GAZ.find_project(toks, set())
    return None if pm is None else pm.codes


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("درآمد نیشابور چقدر شد", "neyshabur"),
        ("شهرداری تربت‌حیدریه", "torbat-heydarieh"),
        ("شهرداری تربت حیدریه", "torbat-heydarieh"),
        ("تربت هم سهم داره؟", "torbat-heydarieh"),
        ("سهم نیشابوز", "neyshabur"),  # one-letter typo
        ("neishabour chand gereft", "neyshabur"),
        ("nishabur", "neyshabur"),
        ("sahme mashad", "mashhad"),
        ("ghoochan", "quchan"),
        ("quchan", "quchan"),
        ("sabzevar", "sabzevar"),
        ("torbat heydarieh", "torbat-heydarieh"),
        ("torbate heydarieh", "torbat-heydarieh"),
        ("قوچانیا چقدر گرفتن", "quchan"),  # its people
        ("سهم نیشابوری‌ها", "neyshabur"),
        ("سهم غوچان", "quchan"),  # the same sound written with another letter
        ("صبزوار", "sabzevar"),
    ],
)
def test_municipality_variants(text: str, slug: str) -> None:
    assert _munis(text) == [slug]


def test_municipalities_keep_order() -> None:
    assert _munis("قوچان بیشتر گرفته یا سبزوار") == ["quchan", "sabzevar"]


def test_finglish_word_does_not_become_a_name() -> None:
    # "arzesh" and "ورزش" share consonants; an initial و keeps them apart
    assert persian_skeleton("ورزشی") != latin_skeleton("arzesh")
    assert _categories("arzesh afzoode") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("پروژه‌های منطقه ۹", "9"),
        ("پروژه‌های منطقه نه", "9"),
        ("منطقه‌ی ۱۱", "11"),
        ("منطقه ی 3", "3"),
        ("ناحیه ۵", "5"),
        ("منطقه نهم", "9"),
        ("منطقه دوازدهم شهر", "12"),
        ("منطقه ثامن", "samen"),
        ("حوالی ثامن", "samen"),
        ("mantaghe 9", "9"),
        ("mantaqe 13", "13"),
        ("منظقه ۱۲", "12"),  # typo in the keyword
        ("منطقه٧", "7"),
    ],
)
def test_district_variants(text: str, code: str) -> None:
    assert _districts(text) == [code]


def test_district_needs_a_number() -> None:
    assert _districts("این منطقه خیلی شلوغه") == []


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("پارک‌ها", "green"),
        ("بوستانهای شهر", "green"),
        ("پل‌هایی که ساختید", "roads"),
        ("حمل و نقل عمومی", "transport"),
        ("حمل‌ونقل", "transport"),
        ("حمل و نقل", "transport"),
        ("فرهنگی ورزشی", "culture"),
        ("تقاطع‌ها و معابر", "roads"),
        ("ایستگاه آتش‌نشانی", "safety"),
        ("فضاي سبز", "green"),  # Arabic ي
    ],
)
def test_category_variants(text: str, slug: str) -> None:
    assert _categories(text)[:1] == [slug]


def test_category_prefers_longest_phrase() -> None:
    toks = GAZ.tokens(normalize("ایستگاه آتش نشانی"))
    (m,) = GAZ.find_categories(toks, set())
    assert (m.tok_start, m.tok_end) == (0, 3)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("بوستان لاله منطقه ۴", "P-201"),
        ("بوستان لاله کی تموم میشه", "P-201"),
        ("پارک لاله", "P-201"),  # everyday synonym
        ("بوستان‌ارغوان", "P-202"),  # ZWNJ instead of space
        ("ارغوان", "P-202"),
        ("زیرگذر جهاد", "P-207"),
        ("زیرگذر میدان جحاد", "P-207"),  # typo
        ("خط ۲ مترو", "P-205"),
        ("كتابخانه مركزي نيشابور", "P-206"),  # Arabic ك/ي
        ("کتابخونه مرکزی نیشابور", "P-206"),
        ("تقاطع غیر همسطح معلم", "P-209"),
        ("پیاده راه اطراف بازار رضا", "P-210"),
        ("فرهنگسرای منطقه ۹", "P-208"),
    ],
)
def test_project_partial_and_informal_names(text: str, code: str) -> None:
    assert _project(text) == (code,)


@pytest.mark.parametrize(
    "text", ["بوستان", "پروژه‌های منطقه ۴", "پارک‌های منطقه ۹", "فرهنگسراهای منطقه ۹", "مترو"]
)
def test_generic_words_do_not_pick_a_project(text: str) -> None:
    toks = GAZ.tokens(normalize(text))
    pm = GAZ.find_project(toks, set())
    assert pm is None or pm.weak


def test_ambiguous_project_returns_candidates() -> None:
    toks = GAZ.tokens(normalize("ایستگاه آتش نشانی"))
    pm = GAZ.find_project(toks, set())
    assert pm is not None and pm.ambiguous
    assert set(pm.codes) == {"P-203", "P-204"}


def test_project_codes() -> None:
    hits = GAZ.find_project_codes(normalize("اطلاعات پروژه p-208 و P209"))
    assert [m.value for m in hits] == ["P-208", "P-209"]
    assert GAZ.find_project_codes(normalize("کد X-999")) == []


def test_empty_gazetteer_matches_nothing() -> None:
    gaz = Gazetteer.build(GazetteerData())
    toks = gaz.tokens(normalize("پروژه‌های منطقه ۹ مشهد"))
    assert gaz.find_project(toks, set()) is None
    assert gaz.find_municipalities(toks, set()) == []
    assert gaz.find_categories(toks, set()) == []


# --- distinctive evidence, folding, synonyms and numbers in project names -------------------

_LOCAL = GazetteerData(
    municipalities=(GazetteerMunicipality("mashhad", "مشهد"),),
    districts=tuple(GazetteerDistrict("mashhad", str(i), f"منطقه {i}") for i in range(1, 10)),
    categories=(
        GazetteerCategory("transport", "حمل‌ونقل عمومی", ("مترو", "قطار شهری", "تاکسی")),
        GazetteerCategory("green", "فضای سبز", ("پارک", "بوستان")),
        GazetteerCategory("safety", "ایمنی و آتش‌نشانی", ("آتش‌نشانی",)),
    ),
    projects=(
        GazetteerProject("L-1", "خرید تاکسی برقی شهری", "mashhad", None, "transport"),
        GazetteerProject("L-2", "بوستان نسیم منطقه ۲", "mashhad", "2", "green"),
        GazetteerProject("L-3", "بوستان نسیم منطقه ۵", "mashhad", "5", "green"),
        GazetteerProject("L-4", "خط ۶ قطار شهری", "mashhad", None, "transport"),
        GazetteerProject("L-5", "ایستگاه آتش‌نشانی شماره ۳۱", "mashhad", None, "safety"),
        GazetteerProject("L-6", "ایستگاه آتش‌نشانی شماره ۴۴", "mashhad", None, "safety"),
        GazetteerProject("L-7", "بوستان بهمن", "mashhad", "4", "green"),
    ),
)
_LGAZ = Gazetteer.build(_LOCAL)


def _local_project(text: str) -> tuple[str, ...] | None:
    pm = _LGAZ.find_project(_LGAZ.tokens(normalize(text)), set())
    return None if pm is None or pm.weak else pm.codes


def test_question_words_ship_with_the_model() -> None:
    words = question_words()
    assert "خرید" in words and "چقدر" in words
    assert "نسیم" not in words


@pytest.mark.parametrize(
    "text", ["خرید کردم چقدرش به شهر میرسه", "از هر خرید سهم شهرداری چقدره", "خرید شهری"]
)
def test_a_common_question_word_does_not_name_a_project(text: str) -> None:
    assert _local_project(text) is None


def test_a_distinctive_word_still_names_that_project() -> None:
    assert _local_project("تاکسی های برقی کی خریداری میشن") == ("L-1",)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ایستگاه اتش نشانی شماره ۳۱", "L-5"),  # آ written as ا, space for ZWNJ
        ("اتش‌نشانی ۴۴", "L-6"),
        ("متروی خط ۶", "L-4"),  # inflected everyday synonym
        ("خط شش مترو", "L-4"),  # number word after its keyword
        ("پارک نسیم منطقه پنج", "L-3"),
        ("بوستان نسیم منطقه ۲", "L-2"),
    ],
)
def test_folding_synonyms_and_number_words(text: str, code: str) -> None:
    assert _local_project(text) == (code,)


@pytest.mark.parametrize("text", ["خط ۳ مترو", "متروی خط یک", "ایستگاه آتش نشانی شماره ۹"])
def test_a_different_number_rules_a_project_out(text: str) -> None:
    pm = _LGAZ.find_project(_LGAZ.tokens(normalize(text)), set())
    assert pm is None or not {"L-4", "L-5", "L-6"} & set(pm.codes) or pm.ambiguous


def test_period_words_do_not_anchor_a_project() -> None:
    toks = _LGAZ.tokens(normalize("بهمن چقدر ارزش افزوده رسید"))
    assert _LGAZ.find_project(toks, set()) is not None  # the name word alone would anchor
    assert _LGAZ.find_project(toks, set(), {0}) is None  # but not when it is a period
    full = _LGAZ.tokens(normalize("بوستان بهمن"))
    pm = _LGAZ.find_project(full, set(), {1})
    assert pm is not None and pm.codes == ("L-7",)  # the full name still counts
