"""The few Persian sentences only a chat transport says: flood and error notices, groups, the
contact keyboard's hint and the command menu. Everything the conversation says is in
`backend/conversation/texts.py`."""

from __future__ import annotations

# Descriptions registered with setMyCommands (contract section 1, the eight commands).
COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "شروع و منوی اصلی"),
    ("help", "راهنما و نمونه پرسش‌ها"),
    ("subscribe", "اشتراک گزارش‌ها"),
    ("unsubscribe", "لغو اشتراک"),
    ("mysubscription", "اشتراک فعلی من"),
    ("feedback", "ثبت نظر، شکایت یا پیشنهاد"),
    ("status", "پیگیری نظر با کد"),
    ("cancel", "خروج از گفتگوی جاری"),
)

FLOOD = "کمی آهسته‌تر لطفاً 🙏 پیام‌های زیادی در یک دقیقه فرستادید؛ چند لحظه صبر کنید و دوباره بپرسید."
ERROR = "متأسفم، مشکلی پیش آمد و نتوانستم پاسخ بدهم. لطفاً کمی بعد دوباره امتحان کنید."
UNAVAILABLE = "سرویس شفاف موقتاً در دسترس نیست. لطفاً چند دقیقه دیگر دوباره امتحان کنید."
SHARE_CONTACT_HINT = "اگر مایلید، شماره خودتان را با دکمه پایین صفحه بفرستید 👇"
GROUP_NOTICE = "من در گروه‌ها گفتگو نمی‌کنم؛ لطفاً در گفتگوی خصوصی با من بپرسید تا پاسخ دقیق بدهم."
