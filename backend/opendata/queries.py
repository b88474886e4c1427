"""Compute the figure a `FigureQuery` names, with the rows behind it, from the domain services.

Every number comes from the same service call the bot makes (`VatService`, `SpendingService`,
`ProjectService`, `CalculatorService`); this module only arranges the results into breakdowns
whose rows add up to their totals (a long list is cut into its top rows and one "others" row).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import jdatetime

from backend.errors import NotFound
from backend.formatting import (
    fa_number,
    month_label,
    range_label,
    status_label,
    toman,
    toman_with_rial,
)
from backend.months import Month, MonthRange
from backend.opendata import texts as T
from backend.opendata.links import FigureQuery
from backend.services import Services
from backend.services.base import is_sample_source
from backend.services.calculator import CalculatorResult
from backend.services.projects import ProjectDetail
from backend.services.spending import SpendingBreakdown
from backend.services.vat import (
    MunicipalityComparison,
    PeriodComparison,
    VatSeries,
    percent_change,
)

# Rows of a breakdown shown before the rest is folded into one "others" row.
MAX_ROWS = 50
# Ask the spending service for every project of the period: the cut happens here, with a sum.
ALL_PROJECTS = 1_000_000

# The contract tables each kind of figure is built from (for "last updated" and the sources).
TABLES: dict[str, tuple[str, ...]] = {
    "vat_share": ("municipalities", "vat_shares"),
    "vat_compare": ("municipalities", "vat_shares"),
    "spending": (
        "municipalities",
        "districts",
        "categories",
        "vat_shares",
        "projects",
        "project_funding",
    ),
    "project": ("projects", "project_funding", "categories", "districts"),
    "calculator": ("vat_rates", "vat_shares", "projects", "project_funding", "categories"),
}


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One row behind a figure."""

    key: str | None  # a month, year, slug or code; None for "others" or "no district"
    name_fa: str
    amount_rial: int
    percent: float | None = None  # of the breakdown's total
    note: str | None = None

    def as_json(self) -> dict[str, object]:
        """Return the row as JSON."""
        return {
            "key": self.key,
            "name_fa": self.name_fa,
            "amount_rial": self.amount_rial,
            "percent": self.percent,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A total and the rows that add up to it."""

    name: str  # months | years | categories | districts | projects | first | second | split
    title_fa: str
    total_rial: int
    rows: tuple[FigureRow, ...]

    def __post_init__(self) -> None:
        if sum(r.amount_rial for r in self.rows) != self.total_rial:
            raise AssertionError(f"rows of {self.name} do not add up to {self.total_rial}")

    def as_json(self) -> dict[str, object]:
        """Return the breakdown as JSON."""
        return {
            "name": self.name,
            "title_fa": self.title_fa,
            "total_rial": self.total_rial,
            "rows": [r.as_json() for r in self.rows],
        }


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as stated, exactly in rials, with its breakdowns and where it comes from."""

    query: FigureQuery
    title_fa: str
    value_rial: int
    breakdowns: tuple[Breakdown, ...]
    facts: dict[str, Any]  # what else the answer states, by kind (JSON-ready)
    sources: tuple[str, ...]
    last_published_on: jdatetime.date | None
    is_sample: bool
    # The service result the figure was read from, for the page (one of the services' DTOs).
    result: (
        VatSeries
        | PeriodComparison
        | MunicipalityComparison
        | SpendingBreakdown
        | (ProjectDetail | CalculatorResult)
    ) = field(repr=False)

    @property
    def tables(self) -> tuple[str, ...]:
        """Return the contract tables this figure is built from."""
        return TABLES[self.query.kind]

    @property
    def value_fa(self) -> str:
        """Return the headline in تومان with the exact rials."""
        return toman_with_rial(self.value_rial)

    def breakdown(self, name: str) -> Breakdown | None:
        """Return one breakdown by name."""
        return next((b for b in self.breakdowns if b.name == name), None)


def _percent(amount: int, total: int) -> float | None:
    return amount * 100.0 / total if total else None


def _cut(rows: Sequence[FigureRow], total: int, limit: int = MAX_ROWS) -> tuple[FigureRow, ...]:
    """Keep the first `limit` rows and fold the rest into one "others" row (same total)."""
    if len(rows) <= limit:
        return tuple(rows)
    kept = list(rows[:limit])
    rest = total - sum(r.amount_rial for r in kept)
    count = len(rows) - limit
    kept.append(
        FigureRow(None, T.ROW_OTHERS.format(count=fa_number(count)), rest, _percent(rest, total))
    )
    return tuple(kept)


def _month_rows(series: VatSeries) -> tuple[FigureRow, ...]:
    return tuple(
        FigureRow(
            g.key,
            month_label(g.period.start),
            g.amount_rial,
            _percent(g.amount_rial, series.total_rial),
            None if g.months_with_data else T.NOTE_NO_FIGURE,
        )
        for g in series.groups
    )


def _series_facts(series: VatSeries) -> dict[str, Any]:
    return {
        "municipality": {
            "slug": series.municipality.slug,
            "name_fa": series.municipality.name_fa,
            "population": series.municipality.population,
        },
        "period": series.requested.as_entity(),
        "total_rial": series.total_rial,
        "months_with_data": series.months_with_data,
        "missing_months": [str(m) for m in series.missing_months],
        "covered": series.covered.as_entity() if series.covered else None,
    }


def _latest(*days: jdatetime.date | None) -> jdatetime.date | None:
    present = [d for d in days if d is not None]
    return max(present) if present else None


async def compute(services: Services, q: FigureQuery) -> Figure:
    """Compute the figure of a query (raises NotFound / NoData like the services do)."""
    if q.kind == "vat_share":
        return await _share(services, q)
    if q.kind == "vat_compare":
        return await _compare(services, q)
    if q.kind == "spending":
        return await _spending(services, q)
    if q.kind == "project":
        return await _project(services, q)
    return await _calculator(services, q)


async def _share(services: Services, q: FigureQuery) -> Figure:
    assert q.period is not None
    series = await services.vat.series(q.municipality, q.period, "month")
    years = await services.vat.series(q.municipality, q.period, "year")
    name = series.municipality.name_fa
    year_rows = tuple(
        FigureRow(
            g.key,
            range_label(g.period),
            g.amount_rial,
            _percent(g.amount_rial, years.total_rial),
            None if g.months_with_data else T.NOTE_NO_FIGURE,
        )
        for g in years.groups
    )
    facts = _series_facts(series)
    facts["per_capita_rial"] = (
        series.total_rial / series.municipality.population
        if series.municipality.population
        else None
    )
    return Figure(
        query=q,
        title_fa=T.TITLE_SHARE.format(name=name, period=range_label(q.period)),
        value_rial=series.total_rial,
        breakdowns=(
            Breakdown("months", T.BREAKDOWN_MONTHS, series.total_rial, _month_rows(series)),
            Breakdown("years", T.BREAKDOWN_YEARS, years.total_rial, year_rows),
        ),
        facts=facts,
        sources=tuple(series.sources),
        last_published_on=series.last_published_on,
        is_sample=series.is_sample,
        result=series,
    )


async def _compare(services: Services, q: FigureQuery) -> Figure:
    assert q.period is not None
    facts: dict[str, Any]
    result: PeriodComparison | MunicipalityComparison
    if q.compare_municipality is not None:
        munis = await services.vat.compare_municipalities(
            str(q.municipality), q.compare_municipality, q.period
        )
        a, b = munis.first, munis.second
        title = T.TITLE_COMPARE_MUNIS.format(
            first=a.municipality.name_fa,
            second=b.municipality.name_fa,
            period=range_label(q.period),
        )
        facts = {
            "change_rial": a.total_rial - b.total_rial,
            "change_percent": percent_change(a.total_rial, b.total_rial),
            "ratio": munis.ratio,
            "per_capita_rial": {"first": munis.per_capita_first, "second": munis.per_capita_second},
        }
        result = munis
    else:
        assert q.compare_period is not None
        periods = await services.vat.compare_periods(q.municipality, q.period, q.compare_period)
        a, b = periods.first, periods.second
        title = T.TITLE_COMPARE_PERIODS.format(
            name=a.municipality.name_fa,
            first=range_label(q.period),
            second=range_label(q.compare_period),
        )
        facts = {
            "change_rial": periods.change_rial,
            "change_percent": periods.change_percent,
            "ratio": None,
            "per_capita_rial": None,
        }
        result = periods
    facts["compare_value_rial"] = b.total_rial
    facts["first"] = _series_facts(a)
    facts["second"] = _series_facts(b)
    return Figure(
        query=q,
        title_fa=title,
        value_rial=a.total_rial,
        breakdowns=(
            Breakdown("first", T.BREAKDOWN_FIRST, a.total_rial, _month_rows(a)),
            Breakdown("second", T.BREAKDOWN_SECOND, b.total_rial, _month_rows(b)),
        ),
        facts=facts,
        sources=tuple(dict.fromkeys([*a.sources, *b.sources])),
        last_published_on=_latest(a.last_published_on, b.last_published_on),
        is_sample=a.is_sample or b.is_sample,
        result=result,
    )


async def _known_filters(services: Services, q: FigureQuery) -> dict[str, str]:
    """Check the category and district of a spending query exist; return their Persian names."""
    names: dict[str, str] = {}
    if q.category is None and q.district is None:
        return names
    data = await services.catalog.gazetteer_data()
    if q.category is not None:
        found = [c.name_fa for c in data.categories if c.slug == q.category]
        if not found:
            raise NotFound(f"unknown category {q.category!r}", message_fa="این حوزه پیدا نشد.")
        names["category"] = found[0]
    if q.district is not None:
        muni = await services.catalog.municipality(q.municipality)
        found = [
            d.name_fa
            for d in data.districts
            if d.municipality == muni.slug and d.code == q.district
        ]
        if not found:
            raise NotFound(
                f"unknown district {q.district!r} of {muni.slug}",
                message_fa="این منطقه در این شهر پیدا نشد.",
            )
        names["district"] = found[0]
    return names


async def _spending(services: Services, q: FigureQuery) -> Figure:
    assert q.period is not None
    names = await _known_filters(services, q)
    b = await services.spending.breakdown(
        q.municipality, q.period, q.category, top=ALL_PROJECTS, district=q.district
    )
    spent = b.spent_on_projects_rial
    categories = tuple(
        FigureRow(c.slug, c.name_fa, c.amount_rial, c.percent) for c in b.by_category
    )
    districts = tuple(
        FigureRow(d.code, d.name_fa or T.ROW_CITYWIDE, d.amount_rial, d.percent)
        for d in b.by_district
    )
    projects = [
        FigureRow(p.code, p.name_fa, p.amount_rial, _percent(p.amount_rial, spent))
        for p in b.top_projects
    ]
    name = b.received.municipality.name_fa
    filters = []
    if "category" in names:
        filters.append(T.FILTER_CATEGORY.format(name=names["category"]))
    if "district" in names:
        filters.append(T.FILTER_DISTRICT.format(name=names["district"]))
    title = (
        T.TITLE_SPENDING_FILTERED.format(
            filters=T.FILTER_JOIN.join(filters), name=name, period=range_label(q.period)
        )
        if filters
        else T.TITLE_SPENDING.format(name=name, period=range_label(q.period))
    )
    received = b.received.total_rial
    return Figure(
        query=q,
        title_fa=title,
        value_rial=spent,
        breakdowns=(
            Breakdown("categories", T.BREAKDOWN_CATEGORIES, spent, categories),
            Breakdown("districts", T.BREAKDOWN_DISTRICTS, spent, districts),
            Breakdown("projects", T.BREAKDOWN_PROJECTS, spent, _cut(projects, spent)),
        ),
        facts={
            "municipality": {"slug": b.received.municipality.slug, "name_fa": name},
            "period": q.period.as_entity(),
            "category": q.category,
            "category_fa": names.get("category"),
            "district": q.district,
            "district_fa": names.get("district"),
            "received_rial": received,
            "spent_on_projects_rial": spent,
            "not_on_projects_rial": max(0, received - spent) if not filters else None,
            "project_share_percent": b.project_share_percent,
            "project_count": len(b.top_projects),
        },
        sources=tuple(dict.fromkeys([*b.received.sources, *b.sources])),
        last_published_on=b.received.last_published_on,
        is_sample=b.is_sample,
        result=b,
    )


def _in_period(month: Month, period: MonthRange | None) -> bool:
    return period is None or month in period


async def _project(services: Services, q: FigureQuery) -> Figure:
    assert q.project is not None
    detail = await services.projects.detail(q.project)
    s = detail.summary
    funding = [f for f in detail.funding if _in_period(f.month, q.period)]
    total = s.vat_funding_rial if q.period is None else sum(f.amount_rial for f in funding)
    months = tuple(
        FigureRow(str(f.month), month_label(f.month), f.amount_rial, _percent(f.amount_rial, total))
        for f in funding
    )
    by_year: dict[int, int] = {}
    for f in funding:
        by_year[f.month.year] = by_year.get(f.month.year, 0) + f.amount_rial
    years = tuple(
        FigureRow(str(y), range_label(MonthRange.year(y)), a, _percent(a, total))
        for y, a in by_year.items()
    )
    title = (
        T.TITLE_PROJECT_PERIOD.format(name=s.name_fa, code=s.code, period=range_label(q.period))
        if q.period is not None
        else T.TITLE_PROJECT.format(name=s.name_fa, code=s.code)
    )
    sources = tuple(dict.fromkeys(f.source for f in funding))
    return Figure(
        query=q,
        title_fa=title,
        value_rial=total,
        breakdowns=(
            Breakdown("months", T.BREAKDOWN_MONTHS, total, months),
            Breakdown("years", T.BREAKDOWN_YEARS, total, years),
        ),
        facts={
            "project": {
                "code": s.code,
                "name_fa": s.name_fa,
                "municipality": s.municipality,
                "municipality_fa": s.municipality_fa,
                "district": s.district,
                "district_fa": s.district_fa,
                "category": s.category,
                "category_fa": s.category_fa,
                "status": s.status,
                "status_fa": status_label(s.status),
                "progress_percent": s.progress_percent,
                "total_budget_rial": s.total_budget_rial,
                "vat_funding_total_rial": s.vat_funding_rial,
                "start_date": _day(s.start_date),
                "planned_end_date": _day(s.planned_end_date),
                "lat": s.lat,
                "lon": s.lon,
                "description_fa": detail.description_fa,
                "updated_on": _day(detail.updated_at),
            },
            "period": q.period.as_entity() if q.period else None,
            # The data model keeps only the current status and when the project last changed.
            "status_history": None,
            "status_history_note_fa": T.STATUS_HISTORY_MISSING,
        },
        sources=sources,
        last_published_on=None,
        is_sample=detail.is_sample or is_sample_source(sources),
        result=detail,
    )


def _day(day: jdatetime.date | None) -> str | None:
    return None if day is None else day.strftime("%Y-%m-%d")


async def _calculator(services: Services, q: FigureQuery) -> Figure:
    assert q.amount_rial is not None and q.amount_kind is not None and q.day is not None
    r = await services.calculator.calculate(
        q.amount_rial, kind=q.amount_kind, day=q.day, municipality=q.municipality
    )
    split = [FigureRow(p.slug, p.name_fa, p.amount_rial, p.percent) for p in r.split]
    if split:
        # Each part is rounded to a whole rial on its own; say so rather than hide the rial.
        difference = r.municipal_rial - sum(p.amount_rial for p in split)
        if difference:
            split.append(FigureRow(None, T.ROW_ROUNDING, difference, None, T.NOTE_ROUNDING))
    what = T.CALC_WHAT_VAT if r.kind == "vat" else T.CALC_WHAT_PURCHASE
    rate = r.rate
    formula = [
        T.FORMULA_VAT_GIVEN if r.kind == "vat" else T.FORMULA_VAT_IN_PURCHASE,
        T.FORMULA_MUNICIPAL,
    ]
    if r.split_period is not None:
        formula.append(T.FORMULA_SPLIT.format(period=range_label(r.split_period)))
    formula.append(T.FORMULA_ROUNDING)
    return Figure(
        query=q,
        title_fa=T.TITLE_CALCULATOR.format(
            amount=toman(r.amount_rial), what=what, name=r.municipality.name_fa
        ),
        value_rial=r.municipal_rial,
        breakdowns=(
            (Breakdown("split", T.BREAKDOWN_SPLIT, r.municipal_rial, tuple(split)),)
            if split
            else ()
        ),
        facts={
            "municipality": {"slug": r.municipality.slug, "name_fa": r.municipality.name_fa},
            "amount_rial": r.amount_rial,
            "amount_kind": r.kind,
            "vat_rial": r.vat_rial,
            "municipal_rial": r.municipal_rial,
            "rate": {
                "valid_from": _day(rate.valid_from),
                "vat_rate_percent": rate.vat_rate_percent,
                "municipal_share_percent": rate.municipal_share_percent,
                "source": rate.source,
            },
            "rates": [
                {
                    "valid_from": _day(day),
                    "vat_rate_percent": vat_percent,
                    "municipal_share_percent": share_percent,
                }
                for day, vat_percent, share_percent in rate.history
            ],
            "formula_fa": formula,
            "split_period": r.split_period.as_entity() if r.split_period else None,
        },
        sources=(rate.source,),
        last_published_on=None,
        is_sample=r.is_sample,
        result=r,
    )


def all_sources(figures: Iterable[Figure]) -> list[str]:
    """Return the distinct sources of several figures, in order."""
    return list(dict.fromkeys(s for f in figures for s in f.sources))
