"""Persian strings the staff services produce: labels and the notices citizens receive.

Status and kind labels and the citizen's notices live in `backend/labels.py` (one catalogue for
the bot, the panel and the services); they are re-exported here for the panel's templates.
"""

from __future__ import annotations

from backend.labels import (
    CITIZEN_STATUS_LABELS,
    FEEDBACK_KIND_LABELS,
    FEEDBACK_STATUS_LABELS,
    NOTICE_REPLY,
    NOTICE_STATUS,
)

ROLE_LABELS: dict[str, str] = {"admin": "مدیر", "reviewer": "بررسی‌کننده"}

REDACTED_MARK = "[حذف‌شده]"
# An import problem of the staff API's upload: two parts carry the same file name.
UPLOADED_TWICE = "این پرونده دو بار بارگذاری شده است"


def reply_notice(code: str, text: str) -> str:
    """Compose the message a citizen gets for a public staff reply."""
    return NOTICE_REPLY.format(code=code, text=text)


def status_notice(code: str, status: str) -> str | None:
    """Compose the status-change notice, or None when the citizen is not told (hidden)."""
    label = CITIZEN_STATUS_LABELS.get(status)
    return NOTICE_STATUS.format(code=code, status=label) if label else None


__all__ = [
    "CITIZEN_STATUS_LABELS",
    "FEEDBACK_KIND_LABELS",
    "FEEDBACK_STATUS_LABELS",
    "ROLE_LABELS",
]
