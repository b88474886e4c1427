"""Plain service results → JSON-ready dicts (Jalali dates as YYYY-MM-DD, money in whole rials)."""

from __future__ import annotations

from typing import Any

import jdatetime

from backend.months import MonthRange
from backend.services.base import MunicipalityInfo
from backend.services.catalog import ReportInfo
from backend.services.projects import ProjectDetail, ProjectPage, ProjectSummary
from backend.services.vat import VatSeries


def jdate(value: jdatetime.date | None) -> str | None:
    """Format a Jalali date as YYYY-MM-DD."""
    return None if value is None else f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def month_range(value: MonthRange | None) -> dict[str, str] | None:
    """Format a month range as {"from", "to"}."""
    return None if value is None else value.as_entity()


def municipality(info: MunicipalityInfo) -> dict[str, Any]:
    """Serialize a municipality."""
    return {
        "slug": info.slug,
        "name_fa": info.name_fa,
        "province_fa": info.province_fa,
        "population": info.population,
    }


def vat_series(series: VatSeries) -> dict[str, Any]:
    """Serialize a VAT series with its provenance."""
    return {
        "municipality": municipality(series.municipality),
        "from": str(series.requested.start),
        "to": str(series.requested.end),
        "group": series.group,
        "unit": "rial",
        "items": [
            {
                "key": g.key,
                "from": str(g.period.start),
                "to": str(g.period.end),
                "amount_rial": g.amount_rial,
                "months_with_data": g.months_with_data,
            }
            for g in series.groups
        ],
        "total_rial": series.total_rial,
        "months_with_data": series.months_with_data,
        "missing_months": [str(m) for m in series.missing_months],
        "sources": series.sources,
        "last_published_on": jdate(series.last_published_on),
        "is_sample": series.is_sample,
    }


def project_summary(p: ProjectSummary) -> dict[str, Any]:
    """Serialize one project of a list."""
    return {
        "code": p.code,
        "name_fa": p.name_fa,
        "municipality": p.municipality,
        "municipality_fa": p.municipality_fa,
        "district": p.district,
        "district_fa": p.district_fa,
        "category": p.category,
        "category_fa": p.category_fa,
        "status": p.status,
        "progress_percent": p.progress_percent,
        "total_budget_rial": p.total_budget_rial,
        "vat_funding_rial": p.vat_funding_rial,
        "start_date": jdate(p.start_date),
        "planned_end_date": jdate(p.planned_end_date),
        "lat": p.lat,
        "lon": p.lon,
    }


def project_page(page: ProjectPage) -> dict[str, Any]:
    """Serialize a page of projects."""
    return {
        "items": [project_summary(p) for p in page.items],
        "total": page.total,
        "page": page.page,
        "per_page": page.per_page,
        "pages": page.pages,
    }


def project_detail(d: ProjectDetail) -> dict[str, Any]:
    """Serialize one project's card with its monthly funding."""
    return {
        **project_summary(d.summary),
        "description_fa": d.description_fa,
        "funding": [
            {"month": str(f.month), "amount_rial": f.amount_rial, "source": f.source}
            for f in d.funding
        ],
        "updated_on": jdate(d.updated_at),
        "is_sample": d.is_sample,
    }


def report(r: ReportInfo) -> dict[str, Any]:
    """Serialize a published report."""
    return {
        "code": r.code,
        "title_fa": r.title_fa,
        "municipality": r.municipality,
        "municipality_fa": r.municipality_fa,
        "period_from": jdate(r.period_from),
        "period_to": jdate(r.period_to),
        "published_on": jdate(r.published_on),
        "summary_fa": r.summary_fa,
        "url": r.url,
    }
