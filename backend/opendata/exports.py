"""Open data exports: every public table as a contract CSV (re-importable with `shafaf import`).

Columns, order and formats are exactly the import contract's (section 3): Jalali dates as
`YYYY-MM-DD`, whole rials, synonyms joined by `؛`, empty cells for missing values. Files are
UTF-8 with a BOM so spreadsheet programs show Persian, and text cells that a spreadsheet would
run as a formula are neutralised (`backend.spreadsheet`). Reports appear once published.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import jdatetime
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from backend.jalali import format_jalali_date
from backend.models import (
    PROJECT_STATUSES,
    Category,
    District,
    Faq,
    Municipality,
    Project,
    ProjectFunding,
    Report,
    VatRate,
    VatShare,
)
from backend.services.base import SessionFactory
from backend.spreadsheet import Cell, csv_bytes

FieldType = Literal["string", "integer", "number"]

JALALI_DATE_PATTERN = r"^1[34]\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
SLUG_PATTERN = r"^[a-z0-9-]+$"
CODE_PATTERN = r"^[A-Za-z0-9_-]+$"


@dataclass(frozen=True, slots=True)
class ExportField:
    """One column: its contract name and what a reader needs to know about it."""

    name: str
    type: FieldType
    title_fa: str
    description: str
    required: bool = True
    unit: str | None = None  # "IRR" (Iranian rial), "percent", "person", "degree"
    constraints: tuple[tuple[str, Any], ...] = ()

    def schema(self) -> dict[str, Any]:
        """Return the Table Schema field descriptor."""
        constraints: dict[str, Any] = dict(self.constraints)
        if self.required:
            constraints["required"] = True
        out: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "title": self.title_fa,
            "description": self.description,
        }
        if self.unit:
            out["unit"] = self.unit
        if constraints:
            out["constraints"] = constraints
        return out


Rows = list[tuple[Cell, ...]]
Loader = Callable[[AsyncSession, jdatetime.date], Awaitable[Rows]]


@dataclass(frozen=True, slots=True)
class ExportTable:
    """A public table: its fields, natural key, references and how to read its rows."""

    name: str
    title_fa: str
    description: str
    fields: tuple[ExportField, ...]
    primary_key: tuple[str, ...]
    load: Loader
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = ()
    has_source: bool = False  # rows carry a `source` column (listed in the descriptor)

    @property
    def file(self) -> str:
        """Return the contract file name."""
        return f"{self.name}.csv"

    @property
    def columns(self) -> tuple[str, ...]:
        """Return the column names in order."""
        return tuple(f.name for f in self.fields)


def _jdate(value: date | None) -> str | None:
    return None if value is None else format_jalali_date(value)


def _slug(name: str, title_fa: str, description: str) -> ExportField:
    return ExportField(
        name, "string", title_fa, description, constraints=(("pattern", SLUG_PATTERN),)
    )


def _code(name: str, title_fa: str, description: str, required: bool = True) -> ExportField:
    return ExportField(
        name, "string", title_fa, description, required, constraints=(("pattern", CODE_PATTERN),)
    )


def _date(name: str, title_fa: str, description: str, required: bool = True) -> ExportField:
    return ExportField(
        name,
        "string",
        title_fa,
        description + " (Jalali / Solar Hijri date, YYYY-MM-DD)",
        required,
        constraints=(("pattern", JALALI_DATE_PATTERN),),
    )


def _text(name: str, title_fa: str, description: str, required: bool = True) -> ExportField:
    return ExportField(name, "string", title_fa, description, required)


def _rial(name: str, title_fa: str, description: str) -> ExportField:
    return ExportField(
        name,
        "integer",
        title_fa,
        description + " (whole Iranian rials; 10 rials = 1 toman)",
        unit="IRR",
        constraints=(("minimum", 0),),
    )


def _percent(name: str, title_fa: str, description: str) -> ExportField:
    return ExportField(
        name,
        "number",
        title_fa,
        description,
        unit="percent",
        constraints=(("minimum", 0), ("maximum", 100)),
    )


_YEAR = ExportField(
    "year",
    "integer",
    "سال",
    "Jalali (Solar Hijri) year",
    constraints=(("minimum", 1300), ("maximum", 1499)),
)
_MONTH = ExportField(
    "month",
    "integer",
    "ماه",
    "Jalali month, 1 = Farvardin",
    constraints=(("minimum", 1), ("maximum", 12)),
)
_SOURCE = _text("source", "منبع", "Who published the figure")
_MUNI_REF = ((("municipality",), "municipalities", ("slug",)),)


async def _rows(session: AsyncSession, stmt: Select[Any]) -> Rows:
    return [tuple(row) for row in (await session.execute(stmt)).all()]


async def _municipalities(session: AsyncSession, today: jdatetime.date) -> Rows:
    return await _rows(
        session,
        select(
            Municipality.slug,
            Municipality.name_fa,
            Municipality.province_fa,
            Municipality.population,
        ).order_by(Municipality.id),
    )


async def _districts(session: AsyncSession, today: jdatetime.date) -> Rows:
    return await _rows(
        session,
        select(Municipality.slug, District.code, District.name_fa)
        .join(Municipality, Municipality.id == District.municipality_id)
        .order_by(District.id),
    )


async def _categories(session: AsyncSession, today: jdatetime.date) -> Rows:
    rows = (
        await session.execute(
            select(Category.slug, Category.name_fa, Category.synonyms_fa).order_by(Category.id)
        )
    ).all()
    return [(slug, name, "؛ ".join(synonyms or ()) or None) for slug, name, synonyms in rows]


async def _vat_rates(session: AsyncSession, today: jdatetime.date) -> Rows:
    rows = (
        await session.execute(
            select(
                VatRate.valid_from,
                VatRate.vat_rate_percent,
                VatRate.municipal_share_percent,
                VatRate.source,
            ).order_by(VatRate.valid_from)
        )
    ).all()
    return [(_jdate(d), float(v), float(s), src) for d, v, s, src in rows]


async def _vat_shares(session: AsyncSession, today: jdatetime.date) -> Rows:
    rows = (
        await session.execute(
            select(
                Municipality.slug,
                VatShare.year,
                VatShare.month,
                VatShare.amount_rial,
                VatShare.published_on,
                VatShare.source,
            )
            .join(Municipality, Municipality.id == VatShare.municipality_id)
            .order_by(VatShare.id)
        )
    ).all()
    return [(m, y, mo, int(a), _jdate(p), s) for m, y, mo, a, p, s in rows]


async def _projects(session: AsyncSession, today: jdatetime.date) -> Rows:
    district = aliased(District)
    rows = (
        await session.execute(
            select(Project, Municipality.slug, district.code, Category.slug)
            .join(Municipality, Municipality.id == Project.municipality_id)
            .join(Category, Category.id == Project.category_id)
            .outerjoin(district, district.id == Project.district_id)
            .order_by(Project.id)
        )
    ).all()
    return [
        (
            p.code,
            p.name_fa,
            muni,
            district_code,
            category,
            p.status,
            int(p.total_budget_rial),
            _jdate(p.start_date),
            _jdate(p.planned_end_date),
            p.progress_percent,
            p.lat,
            p.lon,
            p.description_fa,
        )
        for p, muni, district_code, category in rows
    ]


async def _project_funding(session: AsyncSession, today: jdatetime.date) -> Rows:
    rows = (
        await session.execute(
            select(
                Project.code,
                ProjectFunding.year,
                ProjectFunding.month,
                ProjectFunding.amount_rial,
                ProjectFunding.source,
            )
            .join(Project, Project.id == ProjectFunding.project_id)
            .order_by(ProjectFunding.id)
        )
    ).all()
    return [(c, y, m, int(a), s) for c, y, m, a, s in rows]


async def _reports(session: AsyncSession, today: jdatetime.date) -> Rows:
    rows = (
        await session.execute(
            select(Report, Municipality.slug)
            .join(Municipality, Municipality.id == Report.municipality_id)
            # A report dated later is not public yet (the bot and the API hide it too).
            .where(Report.published_on <= today.togregorian())
            .order_by(Report.id)
        )
    ).all()
    return [
        (
            r.code,
            r.title_fa,
            muni,
            _jdate(r.period_from),
            _jdate(r.period_to),
            _jdate(r.published_on),
            r.summary_fa,
            r.url,
        )
        for r, muni in rows
    ]


async def _faq(session: AsyncSession, today: jdatetime.date) -> Rows:
    return await _rows(
        session, select(Faq.slug, Faq.question_fa, Faq.answer_fa, Faq.source).order_by(Faq.id)
    )


TABLES: tuple[ExportTable, ...] = (
    ExportTable(
        "municipalities",
        "شهرداری‌ها",
        "Municipalities whose VAT share Shafaf reports.",
        (
            _slug("slug", "شناسه", "Identifier used in links and other files"),
            _text("name_fa", "نام", "Name in Persian"),
            _text("province_fa", "استان", "Province, in Persian"),
            ExportField(
                "population",
                "integer",
                "جمعیت",
                "Residents (used for per-capita figures)",
                unit="person",
                constraints=(("minimum", 1),),
            ),
        ),
        ("slug",),
        _municipalities,
    ),
    ExportTable(
        "districts",
        "مناطق شهرداری",
        "Municipal districts (Mashhad: 1 to 13 and Samen).",
        (
            _slug("municipality", "شهرداری", "Municipality slug"),
            _code("code", "کد منطقه", "District code within its municipality"),
            _text("name_fa", "نام", "Name in Persian"),
        ),
        ("municipality", "code"),
        _districts,
        _MUNI_REF,
    ),
    ExportTable(
        "categories",
        "حوزه‌های هزینه",
        "Spending categories of urban projects.",
        (
            _slug("slug", "شناسه", "Identifier"),
            _text("name_fa", "نام", "Name in Persian"),
            _text(
                "synonyms_fa",
                "مترادف‌ها",
                "Other Persian names the bot understands, separated by ؛",
                required=False,
            ),
        ),
        ("slug",),
        _categories,
    ),
    ExportTable(
        "vat_rates",
        "نرخ مالیات بر ارزش افزوده و سهم شهرداری",
        "The VAT rate and the municipal share of it, from the day each took effect.",
        (
            _date("valid_from", "از تاریخ", "First day the rate applies"),
            _percent("vat_rate_percent", "نرخ مالیات (درصد)", "VAT rate, percent of the price"),
            _percent(
                "municipal_share_percent",
                "سهم شهرداری (درصد)",
                "Percent of the collected VAT that reaches municipalities",
            ),
            _SOURCE,
        ),
        ("valid_from",),
        _vat_rates,
        has_source=True,
    ),
    ExportTable(
        "vat_shares",
        "سهم ماهانه شهرداری از مالیات بر ارزش افزوده",
        "VAT money each municipality received in each Jalali month.",
        (
            _slug("municipality", "شهرداری", "Municipality slug"),
            _YEAR,
            _MONTH,
            _rial("amount_rial", "مبلغ (ریال)", "VAT money received in the month"),
            _date("published_on", "تاریخ انتشار", "When the figure was published"),
            _SOURCE,
        ),
        ("municipality", "year", "month"),
        _vat_shares,
        _MUNI_REF,
        has_source=True,
    ),
    ExportTable(
        "projects",
        "پروژه‌های شهری",
        "Urban projects funded (partly) by the municipality's VAT share.",
        (
            _code("code", "کد پروژه", "Project code"),
            _text("name_fa", "نام", "Name in Persian"),
            _slug("municipality", "شهرداری", "Municipality slug"),
            _code("district", "منطقه", "District code; empty for city-wide projects", False),
            _slug("category", "حوزه", "Category slug"),
            ExportField(
                "status",
                "string",
                "وضعیت",
                "planned, in_progress, completed or suspended",
                constraints=(("enum", list(PROJECT_STATUSES)),),
            ),
            _rial("total_budget_rial", "بودجه کل (ریال)", "Total budget from every source"),
            _date("start_date", "تاریخ شروع", "Start date"),
            _date("planned_end_date", "پایان برنامه‌ریزی‌شده", "Planned end date", False),
            ExportField(
                "progress_percent",
                "integer",
                "پیشرفت (درصد)",
                "Physical progress",
                unit="percent",
                constraints=(("minimum", 0), ("maximum", 100)),
            ),
            ExportField(
                "lat",
                "number",
                "عرض جغرافیایی",
                "Latitude (WGS 84)",
                False,
                "degree",
                (("minimum", -90), ("maximum", 90)),
            ),
            ExportField(
                "lon",
                "number",
                "طول جغرافیایی",
                "Longitude (WGS 84)",
                False,
                "degree",
                (("minimum", -180), ("maximum", 180)),
            ),
            _text("description_fa", "شرح", "Description in Persian", False),
        ),
        ("code",),
        _projects,
        (
            *_MUNI_REF,
            (("category",), "categories", ("slug",)),
        ),
    ),
    ExportTable(
        "project_funding",
        "هزینه ماهانه پروژه‌ها از سهم مالیات",
        "VAT money spent on each project in each Jalali month.",
        (
            _code("project_code", "کد پروژه", "Project code"),
            _YEAR,
            _MONTH,
            _rial("amount_rial", "مبلغ (ریال)", "VAT money spent on the project in the month"),
            _SOURCE,
        ),
        ("project_code", "year", "month"),
        _project_funding,
        ((("project_code",), "projects", ("code",)),),
        has_source=True,
    ),
    ExportTable(
        "reports",
        "گزارش‌های مالی",
        "Periodic financial reports, once published.",
        (
            _code("code", "کد گزارش", "Report code"),
            _text("title_fa", "عنوان", "Title in Persian"),
            _slug("municipality", "شهرداری", "Municipality slug"),
            _date("period_from", "از", "First day covered"),
            _date("period_to", "تا", "Last day covered"),
            _date("published_on", "تاریخ انتشار", "Publication date"),
            _text("summary_fa", "خلاصه", "Summary in Persian"),
            _text("url", "نشانی", "Where the full report is (http or https)"),
        ),
        ("code",),
        _reports,
        _MUNI_REF,
    ),
    ExportTable(
        "faq",
        "پرسش‌های متداول",
        "Questions and answers about VAT and the platform.",
        (
            _slug("slug", "شناسه", "Identifier"),
            _text("question_fa", "پرسش", "Question in Persian"),
            _text("answer_fa", "پاسخ", "Answer in Persian"),
            _SOURCE,
        ),
        ("slug",),
        _faq,
        has_source=True,
    ),
)
TABLE_BY_NAME = {t.name: t for t in TABLES}


@dataclass(frozen=True, slots=True)
class TableExport:
    """One table's CSV and what the descriptor says about it."""

    table: ExportTable
    body: bytes
    row_count: int
    sources: list[str]


async def export_table(
    sessions: SessionFactory, table: ExportTable, today: jdatetime.date
) -> TableExport:
    """Read a table and write it as contract CSV."""
    async with sessions() as session:
        rows = await table.load(session, today)
    sources: list[str] = []
    if table.has_source:
        where = table.columns.index("source")
        sources = list(dict.fromkeys(str(row[where]) for row in rows))
    return TableExport(table, csv_bytes(table.columns, rows), len(rows), sources)


def table_names() -> Sequence[str]:
    """Return the public table names in import order."""
    return [t.name for t in TABLES]
