"""The open-data façade: figures as JSON and CSV, table exports, the data package, freshness."""

from __future__ import annotations

import asyncio
from typing import Any

from backend.errors import NotFound
from backend.opendata import datapackage
from backend.opendata import texts as T
from backend.opendata.cache import BodyCache
from backend.opendata.exports import TABLE_BY_NAME, TABLES, TableExport, export_table
from backend.opendata.freshness import PUBLIC_TABLES, Freshness, FreshnessService
from backend.opendata.links import FigureQuery, figure_path, page_path
from backend.opendata.queries import Figure, compute
from backend.services import Services
from backend.spreadsheet import Cell, csv_bytes

FIGURE_CSV_COLUMNS = ("breakdown", "key", "name_fa", "amount_rial", "percent", "note")
PERCENT_DECIMALS = 4


def _rounded(percent: float | None) -> float | None:
    return None if percent is None else round(percent, PERCENT_DECIMALS)


class OpenData:
    """Everything the public site, the exports and (later) the bot need from the open data."""

    def __init__(self, services: Services, *, public_url: str, stale_after_days: int) -> None:
        self.services = services
        self.public_url = public_url.rstrip("/")
        self.freshness_service = FreshnessService(services, stale_after_days)
        self.cache = BodyCache()

    def url(self, path: str) -> str:
        """Return the absolute URL of a site path."""
        return self.public_url + path

    async def freshness(self, tables: tuple[str, ...] = PUBLIC_TABLES) -> Freshness:
        """Date the data of these tables."""
        return await self.freshness_service.freshness(tables)

    async def figure(self, q: FigureQuery) -> Figure:
        """Compute one figure with the rows behind it."""
        return await compute(self.services, q)

    def links(self, q: FigureQuery) -> dict[str, str]:
        """Return the absolute links of a query: its page, JSON, CSV and the short link."""
        return {
            "link": self.url(figure_path(q)),
            "page": self.url(page_path(q)),
            "json": self.url(figure_path(q, "json")),
            "csv": self.url(figure_path(q, "csv")),
        }

    async def figure_json(self, q: FigureQuery) -> dict[str, Any]:
        """Return a figure as the JSON its link serves."""
        figure = await self.figure(q)
        freshness = await self.freshness(figure.tables)
        primary = figure.breakdowns[0] if figure.breakdowns else None
        return {
            "kind": q.kind,
            "path": figure_path(q),
            "query": q.as_json(),
            "title_fa": figure.title_fa,
            "value_rial": figure.value_rial,
            "value_fa": figure.value_fa,
            "unit": "IRR",
            "rows": [_row_json(r.as_json()) for r in primary.rows] if primary else [],
            "breakdowns": {
                b.name: {**b.as_json(), "rows": [_row_json(r.as_json()) for r in b.rows]}
                for b in figure.breakdowns
            },
            "facts": figure.facts,
            "sources": list(figure.sources),
            "last_published_on": (
                figure.last_published_on.strftime("%Y-%m-%d") if figure.last_published_on else None
            ),
            "is_sample": figure.is_sample,
            "sample_note_fa": T.SAMPLE_NOTE if figure.is_sample else None,
            "links": self.links(q),
            "freshness": freshness.as_json(),
            "data_version": await self.services.version.current(),
        }

    async def figure_csv(self, q: FigureQuery) -> tuple[bytes, Freshness]:
        """Return a figure's breakdowns as one CSV (UTF-8 with a BOM), and its freshness."""
        figure = await self.figure(q)
        rows: list[tuple[Cell, ...]] = [
            (b.name, r.key, r.name_fa, r.amount_rial, _rounded(r.percent), r.note)
            for b in figure.breakdowns
            for r in b.rows
        ]
        return csv_bytes(FIGURE_CSV_COLUMNS, rows), await self.freshness(figure.tables)

    async def export(self, table: str) -> TableExport:
        """Export one public table as contract CSV."""
        spec = TABLE_BY_NAME.get(table)
        if spec is None:
            raise NotFound(
                f"unknown table {table!r}; tables: {', '.join(TABLE_BY_NAME)}",
                message_fa="چنین جدولی منتشر نمی‌شود.",
            )
        return await export_table(self.services.sessions, spec, self.services.today())

    async def exports(self) -> list[TableExport]:
        """Export every public table, in import order."""
        return [await self.export(t.name) for t in TABLES]

    async def package(self, exports: list[TableExport] | None = None) -> dict[str, Any]:
        """Return the `datapackage.json` descriptor of the exports."""
        exports = exports if exports is not None else await self.exports()
        by_table = {t.name: await self.freshness((t.name,)) for t in TABLES}
        return datapackage.descriptor(
            exports,
            by_table,
            await self.freshness(),
            base_url=self.public_url,
            data_version=await self.services.version.current(),
        )

    async def package_zip(self) -> bytes:
        """Return the descriptor and every CSV as one zip."""
        exports = await self.exports()
        package = await self.package(exports)
        # Deflating a few MB is CPU work: keep it off the event loop.
        return await asyncio.to_thread(datapackage.zip_package, exports, package)


def _row_json(row: dict[str, object]) -> dict[str, object]:
    percent = row.get("percent")
    return {**row, "percent": _rounded(percent) if isinstance(percent, float) else percent}
