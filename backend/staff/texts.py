"""Persian strings the staff services produce: labels and the notices citizens receive.

The notices mirror the bot's own wording (bot/texts.py) so a citizen sees one voice; they are
defined here because the backend must not import the bot package.
"""

from __future__ import annotations

FEEDBACK_STATUS_LABELS: dict[str, str] = {
    "new": "تازه",
    "in_review": "در حال بررسی",
    "answered": "پاسخ داده شده",
    "closed": "بسته شده",
    "rejected": "رد شده",
    "hidden": "پنهان (هرزنامه/توهین)",
}
# What the citizen is told a status means (the staff labels above are terser).
CITIZEN_STATUS_LABELS: dict[str, str] = {
    "new": "ثبت‌شده، در انتظار بررسی",
    "in_review": "در حال بررسی",
    "answered": "پاسخ داده شده",
    "closed": "بسته شده",
    "rejected": "رد شده",
}
FEEDBACK_KIND_LABELS: dict[str, str] = {
    "complaint": "شکایت",
    "criticism": "انتقاد",
    "suggestion": "پیشنهاد",
    "thanks": "قدردانی",
}
ROLE_LABELS: dict[str, str] = {"admin": "مدیر", "reviewer": "بررسی‌کننده"}

NOTICE_REPLY = (
    "📬 پاسخ شهرداری به نظر شما ({code}):\n{text}\n\nبرای دیدن همه جزئیات: /status {code}"
)
NOTICE_STATUS = "🔔 وضعیت نظر شما ({code}) تغییر کرد: {status}\n\nجزئیات: /status {code}"

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
