"""The staff inbox: filtered, searched, sorted, paged feedback; one item's detail; CSV export.

Every read goes through `_visible`, which applies the reviewer's scope (districts, categories):
an item outside it behaves exactly like a missing one (404), so probing codes reveals nothing.

Filters never fail: a value that cannot match anything (an unknown status, a malformed date,
an injection attempt) simply yields no rows, and the page says which filter was not understood.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import jdatetime
from sqlalchemy import ColumnElement, Select, false, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from backend.clock import aware
from backend.errors import NotFound
from backend.models import (
    FEEDBACK_KINDS,
    FEEDBACK_STATUSES,
    Category,
    ChatBlock,
    District,
    Feedback,
    FeedbackEvent,
    Project,
)
from backend.services.base import SessionFactory
from backend.services.feedback import TRANSITIONS, normalize_code
from backend.spreadsheet import Cell, csv_bytes
from backend.staff.accounts import StaffIdentity
from backend.staff.texts import FEEDBACK_KIND_LABELS, FEEDBACK_STATUS_LABELS
from backend.staff_models import FeedbackAssignment, FeedbackRedaction, StaffUser
from backend.untrusted import clean_text
from nlp.digits import to_ascii_digits

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 25
MAX_EXPORT_ROWS = 20_000
MAX_FILTER_LENGTH = 200
SORTS: dict[str, str] = {
    "newest": "جدیدترین",
    "oldest": "قدیمی‌ترین",
    "updated": "آخرین تغییر",
    "status": "وضعیت",
}
_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک"})
_JDATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_CODE_QUERY = re.compile(r"SH-?\d{1,8}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class InboxFilter:
    """What the inbox is asked to show; raw strings as typed (validated when applied)."""

    status: str | None = None
    kind: str | None = None
    project: str | None = None
    district: str | None = None
    category: str | None = None
    date_from: str | None = None  # Jalali YYYY-MM-DD
    date_to: str | None = None
    has_photo: str | None = None  # "1" or "0"
    q: str | None = None
    assignee: str | None = None  # a username
    sort: str = "newest"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    @classmethod
    def from_query(cls, query: Any) -> InboxFilter:
        """Read filters from a query mapping (paging and sort fall back to defaults)."""

        def text(name: str) -> str | None:
            value = query.get(name)
            if not isinstance(value, str):
                return None
            value = clean_text(value).strip()[:MAX_FILTER_LENGTH]
            return value or None

        def number(name: str, default: int, high: int) -> int:
            raw = to_ascii_digits(text(name) or "")
            return min(max(int(raw), 1), high) if raw.isdigit() else default

        sort = text("sort") or "newest"
        return cls(
            status=text("status"),
            kind=text("kind"),
            project=text("project"),
            district=text("district"),
            category=text("category"),
            date_from=text("from"),
            date_to=text("to"),
            has_photo=text("has_photo"),
            q=text("q"),
            assignee=text("assignee"),
            sort=sort if sort in SORTS else "newest",
            page=number("page", 1, 100_000),
            per_page=number("per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE),
        )

    def query_params(self, **changes: Any) -> dict[str, str]:
        """Return these filters as query parameters (for links: paging, export, sort)."""
        current = replace(self, **changes)
        params = {
            "status": current.status,
            "kind": current.kind,
            "project": current.project,
            "district": current.district,
            "category": current.category,
            "from": current.date_from,
            "to": current.date_to,
            "has_photo": current.has_photo,
            "q": current.q,
            "assignee": current.assignee,
            "sort": current.sort if current.sort != "newest" else None,
            "page": str(current.page) if current.page != 1 else None,
            "per_page": str(current.per_page) if current.per_page != DEFAULT_PER_PAGE else None,
        }
        return {k: v for k, v in params.items() if v}


@dataclass(frozen=True, slots=True)
class InboxItem:
    """One row of the inbox."""

    tracking_code: str
    kind: str
    status: str
    text: str  # what this viewer may see (redacted unless admin)
    redacted: bool
    project_code: str | None
    project_name: str | None
    district: str | None
    district_name: str | None
    category: str | None
    category_name: str | None
    has_photo: bool
    created_at: datetime
    updated_at: datetime
    assignee: str | None

    @property
    def kind_label(self) -> str:
        """Return the Persian name of the kind."""
        return FEEDBACK_KIND_LABELS.get(self.kind, self.kind)

    @property
    def status_label(self) -> str:
        """Return the Persian name of the status."""
        return FEEDBACK_STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True, slots=True)
class InboxPage:
    items: list[InboxItem]
    total: int
    page: int
    per_page: int
    pages: int
    counts: dict[str, int]
    rejected_filters: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class EventView:
    at: datetime
    actor: str
    kind: str  # created | status | reply | note
    from_status: str | None
    to_status: str | None
    text: str | None
    public: bool


@dataclass(frozen=True, slots=True)
class FeedbackDetail:
    """One feedback item for a staff member, with contact details only for roles that need them."""

    item: InboxItem
    original_text: str | None  # admins only, when redacted
    platform: str
    chat_id: int | None  # admins only
    lat: float | None
    lon: float | None
    photo_file_id: str | None
    contact_name: str | None
    contact_phone: str | None
    contact_visible: bool
    chat_blocked: bool
    events: list[EventView]
    transitions: tuple[str, ...]

    @property
    def map_url(self) -> str | None:
        """Return an OpenStreetMap link for the location, if any."""
        if self.lat is None or self.lon is None:
            return None
        return (
            f"https://www.openstreetmap.org/?mlat={self.lat:.6f}&mlon={self.lon:.6f}"
            f"#map=17/{self.lat:.6f}/{self.lon:.6f}"
        )


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def parse_jalali_day(value: str) -> jdatetime.date | None:
    """Parse a Jalali YYYY-MM-DD (any digits), or None when it is not a real date."""
    match = _JDATE.fullmatch(to_ascii_digits(value.strip()).replace("/", "-"))
    if match is None:
        return None
    try:
        return jdatetime.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


class InboxService:
    """Read feedback for staff, always within the viewer's scope."""

    def __init__(self, sessions: SessionFactory, zone: ZoneInfo) -> None:
        self._sessions = sessions
        self._zone = zone

    # -- building queries -------------------------------------------------------------------

    def _base(self) -> Select[Any]:
        return (
            select(
                Feedback,
                Project.code,
                Project.name_fa,
                District.code,
                District.name_fa,
                Category.slug,
                Category.name_fa,
                FeedbackRedaction.text,
                StaffUser.username,
            )
            .outerjoin(Project, Project.id == Feedback.project_id)
            .outerjoin(District, District.id == Project.district_id)
            .outerjoin(Category, Category.id == Project.category_id)
            .outerjoin(FeedbackRedaction, FeedbackRedaction.feedback_id == Feedback.id)
            .outerjoin(FeedbackAssignment, FeedbackAssignment.feedback_id == Feedback.id)
            .outerjoin(StaffUser, StaffUser.id == FeedbackAssignment.user_id)
        )

    @staticmethod
    def _visible(stmt: Select[Any], viewer: StaffIdentity) -> Select[Any]:
        # Scoped reviewers see feedback about projects in their districts/categories only;
        # feedback without a project has neither, so it stays with unscoped staff.
        if viewer.scoped:
            if viewer.districts:
                stmt = stmt.where(District.code.in_(viewer.districts))
            if viewer.categories:
                stmt = stmt.where(Category.slug.in_(viewer.categories))
        return stmt

    def _day_start(self, day: jdatetime.date) -> datetime:
        # In UTC: SQLite stores UTC without an offset and compares bounds as written.
        local = datetime.combine(day.togregorian(), datetime.min.time(), tzinfo=self._zone)
        return local.astimezone(UTC)

    def _filtered(
        self, stmt: Select[Any], f: InboxFilter, viewer: StaffIdentity
    ) -> tuple[Select[Any], list[str]]:
        rejected: list[str] = []

        def nothing(name: str) -> None:
            nonlocal stmt
            rejected.append(name)
            stmt = stmt.where(false())

        if f.status:
            if f.status in FEEDBACK_STATUSES:
                stmt = stmt.where(Feedback.status == f.status)
            else:
                nothing("status")
        else:
            # Spam and abuse stay out of the everyday view; filter by "hidden" to see them.
            stmt = stmt.where(Feedback.status != "hidden")
        if f.kind:
            if f.kind in FEEDBACK_KINDS:
                stmt = stmt.where(Feedback.kind == f.kind)
            else:
                nothing("kind")
        if f.project:
            stmt = stmt.where(Project.code == to_ascii_digits(f.project))
        if f.district:
            stmt = stmt.where(District.code == to_ascii_digits(f.district))
        if f.category:
            stmt = stmt.where(Category.slug == f.category)
        if f.assignee:
            stmt = stmt.where(StaffUser.username == f.assignee.lower())
        for name, raw, offset in (("from", f.date_from, 0), ("to", f.date_to, 1)):
            if not raw:
                continue
            day = parse_jalali_day(raw)
            if day is None:
                nothing(name)
                continue
            bound = self._day_start(day) + timedelta(days=offset)
            stmt = stmt.where(
                Feedback.created_at >= bound if offset == 0 else Feedback.created_at < bound
            )
        if f.has_photo:
            if f.has_photo in ("1", "0"):
                has = Feedback.photo_file_id.is_not(None)
                stmt = stmt.where(has if f.has_photo == "1" else ~has)
            else:
                nothing("has_photo")
        if f.q:
            stmt = self._search(stmt, f.q, viewer)
        return stmt, rejected

    @staticmethod
    def _search(stmt: Select[Any], raw: str, viewer: StaffIdentity) -> Select[Any]:
        q = raw.translate(_LETTERS).strip()
        code = to_ascii_digits(q).replace(" ", "")
        if _CODE_QUERY.fullmatch(code):
            code = code.upper()
            code = code if code.startswith("SH-") else "SH-" + code[2:]
            return stmt.where(Feedback.tracking_code.like(f"{_escape_like(code)}%", escape="\\"))
        pattern = f"%{_escape_like(q.lower())}%"
        # Reviewers must not find an item by words staff redacted out of it.
        text_hit: ColumnElement[bool] = func.lower(Feedback.text).like(pattern, escape="\\")
        redacted_hit = func.lower(FeedbackRedaction.text).like(pattern, escape="\\")
        if not viewer.is_admin:
            text_hit = text_hit & FeedbackRedaction.text.is_(None)
        return stmt.where(
            or_(
                text_hit,
                redacted_hit,
                Feedback.tracking_code.like(f"%{_escape_like(code.upper())}%", escape="\\"),
            )
        )

    @staticmethod
    def _sorted(stmt: Select[Any], sort: str) -> Select[Any]:
        if sort == "oldest":
            return stmt.order_by(Feedback.created_at.asc(), Feedback.id.asc())
        if sort == "updated":
            return stmt.order_by(Feedback.updated_at.desc(), Feedback.id.desc())
        if sort == "status":
            return stmt.order_by(Feedback.status, Feedback.created_at.desc(), Feedback.id.desc())
        return stmt.order_by(Feedback.created_at.desc(), Feedback.id.desc())

    @staticmethod
    def _item(row: Any, viewer: StaffIdentity) -> InboxItem:
        fb: Feedback = row[0]
        redaction: str | None = row[7]
        return InboxItem(
            tracking_code=fb.tracking_code,
            kind=fb.kind,
            status=fb.status,
            text=redaction if redaction is not None and not viewer.is_admin else fb.text,
            redacted=redaction is not None,
            project_code=row[1],
            project_name=row[2],
            district=row[3],
            district_name=row[4],
            category=row[5],
            category_name=row[6],
            has_photo=fb.photo_file_id is not None,
            created_at=aware(fb.created_at),
            updated_at=aware(fb.updated_at),
            assignee=row[8],
        )

    # -- reads ------------------------------------------------------------------------------

    async def search(self, f: InboxFilter, viewer: StaffIdentity) -> InboxPage:
        """Return one page of feedback matching the filters, with counts per status."""
        stmt, rejected = self._filtered(self._visible(self._base(), viewer), f, viewer)
        async with self._sessions() as session:
            total = int(
                await session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
            )
            pages = max(1, math.ceil(total / f.per_page))
            page = min(f.page, pages)
            rows = (
                await session.execute(
                    self._sorted(stmt, f.sort).limit(f.per_page).offset((page - 1) * f.per_page)
                )
            ).all()
            counts = await self._counts(session, viewer)
        return InboxPage(
            items=[self._item(row, viewer) for row in rows],
            total=total,
            page=page,
            per_page=f.per_page,
            pages=pages,
            counts=counts,
            rejected_filters=rejected,
        )

    async def _counts(self, session: AsyncSession, viewer: StaffIdentity) -> dict[str, int]:
        stmt = self._visible(
            select(Feedback.status, func.count(Feedback.id))
            .outerjoin(Project, Project.id == Feedback.project_id)
            .outerjoin(District, District.id == Project.district_id)
            .outerjoin(Category, Category.id == Project.category_id),
            viewer,
        ).group_by(Feedback.status)
        found = {status: int(n) for status, n in (await session.execute(stmt)).all()}
        return {status: found.get(status, 0) for status in FEEDBACK_STATUSES}

    async def counts(self, viewer: StaffIdentity) -> dict[str, int]:
        """Count the feedback this viewer can see, per status."""
        async with self._sessions() as session:
            return await self._counts(session, viewer)

    async def export_csv(self, f: InboxFilter, viewer: StaffIdentity) -> bytes:
        """Return every matching item as CSV in UTF-8 with a BOM (so Excel shows Persian)."""
        stmt, _ = self._filtered(self._visible(self._base(), viewer), f, viewer)
        async with self._sessions() as session:
            rows = (await session.execute(self._sorted(stmt, f.sort).limit(MAX_EXPORT_ROWS))).all()
        header = [
            "کد پیگیری",
            "نوع",
            "وضعیت",
            "تاریخ ثبت",
            "طرح",
            "منطقه",
            "دسته",
            "متن",
            "عکس",
            "عرض جغرافیایی",
            "طول جغرافیایی",
            "مسئول",
        ]
        if viewer.is_admin:
            header += ["نام تماس", "تلفن تماس"]
        lines: list[list[Cell]] = []
        for row in rows:
            item = self._item(row, viewer)
            fb: Feedback = row[0]
            created = jdatetime.datetime.fromgregorian(
                datetime=item.created_at.astimezone(self._zone)
            )
            values: list[Cell] = [
                item.tracking_code,
                item.kind_label,
                item.status_label,
                created.strftime("%Y-%m-%d %H:%M"),
                item.project_code or "",
                item.district or "",
                item.category or "",
                item.text,
                "بله" if item.has_photo else "خیر",
                # Numbers stay numbers (a southern latitude is not a formula).
                None if fb.lat is None else Decimal(f"{fb.lat:.6f}"),
                None if fb.lon is None else Decimal(f"{fb.lon:.6f}"),
                item.assignee or "",
            ]
            if viewer.is_admin:
                values += [fb.contact_name or "", fb.contact_phone or ""]
            lines.append(values)
        return csv_bytes(header, lines)

    async def detail(self, code: str, viewer: StaffIdentity) -> FeedbackDetail:
        """Return one item with its history, or NotFound when missing or outside the scope."""
        stmt = self._visible(self._base(), viewer).where(
            Feedback.tracking_code == normalize_code(code)[:16]
        )
        async with self._sessions() as session:
            row = (await session.execute(stmt)).first()
            if row is None:
                raise NotFound("unknown tracking code", message_fa="بازخوردی با این کد پیدا نشد.")
            fb: Feedback = row[0]
            events = (
                await session.scalars(
                    select(FeedbackEvent)
                    .where(FeedbackEvent.feedback_id == fb.id)
                    .order_by(FeedbackEvent.id)
                )
            ).all()
            blocked = await session.scalar(
                select(ChatBlock.id).where(
                    ChatBlock.platform == fb.platform, ChatBlock.chat_id == fb.chat_id
                )
            )
        item = self._item(row, viewer)
        admin = viewer.is_admin
        return FeedbackDetail(
            item=item,
            original_text=fb.text if admin and item.redacted else None,
            platform=fb.platform,
            chat_id=fb.chat_id if admin else None,
            lat=fb.lat,
            lon=fb.lon,
            photo_file_id=fb.photo_file_id,
            contact_name=fb.contact_name if admin else None,
            contact_phone=fb.contact_phone if admin else None,
            contact_visible=admin,
            chat_blocked=blocked is not None,
            events=[
                EventView(
                    aware(e.at), e.actor, e.kind, e.from_status, e.to_status, e.text, e.public
                )
                for e in events
            ],
            transitions=_transitions(fb.status),
        )

    async def feedback_id(self, code: str, viewer: StaffIdentity) -> int:
        """Return the row id of an item the viewer may act on (NotFound otherwise)."""
        stmt = self._visible(
            select(Feedback.id)
            .outerjoin(Project, Project.id == Feedback.project_id)
            .outerjoin(District, District.id == Project.district_id)
            .outerjoin(Category, Category.id == Project.category_id),
            viewer,
        ).where(Feedback.tracking_code == normalize_code(code)[:16])
        async with self._sessions() as session:
            found = await session.scalar(stmt)
        if found is None:
            raise NotFound("unknown tracking code", message_fa="بازخوردی با این کد پیدا نشد.")
        return int(found)


def _transitions(status: str) -> tuple[str, ...]:
    allowed = TRANSITIONS.get(status, ())
    return allowed if status == "hidden" or "hidden" in allowed else (*allowed, "hidden")


def item_as_json(item: InboxItem) -> dict[str, object]:
    """Serialize an inbox item for the staff API."""
    return {
        "tracking_code": item.tracking_code,
        "kind": item.kind,
        "status": item.status,
        "text": item.text,
        "redacted": item.redacted,
        "project": item.project_code,
        "district": item.district,
        "category": item.category,
        "has_photo": item.has_photo,
        "created_at": item.created_at.isoformat(),
        "updated_at": item.updated_at.isoformat(),
        "assignee": item.assignee,
    }


def detail_as_json(detail: FeedbackDetail) -> dict[str, object]:
    """Serialize a feedback detail for the staff API (contact only when visible)."""
    body = item_as_json(detail.item)
    body.update(
        {
            "original_text": detail.original_text,
            "platform": detail.platform,
            "lat": detail.lat,
            "lon": detail.lon,
            "contact": (
                {"name": detail.contact_name, "phone": detail.contact_phone}
                if detail.contact_visible
                else None
            ),
            "transitions": list(detail.transitions),
            "events": [
                {
                    "at": e.at.isoformat(),
                    "actor": e.actor,
                    "kind": e.kind,
                    "from_status": e.from_status,
                    "to_status": e.to_status,
                    "text": e.text,
                    "public": e.public,
                }
                for e in detail.events
            ],
        }
    )
    return body
