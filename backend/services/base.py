"""Shared pieces of the services: the sessionmaker, "today", and sample-data detection."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

import jdatetime
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from backend.errors import NotFound
from backend.models import Municipality

SessionFactory = async_sessionmaker[AsyncSession]
Today = Callable[[], jdatetime.date]

SAMPLE_MARKER = "نمونه"
DEFAULT_MUNICIPALITY = "mashhad"


def is_sample_source(sources: Iterable[str]) -> bool:
    """Tell whether figures come from the bundled sample (every sample source says "نمونه")."""
    return any(SAMPLE_MARKER in source for source in sources)


def to_jalali(value: date) -> jdatetime.date:
    """Convert a stored Gregorian date to Jalali."""
    return jdatetime.date.fromgregorian(date=value)


@dataclass(frozen=True, slots=True)
class MunicipalityInfo:
    """A municipality as services hand it out."""

    slug: str
    name_fa: str
    province_fa: str
    population: int


def municipality_info(row: Municipality) -> MunicipalityInfo:
    """Convert an ORM row to its plain form."""
    return MunicipalityInfo(row.slug, row.name_fa, row.province_fa, row.population)


async def get_municipality(session: AsyncSession, slug: str) -> Municipality:
    """Load a municipality by slug or raise NotFound."""
    row = await session.scalar(select(Municipality).where(Municipality.slug == slug))
    if row is None:
        raise NotFound(f"unknown municipality {slug!r}", message_fa="این شهر در داده‌ها نیست.")
    return row


async def default_municipality(session: AsyncSession) -> Municipality:
    """Return Mashhad, or the most populous municipality when Mashhad is not in the data."""
    row = await session.scalar(
        select(Municipality).where(Municipality.slug == DEFAULT_MUNICIPALITY)
    )
    if row is None:
        row = await session.scalar(
            select(Municipality).order_by(Municipality.population.desc()).limit(1)
        )
    if row is None:
        raise NotFound("no municipality in the database", message_fa="هنوز داده‌ای بارگذاری نشده.")
    return row


async def resolve_municipality(session: AsyncSession, slug: str | None) -> Municipality:
    """Load the named municipality, or the default one when no slug is given."""
    return await (get_municipality(session, slug) if slug else default_municipality(session))
