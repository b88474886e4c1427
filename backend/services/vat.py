"""VAT figures: a municipality's monthly share, grouped, compared, and the rate in force."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import jdatetime
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.errors import InvalidInput, NoData, NotFound
from backend.models import Municipality, VatRate, VatShare
from backend.months import Month, MonthRange
from backend.services.base import (
    MunicipalityInfo,
    SessionFactory,
    get_municipality,
    is_sample_source,
    municipality_info,
    resolve_municipality,
    to_jalali,
)
from backend.services.memo import memoized, new_memo
from backend.services.version import DataVersion

Group = Literal["month", "quarter", "year"]
GROUPS: tuple[Group, ...] = ("month", "quarter", "year")


@dataclass(frozen=True, slots=True)
class VatGroup:
    """The sum of one month, quarter or year."""

    key: str  # "1403-05", "1403-Q2", "1403"
    period: MonthRange
    amount_rial: int
    months_with_data: int


@dataclass(frozen=True, slots=True)
class VatSeries:
    """A municipality's VAT share over a range, with what backs it."""

    municipality: MunicipalityInfo
    requested: MonthRange
    group: Group
    groups: list[VatGroup]
    total_rial: int
    covered: MonthRange | None  # first..last month inside `requested` that has data
    months_with_data: int
    missing_months: list[Month]
    sources: list[str]
    last_published_on: jdatetime.date | None
    is_sample: bool

    @property
    def complete(self) -> bool:
        """Tell whether every requested month has a figure."""
        return not self.missing_months


@dataclass(frozen=True, slots=True)
class PeriodComparison:
    """One municipality, two periods."""

    first: VatSeries
    second: VatSeries
    change_rial: int  # first - second
    change_percent: float | None  # relative to `second`; None when `second` is zero


@dataclass(frozen=True, slots=True)
class MunicipalityComparison:
    """Two municipalities over one period, absolute and per capita."""

    first: VatSeries
    second: VatSeries
    per_capita_first: float
    per_capita_second: float
    ratio: float | None  # first / second


@dataclass(frozen=True, slots=True)
class RateInfo:
    """The VAT rate and the municipal share in force on a day."""

    valid_from: jdatetime.date
    vat_rate_percent: float
    municipal_share_percent: float
    source: str
    history: list[tuple[jdatetime.date, float, float]] = field(default_factory=list)


def percent_change(new: int, old: int) -> float | None:
    """Return the change from `old` to `new` in percent, or None when `old` is zero."""
    return None if old == 0 else (new - old) * 100.0 / old


class VatService:
    """Read the VAT share figures."""

    def __init__(self, sessions: SessionFactory, version: DataVersion) -> None:
        self._sessions = sessions
        self._version = version
        self._memo = new_memo()

    @memoized
    async def data_range(self, municipality: str | None = None) -> MonthRange | None:
        """Return the first and last month with a figure for a municipality (default Mashhad)."""
        async with self._sessions() as session:
            muni = await resolve_municipality(session, municipality)
            return await _data_range(session, muni.id)

    @memoized
    async def series(
        self,
        municipality: str | None = None,
        period: MonthRange | None = None,
        group: Group = "month",
    ) -> VatSeries:
        """Sum a municipality's VAT share per month, quarter or year over a range (default: all)."""
        if group not in GROUPS:
            raise InvalidInput(f"group must be one of {', '.join(GROUPS)}")
        async with self._sessions() as session:
            muni = await resolve_municipality(session, municipality)
            if period is None:
                period = await _data_range(session, muni.id)
                if period is None:
                    raise NoData(
                        f"no VAT figures for {muni.slug}",
                        message_fa=f"برای {muni.name_fa} هنوز رقمی ثبت نشده است.",
                    )
            return await load_series(session, muni, period, group)

    @memoized
    async def compare_periods(
        self, municipality: str | None, first: MonthRange, second: MonthRange
    ) -> PeriodComparison:
        """Compare one municipality's share in two periods (first against second)."""
        async with self._sessions() as session:
            muni = await resolve_municipality(session, municipality)
            a = await load_series(session, muni, first, "month")
            b = await load_series(session, muni, second, "month")
        return PeriodComparison(
            a, b, a.total_rial - b.total_rial, percent_change(a.total_rial, b.total_rial)
        )

    @memoized
    async def compare_municipalities(
        self, first: str, second: str, period: MonthRange
    ) -> MunicipalityComparison:
        """Compare two municipalities' shares over one period, also per resident."""
        async with self._sessions() as session:
            muni_a = await get_municipality(session, first)
            muni_b = await get_municipality(session, second)
            a = await load_series(session, muni_a, period, "month")
            b = await load_series(session, muni_b, period, "month")
        per_a = a.total_rial / muni_a.population if muni_a.population else 0.0
        per_b = b.total_rial / muni_b.population if muni_b.population else 0.0
        ratio = a.total_rial / b.total_rial if b.total_rial else None
        return MunicipalityComparison(a, b, per_a, per_b, ratio)

    @memoized
    async def rate_on(self, day: jdatetime.date) -> RateInfo:
        """Return the VAT rate and municipal share in force on a Jalali day."""
        async with self._sessions() as session:
            rows = (await session.scalars(select(VatRate).order_by(VatRate.valid_from))).all()
        if not rows:
            raise NoData(
                "no VAT rates in the database", message_fa="نرخ مالیات در داده‌ها ثبت نشده."
            )
        gregorian = day.togregorian()
        in_force = [row for row in rows if row.valid_from <= gregorian] or [rows[0]]
        row = in_force[-1]
        history = [
            (to_jalali(r.valid_from), float(r.vat_rate_percent), float(r.municipal_share_percent))
            for r in rows
        ]
        return RateInfo(
            to_jalali(row.valid_from),
            float(row.vat_rate_percent),
            float(row.municipal_share_percent),
            row.source,
            history,
        )

    @memoized
    async def latest_published(self) -> dict[str, tuple[Month, jdatetime.date]]:
        """Return each municipality's latest month with a figure and its publication date."""
        async with self._sessions() as session:
            ordinal = VatShare.year * 12 + VatShare.month - 1
            latest = (
                select(VatShare.municipality_id, func.max(ordinal).label("o"))
                .group_by(VatShare.municipality_id)
                .subquery()
            )
            stmt = (
                select(Municipality.slug, VatShare.year, VatShare.month, VatShare.published_on)
                .join(latest, latest.c.municipality_id == VatShare.municipality_id)
                .join(Municipality, Municipality.id == VatShare.municipality_id)
                .where(ordinal == latest.c.o)
            )
            rows = (await session.execute(stmt)).all()
        return {slug: (Month(y, m), to_jalali(p)) for slug, y, m, p in rows}


async def _data_range(session: AsyncSession, municipality_id: int) -> MonthRange | None:
    ordinal = VatShare.year * 12 + VatShare.month - 1
    low, high = (
        await session.execute(
            select(func.min(ordinal), func.max(ordinal)).where(
                VatShare.municipality_id == municipality_id
            )
        )
    ).one()
    if low is None or high is None:
        return None
    return MonthRange(Month.from_ordinal(int(low)), Month.from_ordinal(int(high)))


def _group_key(month: Month, group: Group) -> tuple[str, MonthRange]:
    if group == "month":
        return str(month), MonthRange(month, month)
    if group == "quarter":
        first = Month(month.year, (month.quarter - 1) * 3 + 1)
        return f"{month.year}-Q{month.quarter}", MonthRange(first, first.shift(2))
    return str(month.year), MonthRange.year(month.year)


async def load_series(
    session: AsyncSession, muni: Municipality, period: MonthRange, group: Group
) -> VatSeries:
    ordinal = VatShare.year * 12 + VatShare.month - 1
    rows = (
        await session.execute(
            select(
                VatShare.year,
                VatShare.month,
                VatShare.amount_rial,
                VatShare.published_on,
                VatShare.source,
            )
            .where(
                VatShare.municipality_id == muni.id,
                ordinal >= period.start.ordinal,
                ordinal <= period.end.ordinal,
            )
            .order_by(VatShare.year, VatShare.month)
        )
    ).all()
    by_key: dict[str, tuple[MonthRange, int, int]] = {}
    for month in period.months():  # every requested group appears, even with no data
        key, span = _group_key(month, group)
        by_key.setdefault(key, (span, 0, 0))
    present: set[Month] = set()
    sources: list[str] = []
    last_published = None
    for year, month_no, amount, published_on, source in rows:
        month = Month(year, month_no)
        present.add(month)
        key, _ = _group_key(month, group)
        span, total, count = by_key[key]
        by_key[key] = (span, total + int(amount), count + 1)
        if source not in sources:
            sources.append(source)
        if last_published is None or published_on > last_published:
            last_published = published_on
    groups = [
        VatGroup(key, span.clip(period) or span, total, count)
        for key, (span, total, count) in by_key.items()
    ]
    covered = MonthRange(min(present), max(present)) if present else None
    return VatSeries(
        municipality=municipality_info(muni),
        requested=period,
        group=group,
        groups=groups,
        total_rial=sum(g.amount_rial for g in groups),
        covered=covered,
        months_with_data=len(present),
        missing_months=[m for m in period.months() if m not in present],
        sources=sources,
        last_published_on=to_jalali(last_published) if last_published else None,
        is_sample=is_sample_source(sources),
    )


__all__ = [
    "GROUPS",
    "Group",
    "MunicipalityComparison",
    "NotFound",
    "PeriodComparison",
    "RateInfo",
    "VatGroup",
    "VatSeries",
    "VatService",
    "percent_change",
]
