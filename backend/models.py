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
    LargeBinary,
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


# --- Citizens' side: feedback, subscriptions, conversations, questions (issue 4) ---

FEEDBACK_KINDS = ("complaint", "criticism", "suggestion", "thanks")
FEEDBACK_STATUSES = ("new", "in_review", "answered", "closed", "rejected", "hidden")


class Feedback(Base):
    """A citizen's complaint, criticism, suggestion or thanks, tracked by a code."""

    __tablename__ = "feedback"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('complaint', 'criticism', 'suggestion', 'thanks')", name="kind_valid"
        ),
        CheckConstraint(
            "status IN ('new', 'in_review', 'answered', 'closed', 'rejected', 'hidden')",
            name="status_valid",
        ),
        Index("ix_feedback_chat", "platform", "chat_id"),
        Index("ix_feedback_status_created", "status", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tracking_code: Mapped[str] = mapped_column(String(16), unique=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int | None] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(16))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    photo_file_id: Mapped[str | None] = mapped_column(String(256))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    # Shared only through the citizen's own "share contact" button; staff roles gate viewing.
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="new")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    project: Mapped[Project | None] = relationship()
    events: Mapped[list[FeedbackEvent]] = relationship(
        back_populates="feedback", order_by="FeedbackEvent.id"
    )


class FeedbackEvent(Base):
    """One step in a feedback's history: a status change, a public reply or an internal note."""

    __tablename__ = "feedback_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feedback_id: Mapped[int] = mapped_column(ForeignKey("feedback.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(100))  # staff username, or "citizen"
    kind: Mapped[str] = mapped_column(String(24))  # created | status | reply | note
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str | None] = mapped_column(Text)
    public: Mapped[bool] = mapped_column(default=False)  # shown to the citizen

    feedback: Mapped[Feedback] = relationship(back_populates="events")


class OutboxMessage(Base):
    """A message owed to a citizen (staff reply, status notice): sent from here, never lost."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending", "sent_at", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(32))  # feedback_reply | feedback_status | ...
    text: Mapped[str] = mapped_column(Text)
    ref: Mapped[str | None] = mapped_column(String(64))  # e.g. the tracking code
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    failed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)


class Subscription(Base):
    """A chat's digest subscription and the topics it follows."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        UniqueConstraint("platform", "chat_id"),
        CheckConstraint("frequency IN ('weekly', 'monthly')", name="frequency_valid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    frequency: Mapped[str] = mapped_column(String(16))
    municipality: Mapped[str | None] = mapped_column(String(64))
    # {"districts": [...], "categories": [...], "projects": [...]}; empty = everything
    topics: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_digest_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ConversationState(Base):
    """Where a chat is in a multi-step flow (feedback…); in the database to survive restarts."""

    __tablename__ = "conversation_states"
    __table_args__ = (UniqueConstraint("platform", "chat_id", "flow"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    flow: Mapped[str] = mapped_column(String(32))
    step: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ChatFrame(Base):
    """The last question a chat asked (intent and slots), so a follow-up can fill its gaps.

    One row per chat, replaced after each answer and forgotten after a while; kept in the
    database so a restart does not make a citizen repeat themselves.
    """

    __tablename__ = "chat_frames"

    platform: Mapped[str] = mapped_column(String(16), primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    frame: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class QuestionLog(Base):
    """A question the bot answered or could not: staff review fallbacks and 👎 answers."""

    __tablename__ = "question_log"
    __table_args__ = (Index("ix_question_log_review", "answered", "helpful", "handled"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Chosen when the question is answered (before the row is written): what 👍/👎 refer to.
    token: Mapped[str | None] = mapped_column(String(24), unique=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(Text)
    intent: Mapped[str] = mapped_column(String(32))
    confidence: Mapped[float] = mapped_column(Float)
    answered: Mapped[bool] = mapped_column()
    helpful: Mapped[bool | None] = mapped_column()
    reason: Mapped[str | None] = mapped_column(Text)
    handled: Mapped[bool] = mapped_column(default=False)


class ChatBlock(Base):
    """A chat staff barred from submitting feedback (spam, abuse)."""

    __tablename__ = "chat_blocks"
    __table_args__ = (UniqueConstraint("platform", "chat_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


# --- Digests and their delivery log (issue 5) ---

DIGEST_KINDS = ("weekly", "monthly", "report")
DELIVERY_STATUSES = ("pending", "sending", "sent", "failed", "skipped")


class Digest(Base):
    """One digest run (a week, a Jalali month, a published report), planned exactly once."""

    __tablename__ = "digests"
    __table_args__ = (
        CheckConstraint("kind IN ('weekly', 'monthly', 'report')", name="kind_valid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    # "weekly:1405-09-08", "monthly:1405-09", "report:<code>": the guard against a second run.
    key: Mapped[str] = mapped_column(String(96), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # What the data looked like when the digest was planned (VAT months, project status and
    # progress, published reports): the next digest of a subscriber reports the difference.
    snapshot: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


class DigestChart(Base):
    """A chart PNG drawn once per digest and municipality, shared by its messages."""

    __tablename__ = "digest_charts"
    __table_args__ = (UniqueConstraint("digest_id", "municipality"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    digest_id: Mapped[int] = mapped_column(ForeignKey("digests.id", ondelete="CASCADE"))
    municipality: Mapped[str] = mapped_column(String(64))
    png: Mapped[bytes] = mapped_column(LargeBinary)


class DigestMessage(Base):
    """One distinct digest text: subscribers with the same news share it (stored once)."""

    __tablename__ = "digest_messages"
    __table_args__ = (UniqueConstraint("digest_id", "content_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    digest_id: Mapped[int] = mapped_column(ForeignKey("digests.id", ondelete="CASCADE"))
    content_hash: Mapped[str] = mapped_column(String(64))
    # A transport-neutral `Reply` as JSON (blocks, actions, sample flag); the bot renders it.
    reply: Mapped[dict[str, object]] = mapped_column(JSON)
    chart_id: Mapped[int | None] = mapped_column(ForeignKey("digest_charts.id"))


class Delivery(Base):
    """One digest owed to one chat: the broadcast engine's persistent log."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("digest_id", "platform", "chat_id"),
        CheckConstraint(
            "status IN ('pending', 'sending', 'sent', 'failed', 'skipped')", name="status_valid"
        ),
        # The engine claims work by (platform, status, id); progress counts by digest and status.
        Index("ix_deliveries_claim", "platform", "status", "id"),
        Index("ix_deliveries_digest_status", "digest_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    digest_id: Mapped[int] = mapped_column(ForeignKey("digests.id", ondelete="CASCADE"))
    subscription_id: Mapped[int | None] = mapped_column(
        ForeignKey("subscriptions.id", ondelete="SET NULL"), index=True
    )
    platform: Mapped[str] = mapped_column(String(16))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("digest_messages.id"))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    error: Mapped[str | None] = mapped_column(Text)


class ScheduleRun(Base):
    """One occurrence of a scheduled job; the unique (job, due_at) stops a second run."""

    __tablename__ = "schedule_runs"
    __table_args__ = (UniqueConstraint("job", "due_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    job: Mapped[str] = mapped_column(String(32))
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # "ran" (digest planned), "baseline" (first start: recorded, not run)
    outcome: Mapped[str | None] = mapped_column(String(16))
    digest_key: Mapped[str | None] = mapped_column(String(96))
