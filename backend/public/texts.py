"""Persian strings of the public site chosen at run time (static page copy is in the templates)."""

from __future__ import annotations

SITE_NAME = "شفاف"
SITE_TAGLINE = "سهم شهر از مالیات بر ارزش افزوده، و اینکه کجا خرج می‌شود"

# (route name, label)
NAV: tuple[tuple[str, str], ...] = (
    ("home", "خانه"),
    ("share", "سهم شهر"),
    ("spending", "کجا خرج شد؟"),
    ("projects", "پروژه‌ها"),
    ("calculator", "ماشین‌حساب"),
    ("data", "داده‌های باز"),
)

ERRORS: dict[int, str] = {
    400: "درخواست پذیرفته نشد.",
    404: "چیزی که خواستید پیدا نشد.",
    500: "خطای داخلی رخ داد؛ ثبت شد.",
    503: "سامانه موقتاً در دسترس نیست؛ کمی بعد دوباره تلاش کنید.",
}

BAD_MONTH = "ماه باید به شکل سال-ماه شمسی باشد، مثل ۱۴۰۳-۰۷."
BAD_DAY = "تاریخ باید به شکل سال-ماه-روز شمسی باشد، مثل ۱۴۰۵-۰۹-۰۸."
BAD_AMOUNT = "مبلغ باید عددی مثبت باشد (با رقم فارسی یا لاتین)."
BAD_CHOICE = "مقدار «{name}» پذیرفته نیست."
RANGE_REVERSED = "پایان دوره نباید پیش از آغاز آن باشد."
NO_MUNICIPALITY = "این شهر در داده‌ها نیست."
NO_PROJECT = "پروژه‌ای با این کد پیدا نشد."
NO_DATA = "برای {name} هنوز رقمی ثبت نشده است."
CITYWIDE = "سطح شهر (بدون منطقه)"
ALL = "همه"
UNITS = {"toman": "تومان", "rial": "ریال"}
AMOUNT_KINDS = {"purchase": "مبلغ خرید (با مالیات)", "vat": "خودِ مالیات پرداختی"}
CHART_MONTHS = "نمودار سهم ماهانه {name}، {period}"
CHART_YEARS = "نمودار سهم سالانه {name}"
CHART_FUNDING = "نمودار هزینه سالانه این پروژه از سهم مالیات"
