"""Database tables (SQLAlchemy 2, `Mapped[...]` style); migrations live in backend/migrations."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Explicit constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

PROJECT_STATUSES = ("planned", "in_progress", "completed", "suspended")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Municipality(Base):
    __tablename__ = "municipalities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name_fa: Mapped[str] = mapped_column(String(200))
    province_fa: Mapped[str] = mapped_column(String(200))
    population: Mapped[int] = mapped_column(BigInteger)

    districts: Mapped[list[District]] = relationship(back_populates="municipality")


class District(Base):
    __tablename__ = "districts"
    __table_args__ = (UniqueConstraint("municipality_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    name_fa: Mapped[str] = mapped_column(String(200))

    municipality: Mapped[Municipality] = relationship(back_populates="districts")


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name_fa: Mapped[str] = mapped_column(String(200))
    # A list of Persian synonyms; small, read whole, so JSON beats a join table.
    synonyms_fa: Mapped[list[str]] = mapped_column(JSON, default=list)


class VatRate(Base):
    __tablename__ = "vat_rates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    valid_from: Mapped[date] = mapped_column(Date, unique=True)  # Gregorian in the database
    vat_rate_percent: Mapped[float] = mapped_column(Numeric(6, 3, asdecimal=False))
    municipal_share_percent: Mapped[float] = mapped_column(Numeric(6, 3, asdecimal=False))
    source: Mapped[str] = mapped_column(Text)


class VatShare(Base):
    """VAT money a municipality received in one Jalali month."""

    __tablename__ = "vat_shares"
    __table_args__ = (
        UniqueConstraint("municipality_id", "year", "month"),
        CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
        CheckConstraint("amount_rial >= 0", name="amount_nonnegative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"))
    year: Mapped[int] = mapped_column(Integer)  # Jalali
    month: Mapped[int] = mapped_column(Integer)  # Jalali 1..12
    amount_rial: Mapped[int] = mapped_column(BigInteger)
    published_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text)


class Project(Base):
    __tablename__ = "projects"
    __table_args__ = (
        CheckConstraint(
            "status IN ('planned', 'in_progress', 'completed', 'suspended')", name="status_valid"
        ),
        CheckConstraint("progress_percent BETWEEN 0 AND 100", name="progress_range"),
        Index("ix_projects_municipality_status", "municipality_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name_fa: Mapped[str] = mapped_column(String(300))
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"))
    district_id: Mapped[int | None] = mapped_column(ForeignKey("districts.id"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    total_budget_rial: Mapped[int] = mapped_column(BigInteger)
    start_date: Mapped[date] = mapped_column(Date)
    planned_end_date: Mapped[date | None] = mapped_column(Date)
    progress_percent: Mapped[int] = mapped_column(Integer)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    description_fa: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    municipality: Mapped[Municipality] = relationship()
    district: Mapped[District | None] = relationship()
    category: Mapped[Category] = relationship()


class ProjectFunding(Base):
    """VAT money spent on a project in one Jalali month."""

    __tablename__ = "project_funding"
    __table_args__ = (
        UniqueConstraint("project_id", "year", "month"),
        CheckConstraint("month BETWEEN 1 AND 12", name="month_range"),
        CheckConstraint("amount_rial >= 0", name="amount_nonnegative"),
        Index("ix_project_funding_year_month", "year", "month"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id"))
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)
    amount_rial: Mapped[int] = mapped_column(BigInteger)
    source: Mapped[str] = mapped_column(Text)


class Report(Base):
    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    title_fa: Mapped[str] = mapped_column(String(300))
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    published_on: Mapped[date] = mapped_column(Date)
    summary_fa: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(String(500))

    municipality: Mapped[Municipality] = relationship()


class Faq(Base):
    __tablename__ = "faq"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    question_fa: Mapped[str] = mapped_column(Text)
    answer_fa: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)


class DataImport(Base):
    """One committed import: what changed and when, for "last updated" and the audit trail."""

    __tablename__ = "data_imports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    origin: Mapped[str] = mapped_column(String(64))  # "cli", "sample", "api", "panel"
    files: Mapped[list[str]] = mapped_column(JSON, default=list)
    # {table: {"inserted": n, "updated": n, "unchanged": n}}
    counts: Mapped[dict[str, dict[str, int]]] = mapped_column(JSON, default=dict)
    is_sample: Mapped[bool] = mapped_column(default=False)
