"""Reference data: places, categories, reports, FAQ, and what the NLU knows by name."""

from __future__ import annotations

from dataclasses import dataclass

import jdatetime
from sqlalchemy import func, select

from backend.models import (
    Category,
    DataImport,
    District,
    Faq,
    Municipality,
    Project,
    Report,
    VatShare,
)
from backend.months import MonthRange
from backend.services.base import (
    MunicipalityInfo,
    SessionFactory,
    Today,
    municipality_info,
    resolve_municipality,
    to_jalali,
)
from backend.services.memo import memoized, new_memo
from backend.services.version import DataVersion
from nlp.types import (
    GazetteerCategory,
    GazetteerData,
    GazetteerDistrict,
    GazetteerMunicipality,
    GazetteerProject,
)


@dataclass(frozen=True, slots=True)
class ReportInfo:
    code: str
    title_fa: str
    municipality: str
    municipality_fa: str
    period_from: jdatetime.date
    period_to: jdatetime.date
    published_on: jdatetime.date
    summary_fa: str
    url: str


@dataclass(frozen=True, slots=True)
class FaqEntry:
    slug: str
    question_fa: str
    answer_fa: str
    source: str


@dataclass(frozen=True, slots=True)
class DatasetStatus:
    """How fresh the data is and whether it is the bundled sample."""

    is_sample: bool
    last_import_at: jdatetime.datetime | None
    empty: bool


class CatalogService:
    """Read reference data and reports."""

    def __init__(self, sessions: SessionFactory, today: Today, version: DataVersion) -> None:
        self._sessions = sessions
        self._today = today
        self._version = version
        self._memo = new_memo()

    @memoized
    async def municipalities(self) -> list[MunicipalityInfo]:
        """List municipalities, most populous first."""
        async with self._sessions() as session:
            rows = (
                await session.scalars(
                    select(Municipality).order_by(Municipality.population.desc(), Municipality.slug)
                )
            ).all()
        return [municipality_info(row) for row in rows]

    @memoized
    async def municipality(self, slug: str | None = None) -> MunicipalityInfo:
        """Return one municipality (default: Mashhad)."""
        async with self._sessions() as session:
            return municipality_info(await resolve_municipality(session, slug))

    async def reports(
        self, municipality: str | None = None, period: MonthRange | None = None
    ) -> list[ReportInfo]:
        """List reports already published by today, newest first."""
        today = self._today().togregorian()
        stmt = (
            select(Report, Municipality)
            .join(Municipality, Municipality.id == Report.municipality_id)
            .where(Report.published_on <= today)
            .order_by(Report.published_on.desc(), Report.code)
        )
        if municipality:
            stmt = stmt.where(Municipality.slug == municipality)
        if period:
            stmt = stmt.where(
                Report.period_to >= period.start.first_day().togregorian(),
                Report.period_from <= period.end.last_day().togregorian(),
            )
        async with self._sessions() as session:
            rows = (await session.execute(stmt)).all()
        return [
            ReportInfo(
                r.code,
                r.title_fa,
                m.slug,
                m.name_fa,
                to_jalali(r.period_from),
                to_jalali(r.period_to),
                to_jalali(r.published_on),
                r.summary_fa,
                r.url,
            )
            for r, m in rows
        ]

    @memoized
    async def faq(self) -> list[FaqEntry]:
        """List the FAQ entries."""
        async with self._sessions() as session:
            rows = (await session.scalars(select(Faq).order_by(Faq.id))).all()
        return [FaqEntry(r.slug, r.question_fa, r.answer_fa, r.source) for r in rows]

    @memoized
    async def gazetteer_data(self) -> GazetteerData:
        """Collect every name the NLU should recognise, straight from the database."""
        async with self._sessions() as session:
            munis = (
                await session.execute(
                    select(Municipality.id, Municipality.slug, Municipality.name_fa)
                )
            ).all()
            slug_by_id = {mid: slug for mid, slug, _ in munis}
            districts = (
                await session.execute(
                    select(District.id, District.municipality_id, District.code, District.name_fa)
                )
            ).all()
            code_by_district = {did: code for did, _, code, _ in districts}
            categories = (
                await session.execute(
                    select(Category.id, Category.slug, Category.name_fa, Category.synonyms_fa)
                )
            ).all()
            slug_by_category = {cid: slug for cid, slug, _, _ in categories}
            projects = (
                await session.execute(
                    select(
                        Project.code,
                        Project.name_fa,
                        Project.municipality_id,
                        Project.district_id,
                        Project.category_id,
                    )
                )
            ).all()
        return GazetteerData(
            municipalities=tuple(GazetteerMunicipality(slug, name) for _, slug, name in munis),
            districts=tuple(
                GazetteerDistrict(slug_by_id[mid], code, name) for _, mid, code, name in districts
            ),
            categories=tuple(
                GazetteerCategory(slug, name, tuple(synonyms or ()))
                for _, slug, name, synonyms in categories
            ),
            projects=tuple(
                GazetteerProject(
                    code,
                    name,
                    slug_by_id[mid],
                    code_by_district.get(did) if did is not None else None,
                    slug_by_category.get(cid),
                )
                for code, name, mid, did, cid in projects
            ),
        )

    @memoized
    async def dataset_status(self) -> DatasetStatus:
        """Tell whether the data is the sample, and when it was last imported."""
        async with self._sessions() as session:
            last = await session.scalar(select(DataImport).order_by(DataImport.id.desc()).limit(1))
            shares = int(await session.scalar(select(func.count()).select_from(VatShare)) or 0)
            sample_sources = int(
                await session.scalar(
                    select(func.count())
                    .select_from(VatShare)
                    .where(VatShare.source.contains("نمونه"))
                )
                or 0
            )
            munis = int(await session.scalar(select(func.count()).select_from(Municipality)) or 0)
        return DatasetStatus(
            is_sample=(last.is_sample if last else False) or sample_sources > 0,
            last_import_at=jdatetime.datetime.fromgregorian(datetime=last.imported_at)
            if last
            else None,
            empty=munis == 0 and shares == 0,
        )
