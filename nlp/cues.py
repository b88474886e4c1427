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
    "is_city_service",
    "is_non_vat_tax",
    "mentions_purchase",
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
