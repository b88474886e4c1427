"""Rankings: towns by VAT share (total or per person), and districts, categories, projects and
months by what they got, spent or have — each an ordered list, never only the top."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from sqlalchemy import ColumnElement, func, select

from backend.models import Category, District, Municipality, Project, ProjectFunding, VatShare
from backend.months import Month, MonthRange
from backend.services.base import SessionFactory, is_sample_source, resolve_municipality
from backend.services.memo import memoized, new_memo
from backend.services.version import DataVersion

Measure = Literal["received", "funding", "budget", "progress", "growth"]


@dataclass(frozen=True, slots=True)
class RankedItem:
    """One line of a ranking: what it is and its value (rials, or a percent for progress)."""

    key: str
    name_fa: str
    value: int | float
    total_rial: int = 0  # a town's total when ranked per person
    population: int = 0


@dataclass(frozen=True, slots=True)
class Ranking:
    """An ordered list, best first for "desc" and last first for "asc"."""

    items: list[RankedItem]
    # Money that belongs to no line of this ranking (city-wide projects in a district ranking).
    unassigned_rial: int
    sources: list[str]
    is_sample: bool


def _ordered(items: list[RankedItem], descending: bool) -> list[RankedItem]:
    return sorted(items, key=lambda i: (-i.value if descending else i.value, i.name_fa))


def _months_between(period: MonthRange | None) -> list[ColumnElement[bool]]:
    if period is None:
        return []
    ordinal = ProjectFunding.year * 12 + ProjectFunding.month - 1
    return [ordinal >= period.start.ordinal, ordinal <= period.end.ordinal]


class RankingService:
    """Rank the things a citizen can ask "which … the most" about."""

    def __init__(self, sessions: SessionFactory, version: DataVersion) -> None:
        self._sessions = sessions
        self._version = version
        self._memo = new_memo()

    @memoized
    async def municipalities(
        self, period: MonthRange, *, per_capita: bool, descending: bool = True
    ) -> Ranking:
        """Rank towns by their VAT share over a period (per person when asked)."""
        ordinal = VatShare.year * 12 + VatShare.month - 1
        async with self._sessions() as session:
            rows = (
                await session.execute(
                    select(
                        Municipality.slug,
                        Municipality.name_fa,
                        Municipality.population,
                        func.sum(VatShare.amount_rial),
                    )
                    .join(VatShare, VatShare.municipality_id == Municipality.id)
                    .where(ordinal >= period.start.ordinal, ordinal <= period.end.ordinal)
                    .group_by(Municipality.slug, Municipality.name_fa, Municipality.population)
                )
            ).all()
            sources = list(
                (
                    await session.scalars(
                        select(VatShare.source)
                        .where(ordinal >= period.start.ordinal, ordinal <= period.end.ordinal)
                        .distinct()
                    )
                ).all()
            )
        items = []
        for slug, name, population, total in rows:
            total = int(total)
            if per_capita:
                if not population:
                    continue
                value: int | float = int((Fraction(total, population) * 2 + 1) // 2)
            else:
                value = total
            items.append(RankedItem(slug, name, value, total, int(population or 0)))
        return Ranking(_ordered(items, descending), 0, sources, is_sample_source(sources))

    @memoized
    async def districts(
        self,
        municipality: str | None,
        period: MonthRange | None,
        category: str | None = None,
        descending: bool = True,
    ) -> Ranking:
        """Rank a town's districts by the VAT money spent on their projects."""
        amount = func.sum(ProjectFunding.amount_rial)
        async with self._sessions() as session:
            muni = await resolve_municipality(session, municipality)
            where: list[ColumnElement[bool]] = [
                Project.municipality_id == muni.id,
                *_months_between(period),
            ]
            if category:
                where.append(Category.slug == category)
            base = (
                select(District.code, District.name_fa, amount)
                .select_from(ProjectFunding)
                .join(Project, Project.id == ProjectFunding.project_id)
                .join(Category, Category.id == Project.category_id)
                .outerjoin(District, District.id == Project.district_id)
                .where(*where)
                .group_by(District.code, District.name_fa)
            )
            rows = (await session.execute(base)).all()
            sources = list(
                (
                    await session.scalars(
                        select(ProjectFunding.source)
                        .join(Project, Project.id == ProjectFunding.project_id)
                        .join(Category, Category.id == Project.category_id)
                        .where(*where)
                        .distinct()
                    )
                ).all()
            )
        items = [RankedItem(code, name, int(total)) for code, name, total in rows if code]
        unassigned = sum(int(total) for code, _, total in rows if not code)
        return Ranking(_ordered(items, descending), unassigned, sources, is_sample_source(sources))

    @memoized
    async def projects(
        self,
        municipality: str | None,
        period: MonthRange | None,
        measure: Measure,
        *,
        district: str | None = None,
        category: str | None = None,
        status: str | None = None,
        codes: tuple[str, ...] | None = None,
        descending: bool = True,
    ) -> Ranking:
        """Rank a town's projects by VAT funding (in a period), budget or progress."""
        async with self._sessions() as session:
            muni = await resolve_municipality(session, municipality)
            where: list[ColumnElement[bool]] = [Project.municipality_id == muni.id]
            if district:
                where.append(District.code == district)
            if category:
                where.append(Category.slug == category)
            if status:
                where.append(Project.status == status)
            if codes is not None:
                where.append(Project.code.in_(codes))
            base = (
                select(Project.code, Project.name_fa, Project.total_budget_rial)
                .add_columns(Project.progress_percent)
                .join(Category, Category.id == Project.category_id)
                .outerjoin(District, District.id == Project.district_id)
                .where(*where)
            )
            projects = (await session.execute(base)).all()
            funding_rows = (
                await session.execute(
                    select(Project.code, func.sum(ProjectFunding.amount_rial))
                    .join(ProjectFunding, ProjectFunding.project_id == Project.id)
                    .join(Category, Category.id == Project.category_id)
                    .outerjoin(District, District.id == Project.district_id)
                    .where(*where, *_months_between(period))
                    .group_by(Project.code)
                )
            ).all()
            sources = list(
                (
                    await session.scalars(
                        select(ProjectFunding.source)
                        .join(Project, Project.id == ProjectFunding.project_id)
                        .join(Category, Category.id == Project.category_id)
                        .outerjoin(District, District.id == Project.district_id)
                        .where(*where, *_months_between(period))
                        .distinct()
                    )
                ).all()
            )
        funded = {code: int(total) for code, total in funding_rows}
        items: list[RankedItem] = []
        for code, name, budget, progress in projects:
            if measure == "budget":
                value: int | float = int(budget)
            elif measure == "progress":
                value = int(progress)
            else:
                if code not in funded:
                    continue
                value = funded[code]
            items.append(RankedItem(code, name, value))
        return Ranking(_ordered(items, descending), 0, sources, is_sample_source(sources))

    @memoized
    async def months(
        self, municipality: str | None, period: MonthRange, descending: bool = True
    ) -> Ranking:
        """Rank the months of a period by the town's VAT share."""
        ordinal = VatShare.year * 12 + VatShare.month - 1
        async with self._sessions() as session:
            muni = await resolve_municipality(session, municipality)
            rows = (
                await session.execute(
                    select(
                        VatShare.year, VatShare.month, VatShare.amount_rial, VatShare.source
                    ).where(
                        VatShare.municipality_id == muni.id,
                        ordinal >= period.start.ordinal,
                        ordinal <= period.end.ordinal,
                    )
                )
            ).all()
        items = [
            RankedItem(f"{year:04d}-{month:02d}", "", int(amount))
            for year, month, amount, _ in rows
        ]
        sources = list(dict.fromkeys(row[3] for row in rows))
        return Ranking(_ordered(items, descending), 0, sources, is_sample_source(sources))

    @memoized
    async def years(
        self, municipality: str | None, period: MonthRange, *, growth: bool, descending: bool = True
    ) -> Ranking:
        """Rank whole years of a period by the town's share, or by growth over the year before."""
        first_year = period.start.year - (1 if growth else 0)
        span = MonthRange(Month(first_year, 1), Month(period.end.year, 12))
        months = await self.months(municipality, span, True)
        totals: dict[int, int] = {}
        counts: dict[int, int] = {}
        for item in months.items:
            year = int(item.key[:4])
            totals[year] = totals.get(year, 0) + int(item.value)
            counts[year] = counts.get(year, 0) + 1
        items: list[RankedItem] = []
        for year in range(period.start.year, period.end.year + 1):
            if counts.get(year) != 12:
                continue  # a year cut short by the data would be an unfair line
            if growth:
                before = totals.get(year - 1)
                if not before or counts.get(year - 1) != 12:
                    continue
                items.append(
                    RankedItem(
                        str(year), "", (totals[year] - before) * 100.0 / before, totals[year]
                    )
                )
            else:
                items.append(RankedItem(str(year), "", totals[year], totals[year]))
        return Ranking(_ordered(items, descending), 0, months.sources, months.is_sample)
