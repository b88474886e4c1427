"""Citizens' feedback: submission with a tracking code, status, staff replies, notices."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from backend.clock import aware, utcnow
from backend.errors import InvalidInput, NotFound
from backend.models import (
    FEEDBACK_KINDS,
    FEEDBACK_STATUSES,
    ChatBlock,
    Feedback,
    FeedbackEvent,
    OutboxMessage,
    Project,
)
from backend.services.base import SessionFactory
from nlp.digits import to_ascii_digits

MAX_FEEDBACK_LENGTH = 4000
TRACKING_PREFIX = "SH-"
# SH-123456, SH123456, sh-123456 and the bare number all name the same feedback.
_CODE_FORMS = re.compile(r"(?:SH-?)?(\d{4,10})")

# Staff may move feedback along these edges; "hidden" (spam/abuse) is reachable from anywhere.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("in_review", "answered", "rejected", "closed"),
    "in_review": ("answered", "rejected", "closed"),
    "answered": ("closed", "in_review"),
    "closed": ("in_review",),
    "rejected": ("in_review",),
    "hidden": ("in_review",),
}


class SubmissionBlocked(InvalidInput):
    """The chat was barred from submitting feedback."""

    code = "blocked"


@dataclass(frozen=True, slots=True)
class FeedbackDraft:
    """What the citizen entered, before it gets a tracking code."""

    platform: str
    chat_id: int
    user_id: int | None
    kind: str
    text: str
    project_code: str | None = None
    photo_file_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    contact_phone: str | None = None
    contact_name: str | None = None


@dataclass(frozen=True, slots=True)
class FeedbackEventInfo:
    at: datetime
    actor: str
    kind: str
    to_status: str | None
    text: str | None
    public: bool


@dataclass(frozen=True, slots=True)
class FeedbackInfo:
    """A feedback item as services hand it out (contact details only when asked for)."""

    tracking_code: str
    platform: str
    chat_id: int
    kind: str
    status: str
    text: str
    project_code: str | None
    project_name: str | None
    has_photo: bool
    lat: float | None
    lon: float | None
    created_at: datetime
    updated_at: datetime
    events: list[FeedbackEventInfo] = field(default_factory=list)

    @property
    def public_replies(self) -> list[FeedbackEventInfo]:
        """Return the replies the citizen may see."""
        return [e for e in self.events if e.public and e.kind == "reply"]


def normalize_code(code: str) -> str:
    """Canonical form of a tracking code however it is typed: `SH-123456`.

    Citizens drop the dash, type lower case or Persian digits, or give the bare number;
    anything else is returned upper-cased with ASCII digits (and simply not found).
    """
    text = to_ascii_digits(code.strip()).upper().replace(" ", "")
    text = text.replace("‐", "-").replace("–", "-").replace("_", "-")
    match = _CODE_FORMS.fullmatch(text)
    return f"{TRACKING_PREFIX}{match.group(1)}" if match else text


def _new_code() -> str:
    return f"{TRACKING_PREFIX}{secrets.randbelow(900_000) + 100_000}"


def _info(row: Feedback, events: list[FeedbackEvent], project: Project | None) -> FeedbackInfo:
    return FeedbackInfo(
        tracking_code=row.tracking_code,
        platform=row.platform,
        chat_id=row.chat_id,
        kind=row.kind,
        status=row.status,
        text=row.text,
        project_code=project.code if project else None,
        project_name=project.name_fa if project else None,
        has_photo=row.photo_file_id is not None,
        lat=row.lat,
        lon=row.lon,
        created_at=aware(row.created_at),
        updated_at=aware(row.updated_at),
        events=[
            FeedbackEventInfo(aware(e.at), e.actor, e.kind, e.to_status, e.text, e.public)
            for e in events
        ],
    )


class FeedbackService:
    """Submit, look up and answer feedback."""

    def __init__(self, sessions: SessionFactory) -> None:
        self._sessions = sessions

    async def is_blocked(self, platform: str, chat_id: int) -> bool:
        """Tell whether staff barred this chat from submitting."""
        async with self._sessions() as session:
            found = await session.scalar(
                select(ChatBlock.id).where(
                    ChatBlock.platform == platform, ChatBlock.chat_id == chat_id
                )
            )
        return found is not None

    async def submit(self, draft: FeedbackDraft) -> FeedbackInfo:
        """Store a feedback item and return it with its new tracking code."""
        if draft.kind not in FEEDBACK_KINDS:
            raise InvalidInput(f"kind must be one of {', '.join(FEEDBACK_KINDS)}")
        text = draft.text.strip()
        if not text:
            raise InvalidInput("feedback text is empty", message_fa="متن بازخورد خالی است.")
        if len(text) > MAX_FEEDBACK_LENGTH:
            raise InvalidInput(
                "feedback text is too long",
                message_fa=f"متن بازخورد حداکثر {MAX_FEEDBACK_LENGTH} نویسه است.",
            )
        if await self.is_blocked(draft.platform, draft.chat_id):
            raise SubmissionBlocked(
                "this chat may not submit feedback",
                message_fa="امکان ثبت بازخورد از این گفتگو فعلاً وجود ندارد.",
            )
        for _ in range(8):  # a code collision is rare; retry with a fresh code
            try:
                return await self._insert(draft, text)
            except IntegrityError:
                continue
        raise RuntimeError("could not allocate a unique tracking code")

    async def _insert(self, draft: FeedbackDraft, text: str) -> FeedbackInfo:
        now = utcnow()
        async with self._sessions() as session, session.begin():
            project = None
            if draft.project_code:
                project = await session.scalar(
                    select(Project).where(Project.code == draft.project_code)
                )
            row = Feedback(
                tracking_code=_new_code(),
                platform=draft.platform,
                chat_id=draft.chat_id,
                user_id=draft.user_id,
                kind=draft.kind,
                project_id=project.id if project else None,
                text=text,
                photo_file_id=draft.photo_file_id,
                lat=draft.lat,
                lon=draft.lon,
                contact_phone=draft.contact_phone,
                contact_name=draft.contact_name,
                status="new",
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            await session.flush()
            event = FeedbackEvent(
                feedback_id=row.id,
                at=now,
                actor="citizen",
                kind="created",
                from_status=None,
                to_status="new",
                text=None,
                public=True,
            )
            session.add(event)
        return _info(row, [event], project)

    async def _load(self, session: AsyncSession, code: str) -> Feedback:
        row = await session.scalar(
            select(Feedback).where(Feedback.tracking_code == normalize_code(code))
        )
        if row is None:
            raise NotFound("unknown tracking code", message_fa="بازخوردی با این کد پیدا نشد.")
        return row

    async def _full(self, session: AsyncSession, row: Feedback) -> FeedbackInfo:
        events = list(
            (
                await session.scalars(
                    select(FeedbackEvent)
                    .where(FeedbackEvent.feedback_id == row.id)
                    .order_by(FeedbackEvent.id)
                )
            ).all()
        )
        project = await session.get(Project, row.project_id) if row.project_id else None
        return _info(row, events, project)

    async def for_chat(self, code: str, platform: str, chat_id: int) -> FeedbackInfo:
        """Return a feedback item only to the chat that submitted it (else NotFound, no hint)."""
        async with self._sessions() as session:
            row = await self._load(session, code)
            if row.platform != platform or row.chat_id != chat_id or row.status == "hidden":
                raise NotFound("unknown tracking code", message_fa="بازخوردی با این کد پیدا نشد.")
            return await self._full(session, row)

    async def get(self, code: str) -> FeedbackInfo:
        """Return a feedback item for staff."""
        async with self._sessions() as session:
            return await self._full(session, await self._load(session, code))

    async def recent(self, status: str | None = None, limit: int = 10) -> list[FeedbackInfo]:
        """List the newest feedback, optionally of one status (for staff)."""
        async with self._sessions() as session:
            stmt = select(Feedback).order_by(Feedback.created_at.desc(), Feedback.id.desc())
            if status:
                stmt = stmt.where(Feedback.status == status)
            rows = (await session.scalars(stmt.limit(limit))).all()
            return [await self._full(session, row) for row in rows]

    async def counts(self) -> dict[str, int]:
        """Count feedback per status."""
        async with self._sessions() as session:
            rows = (
                await session.execute(
                    select(Feedback.status, func.count()).group_by(Feedback.status)
                )
            ).all()
        found = {status: int(n) for status, n in rows}
        return {status: found.get(status, 0) for status in FEEDBACK_STATUSES}

    async def reply(self, code: str, text: str, *, actor: str, notice: str) -> FeedbackInfo:
        """Record a public staff reply, mark it answered and queue `notice` for the citizen."""
        text = text.strip()
        if not text:
            raise InvalidInput("reply text is empty", message_fa="متن پاسخ خالی است.")
        now = utcnow()
        async with self._sessions() as session, session.begin():
            row = await self._load(session, code)
            previous = row.status
            row.status = "answered" if previous in ("new", "in_review") else previous
            row.updated_at = now
            session.add(
                FeedbackEvent(
                    feedback_id=row.id,
                    at=now,
                    actor=actor,
                    kind="reply",
                    from_status=previous,
                    to_status=row.status,
                    text=text,
                    public=True,
                )
            )
            session.add(_outbox(row, "feedback_reply", notice, now))
        return await self.get(code)

    async def set_status(
        self, code: str, status: str, *, actor: str, note: str, notice: str | None
    ) -> FeedbackInfo:
        """Move feedback to a new status with a note; queue `notice` for the citizen if given."""
        if status not in FEEDBACK_STATUSES:
            raise InvalidInput(f"status must be one of {', '.join(FEEDBACK_STATUSES)}")
        if not note.strip():
            raise InvalidInput(
                "a note is required", message_fa="برای تغییر وضعیت یادداشت لازم است."
            )
        now = utcnow()
        async with self._sessions() as session, session.begin():
            row = await self._load(session, code)
            previous = row.status
            if status != "hidden" and status not in TRANSITIONS[previous]:
                raise InvalidInput(
                    f"cannot move from {previous} to {status}",
                    message_fa="این تغییر وضعیت مجاز نیست.",
                )
            row.status = status
            row.updated_at = now
            session.add(
                FeedbackEvent(
                    feedback_id=row.id,
                    at=now,
                    actor=actor,
                    kind="status",
                    from_status=previous,
                    to_status=status,
                    text=note.strip(),
                    public=False,
                )
            )
            if notice is not None and status != "hidden":
                session.add(_outbox(row, "feedback_status", notice, now))
        return await self.get(code)


def _outbox(row: Feedback, kind: str, text: str, now: datetime) -> OutboxMessage:
    return OutboxMessage(
        platform=row.platform,
        chat_id=row.chat_id,
        kind=kind,
        text=text,
        ref=row.tracking_code,
        created_at=now,
        next_attempt_at=now,
        attempts=0,
    )
