"""Language cues the conversation reads beyond intents and entities (pure, no I/O).

Each answers one narrow question about a normalized Persian text: is the amount the tax itself,
is it about another tax or a city service, does it ask what percent reaches the city, is it a
purchase of one's own.
"""

from __future__ import annotations

import re

__all__ = [
    "amount_is_tax",
    "asks_city_share",
    "asks_delayed",
    "complaint_kind",
    "feedback_has_substance",
    "is_city_service",
    "is_non_vat_tax",
    "mentions_purchase",
    "price_basis",
    "subscription_frequency",
]

_TAX_WORDS = ("مالیات", "ارزش", "افزوده", "vat")
_PAY_WORDS = frozenset(
    {
        "دادم",
        "دادیم",
        "دادی",
        "داده",
        "دادن",
        "پرداختم",
        "پرداختیم",
        "پرداخت",
        "پرداختی",
        "خورده",
        "خورد",
        "خوردم",
        "شد",
        "شده",
        "کسر",
        "گرفتن",
        "گرفتند",
        "میدم",
        "میدهم",
    }
)
_PURCHASE_WORDS = ("خرید", "قیمت", "تومانی", "ریالی", "تومنی", "جنس", "کالا", "فاکتور")
_UNIT_WORDS = frozenset({"تومان", "تومن", "ریال"})
_AMOUNT_WINDOW = 4


def amount_is_tax(normalized_text: str) -> bool:
    """Tell whether the amount in a question is the VAT paid rather than a purchase price.

    True when a payment verb (دادم، پرداخت کردم، خورده، شد…) appears, and within four words of
    the amount (a number or تومان/ریال) a tax word appears (مالیات، ارزش افزوده) and no purchase
    word does (خرید، قیمت، "…تومانی"), or the tax word directly follows the currency ("روی
    فاکتور ۳۵۰ هزار ریال مالیات خورده"): "۵۰ هزار تومان مالیات ارزش افزوده دادم" is tax;
    "از خرید ۵۰۰ هزار تومانی چقدر مالیات به شهر می‌رسد" is a purchase.
    """
    words = normalized_text.replace("\u200c", " \u200c").split()
    words = [w.lstrip("\u200c") for w in words]
    if not any(w in _PAY_WORDS or w.startswith("پرداخت") for w in words):
        return False
    # "… N ریال مالیات …": a tax word right after the currency names what the amount is,
    # whatever purchase words (فاکتور، خرید) stand further away.
    for i, word in enumerate(words[:-1]):
        if word in _UNIT_WORDS and words[i + 1].startswith(_TAX_WORDS):
            return True
    anchors = [i for i, w in enumerate(words) if w in _UNIT_WORDS or re.search(r"\d", w)]
    for i in anchors:
        window = words[max(0, i - _AMOUNT_WINDOW) : i + _AMOUNT_WINDOW + 1]
        has_tax = any(w.startswith(_TAX_WORDS) for w in window)
        has_purchase = any(w.startswith(_PURCHASE_WORDS) for w in window)
        if has_tax and not has_purchase:
            return True
    return False


# Out of scope and about a tax or fee but not VAT (income, property, car…): the tax office's.
_OTHER_TAX_RE = re.compile(r"مالیات|عوارض|اظهارنامه")
_VAT_RE = re.compile(r"ارزش ?افز(?:و)?ده|\bvat\b")
_CITY_SERVICE_RE = re.compile(
    r"زباله|آسفالت|چاله|کوچه|جوی|فاضلاب|چراغ|روشنایی|درخت|سگ|شکایت|پارکینگ|آب گرفتگی|"
    r"آبگرفتگی|نظافت|رفت و روب|سد معبر|مزاحم|اتوبوس|مترو|تاکسی"
)
# A purchase of one's own: "اگه بخرم", "خریدم", "از خریدم", "فاکتور".
_PURCHASE_RE = re.compile(
    r"(?<!\w)(?:خرید(?:م|ی|یم|ین|ید)?|بخر(?:م|ی|یم|ین|ید|ه)|فاکتور|kharid)(?!\w)"
)
_SHARE_RE = re.compile(r"(?:چند|چه) ?درصد|درصدش|درصد\S* .*(?:شهر|شهرداری)")


def is_non_vat_tax(text: str) -> bool:
    """Tell whether a text is about a tax or fee that is not VAT (the tax office's business)."""
    text = text.replace("\u200c", " ")
    return _OTHER_TAX_RE.search(text) is not None and _VAT_RE.search(text) is None


def is_city_service(text: str) -> bool:
    """Tell whether a text is about an everyday city service (streets, rubbish, lights…)."""
    return _CITY_SERVICE_RE.search(text.replace("\u200c", " ")) is not None


def asks_city_share(text: str) -> bool:
    """Tell whether a text asks what percent reaches the city."""
    return _SHARE_RE.search(text.replace("\u200c", " ")) is not None and "شهر" in text


def mentions_purchase(text: str) -> bool:
    """Tell whether a text speaks of a purchase of one's own (خریدم، اگه بخرم، فاکتور)."""
    return _PURCHASE_RE.search(text) is not None


# --- details a question carries beyond the contract's entities --------------------------------
_WEEKLY = re.compile(r"هفتگی|هفته ای|هر هفته|هفته ?ای یک ?بار|هفته ?ای یه ?بار|weekly|haftegi")
_MONTHLY = re.compile(
    r"ماهانه|ماهیانه|هر ماه|ماهی یک ?بار|ماهی یه ?بار|ماه ?ای یک ?بار|monthly|mahane"
)
_DELAYED = re.compile(
    r"عقب ?افتاده|عقب ?افتادن|عقب ?ماندن|عقب ?مانده|عقب ?مونده|عقب تر از|از موعد|"
    r"از برنامه عقب|"
    r"دیر ?کرده|تاخیر|تأخیر|دیرتر از|مهلتش گذشته|موعدش گذشته|سر موقع تموم نشد|بدقول"
)
_NET_PRICE = re.compile(
    r"بدون (?:احتساب )?(?:مالیات|ارزش ?افزوده)|قبل از (?:مالیات|ارزش ?افزوده)|"
    r"بی ?مالیات|بدون ارزش افزوده|خالص|مالیات جدا|مالیاتش جدا|به اضافه (?:مالیات|ارزش)|"
    r"\+ ?(?:مالیات|ارزش)"
)
_GROSS_PRICE = re.compile(
    r"با (?:احتساب )?(?:مالیات|ارزش ?افزوده)|شامل (?:مالیات|ارزش ?افزوده)|"
    r"مالیات(?:ش)? (?:توش|داخلش|روش) (?:بود|هست|است)|با مالیاتش"
)


def subscription_frequency(text: str) -> str | None:
    """Return "weekly" or "monthly" when the text says how often, else None."""
    text = text.replace("\u200c", " ")
    if _WEEKLY.search(text):
        return "weekly"
    if _MONTHLY.search(text):
        return "monthly"
    return None


def asks_delayed(text: str) -> bool:
    """Tell whether the text asks about projects behind schedule (past their planned end)."""
    return _DELAYED.search(text.replace("\u200c", " ")) is not None


def price_basis(text: str) -> str | None:
    """Return "net" (before tax) or "gross" (tax included) when a price says which, else None."""
    text = text.replace("\u200c", " ")
    if _NET_PRICE.search(text):
        return "net"
    if _GROSS_PRICE.search(text):
        return "gross"
    return None


# --- feedback a citizen voices ------------------------------------------------------------------
_KIND_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("complaint", re.compile(r"شکایت|شاکی|اعتراض|گلایه|شکوه")),
    ("criticism", re.compile(r"انتقاد|منتقد")),
    ("suggestion", re.compile(r"پیشنهاد|کاش |بهتره |بهتر است ")),
    (
        "thanks",
        re.compile(r"تشکر|ممنون|سپاس|قدردانی|دستتون درد نکنه|دست مریزاد|خسته نباشید|دمتون گرم"),
    ),
)
# A complaint said without the word: what is broken, noisy, ignored.
_GRIEVANCE = re.compile(
    r"ناراضی|افتضاح|داغون|خرابه|خراب شده|هیچ کاری نمی|هیچ ?کس جواب نمی|جواب نمیدن|جواب نمیده|"
    r"کلافه|کلافمون|امون\\S* .{0,12}بریده|بی ?توجهی|مزاحمت|سر و صدا|خواب نداریم|پر از چاله|"
    r"ول شده|رها شده|ریختن تو|آشغال ریخته"
)
_ANNOUNCE = frozenset(
    "میخوام می‌خواهم میخواستم می‌خواستم یه یک شکایت انتقاد پیشنهاد تشکر قدردانی ثبت کنم بکنم "
    "دارم داشتم نظر نظرم بدم بدهم بازخورد درباره راجع راجب به از در برای و رو را یک ای کنید "
    "بکنید بفرستم بنویسم".split()
)
_WORDS = re.compile(r"[^\W\d_]+")


def complaint_kind(text: str) -> str | None:
    """Return the kind of feedback a text voices (complaint, criticism, suggestion, thanks)."""
    text = text.replace("\u200c", " ")
    for kind, rx in _KIND_WORDS:
        if rx.search(text):
            return kind
    return "complaint" if _GRIEVANCE.search(text) else None


def feedback_has_substance(masked: str) -> bool:
    """Tell whether a feedback message says what the feedback is (not only that there is one)."""
    words = [w for w in _WORDS.findall(masked.replace("\u200c", " ")) if w not in _ANNOUNCE]
    return len(words) >= 4
