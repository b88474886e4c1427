"""Query-parameter parsing with clear 400 messages, enforcing exactly what the OpenAPI states.

The patterns and limits here are the ones `backend.api.openapi` publishes, so a request the
document calls valid is accepted and one it calls invalid is refused (schemathesis checks both
directions). Regular expressions avoid `\\d` and `\\s`, which Python and ECMA-262 (JSON Schema's
dialect) read differently; digits may be ASCII, Persian (۰-۹) or Arabic-Indic (٠-٩). Patterns
are applied with `re.search`, as Python's JSON Schema validators apply `pattern`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import jdatetime
from multidict import MultiMapping

from backend.errors import InvalidInput
from backend.months import Month
from backend.untrusted import clean_text
from nlp.digits import to_ascii_digits

MAX_PARAM_LENGTH = 200
MIN_YEAR, MAX_YEAR = 1300, 1499  # Jalali years the API speaks about (1921-2121)


def _digit(d: int) -> str:
    return f"[{d}{chr(0x06F0 + d)}{chr(0x0660 + d)}]"


def _digits(low: int, high: int) -> str:
    ranges = (f"{chr(base + low)}-{chr(base + high)}" for base in (ord("0"), 0x06F0, 0x0660))
    return f"[{''.join(ranges)}]"


def _number(value: int) -> str:
    return "".join(_digit(int(c)) for c in str(value))


_ANY = _digits(0, 9)
_YEAR = f"{_digit(1)}{_digits(3, 4)}{_ANY}{_ANY}"  # 1300-1499
_MONTH = f"(?:{_digit(0)}?{_digits(1, 9)}|{_digit(1)}{_digits(0, 2)})"
_DAY29 = f"(?:{_digit(0)}?{_digits(1, 9)}|{_digits(1, 2)}{_ANY})"
_DAY30 = f"(?:{_DAY29}|{_number(30)})"
_DAY31 = f"(?:{_DAY30}|{_number(31)})"
_LEAP_YEARS = [y for y in range(MIN_YEAR, MAX_YEAR + 1) if jdatetime.date(y, 1, 1).isleap()]

MONTH_PATTERN = f"^{_YEAR}-{_MONTH}$"
# A day that exists: months 1-6 have 31 days, 7-11 have 30, Esfand 29 (30 in leap years).
DATE_PATTERN = (
    f"^(?:{_YEAR}-(?:{_digit(0)}?{_digits(1, 6)}-{_DAY31}"
    f"|(?:{_digit(0)}?{_digits(7, 9)}|{_digit(1)}{_digits(0, 1)})-{_DAY30}"
    f"|{_number(12)}-{_DAY29})"
    f"|(?:{'|'.join(_number(y) for y in _LEAP_YEARS)})-{_number(12)}-{_number(30)})$"
)
INTEGER_PATTERN = f"^{_ANY}+$"
_MONTH_RE = re.compile(MONTH_PATTERN)
_DATE_RE = re.compile(DATE_PATTERN)
_INTEGER_RE = re.compile(INTEGER_PATTERN)

Query = Mapping[str, str]


def single(query: Query, name: str) -> str | None:
    """Return a parameter's raw value, refusing one given more than once."""
    if isinstance(query, MultiMapping):
        values = query.getall(name, [])
        if len(values) > 1:
            raise InvalidInput(f"{name} is given more than once")
        return values[0] if values else None
    return query.get(name)


def text(query: Query, name: str) -> str | None:
    """Return a trimmed text parameter of at most 200 characters, or None when absent or empty."""
    value = single(query, name)
    if value is None:
        return None
    if len(value) > MAX_PARAM_LENGTH:
        raise InvalidInput(f"{name} is longer than {MAX_PARAM_LENGTH} characters")
    # NUL and lone surrogates reach the database driver otherwise (PostgreSQL rejects them).
    return to_ascii_digits(clean_text(value).strip()) or None


def integer(query: Query, name: str, default: int, low: int, high: int) -> int:
    """Return an integer parameter within [low, high] (empty means the default)."""
    value = single(query, name)
    if not value:
        return default
    if not _INTEGER_RE.search(value):
        raise InvalidInput(f"{name} must be an integer")
    digits = to_ascii_digits(value.strip()).lstrip("0") or "0"
    # Longer than the bound means out of range (and int() refuses over 4,300 digits anyway).
    number = int(digits) if len(digits) <= len(str(high)) else high + 1
    if not low <= number <= high:
        raise InvalidInput(f"{name} must be between {low} and {high}")
    return number


def month(query: Query, name: str) -> Month | None:
    """Return a Jalali YYYY-MM parameter (empty means absent)."""
    value = single(query, name)
    if not value:
        return None
    if not _MONTH_RE.search(value):
        raise InvalidInput(
            f"{name} must be a Jalali month YYYY-MM between {MIN_YEAR}-01 and {MAX_YEAR}-12"
        )
    return Month.parse(to_ascii_digits(value.strip()))


def jalali_date(value: str, name: str) -> jdatetime.date:
    """Parse a Jalali YYYY-MM-DD that exists (years 1300-1499), or raise InvalidInput."""
    if not _DATE_RE.search(value):
        raise InvalidInput(f"{name} must be a Jalali date YYYY-MM-DD that exists, e.g. 1403-07-15")
    year, month_, day = (int(part) for part in to_ascii_digits(value.strip()).split("-"))
    return jdatetime.date(year, month_, day)


def date(query: Query, name: str) -> jdatetime.date | None:
    """Return a Jalali YYYY-MM-DD parameter (empty means absent)."""
    value = single(query, name)
    return jalali_date(value, name) if value else None


def choice(query: Query, name: str, options: tuple[str, ...], default: str | None) -> str | None:
    """Return a parameter that must be exactly one of `options` (empty means the default)."""
    value = single(query, name)
    if not value:
        return default
    if value not in options:
        raise InvalidInput(f"{name} must be one of: {', '.join(options)}")
    return value
