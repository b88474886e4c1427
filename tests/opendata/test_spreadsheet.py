"""CSV cells: formulas neutralised, numbers kept (one function for public and staff exports)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from backend.spreadsheet import csv_bytes, csv_cell, neutralise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+98 912 000 0000", "'+98 912 000 0000"),
        ("-5", "'-5"),  # as *text* (a citizen's words) it could be a formula
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r=cmd"),
        ("مشهد", "مشهد"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_text_cells(text: str, expected: str) -> None:
    assert neutralise(text) == expected
    assert csv_cell(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (-12, "-12"),
        (-33.5, "-33.5"),
        (9.0, "9"),
        (33.333, "33.333"),
        (1e-7, "0.0000001"),
        (Decimal("-59.600000"), "-59.6"),
        (120000000000000, "120000000000000"),
        (None, ""),
    ],
)
def test_numbers_stay_numbers(value: int | float | Decimal | None, expected: str) -> None:
    assert csv_cell(value) == expected


def test_csv_bytes_has_a_bom_and_crlf() -> None:
    body = csv_bytes(["a", "b"], [["=x", -1]])
    assert body == "\ufeffa,b\r\n'=x,-1\r\n".encode()
    with pytest.raises(TypeError):
        csv_cell(True)  # type: ignore[arg-type]
