"""Persian strings of the open data: figure titles, row names, notes, column titles.

Templates use `str.format` with named fields; figures arrive formatted by `backend.formatting`.
"""

from __future__ import annotations

# --- freshness ---------------------------------------------------------------------------------
STALE_NOTE = "⚠️ این داده‌ها آخرین بار {date} ({days} روز پیش) به‌روز شده‌اند و ممکن است کهنه باشند."
STALE_NEVER = "⚠️ هنوز داده‌ای بارگذاری نشده است."
SAMPLE_NOTE = "⚠️ این ارقام نمونه‌اند و تا بارگذاری داده‌های رسمی واقعی نیستند."

# --- figure titles -----------------------------------------------------------------------------
TITLE_SHARE = "سهم شهرداری {name} از مالیات بر ارزش افزوده — {period}"
TITLE_COMPARE_PERIODS = "مقایسه سهم شهرداری {name}: {first} و {second}"
TITLE_COMPARE_MUNIS = "مقایسه سهم {first} و {second} — {period}"
TITLE_SPENDING = "سهم مالیات بر ارزش افزوده {name} کجا خرج شد؟ — {period}"
TITLE_SPENDING_FILTERED = "هزینه پروژه‌های {filters} از سهم مالیات بر ارزش افزوده {name} — {period}"
FILTER_CATEGORY = "حوزه {name}"
FILTER_DISTRICT = "{name}"
FILTER_JOIN = "، "
TITLE_PROJECT = "{name} ({code})"
TITLE_PROJECT_PERIOD = "{name} ({code}) — {period}"
TITLE_CALCULATOR = "از {amount} {what}، چقدر به شهرداری {name} می‌رسد؟"
CALC_WHAT_PURCHASE = "خرید"
CALC_WHAT_VAT = "مالیات بر ارزش افزوده"

# --- breakdowns --------------------------------------------------------------------------------
BREAKDOWN_MONTHS = "به تفکیک ماه"
BREAKDOWN_YEARS = "به تفکیک سال"
BREAKDOWN_CATEGORIES = "به تفکیک حوزه"
BREAKDOWN_DISTRICTS = "به تفکیک منطقه"
BREAKDOWN_PROJECTS = "به تفکیک پروژه"
BREAKDOWN_FIRST = "دوره/شهر اول، به تفکیک ماه"
BREAKDOWN_SECOND = "دوره/شهر دوم، به تفکیک ماه"
BREAKDOWN_SPLIT = "سهم شهر به تفکیک حوزه هزینه"
ROW_OTHERS = "سایر ({count} پروژه)"
ROW_CITYWIDE = "سطح شهر (بدون منطقه)"
ROW_ROUNDING = "اختلاف گردکردن"
NOTE_NO_FIGURE = "رقمی ثبت نشده"
NOTE_ROUNDING = "هر سهم جداگانه به ریال گرد شده است؛ این سطر جمع را با رقم کل برابر می‌کند."

# --- calculator --------------------------------------------------------------------------------
FORMULA_VAT_IN_PURCHASE = "مالیات درون قیمت = قیمت × نرخ ÷ (۱۰۰ + نرخ)"
FORMULA_VAT_GIVEN = "مالیات = مبلغ واردشده (خودِ مالیات است)"
FORMULA_MUNICIPAL = "سهم شهر = مالیات × سهم شهرداری‌ها ÷ ۱۰۰"
FORMULA_SPLIT = "سهم هر حوزه = سهم شهر × درصد آن حوزه از هزینه پروژه‌ها در {period}"
FORMULA_ROUNDING = "هر رقم به نزدیک‌ترین ریال گرد می‌شود (نیم به بالا)."
STATUS_HISTORY_MISSING = (
    "تاریخچهٔ تغییر وضعیت پروژه‌ها در داده‌ها ثبت نمی‌شود؛ "
    "وضعیت کنونی و تاریخ آخرین به‌روزرسانی آمده است."
)
