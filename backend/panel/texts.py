"""Persian strings of the staff panel that Python code hands to templates (messages, labels).

Static page copy lives in the templates themselves; everything chosen at run time is here.
"""

from __future__ import annotations

from backend.staff.texts import FEEDBACK_KIND_LABELS, FEEDBACK_STATUS_LABELS, ROLE_LABELS

__all__ = [
    "ERRORS",
    "FEEDBACK_KIND_LABELS",
    "FEEDBACK_STATUS_LABELS",
    "FILTER_NAMES",
    "MESSAGES",
    "ROLE_LABELS",
]

APP_NAME = "شفاف — پنل کارکنان"

# Success notes shown after a redirect (?msg=KEY): keys only, so a link cannot inject text.
MESSAGES: dict[str, str] = {
    "status": "وضعیت تغییر کرد و یادداشت ثبت شد.",
    "reply": "پاسخ ثبت شد و برای شهروند در صف ارسال قرار گرفت.",
    "note": "یادداشت داخلی ثبت شد (برای شهروند فرستاده نمی‌شود).",
    "assign": "مسئول بازخورد به‌روز شد.",
    "redact": "متن ویرایش‌شده ذخیره شد.",
    "block": "این گفتگو دیگر نمی‌تواند بازخورد ثبت کند.",
    "unblock": "مسدودی این گفتگو برداشته شد.",
    "template": "الگوی پاسخ ذخیره شد.",
    "template_deleted": "الگوی پاسخ حذف شد.",
    "handled": "پرسش از صف بررسی خارج شد.",
    "example": "نمونهٔ آموزشی ثبت شد.",
    "faq": "پرسش متداول تازه منتشر شد.",
    "published": "گزارش منتشر شد و خلاصهٔ آن برای مشترکان در صف قرار گرفت.",
    "published_hook_failed": "گزارش منتشر شد، اما صف‌کردن خلاصهٔ آن ناموفق بود؛ دوباره منتشر کنید.",
    "imported": "داده‌ها با موفقیت وارد شدند.",
    "token_revoked": "توکن باطل شد.",
    "logged_out": "از پنل خارج شدید.",
}

ERRORS: dict[str, str] = {
    "login_failed": "نام کاربری یا گذرواژه درست نیست.",
    "login_throttled": "تلاش‌های ناموفق زیاد بود. لطفاً {seconds} ثانیه دیگر دوباره تلاش کنید.",
    "csrf": "درخواست نامعتبر است (توکن امنیتی فرم نادرست یا منقضی است). صفحه را دوباره باز کنید.",
    "forbidden": "دسترسی به این بخش برای نقش شما مجاز نیست.",
    "not_found": "چیزی که خواستید پیدا نشد.",
    "invalid": "درخواست پذیرفته نشد.",
    "import_expired": "پیش‌نمایش منقضی شده است؛ پرونده‌ها را دوباره بارگذاری کنید.",
    "no_files": "هیچ پرونده‌ای انتخاب نشده است.",
    "internal": "خطای داخلی رخ داد؛ ثبت شد.",
}

FILTER_NAMES: dict[str, str] = {
    "status": "وضعیت",
    "kind": "نوع",
    "from": "از تاریخ",
    "to": "تا تاریخ",
    "has_photo": "عکس",
}

NAV: tuple[tuple[str, str, bool], ...] = (
    # (route name, label, admins only)
    ("inbox", "صندوق بازخوردها", False),
    ("dashboard", "داشبورد", False),
    ("questions", "پرسش‌های بی‌پاسخ", False),
    ("templates", "الگوهای پاسخ", False),
    ("data", "داده‌ها و گزارش‌ها", True),
    ("tokens", "حساب‌ها و توکن‌ها", False),
    ("audit", "گزارش رویدادها", True),
)
