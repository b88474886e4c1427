"""The staff's bot commands (/inbox /show /reply /setstatus); everyone else is refused alike."""

from __future__ import annotations

from datetime import tzinfo

from backend.conversation import texts as T
from backend.conversation.flows.base import ChatRef
from backend.conversation.notices import day_label, notice, status_reply, unknown_command
from backend.errors import DomainError
from backend.labels import (
    CITIZEN_STATUS_LABELS,
    FEEDBACK_KIND_LABELS,
    FEEDBACK_STATUS_LABELS,
    NOTICE_REPLY,
    NOTICE_STATUS,
)
from backend.models import FEEDBACK_STATUSES
from backend.reply import Block, Reply
from backend.services import Services
from backend.services.feedback import normalize_code


class StaffTools:
    """Staff commands in the bot, for the chats the operator listed."""

    def __init__(self, services: Services, staff_chat_ids: frozenset[int], zone: tzinfo) -> None:
        self._s = services
        self._staff = staff_chat_ids
        self._zone = zone

    def is_staff(self, chat: ChatRef) -> bool:
        """Tell whether the chat may use the staff commands."""
        return chat.chat_id in self._staff

    async def staff_inbox(self, chat: ChatRef, status: str = "") -> Reply:
        """List recent feedback (staff only)."""
        if not self.is_staff(chat):
            return unknown_command()
        status = status.strip()
        if status and status not in FEEDBACK_STATUSES:
            return notice(T.STAFF_USAGE_INBOX.format(statuses=" ".join(FEEDBACK_STATUSES)))
        items = await self._s.feedback.recent(status or None, limit=10)
        label = f" ({FEEDBACK_STATUS_LABELS[status]})" if status else ""
        blocks = [Block("title", T.STAFF_INBOX_TITLE.format(status=label))]
        if not items:
            blocks.append(Block("text", T.STAFF_INBOX_EMPTY))
        for info in items:
            blocks.append(
                Block(
                    "text",
                    T.STAFF_INBOX_ITEM.format(
                        code=info.tracking_code,
                        kind=FEEDBACK_KIND_LABELS.get(info.kind, info.kind),
                        status=FEEDBACK_STATUS_LABELS.get(info.status, info.status),
                        date=day_label(info.created_at, self._zone),
                        project=f" · {info.project_name}" if info.project_name else "",
                        text=info.text[:300],
                    ),
                )
            )
        return Reply("staff", blocks)

    async def staff_show(self, chat: ChatRef, code: str) -> Reply:
        """Show one feedback with its history (staff only)."""
        if not self.is_staff(chat):
            return unknown_command()
        if not code.strip():
            return notice(T.STAFF_USAGE_SHOW)
        try:
            info = await self._s.feedback.get(code)
        except DomainError as exc:
            return notice(T.STAFF_ERROR.format(message=exc.message_fa))
        reply = status_reply(info, self._zone, staff=True)
        return reply

    async def staff_reply(self, chat: ChatRef, code: str, text: str) -> Reply:
        """Answer a feedback publicly; the citizen gets a notice through the outbox (staff only)."""
        if not self.is_staff(chat):
            return unknown_command()
        if not code.strip() or not text.strip():
            return notice(T.STAFF_USAGE_REPLY)
        canonical = normalize_code(code)
        message = NOTICE_REPLY.format(code=canonical, text=text.strip())
        try:
            await self._s.feedback.reply(
                canonical, text, actor=f"bot:{chat.chat_id}", notice=message
            )
        except DomainError as exc:
            return notice(T.STAFF_ERROR.format(message=exc.message_fa))
        return notice(T.STAFF_REPLIED.format(code=canonical))

    async def staff_set_status(self, chat: ChatRef, code: str, status: str, note: str) -> Reply:
        """Move a feedback to a new status with a note (staff only)."""
        if not self.is_staff(chat):
            return unknown_command()
        if not code.strip() or status not in FEEDBACK_STATUSES or not note.strip():
            return notice(T.STAFF_USAGE_STATUS.format(statuses=" ".join(FEEDBACK_STATUSES)))
        canonical = normalize_code(code)
        label = FEEDBACK_STATUS_LABELS[status]
        # The citizen hears the citizen's word for it; a hidden item is never announced.
        citizen = CITIZEN_STATUS_LABELS.get(status)
        message = NOTICE_STATUS.format(code=canonical, status=citizen) if citizen else None
        try:
            await self._s.feedback.set_status(
                canonical, status, actor=f"bot:{chat.chat_id}", note=note, notice=message
            )
        except DomainError as exc:
            return notice(T.STAFF_ERROR.format(message=exc.message_fa))
        return notice(T.STAFF_STATUS_SET.format(code=canonical, status=label))
