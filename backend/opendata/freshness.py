"""Freshness: when each table's data was last imported, from which files, and whether it is old.

Every committed import leaves a `data_imports` row with its files and per-table counts; the
latest import that inserted or updated rows of a table dates that table. A page or an export
names the imports of the tables it is built from, and says the data may be out of date once the
newest of them is older than `stale_after_days` (SHAFAF_STALE_AFTER_DAYS).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import jdatetime
from sqlalchemy import select

from backend.clock import aware
from backend.clock import current as current_clock
from backend.formatting import date_label, fa_number
from backend.models import DataImport
from backend.opendata import texts as T
from backend.services import Services
from backend.services.memo import memoized, new_memo

# Tables as the contract names them (section 3), in import order.
PUBLIC_TABLES: tuple[str, ...] = (
    "municipalities",
    "districts",
    "categories",
    "vat_rates",
    "vat_shares",
    "projects",
    "project_funding",
    "reports",
    "faq",
)


@dataclass(frozen=True, slots=True)
class TableImport:
    """The last import that changed one table."""

    table: str
    imported_at: datetime  # aware, UTC
    origin: str  # cli | sample | api | panel
    file: str  # the source file that carried the table (contract name, e.g. vat_shares.csv)
    is_sample: bool


@dataclass(frozen=True, slots=True)
class Freshness:
    """How old the data behind one page or export is."""

    imports: tuple[TableImport, ...]  # one per table that has been imported, oldest first
    today: jdatetime.date
    stale_after_days: int

    @property
    def imported_at(self) -> datetime | None:
        """Return when the newest of these tables was last changed by an import."""
        return max((i.imported_at for i in self.imports), default=None)

    @property
    def imported_on(self) -> jdatetime.date | None:
        """Return the Jalali day of `imported_at` in the operator's time zone."""
        at = self.imported_at
        return None if at is None else current_clock().jalali_day(at)

    @property
    def files(self) -> list[str]:
        """Return the source files these tables came from."""
        return list(dict.fromkeys(i.file for i in self.imports))

    @property
    def age_days(self) -> int | None:
        """Return whole days since the last import (never negative: a pinned "today" may lag)."""
        day = self.imported_on
        if day is None:
            return None
        days: int = (self.today.togregorian() - day.togregorian()).days
        return max(0, days)

    @property
    def stale(self) -> bool:
        """Tell whether the data is older than the configured age (or was never imported)."""
        age = self.age_days
        return age is None or age > self.stale_after_days

    @property
    def is_sample(self) -> bool:
        """Tell whether any of these tables holds the bundled sample."""
        return any(i.is_sample for i in self.imports)

    def note_fa(self) -> str | None:
        """Return the Persian warning for old data, or None while it is fresh."""
        return stale_note_fa(self)

    def as_json(self) -> dict[str, object]:
        """Return the freshness in the shape pages, exports and the API share."""
        at = self.imported_at
        day = self.imported_on
        return {
            "imported_at": at.isoformat() if at else None,
            "imported_on": day.strftime("%Y-%m-%d") if day else None,
            "files": self.files,
            "tables": [
                {
                    "table": i.table,
                    "file": i.file,
                    "imported_at": i.imported_at.isoformat(),
                    "origin": i.origin,
                }
                for i in self.imports
            ],
            "age_days": self.age_days,
            "stale_after_days": self.stale_after_days,
            "stale": self.stale,
            "note_fa": self.note_fa(),
        }


def stale_note_fa(freshness: Freshness) -> str | None:
    """Return a Persian sentence saying the data may be out of date, or None when it is fresh."""
    if not freshness.stale:
        return None
    day = freshness.imported_on
    if day is None:
        return T.STALE_NEVER
    return T.STALE_NOTE.format(date=date_label(day), days=fa_number(freshness.age_days or 0))


class FreshnessService:
    """Read the import log once per data version and date any set of tables."""

    def __init__(self, services: Services, stale_after_days: int) -> None:
        self._services = services
        self._version = services.version
        self._memo = new_memo()
        self.stale_after_days = stale_after_days

    @memoized
    async def table_imports(self) -> dict[str, TableImport]:
        """Return, per table, the last import that inserted or updated its rows.

        "Last" is the order of commits (ids), not of stamps: a pinned demo clock may stamp a
        later import with an earlier time.
        """
        async with self._services.sessions() as session:
            rows = (await session.scalars(select(DataImport).order_by(DataImport.id))).all()
        latest: dict[str, TableImport] = {}
        for row in rows:
            for table, counts in (row.counts or {}).items():
                if counts.get("inserted") or counts.get("updated"):
                    file = f"{table}.csv"
                    named = [f for f in row.files or [] if f.rsplit("/", 1)[-1] == file]
                    latest[table] = TableImport(
                        table,
                        aware(row.imported_at),
                        row.origin,
                        named[0] if named else file,
                        row.is_sample,
                    )
        return latest

    async def freshness(self, tables: Iterable[str] = PUBLIC_TABLES) -> Freshness:
        """Date the data of these tables against today."""
        known = await self.table_imports()
        imports = sorted(
            (known[t] for t in dict.fromkeys(tables) if t in known),
            key=lambda i: (i.imported_at, i.table),
        )
        return Freshness(tuple(imports), self._services.today(), self.stale_after_days)


async def answer_stale_note(
    services: Services, stale_after_days: int, tables: Iterable[str] = PUBLIC_TABLES
) -> str | None:
    """Return the Persian "may be out of date" note for an answer built on `tables`, or None.

    For the bot's answers and digests; a long-lived caller should keep one `FreshnessService`.
    """
    return stale_note_fa(await FreshnessService(services, stale_after_days).freshness(tables))
