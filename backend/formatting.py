"""The one formatter for numbers, money, percents and Jalali dates shown to citizens (pure).

Money for citizens is shown in تومان (rial / 10), the unit people speak in:

* below one million تومان: the exact whole تومان, grouped (``۲٬۷۲۷ تومان``);
* from one million: a named magnitude, میلیون (10^6), میلیارد (10^9) and, from ten thousand
  میلیارد on, هزار میلیارد (10^12), with two decimals below 10, one below 1000 and none above,
  trailing zeros dropped: ``۱۲۳٫۵ میلیارد تومان``, ``۳٬۸۵۳ میلیارد تومان``,
  ``۱۲ هزار میلیارد تومان``. "همت" is avoided: many citizens do not know the abbreviation, and
  four grouped digits of میلیارد read more naturally than ``۳٫۸۵ هزار میلیارد``.

Official figures are also given exactly in ریال with `rial_exact`. Rounding is always half up
(money is never rounded to even). Digits are Persian, thousands are grouped with U+066C (٬),
decimals use U+066B (٫) and percents U+066A (٪); a negative sign is U+2212 (−).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import jdatetime

from backend.labels import PROJECT_STATUS_LABELS
from backend.months import Month, MonthRange
from nlp.digits import to_persian_digits

THOUSANDS_SEP = "\u066c"  # ٬
DECIMAL_SEP = "\u066b"  # ٫
PERCENT_SIGN = "\u066a"  # ٪
MINUS_SIGN = "\u2212"  # −

MONTH_NAMES: tuple[str, ...] = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
SEASON_NAMES: tuple[str, ...] = ("بهار", "تابستان", "پاییز", "زمستان")
HALF_NAMES: tuple[str, ...] = ("نیمه اول", "نیمه دوم")


TOMAN = "تومان"
RIAL = "ریال"
# (size in تومان, name, switch to it from this many تومان on)
_MAGNITUDES: tuple[tuple[int, str, int], ...] = (
    (10**12, "هزار میلیارد", 10**13),
    (10**9, "میلیارد", 10**9),
    (10**6, "میلیون", 10**6),
)

Number = int | float | Fraction | Decimal


def fa_digits(text: str) -> str:
    """Replace ASCII digits with Persian digits."""
    return to_persian_digits(text)


_LATIN = re.compile(r"[A-Za-z]")
# A space-separated word with an ASCII or Arabic-Indic digit: the only words there is work for.
_WORD_WITH_DIGITS = re.compile(r"[^ ]*[0-9\u0660-\u0669][^ ]*")


def _prose_word(match: re.Match[str]) -> str:
    word = match.group(0)
    return word if _LATIN.search(word) else to_persian_digits(word)


def fa_digits_in_prose(text: str) -> str:
    """Persian digits in running text, but leave codes and links ("D-101", URLs) as written."""
    return _WORD_WITH_DIGITS.sub(_prose_word, text)


def _decimal(value: Number) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(value, float):
        return Decimal(
            repr(value)
        )  # repr keeps the shortest round-tripping form (0.1, not 0.1000…)
    return Decimal(value)


def fa_number(value: Number, decimals: int = 0, *, keep_zeros: bool = False) -> str:
    """Format a number with Persian digits, grouping and at most `decimals` decimals (half up)."""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = _decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    negative = rounded < 0  # Decimal("-0.0") < 0 is False: a rounded-away minus disappears
    text = f"{abs(rounded):,.{decimals}f}"
    if "." in text and not keep_zeros:
        text = text.rstrip("0").rstrip(".")
    text = text.replace(",", THOUSANDS_SEP).replace(".", DECIMAL_SEP)
    return (MINUS_SIGN if negative else "") + fa_digits(text)


def fa_int(value: int) -> str:
    """Format a whole number with Persian digits and no grouping (years, codes, counts in names)."""
    return fa_digits(str(value))


def toman_figure(rial: int) -> str:
    """Format a rial amount as تومان without the unit word (see the module docstring)."""
    toman = Fraction(abs(rial), 10)
    sign = MINUS_SIGN if rial < 0 else ""
    for size, name, threshold in _MAGNITUDES:
        if toman >= threshold:
            value = toman / size
            decimals = 2 if value < 10 else 1 if value < 1000 else 0
            return f"{sign}{fa_number(value, decimals)} {name}"
    whole = int((toman * 2 + 1) // 2)
    if whole == 0 and rial != 0:
        return f"{sign}{fa_number(toman, 1)}"
    return sign + fa_number(whole)


def toman(rial: int) -> str:
    """Format a rial amount for citizens in تومان with a named magnitude."""
    return f"{toman_figure(rial)} {TOMAN}"


def rial_exact(rial: int) -> str:
    """Format a rial amount exactly, grouped, for official figures."""
    return f"{fa_number(rial)} {RIAL}"


def toman_with_rial(rial: int) -> str:
    """Format an official amount as readable تومان followed by the exact ریال in parentheses."""
    return f"{toman(rial)} ({rial_exact(rial)})"


def fa_percent(value: float, decimals: int = 1) -> str:
    """Format a percent with Persian digits: 12.345 -> ۱۲٫۳٪."""
    return f"{fa_number(value, decimals)}{PERCENT_SIGN}"


def fa_signed_percent(value: float, decimals: int = 1) -> str:
    """Format a change in percent with an explicit sign: +۱۲٫۳٪, −۴٪ (zero has no sign)."""
    text = fa_percent(abs(value), decimals)
    if text == fa_percent(0):
        return text
    return ("+" if value > 0 else MINUS_SIGN) + text


def month_name(month: int) -> str:
    """Return the Persian name of a Jalali month (1..12)."""
    return MONTH_NAMES[month - 1]


def month_label(month: Month) -> str:
    """Format a Jalali month: آبان ۱۴۰۵."""
    return f"{month_name(month.month)} {fa_int(month.year)}"


def range_label(period: MonthRange) -> str:
    """Name a month range in words: سال ۱۴۰۴، بهار ۱۴۰۴، نیمه اول ۱۴۰۴، مهر تا آذر ۱۴۰۴…"""
    start, end = period.start, period.end
    if start == end:
        return month_label(start)
    if start.month == 1 and end.month == 12:
        if start.year == end.year:
            return f"سال {fa_int(start.year)}"
        return f"سال‌های {fa_int(start.year)} تا {fa_int(end.year)}"
    if start.year == end.year:
        year = fa_int(start.year)
        if len(period) == 3 and start.month % 3 == 1:
            return f"{SEASON_NAMES[start.quarter - 1]} {year}"
        if len(period) == 6 and start.month in (1, 7):
            return f"{HALF_NAMES[start.month // 7]} {year}"
        return f"{month_name(start.month)} تا {month_name(end.month)} {year}"
    return f"{month_label(start)} تا {month_label(end)}"


def date_label(day: jdatetime.date) -> str:
    """Format a Jalali day: ۸ آذر ۱۴۰۵."""
    return f"{fa_int(day.day)} {month_name(day.month)} {fa_int(day.year)}"


def status_label(status: str) -> str:
    """Return the Persian label of a project status (unknown statuses pass through)."""
    return PROJECT_STATUS_LABELS.get(status, status)


def progress_bar(percent: float, width: int = 10) -> str:
    """Draw a text progress bar: ▰▰▰▰▱▱▱▱▱▱ ۴۲٪."""
    clamped = max(0.0, min(100.0, float(percent)))
    filled = int(Decimal(clamped * width / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return "▰" * filled + "▱" * (width - filled) + " " + fa_percent(clamped, 0)


def change_phrase(change_percent: float | None) -> str:
    """Describe a relative change in words: ۱۸٪ بیشتر، ۴٪ کمتر، تقریباً برابر."""
    if change_percent is None:
        return "قابل مقایسه نیست"
    if abs(change_percent) < 0.05:
        return "تقریباً برابر"
    word = "بیشتر" if change_percent > 0 else "کمتر"
    return f"{fa_percent(abs(change_percent))} {word}"


_RIAL_PHRASE = re.compile(
    r"(?P<number>[0-9۰-۹]+(?:[٬,][0-9۰-۹]{3})*(?:[٫.][0-9۰-۹]+)?)\s*"
    r"(?P<magnitude>هزار میلیارد|میلیارد|میلیون|هزار)?\s*ریال"
)
_MAGNITUDE_WORDS = {"هزار میلیارد": 10**12, "میلیارد": 10**9, "میلیون": 10**6, "هزار": 10**3}


def rial_phrases_to_toman(text: str) -> str:
    """Rewrite amounts written in rials («۶٬۱۴۷ میلیارد ریال») in toman, the unit citizens read.

    Used on texts that come with the data (report summaries), so one answer never mixes units.
    """
    from nlp.digits import to_ascii_digits

    def convert(match: re.Match[str]) -> str:
        number = to_ascii_digits(match.group("number")).replace("٬", "").replace(",", "")
        number = number.replace("٫", ".")
        try:
            value = Decimal(number)
        except ArithmeticError:
            return match.group(0)
        rial = int(value * _MAGNITUDE_WORDS.get(match.group("magnitude") or "", 1))
        return toman(rial)

    return _RIAL_PHRASE.sub(convert, text)
