"""The one digit table: Persian (۰-۹), Arabic-Indic (٠-٩) and ASCII digits, both ways.

Every layer reads and writes digits through these two functions (the NLU's full normalizer
folds every Unicode decimal digit on its own, as part of its one-pass table).
"""

from __future__ import annotations

__all__ = ["PERSIAN_DIGITS", "to_ascii_digits", "to_persian_digits"]

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
ASCII_DIGITS = "0123456789"

_TO_ASCII = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, ASCII_DIGITS * 2)
_TO_PERSIAN = str.maketrans(ASCII_DIGITS + ARABIC_DIGITS, PERSIAN_DIGITS * 2)


def to_ascii_digits(text: str) -> str:
    """Return `text` with Persian and Arabic-Indic digits written as ASCII digits."""
    return text if text.isascii() else text.translate(_TO_ASCII)


def to_persian_digits(text: str) -> str:
    """Return `text` with ASCII and Arabic-Indic digits written as Persian digits (for display)."""
    return text.translate(_TO_PERSIAN)
