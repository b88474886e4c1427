"""Staff actions on feedback: status, public replies, internal notes, assignment, moderation.

Status changes and replies go through FeedbackService (which owns the transitions and queues the
citizen's notice in the outbox, sent by the bot); notes, assignment, redaction and chat blocks
are staff-only records kept here. Every action is checked against the actor's scope first and
written to the audit log.
"""

from __future__ import annotations

from sqlalchemy import delete, select

from backend.clock import utcnow
from backend.errors import InvalidInput, NotFound
from backend.models import FEEDBACK_STATUSES, ChatBlock, Feedback, FeedbackEvent
from backend.services.base import SessionFactory
from backend.services.feedback import MAX_FEEDBACK_LENGTH, FeedbackService, normalize_code
from backend.staff.accounts import AuditLog, StaffIdentity
from backend.staff.inbox import InboxService
from backend.staff.texts import reply_notice, status_notice
from backend.staff_models import FeedbackAssignment, FeedbackRedaction, StaffUser

MAX_NOTE_LENGTH = 4000


class Forbidden(InvalidInput):
    """The staff member's role does not allow this action."""

    code = "forbidden"


def require_admin(actor: StaffIdentity) -> None:
    """Raise Forbidden unless the actor is an admin."""
    if not actor.is_admin:
        raise Forbidden("admins only", message_fa="این کار فقط از مدیر برمی‌آید.")


def _text(value: str, what_fa: str, limit: int = MAX_NOTE_LENGTH) -> str:
    value = value.strip()
    if not value:
        raise InvalidInput(f"{what_fa} is empty", message_fa=f"{what_fa} خالی است.")
    if len(value) > limit:
        raise InvalidInput(f"{what_fa} is too long", message_fa=f"{what_fa} بیش از حد بلند است.")
    return value


class WorkflowService:
    """Act on feedback as a staff member."""

    def __init__(
        self,
        sessions: SessionFactory,
        feedback: FeedbackService,
        inbox: InboxService,
        audit: AuditLog,
    ) -> None:
        self._sessions = sessions
        self._feedback = feedback
        self._inbox = inbox
        self._audit = audit

    async def set_status(
        self, actor: StaffIdentity, code: str, status: str, note: str, ip: str | None = None
    ) -> None:
        """Move an item to a new status with a required note; tell the citizen (not for hidden)."""
        await self._inbox.feedback_id(code, actor)
        if status not in FEEDBACK_STATUSES:
            raise InvalidInput("unknown status", message_fa="وضعیت ناشناخته است.")
        note = _text(note, "یادداشت")
        info = await self._feedback.set_status(
            code,
            status,
            actor=actor.username,
            note=note,
            notice=status_notice(normalize_code(code), status),
        )
        await self._audit.record(
            actor.username, "feedback.status", info.tracking_code, f"→ {status}: {note}", ip
        )

    async def reply(
        self, actor: StaffIdentity, code: str, text: str, ip: str | None = None
    ) -> None:
        """Send a public reply to the citizen (queued in the outbox, delivered by the bot)."""
        await self._inbox.feedback_id(code, actor)
        text = _text(text, "متن پاسخ", MAX_FEEDBACK_LENGTH)
        info = await self._feedback.reply(
            code, text, actor=actor.username, notice=reply_notice(normalize_code(code), text)
        )
        await self._audit.record(actor.username, "feedback.reply", info.tracking_code, text, ip)

    async def add_note(
        self, actor: StaffIdentity, code: str, text: str, ip: str | None = None
    ) -> None:
        """Store an internal note: staff see it in the history, the citizen never does."""
        feedback_id = await self._inbox.feedback_id(code, actor)
        text = _text(text, "یادداشت")
        async with self._sessions() as session, session.begin():
            row = await session.get(Feedback, feedback_id)
            assert row is not None
            session.add(
                FeedbackEvent(
                    feedback_id=feedback_id,
                    at=utcnow(),
                    actor=actor.username,
                    kind="note",
                    from_status=row.status,
                    to_status=row.status,
                    text=text,
                    public=False,
                )
            )
        await self._audit.record(actor.username, "feedback.note", normalize_code(code), text, ip)

    async def assign(
        self, actor: StaffIdentity, code: str, username: str | None, ip: str | None = None
    ) -> None:
        """Give an item to a staff member (None or "" clears it); reviewers may take only it."""
        feedback_id = await self._inbox.feedback_id(code, actor)
        username = (username or "").strip().lower() or None
        if username is not None and username != actor.username:
            require_admin(actor)
        async with self._sessions() as session, session.begin():
            await session.execute(
                delete(FeedbackAssignment).where(FeedbackAssignment.feedback_id == feedback_id)
            )
            if username is not None:
                user = await session.scalar(
                    select(StaffUser).where(StaffUser.username == username, StaffUser.active)
                )
                if user is None:
                    raise NotFound("no such staff member", message_fa="چنین کارمندی نیست.")
                session.add(
                    FeedbackAssignment(
                        feedback_id=feedback_id,
                        user_id=user.id,
                        assigned_by=actor.username,
                        at=utcnow(),
                    )
                )
        await self._audit.record(
            actor.username, "feedback.assign", normalize_code(code), username or "-", ip
        )

    async def redact(
        self, actor: StaffIdentity, code: str, text: str | None, ip: str | None = None
    ) -> None:
        """Set (or with None/"" remove) the redacted text shown instead of the original."""
        require_admin(actor)
        feedback_id = await self._inbox.feedback_id(code, actor)
        text = (text or "").strip() or None
        async with self._sessions() as session, session.begin():
            await session.execute(
                delete(FeedbackRedaction).where(FeedbackRedaction.feedback_id == feedback_id)
            )
            if text is not None:
                session.add(
                    FeedbackRedaction(
                        feedback_id=feedback_id,
                        text=_text(text, "متن ویرایش‌شده", MAX_FEEDBACK_LENGTH),
                        redacted_by=actor.username,
                        at=utcnow(),
                    )
                )
        await self._audit.record(
            actor.username,
            "feedback.redact",
            normalize_code(code),
            "set" if text else "cleared",
            ip,
        )

    async def block_chat(
        self, actor: StaffIdentity, code: str, block: bool, reason: str, ip: str | None = None
    ) -> None:
        """Bar (or let again) the chat behind an item from submitting feedback."""
        require_admin(actor)
        feedback_id = await self._inbox.feedback_id(code, actor)
        async with self._sessions() as session, session.begin():
            row = await session.get(Feedback, feedback_id)
            assert row is not None
            existing = await session.scalar(
                select(ChatBlock).where(
                    ChatBlock.platform == row.platform, ChatBlock.chat_id == row.chat_id
                )
            )
            if block and existing is None:
                session.add(
                    ChatBlock(
                        platform=row.platform,
                        chat_id=row.chat_id,
                        reason=reason.strip()[:1000] or None,
                        created_at=utcnow(),
                    )
                )
            elif not block and existing is not None:
                await session.delete(existing)
        await self._audit.record(
            actor.username,
            "chat.block" if block else "chat.unblock",
            normalize_code(code),
            reason.strip() or None,
            ip,
        )
