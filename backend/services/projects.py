"""Urban projects: filtered, paged search and one project's card with its VAT funding."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jdatetime
from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from backend.errors import InvalidInput, NotFound
from backend.models import (
    PROJECT_STATUSES,
    Category,
    District,
    Municipality,
    Project,
    ProjectFunding,
)
from backend.months import Month, MonthRange
from backend.services.base import SessionFactory, is_sample_source, to_jalali
from backend.services.memo import memoized, new_memo
from backend.services.version import DataVersion

MAX_PER_PAGE = 100


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    """What a project list shows about each project."""

    code: str
    name_fa: str
    municipality: str
    municipality_fa: str
    district: str | None
    district_fa: str | None
    category: str
    category_fa: str
    status: str
    progress_percent: int
    total_budget_rial: int
    vat_funding_rial: int
    start_date: jdatetime.date
    planned_end_date: jdatetime.date | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class MonthlyFunding:
    month: Month
    amount_rial: int
    source: str


@dataclass(frozen=True, slots=True)
class ProjectDetail:
    """A project's card: facts plus its VAT funding month by month."""

    summary: ProjectSummary
    description_fa: str | None
    funding: list[MonthlyFunding]
    updated_at: jdatetime.date
    is_sample: bool

    @property
    def sources(self) -> list[str]:
        """Return the distinct sources of the funding rows."""
        return list(dict.fromkeys(f.source for f in self.funding))


@dataclass(frozen=True, slots=True)
class ProjectFilter:
    """Filters of a project search; all optional."""

    municipality: str | None = None
    district: str | None = None
    category: str | None = None
    status: str | None = None
    query: str | None = None
    period: MonthRange | None = None  # projects active (started, not yet planned to end) in it
    # Behind schedule on this day: past the planned end and not completed.
    overdue_on: jdatetime.date | None = None
    codes: tuple[str, ...] | None = None  # only these projects (those a keyword names)

    def __post_init__(self) -> None:
        if self.status is not None and self.status not in PROJECT_STATUSES:
            raise InvalidInput(f"status must be one of {', '.join(PROJECT_STATUSES)}")


@dataclass(frozen=True, slots=True)
class ProjectPage:
    items: list[ProjectSummary]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        """Return the number of pages (at least one)."""
        return max(1, -(-self.total // self.per_page))


_DistrictAlias = aliased(District)


def _summary_select() -> Select[tuple[Project, Municipality, District, Category, Any]]:
    funded = (
        select(ProjectFunding.project_id, func.sum(ProjectFunding.amount_rial).label("funded"))
        .group_by(ProjectFunding.project_id)
        .subquery()
    )
    return (
        select(
            Project,
            Municipality,
            _DistrictAlias,
            Category,
            func.coalesce(funded.c.funded, 0),
        )
        .join(Municipality, Municipality.id == Project.municipality_id)
        .join(Category, Category.id == Project.category_id)
        .outerjoin(_DistrictAlias, _DistrictAlias.id == Project.district_id)
        .outerjoin(funded, funded.c.project_id == Project.id)
    )


def _summary(
    project: Project, muni: Municipality, district: District | None, category: Category, funded: int
) -> ProjectSummary:
    return ProjectSummary(
        code=project.code,
        name_fa=project.name_fa,
        municipality=muni.slug,
        municipality_fa=muni.name_fa,
        district=district.code if district else None,
        district_fa=district.name_fa if district else None,
        category=category.slug,
        category_fa=category.name_fa,
        status=project.status,
        progress_percent=project.progress_percent,
        total_budget_rial=int(project.total_budget_rial),
        vat_funding_rial=int(funded),
        start_date=to_jalali(project.start_date),
        planned_end_date=to_jalali(project.planned_end_date) if project.planned_end_date else None,
        lat=project.lat,
        lon=project.lon,
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class ProjectService:
    """Find projects and read one project's card."""

    def __init__(self, sessions: SessionFactory, version: DataVersion) -> None:
        self._sessions = sessions
        self._version = version
        self._memo = new_memo()

    @memoized
    async def search(
        self, filters: ProjectFilter, page: int = 1, per_page: int = 10
    ) -> ProjectPage:
        """Return one page of projects matching the filters, newest start first."""
        if page < 1:
            raise InvalidInput("page must be 1 or more")
        if not 1 <= per_page <= MAX_PER_PAGE:
            raise InvalidInput(f"per_page must be between 1 and {MAX_PER_PAGE}")
        stmt = _summary_select()
        conditions = []
        if filters.municipality:
            conditions.append(Municipality.slug == filters.municipality)
        if filters.district:
            conditions.append(_DistrictAlias.code == filters.district)
        if filters.category:
            conditions.append(Category.slug == filters.category)
        if filters.status:
            conditions.append(Project.status == filters.status)
        if filters.query:
            pattern = f"%{_escape_like(filters.query.strip())}%"
            conditions.append(
                or_(
                    Project.name_fa.like(pattern, escape="\\"),
                    Project.code.like(pattern, escape="\\"),
                    Project.description_fa.like(pattern, escape="\\"),
                )
            )
        if filters.period:
            start = filters.period.start.first_day().togregorian()
            end = filters.period.end.last_day().togregorian()
            if filters.status == "completed":
                # "completed last year" means it was due to finish in that period.
                conditions.append(Project.planned_end_date.between(start, end))
            else:
                conditions.append(Project.start_date <= end)
                conditions.append(
                    or_(Project.planned_end_date.is_(None), Project.planned_end_date >= start)
                )
        if filters.overdue_on is not None:
            conditions.append(Project.planned_end_date < filters.overdue_on.togregorian())
            conditions.append(Project.status != "completed")
        if filters.codes is not None:
            conditions.append(Project.code.in_(filters.codes))
        stmt = stmt.where(*conditions)
        async with self._sessions() as session:
            total = int(
                await session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
            )
            rows = (
                await session.execute(
                    stmt.order_by(Project.start_date.desc(), Project.code)
                    .limit(per_page)
                    .offset((page - 1) * per_page)
                )
            ).all()
        return ProjectPage([_summary(*row) for row in rows], total, page, per_page)

    @memoized
    async def detail(self, code: str) -> ProjectDetail:
        """Return one project's card with its monthly VAT funding."""
        async with self._sessions() as session:
            row = (await session.execute(_summary_select().where(Project.code == code))).first()
            if row is None:
                raise NotFound(
                    f"unknown project {code!r}", message_fa="پروژه‌ای با این کد پیدا نشد."
                )
            project = row[0]
            funding = await self._funding(session, project.id)
        return ProjectDetail(
            summary=_summary(*row),
            description_fa=project.description_fa,
            funding=funding,
            updated_at=jdatetime.date.fromgregorian(date=project.updated_at.date()),
            is_sample=is_sample_source(f.source for f in funding),
        )

    async def _funding(self, session: AsyncSession, project_id: int) -> list[MonthlyFunding]:
        rows = (
            await session.execute(
                select(
                    ProjectFunding.year,
                    ProjectFunding.month,
                    ProjectFunding.amount_rial,
                    ProjectFunding.source,
                )
                .where(ProjectFunding.project_id == project_id)
                .order_by(ProjectFunding.year, ProjectFunding.month)
            )
        ).all()
        return [MonthlyFunding(Month(y, m), int(a), s) for y, m, a, s in rows]
