"""CSV cells a spreadsheet reads as data, never as a formula (CSV injection), for every export.

A text cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return, which some programs
skip before looking) runs as a formula in Excel and LibreOffice; such a cell gets a leading `'`.
Numbers are written as numbers: a negative amount or a southern latitude stays `-12.5`, because
only text that a person or an upload typed can carry a payload.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"

Cell = str | int | float | Decimal | None


def neutralise(text: str) -> str:
    """Prefix a text cell that would run as a formula with `'`."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def number_text(value: int | float | Decimal) -> str:
    """Write a number plainly: no exponent, no trailing `.0` (so 9.0 → 9, 33.333 → 33.333)."""
    if isinstance(value, int):
        return str(value)
    exact = Decimal(repr(value)) if isinstance(value, float) else value
    text = format(exact, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def csv_cell(value: Cell) -> str:
    """Return one cell's text: numbers as numbers, text neutralised, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise TypeError("write booleans as words, not as a CSV cell")
    if isinstance(value, int | float | Decimal):
        return number_text(value)
    return neutralise(value)


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> bytes:
    """Write a header and rows as CSV in UTF-8 with a BOM (so Excel shows Persian)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return (BOM + out.getvalue()).encode("utf-8")
