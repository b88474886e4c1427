"""Tests for the intent classifier (nlp/intents.py) on its own, fed masked normalized text."""

from __future__ import annotations

import math

import pytest

from nlp import intents as I
from nlp.types import INTENTS

DATA_INTENTS = {
    "vat_share",
    "vat_compare",
    "vat_spending",
    "project_list",
    "project_info",
    "tax_calculator",
    "report",
    "feedback",
    "feedback_status",
    "subscribe",
    "unsubscribe",
}

# Held-out sentences written for these tests only (not in data/nlu), already masked the way
# nlp.understand masks recognised entities.
HELD_OUT: dict[str, list[str]] = {
    "greeting": ["سلام و عرض ادب", "سلام، صبح شما بخیر"],
    "help": ["چه کارایی ازت برمیاد؟", "راهنمایی میخوام که چی بپرسم"],
    "thanks": ["ممنون بابت توضیحات", "مرسی، خیلی به دردم خورد"],
    "vat_share": [
        "سهم CITY از ارزش افزوده PERIOD چند بود؟",
        "PERIOD چه قدر مالیات ارزش افزوده به شهرداری پرداخت شده",
        "شهرداری PERIOD از ارزش افزوده چقد گیرش اومد",
    ],
    "vat_compare": [
        "ارزش افزوده PERIOD رو با PERIOD مقایسه کن ببینم",
        "سهم CITY بیشتره یا CITY؟",
        "روند سهم ارزش افزوده تو این سالها رو به بالاست؟",
    ],
    "vat_spending": [
        "پول ارزش افزوده PERIOD رو برای چه چیزایی خرج کردن",
        "چقدر از ارزش افزوده صرف CATEGORY شد",
        "ارزش افزوده به چه پروژه هایی تخصیص داده شد؟",
    ],
    "project_list": [
        "چه پروژه‌هایی توی DISTRICT دارین",
        "لیست پروژه های CATEGORY در حال ساخت",
        "پروژه هایی که PERIOD تموم شدن رو بگو",
    ],
    "project_info": [
        "PROJECT کی به پایان میرسه؟",
        "پیشرفت کار PROJECT چقدره",
        "PROJECT چقدر بودجه گرفته؟",
    ],
    "tax_calculator": [
        "یه تلویزیون AMOUNT خریدم سهم شهرداری چقدر شد",
        "اگه AMOUNT خرج کنم چقدرش میره برای شهر",
    ],
    "report": ["گزارش مالی PERIOD منتشر شده؟", "آخرین گزارش مالی شهرداری رو ببینم"],
    "faq": ["مالیات بر ارزش افزوده اصلا یعنی چی؟", "چرا شهرداری ها از ارزش افزوده سهم دارن"],
    "feedback": [
        "از وضعیت PROJECT شکایت دارم، خیلی کند پیش میره",
        "یه پیشنهاد برای شهرداری داشتم",
    ],
    "feedback_status": ["شکایتم با کد TRACKCODE به کجا رسید", "پیگیری پیام TRACKCODE"],
    "subscribe": ["میخوام هر ماه گزارش ها برام ارسال بشه", "عضو خبرنامه ماهانه بشم"],
    "unsubscribe": ["لطفا اشتراکم رو لغو کنید", "دیگه گزارش ماهانه برام نفرستید"],
    "out_of_scope": ["قیمت سکه امروز چنده", "فردا هوا آفتابیه؟"],
}

# Near-misses: taxes, fees and services that are not VAT or projects.
NEAR_MISSES = [
    "مالیات بر درآمد کارمندا چند درصده",
    "عوارض نوسازی ملک رو کجا پرداخت کنم",
    "مالیات خودرو رو چطوری بدم",
    "قیمت دلار چند شده",
    "هوای مشهد فردا بارونیه",
    "جریمه رانندگیم رو چطوری ببینم",
    "شماره ۱۳۷ شهرداری",
    "تعویض پلاک ماشین کجاست",
    "یه جوک بامزه تعریف کن",
    "نتیجه فوتبال دیشب",
    "free crypto giveaway click now",
]


@pytest.fixture(scope="module")
def clf() -> I.IntentClassifier:
    return I.load_classifier()


def test_loads_once_and_is_fresh(clf: I.IntentClassifier) -> None:
    assert I.load_classifier() is clf
    assert clf.model.fingerprint == I.training_fingerprint(), "run tools/train_intents.py"


def test_scores_cover_all_intents_and_sum_to_one(clf: I.IntentClassifier) -> None:
    scores = clf.scores("سهم ارزش افزوده PERIOD چقدر بود")
    assert sorted(name for name, _ in scores) == sorted(INTENTS)
    assert math.isclose(sum(p for _, p in scores), 1.0, abs_tol=1e-5)
    probs = [p for _, p in scores]
    assert probs == sorted(probs, reverse=True)
    assert all(0.0 <= p <= 1.0 for p in probs)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "؟؟؟", "🙂", "a" * 5000, "سلام " * 1000, "PROJECT PROJECT", "\u200c\u200c", "123"],
)
def test_weird_input(clf: I.IntentClassifier, text: str) -> None:
    scores = clf.scores(text)
    assert len(scores) == len(INTENTS)
    assert math.isclose(sum(p for _, p in scores), 1.0, abs_tol=1e-5)


def test_unknown_text_is_out_of_scope(clf: I.IntentClassifier) -> None:
    assert clf.scores("")[0][0] == "out_of_scope"
    assert clf.scores("zxqv wplk")[0][0] == "out_of_scope"


@pytest.mark.parametrize(("intent", "text"), [(i, t) for i, ts in HELD_OUT.items() for t in ts])
def test_held_out_sentences(clf: I.IntentClassifier, intent: str, text: str) -> None:
    assert clf.scores(text)[0][0] == intent


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_are_not_confident_data_intents(clf: I.IntentClassifier, text: str) -> None:
    top, p = clf.scores(text)[0]
    assert not (top in DATA_INTENTS and p > 0.5), (top, p)


def test_render_template_masks_placeholders() -> None:
    out = I.render_template("سهم {city} از ارزش‌افزوده {period}؟")
    assert "CITY" in out and "PERIOD" in out and "{" not in out


def test_features_match_the_trained_vocabulary(clf: I.IntentClassifier) -> None:
    feats = I.char_features("پروژه‌های CATEGORY")
    assert " پر" in feats and all("CATEGORY" not in f for f in feats)
    assert "پروژه های" in I.word_features("پروژه‌های CATEGORY")
    assert any(f in clf.model.char_vocab for f in feats)
