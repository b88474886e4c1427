"""Questions the data cannot answer, so the bot says so instead of answering another question.

`find_limit` returns a reason code for a question that asks what the published figures cannot
tell: a forecast, the cause of a change, money the data does not hold (the municipality's whole
budget, salaries, fees and levies, loans), daily or weekly figures (the data is monthly), the
total VAT collected (the data holds the city's share only). The conversation says it in one line
and offers the nearest thing it can.
"""

from __future__ import annotations

import re

__all__ = ["LIMITS", "find_limit"]

_W = r"(?<![\w\u200c])"

LIMITS: dict[str, re.Pattern[str]] = {
    # one taxpayer's own file: the tax office's business, and never ours to look up
    "personal": re.compile(
        r"(?:بدهی|بدهکاری|پرونده|اظهارنامه|قبض) (?:\S+ ){0,4}?(?:من|مغازه ?م|مغازه من|شرکتم|"
        r"شرکت من|خودم)(?!\S)|کد ملی|کدملی|(?:مالیات|ارزش افزوده)(?:ی)? (?:مغازه|شرکت) (?:من|م)"
    ),
    "forecast": re.compile(
        r"پیش ?بینی|تخمین|برآورد|پیشبینی|"
        r"(?:سال|ماه) ?(?:بعد|آینده|دیگه|دیگر|آتی|بعدی)\S* .{0,30}(?:چقدر|چقد|چند|میشه|می ?شود|"
        r"خواهد|میرسه|می ?رسد|میگیره|می ?گیرد|بگیره)"
        r"|(?:چقدر|چقد|چند) .{0,30}(?:سال|ماه) ?(?:بعد|آینده|دیگه|دیگر|آتی)(?!\S)"
        r"|(?:خواهد گرفت|خواهد رسید|قراره (?:بگیره|برسه))"
    ),
    "why": re.compile(
        _W + r"(?:چرا|علت|دلیل|واسه چی|برای چی) .{0,40}"
        r"(?:کم ?شد|کمتر|زیاد ?شد|بیشتر ?شد|کاهش|افزایش|افت|اینقدر|انقدر|این ?قدر|پایین|بالا رفت|"
        r"نوسان)"
    ),
    "other_money": re.compile(
        _W + r"(?:حقوق (?:شهردار|کارمند|کارکنان|پرسنل|مدیران|اعضای شورا)|حقوق و مزایا|"
        r"بودجه (?:کل|سالانه|سالیانه|سال|امسال)?(?: \S+)? ?(?:شهرداری|شهر)(?! \S*(?:از|به))|"
        r"(?:کل )?درآمد (?:کل )?(?:شهرداری|شهر)|بدهی (?:های )?شهرداری|وام|استقراض|اوراق|"
        r"فروش تراکم|پول تراکم|تعداد کارمند|کارمندای شهرداری|دستمزد)"
    ),
    "daily": re.compile(
        _W + r"(?:امروز|دیروز|پریروز|همین الان|این هفته|هفته (?:پیش|گذشته|قبل)|روزانه|هر روز)"
        r".{0,30}(?:سهم|مالیات|ارزش افزوده|پول|چقدر|چقد|دریافت|واریز)"
        r"|(?:سهم|مالیات|ارزش افزوده|پول|چقدر|چقد|دریافت|واریز).{0,30}"
        + _W
        + r"(?:امروز|دیروز|این هفته|هفته (?:پیش|گذشته|قبل)|روزانه)"
    ),
    "total_collected": re.compile(
        r"(?:کل|همه|مجموع) (?:مالیات|ارزش افزوده)(?: ارزش افزوده)? (?:که )?(?:جمع|وصول|دریافت|"
        r"گرفته|اخذ)|(?:جمع|وصول) ?(?:شده|کرده|کردن) (?:کل|همه)|درآمد مالیاتی (?:کل|استان|کشور)|"
        r"سازمان (?:امور )?مالیاتی (?:چقدر|چقد) (?:جمع|وصول|گرفت)|"
        r"(?:کل|همه)ش (?:چقدر|چقد) (?:جمع|وصول)|"
        r"(?:از مردم|از شهروندان|از ما|از کسبه) .{0,30}(?:گرفته شد|گرفتن|جمع|وصول)|"
        r"(?:کلا|کلاً|در مجموع) .{0,20}مالیات.{0,30}(?:گرفته شد|جمع|وصول)"
    ),
}


def find_limit(normalized: str) -> str | None:
    """Return why the data cannot answer this question, or None when it may."""
    text = normalized.replace("\u200c", " ")
    for reason, rx in LIMITS.items():
        if rx.search(text):
            return reason
    return None
