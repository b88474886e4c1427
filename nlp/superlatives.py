"""Superlatives and rankings: "which town got the most", "the districts by spending", per person.

`find_rank` reads a normalized question and returns what is ranked (`by`), which way (`order`),
what is measured (`measure`) and whether per person (`per_capita`), or None when the question
asks for no ranking. A superlative needs something to rank: a dimension word (town, district,
category, project) or, in a follow-up («کمترینش؟»), the previous question's ranking.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["find_rank"]

_W = r"(?<![\w\u200c])"  # a word start (a ZWNJ inside a word is not a boundary)
_E = r"(?![\w\u200c])"

_MOST = re.compile(
    _W + r"(?:بیش ?ترین|بیشترینش|بالا ?ترین|بزرگ ?ترین|پرهزینه ?ترین|پر ?پول ?ترین|گران ?ترین|"
    r"بیشتر از همه|از همه بیشتر|سرآمد|رکورددار|top|most|highest|biggest)" + _E
)
_LEAST = re.compile(
    _W + r"(?:کم ?ترین|کمترینش|پایین ?ترین|کوچک ?ترین|ارزان ?ترین|کمتر از همه|از همه کمتر|"
    r"least|lowest|smallest)" + _E
)
# "which … more/less": a comparative asked of a choice is a superlative.
_WHICH = re.compile(_W + r"(?:کدام|کدوم|کدومش|کدوما|کدام ?یک|کدوم ?یکی|چه)" + _E)
_MORE = re.compile(_W + r"(?:بیشتر|بیش ?تر|زیاد ?تر|more)(?:ی|ین)?" + _E)
_LESS = re.compile(_W + r"(?:کمتر|کم ?تر|less)(?:ی|ین)?" + _E)
_ORDERED = re.compile(
    _W + r"(?:رتبه ?بندی|رتبه ?ها|رتبه|ترتیب|به ترتیب|مرتب ?شده|مرتب|ranking|rank)" + _E
)

_DIMENSIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("month", re.compile(_W + r"(?:(?:کدوم|کدام|چه) ماه|ماه ?ها(?:ی)?(?: سال)?|ماه ?های)" + _E)),
    ("year", re.compile(_W + r"(?:(?:کدوم|کدام|چه) سال|سال ?ها(?:ی)?)" + _E)),
    ("project", re.compile(_W + r"(?:پروژه|پروژه ?ها|پروژه ?های|پروژه ?ای|طرح|طرح ?ها|طرحی)")),
    ("district", re.compile(_W + r"(?:منطقه|مناطق|منطقه ?ها|منطقه ?ای|منطقش)")),
    (
        "category",
        re.compile(
            _W + r"(?:حوزه|حوزه ?ها|حوزه ?ای|بخش|بخش ?ها|بخشی|زمینه|زمینه ?ای|دسته|نوع|"
            r"موضوع|سرفصل|ردیف|category|categories)"
        ),
    ),
    (
        "municipality",
        re.compile(
            _W + r"(?:شهر|شهرها|شهرهای|شهری|شهرا|شهرای|شهرستان|شهرستان ?ها|شهرداری|"
            r"شهرداری ?ها|شهرداری ?های|شهرداری ?ای|town|city|cities)" + _E
        ),
    ),
)
_PER_CAPITA = re.compile(
    _W + r"(?:سرانه|سرانش|سرانه ?اش|به ازای هر (?:نفر|شهروند|فرد)|هر نفر|هر شهروند|نفری|"
    r"per ?capita|per person)"
)
_BUDGET = re.compile(_W + r"(?:بودجه|بودجش|بودجه ?اش|اعتبار)")
_PROGRESS = re.compile(_W + r"(?:پیشرفت|پیش ?رفت)")
_GROWTH = re.compile(_W + r"(?:رشد|افزایش|بیشتر شدن|growth)")
_SPENT = re.compile(_W + r"(?:خرج|هزینه|صرف|مصرف|گرفته|گرفت|گرفتن|دریافت|رسیده|رسید|پول)")


def _order(text: str) -> str | None:
    if _LEAST.search(text):
        return "asc"
    if _MOST.search(text):
        return "desc"
    if _WHICH.search(text):
        if _LESS.search(text):
            return "asc"
        if _MORE.search(text):
            return "desc"
    if _ORDERED.search(text):
        return "desc"
    return None


def find_rank(normalized: str) -> dict[str, Any] | None:
    """Return `{"by", "order", "measure", "per_capita"}` for a ranking question, else None."""
    text = normalized.replace("\u200c", " ")
    order = _order(text)
    if order is None:
        return None
    by = next((name for name, rx in _DIMENSIONS if rx.search(text)), None)
    per_capita = _PER_CAPITA.search(text) is not None
    if by is None and per_capita:
        by = "municipality"  # only towns have a population to divide by
    measure = "funding"
    if by == "project" and _BUDGET.search(text):
        measure = "budget"
    elif by == "project" and _PROGRESS.search(text) and not _SPENT.search(text):
        measure = "progress"
    elif by in ("municipality", "month"):
        measure = "received"
    elif by == "year":
        measure = "growth" if _GROWTH.search(text) else "received"
    return {"by": by, "order": order, "measure": measure, "per_capita": per_capita}
