"""Query-parameter parsing with clear 400 messages (Persian and Arabic digits accepted)."""

from __future__ import annotations

from collections.abc import Mapping

from backend.errors import InvalidInput
from backend.months import Month
from backend.untrusted import clean_text
from nlp.digits import to_ascii_digits

MAX_PARAM_LENGTH = 200


def text(query: Mapping[str, str], name: str) -> str | None:
    """Return a trimmed text parameter, or None when absent or empty."""
    value = query.get(name)
    if value is None:
        return None
    # NUL and lone surrogates reach the database driver otherwise (PostgreSQL rejects them).
    value = to_ascii_digits(clean_text(value).strip())
    if len(value) > MAX_PARAM_LENGTH:
        raise InvalidInput(f"{name} is longer than {MAX_PARAM_LENGTH} characters")
    return value or None


def integer(query: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    """Return an integer parameter within [low, high]."""
    value = text(query, name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise InvalidInput(f"{name} must be an integer") from None
    if not low <= number <= high:
        raise InvalidInput(f"{name} must be between {low} and {high}")
    return number


def month(query: Mapping[str, str], name: str) -> Month | None:
    """Return a Jalali YYYY-MM parameter."""
    value = text(query, name)
    if value is None:
        return None
    try:
        parsed = Month.parse(value)
    except ValueError:
        raise InvalidInput(f"{name} must be a Jalali month as YYYY-MM, e.g. 1403-07") from None
    if not 1300 <= parsed.year <= 1500:
        raise InvalidInput(f"{name} must be a Jalali year between 1300 and 1500")
    return parsed


def choice(
    query: Mapping[str, str], name: str, options: tuple[str, ...], default: str | None
) -> str | None:
    """Return a parameter that must be one of `options`."""
    value = text(query, name)
    if value is None:
        return default
    if value not in options:
        raise InvalidInput(f"{name} must be one of: {', '.join(options)}")
    return value
