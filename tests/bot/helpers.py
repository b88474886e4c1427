"""Figures computed independently from the contract CSVs, and button helpers for bot tests."""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path
from typing import Any

from tests.fakes.updates import callback_update

Json = dict[str, Any]


def rows(folder: Path, name: str) -> list[dict[str, str]]:
    """Read one contract CSV as dicts."""
    with (folder / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def vat_share_rial(folder: Path, municipality: str, start: str, end: str) -> int:
    """Sum `vat_shares.csv` for a municipality over inclusive `YYYY-MM` months."""
    total = 0
    for row in rows(folder, "vat_shares.csv"):
        month = f"{int(row['year']):04d}-{int(row['month']):02d}"
        if row["municipality"] == municipality and start <= month <= end:
            total += int(row["amount_rial"])
    return total


def months_with_data(folder: Path, municipality: str) -> list[str]:
    """Return the months (`YYYY-MM`) that have a VAT figure for the municipality."""
    return sorted(
        f"{int(r['year']):04d}-{int(r['month']):02d}"
        for r in rows(folder, "vat_shares.csv")
        if r["municipality"] == municipality
    )


def project(folder: Path, code: str) -> dict[str, str]:
    """Return one project's row."""
    return next(r for r in rows(folder, "projects.csv") if r["code"] == code)


def project_funding_rial(folder: Path, code: str) -> int:
    """Sum the VAT funding of one project."""
    return sum(
        int(r["amount_rial"])
        for r in rows(folder, "project_funding.csv")
        if r["project_code"] == code
    )


def municipal_part_rial(folder: Path, purchase_rial: int, today: str) -> int:
    """VAT inside a price (rate of `today`) times the municipal share, rounded half up."""
    rates = sorted(rows(folder, "vat_rates.csv"), key=lambda r: r["valid_from"])
    rate = [r for r in rates if r["valid_from"] <= today][-1]
    vat_percent = Fraction(rate["vat_rate_percent"])
    vat = Fraction(purchase_rial) * vat_percent / (100 + vat_percent)
    vat_rounded = int((vat * 2 + 1) // 2)
    city = Fraction(vat_rounded) * Fraction(rate["municipal_share_percent"]) / 100
    return int((city * 2 + 1) // 2)


def buttons(message: Json) -> list[Json]:
    """Return the inline buttons of a sent message, in reading order."""
    markup = message.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


def find_button(messages: list[Json], label_part: str) -> tuple[Json, Json]:
    """Return (message, button) of the first button whose label contains `label_part`."""
    for message in reversed(messages):
        for button in buttons(message):
            if label_part in button["text"]:
                return message, button
    labels = [b["text"] for m in messages for b in buttons(m)]
    raise AssertionError(f"no button with {label_part!r}; buttons: {labels}")


def press(messages: list[Json], label_part: str, chat_id: int) -> Json:
    """Build the callback update of pressing a button under one of `messages`."""
    message, button = find_button(messages, label_part)
    return callback_update(
        chat_id,
        button["callback_data"],
        message_id=message["message_id"],
        message_text=message.get("text", "…"),
        reply_markup=message.get("reply_markup"),
    )


def text_of(messages: list[Json]) -> str:
    """Join the texts of sent messages."""
    return "\n".join(m.get("text", "") for m in messages)
