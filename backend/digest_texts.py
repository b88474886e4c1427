"""Every Persian sentence of the digests and their chart, in one place."""

from __future__ import annotations

WEEKLY_TITLE = "📬 خلاصه هفتگی شفاف — {date}"
MONTHLY_TITLE = "📬 خلاصه ماهانه شفاف — {month}"
REPORT_TITLE = "📄 گزارش تازه منتشر شد"
PREVIEW_TITLE_SUFFIX = " (پیش‌نمایش)"

VAT_HEADING = "💰 سهم {city} از مالیات بر ارزش افزوده"
VAT_MONTH_LINE = "{month}: {amount}"
VAT_CHANGE_MOM = "نسبت به ماه قبل: {change}"
VAT_CHANGE_YOY = "نسبت به {month}: {change}"
VAT_NO_COMPARISON = "قابل مقایسه نیست"

PROJECTS_HEADING = "🏗 تغییر پروژه‌هایی که دنبال می‌کنید"
PROJECT_STATUS_CHANGE = "{name}: وضعیت از «{old}» به «{new}»"
PROJECT_PROGRESS_CHANGE = "{name}: پیشرفت از {old} به {new}"
PROJECT_BOTH_CHANGE = "{name}: «{new}»، پیشرفت از {old_progress} به {new_progress}"
PROJECT_NEW = "{name}: پروژه تازه ({status}، پیشرفت {progress})"
MORE_ITEMS = "و {count} مورد دیگر"

REPORTS_HEADING = "📄 گزارش‌های تازه"
REPORT_LINE = "{title} ({date})"
REPORT_PUBLISHED_ON = "تاریخ انتشار: {date}"

NO_CHANGE_MONTHLY = "در این ماه رقم یا خبر تازه‌ای درباره موضوع‌های شما ثبت نشد."
SAMPLE_NOTE = "ارقام این خلاصه نمونه‌اند، تا وقتی داده‌های واقعی بارگذاری شود."
CHART_CAPTION_NOTE = "نمودار: سهم ماهانه {city} در {count} ماه اخیر."

BUTTON_UNSUBSCRIBE = "لغو اشتراک خلاصه‌ها"
BUTTON_READ_REPORT = "خواندن گزارش"
BUTTON_MENU = "منوی اصلی"

# The chart
CHART_TITLE = "سهم ماهانه {city} از مالیات بر ارزش افزوده"
CHART_Y_LABEL = "میلیارد تومان"
CHART_SAMPLE = "داده نمونه"
CHART_SOURCE = "منبع: شفاف"
