"""The one catalogue of status and kind labels, for citizens and staff alike.

Projects' statuses (the contract's four), feedback statuses (the staff's terse words and what a
citizen is told), feedback kinds, and the notices a citizen receives when staff act on their
feedback. The bot, the staff panel and the services all read them here.
"""

from __future__ import annotations

PROJECT_STATUS_LABELS: dict[str, str] = {
    "planned": "برنامه‌ریزی‌شده",
    "in_progress": "در حال اجرا",
    "completed": "تکمیل‌شده",
    "suspended": "متوقف",
}
# The staff's words for a feedback's state (the inbox, filters, the audit trail).
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
# A hidden item (spam, abuse) is never announced; asked with /status, it says only this.
CITIZEN_HIDDEN_LABEL = "پنهان"
FEEDBACK_KIND_LABELS: dict[str, str] = {
    "complaint": "شکایت",
    "criticism": "انتقاد",
    "suggestion": "پیشنهاد",
    "thanks": "قدردانی",
}

# Notices a citizen gets in their chat when staff reply or change a status.
NOTICE_REPLY = (
    "📬 پاسخ شهرداری به نظر شما ({code}):\n{text}\n\nبرای دیدن همه جزئیات: /status {code}"
)
NOTICE_STATUS = "🔔 وضعیت نظر شما ({code}) تغییر کرد: {status}\n\nجزئیات: /status {code}"
