"""Where the VAT money went: funding of projects summed by category, district and project."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from backend.models import Category, District, Project, ProjectFunding
from backend.months import MonthRange
from backend.services.base import SessionFactory, is_sample_source, resolve_municipality
from backend.services.memo import memoized, new_memo
from backend.services.vat import VatSeries, load_series
from backend.services.version import DataVersion

TOP_PROJECTS = 5


@dataclass(frozen=True, slots=True)
class CategorySpending:
    slug: str
    name_fa: str
    amount_rial: int
    percent: float  # of all project funding in the period


@dataclass(frozen=True, slots=True)
class DistrictSpending:
    code: str | None  # None: projects of the whole city, recorded without a district
    name_fa: str | None
    amount_rial: int
    percent: float  # of all project funding in the period


@dataclass(frozen=True, slots=True)
class ProjectSpending:
    code: str
    name_fa: str
    category: str
    amount_rial: int


@dataclass(frozen=True, slots=True)
class SpendingBreakdown:
    """VAT money of a period: how much came in, and how much went to which projects."""

    period: MonthRange
    received: VatSeries
    spent_on_projects_rial: int
    by_category: list[CategorySpending]
    top_projects: list[ProjectSpending]
    category: str | None  # the category filter, if any
    sources: list[str]
    is_sample: bool
    by_district: list[DistrictSpending] = field(default_factory=list)
    district: str | None = None  # the district filter, if any

    @property
    def project_share_percent(self) -> float | None:
        """Return the part of the received money recorded as project funding, in percent."""
        if not self.received.total_rial:
            return None
        return self.spent_on_projects_rial * 100.0 / self.received.total_rial


class SpendingService:
    """Sum project funding for a municipality and period."""

    def __init__(self, sessions: SessionFactory, version: DataVersion) -> None:
        self._sessions = sessions
        self._version = version
        self._memo = new_memo()

    @memoized
    async def breakdown(
        self,
        municipality: str | None,
        period: MonthRange,
        category: str | None = None,
        top: int = TOP_PROJECTS,
        district: str | None = None,
        *,
        codes: tuple[str, ...] | None = None,
    ) -> SpendingBreakdown:
        """Return spending by category and district, and the top projects of a period.

        `category`, `district` (a district code of the municipality) and `codes` (the projects
        a keyword names) narrow it down.
        """
        ordinal = ProjectFunding.year * 12 + ProjectFunding.month - 1
        async with self._sessions() as session:
            muni = await resolve_municipality(session, municipality)
            received = await load_series(session, muni, period, "month")
            conditions = [
                Project.municipality_id == muni.id,
                ordinal >= period.start.ordinal,
                ordinal <= period.end.ordinal,
            ]
            if category:
                conditions.append(Category.slug == category)
            if district:
                conditions.append(
                    Project.district_id.in_(
                        select(District.id).where(
                            District.municipality_id == muni.id, District.code == district
                        )
                    )
                )
            if codes is not None:
                conditions.append(Project.code.in_(codes))
            amount = func.sum(ProjectFunding.amount_rial)
            category_rows = (
                await session.execute(
                    select(Category.slug, Category.name_fa, amount)
                    .join(Project, Project.category_id == Category.id)
                    .join(ProjectFunding, ProjectFunding.project_id == Project.id)
                    .where(*conditions)
                    .group_by(Category.slug, Category.name_fa)
                    .order_by(amount.desc(), Category.slug)
                )
            ).all()
            project_rows = (
                await session.execute(
                    select(Project.code, Project.name_fa, Category.slug, amount)
                    .join(Category, Category.id == Project.category_id)
                    .join(ProjectFunding, ProjectFunding.project_id == Project.id)
                    .where(*conditions)
                    .group_by(Project.code, Project.name_fa, Category.slug)
                    .order_by(amount.desc(), Project.code)
                    .limit(top)
                )
            ).all()
            district_rows = (
                await session.execute(
                    select(District.code, District.name_fa, amount)
                    .select_from(ProjectFunding)
                    .join(Project, Project.id == ProjectFunding.project_id)
                    .join(Category, Category.id == Project.category_id)
                    .outerjoin(District, District.id == Project.district_id)
                    .where(*conditions)
                    .group_by(District.code, District.name_fa)
                    .order_by(amount.desc(), District.code)
                )
            ).all()
            sources = list(
                (
                    await session.scalars(
                        select(ProjectFunding.source)
                        .join(Project, Project.id == ProjectFunding.project_id)
                        .join(Category, Category.id == Project.category_id)
                        .where(*conditions)
                        .distinct()
                    )
                ).all()
            )
        spent = sum(int(row[2]) for row in category_rows)
        by_category = [
            CategorySpending(slug, name, int(total), int(total) * 100.0 / spent if spent else 0.0)
            for slug, name, total in category_rows
        ]
        by_district = [
            DistrictSpending(code, name, int(total), int(total) * 100.0 / spent if spent else 0.0)
            for code, name, total in district_rows
        ]
        top_projects = [ProjectSpending(c, n, cat, int(a)) for c, n, cat, a in project_rows]
        return SpendingBreakdown(
            period=period,
            received=received,
            spent_on_projects_rial=spent,
            by_category=by_category,
            top_projects=top_projects,
            category=category,
            sources=sources,
            is_sample=is_sample_source(sources) or received.is_sample,
            by_district=by_district,
            district=district,
        )
