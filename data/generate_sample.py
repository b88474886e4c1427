"""Generate Shafaf's bundled, invented sample dataset (``data/sample/*.csv``).

Run ``python data/generate_sample.py`` to rewrite every CSV from the hand-written lists below and
fixed random seeds; the output is byte-for-byte deterministic. Every figure is invented, and every
``source`` value ends with " (نمونه)" so the bot can say that the figures are sample figures.
The script checks its own output (Jalali dates, keys, references, funding ≤ monthly VAT share)
before writing anything.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import jdatetime

OUT_DIR = Path(__file__).resolve().parent / "sample"

SAMPLE = " (نمونه)"
FIRST_MONTH: tuple[int, int] = (1400, 1)
LAST_MONTH: tuple[int, int] = (1405, 8)  # the last month whose VAT share is known "today"
TODAY = jdatetime.date(1405, 9, 8)  # 2026-11-29
STATUSES = ("planned", "in_progress", "completed", "suspended")
MAX_PROJECT_SHARE = 0.55  # projects listed here use at most this part of a month's VAT share

Month = tuple[int, int]

_FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


# ---------------------------------------------------------------------------------------------
# Jalali helpers
# ---------------------------------------------------------------------------------------------


def days_in_month(year: int, month: int) -> int:
    """Return the number of days of a Jalali month."""
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if jdatetime.date(year, 1, 1).isleap() else 29


def jdate(text: str) -> jdatetime.date:
    """Parse a Jalali ``YYYY-MM-DD`` string, raising on an invalid date."""
    year, month, day = (int(part) for part in text.split("-"))
    return jdatetime.date(year, month, day)


def iso(date: jdatetime.date) -> str:
    """Format a Jalali date as zero-padded ``YYYY-MM-DD``."""
    return f"{date.year:04d}-{date.month:02d}-{date.day:02d}"


def month_end(year: int, month: int) -> jdatetime.date:
    """Return the last day of a Jalali month."""
    return jdatetime.date(year, month, days_in_month(year, month))


def next_month(ym: Month) -> Month:
    """Return the month after ``ym``."""
    year, month = ym
    return (year + 1, 1) if month == 12 else (year, month + 1)


def month_range(first: Month, last: Month) -> list[Month]:
    """Return the Jalali months from ``first`` to ``last`` inclusive."""
    months: list[Month] = []
    current = first
    while current <= last:
        months.append(current)
        current = next_month(current)
    return months


def month_of(text: str) -> Month:
    """Return the (year, month) of a Jalali date string."""
    date = jdate(text)
    return (date.year, date.month)


# ---------------------------------------------------------------------------------------------
# Persian number formatting (for report summaries)
# ---------------------------------------------------------------------------------------------


def fa_int(value: int) -> str:
    """Format an integer with Persian digits and the Persian thousands separator."""
    return f"{value:,}".replace(",", "٬").translate(_FA_DIGITS)


def fa_dec(value: float, places: int = 1) -> str:
    """Format a decimal with Persian digits and the Persian decimal separator."""
    return f"{value:.{places}f}".replace(".", "٫").translate(_FA_DIGITS)


def fa(text: object) -> str:
    """Replace ASCII digits with Persian digits."""
    return str(text).translate(_FA_DIGITS)


def billions(rial: int) -> int:
    """Round an amount in rials to whole billions of rials."""
    return round(rial / 1_000_000_000)


# ---------------------------------------------------------------------------------------------
# Hand-written reference data
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Municipality:
    """A municipality of Khorasan Razavi with its sample-data parameters."""

    slug: str
    name_fa: str
    population: int
    per_capita: float  # VAT share per inhabitant relative to Mashhad
    center: tuple[float, float]
    districts: tuple[str, ...]


MUNICIPALITIES: tuple[Municipality, ...] = (
    Municipality(
        "mashhad",
        "مشهد",
        3_372_000,
        1.00,
        (36.2970, 59.6050),
        (*(str(n) for n in range(1, 14)), "samen"),
    ),
    Municipality("neyshabur", "نیشابور", 286_000, 0.86, (36.2135, 58.7955), ("1", "2", "3")),
    Municipality("sabzevar", "سبزوار", 264_000, 0.84, (36.2125, 57.6815), ("1", "2", "3")),
    Municipality("torbat-heydarieh", "تربت حیدریه", 151_000, 0.80, (35.2740, 59.2195), ()),
    Municipality("quchan", "قوچان", 112_000, 0.74, (37.1060, 58.5100), ()),
    Municipality("kashmar", "کاشمر", 109_000, 0.76, (35.2385, 58.4650), ()),
    Municipality("torbat-jam", "تربت جام", 106_000, 0.70, (35.2440, 60.6225), ()),
    Municipality("chenaran", "چناران", 57_000, 0.72, (36.6450, 59.1210), ()),
    Municipality("gonabad", "گناباد", 45_000, 0.78, (34.3530, 58.6840), ()),
)
MUNI_BY_SLUG = {m.slug: m for m in MUNICIPALITIES}

# Approximate centres of Mashhad's districts, used to place sample projects on a map.
MASHHAD_DISTRICT_CENTERS: dict[str, tuple[float, float]] = {
    "1": (36.3120, 59.5650),
    "2": (36.3350, 59.5950),
    "3": (36.3220, 59.6400),
    "4": (36.2950, 59.6600),
    "5": (36.2680, 59.6550),
    "6": (36.2720, 59.6250),
    "7": (36.2500, 59.6050),
    "8": (36.2800, 59.5800),
    "9": (36.3180, 59.5300),
    "10": (36.3500, 59.5450),
    "11": (36.2980, 59.5200),
    "12": (36.3650, 59.4950),
    "13": (36.2350, 59.5750),
    "samen": (36.2880, 59.6140),
}


@dataclass(frozen=True)
class Category:
    """A spending category and the words citizens use for it."""

    slug: str
    name_fa: str
    synonyms: tuple[str, ...]


CATEGORIES: tuple[Category, ...] = (
    Category(
        "transport",
        "حمل‌ونقل عمومی",
        (
            "حمل‌ونقل عمومی",
            "حمل و نقل عمومی",
            "حمل‌ونقل",
            "مترو",
            "قطار شهری",
            "قطارشهری",
            "خط قطار",
            "ایستگاه مترو",
            "اتوبوس",
            "اتوبوس‌رانی",
            "اتوبوس برقی",
            "ایستگاه اتوبوس",
            "بی‌آرتی",
            "بی آر تی",
            "اتوبوس تندرو",
            "ناوگان",
            "تاکسی",
            "تاکسی‌رانی",
            "پایانه",
            "ترمینال",
            "دوچرخه",
            "مسیر دوچرخه",
        ),
    ),
    Category(
        "roads",
        "معابر و تقاطع‌ها",
        (
            "معابر",
            "معبر",
            "تقاطع",
            "تقاطع غیرهمسطح",
            "زیرگذر",
            "روگذر",
            "پل",
            "پل عابر",
            "پل عابر پیاده",
            "آسفالت",
            "روکش آسفالت",
            "لکه‌گیری",
            "چاله",
            "بزرگراه",
            "اتوبان",
            "تعریض",
            "خیابان‌سازی",
            "بلوارسازی",
            "گره ترافیکی",
            "ترافیک",
            "دوربرگردان",
            "پیاده‌رو",
        ),
    ),
    Category(
        "green",
        "فضای سبز",
        (
            "فضای سبز",
            "پارک",
            "بوستان",
            "بوستان محله‌ای",
            "پارک جنگلی",
            "باغ",
            "درخت",
            "درختکاری",
            "درخت‌کاری",
            "نهال",
            "نهال‌کاری",
            "جنگل‌کاری",
            "کمربند سبز",
            "گل‌کاری",
            "چمن‌کاری",
            "آبیاری فضای سبز",
        ),
    ),
    Category(
        "culture",
        "فرهنگی و ورزشی",
        (
            "فرهنگی",
            "ورزشی",
            "فرهنگی ورزشی",
            "کتابخانه",
            "کتابخونه",
            "فرهنگسرا",
            "فرهنگ‌سرا",
            "سالن ورزشی",
            "ورزشگاه",
            "باشگاه",
            "زمین چمن",
            "چمن مصنوعی",
            "زمین فوتبال",
            "استخر",
            "سینما",
            "تئاتر",
            "موزه",
            "سالن همایش",
            "زمین بازی",
            "خانه فرهنگ",
        ),
    ),
    Category(
        "pilgrims",
        "خدمات زائران",
        (
            "زائر",
            "زائران",
            "زوار",
            "زائرسرا",
            "مسافران",
            "حرم",
            "حرم مطهر",
            "پیرامون حرم",
            "اطراف حرم",
            "زیارت",
            "خدمات زائران",
            "اسکان زائران",
            "گردشگری مذهبی",
            "پارکینگ زائران",
        ),
    ),
    Category(
        "renewal",
        "نوسازی بافت فرسوده",
        (
            "بافت فرسوده",
            "نوسازی",
            "بازآفرینی",
            "بازآفرینی شهری",
            "حاشیه شهر",
            "حاشیه‌نشینی",
            "سکونتگاه غیررسمی",
            "محله‌های کم‌برخوردار",
            "خانه‌های کلنگی",
            "ساختمان‌های فرسوده",
            "بافت تاریخی",
            "محله قدیمی",
        ),
    ),
    Category(
        "environment",
        "محیط زیست و پسماند",
        (
            "محیط زیست",
            "پسماند",
            "زباله",
            "آشغال",
            "جمع‌آوری زباله",
            "بازیافت",
            "تفکیک زباله",
            "کمپوست",
            "لندفیل",
            "دفن زباله",
            "شیرابه",
            "نخاله",
            "آلودگی هوا",
            "هوای آلوده",
            "آلودگی صوتی",
        ),
    ),
    Category(
        "safety",
        "ایمنی و آتش‌نشانی",
        (
            "آتش‌نشانی",
            "آتش نشانی",
            "ایستگاه آتش‌نشانی",
            "آتش‌نشان",
            "آتش‌سوزی",
            "ایمنی",
            "ایمن‌سازی",
            "مدیریت بحران",
            "زلزله",
            "امداد و نجات",
            "ساختمان ناایمن",
            "پدافند غیرعامل",
            "حوادث",
        ),
    ),
    Category(
        "services",
        "خدمات شهری",
        (
            "خدمات شهری",
            "روشنایی",
            "روشنایی معابر",
            "چراغ",
            "تیر چراغ برق",
            "لامپ",
            "آب‌های سطحی",
            "آب گرفتگی",
            "آبگرفتگی",
            "سیلاب",
            "کانال آب",
            "جوی آب",
            "جدول‌گذاری",
            "رفت‌وروب",
            "نظافت شهری",
            "مبلمان شهری",
            "نیمکت",
            "سرویس بهداشتی",
        ),
    ),
    Category(
        "social",
        "خدمات اجتماعی",
        (
            "خدمات اجتماعی",
            "امور اجتماعی",
            "گرمخانه",
            "کارتن‌خواب",
            "بی‌خانمان",
            "سالمندان",
            "کودکان کار",
            "معلولان",
            "معلولین",
            "افراد دارای معلولیت",
            "مناسب‌سازی",
            "توانبخشی",
            "سرای محله",
            "آسیب‌های اجتماعی",
        ),
    ),
)
CATEGORY_SLUGS = {c.slug for c in CATEGORIES}
CATEGORY_NAMES = {c.slug: c.name_fa for c in CATEGORIES}


@dataclass(frozen=True)
class Project:
    """A hand-written sample project; funding rows are generated from it."""

    code: str
    name_fa: str
    municipality: str
    district: str
    category: str
    status: str
    budget_rial: int
    start: str
    end: str  # planned end date, may be empty
    progress: int
    description_fa: str
    located: bool = True  # False leaves lat/lon empty (city-wide or scattered work)
    suspended_at: Month | None = None  # last funded month of a suspended project
    vat_part: float | None = None  # part of the spending paid from VAT; None = seeded random


def _b(thousand_billions: float) -> int:
    """Return rials from an amount in thousands of billions of rials (هزار میلیارد ریال)."""
    return round(thousand_billions * 1_000) * 1_000_000_000


PROJECTS: tuple[Project, ...] = (
    Project(
        "P-1001",
        "خط ۴ قطار شهری مشهد",
        "mashhad",
        "",
        "transport",
        "in_progress",
        _b(120),
        "1401-04-01",
        "1409-12-29",
        18,
        "ساخت خط ۴ قطار شهری از شمال‌غرب تا جنوب‌شرق مشهد. حفاری تونل و ساخت ایستگاه‌های "
        "نخست در جریان است.",
        vat_part=0.55,
    ),
    Project(
        "P-1002",
        "تکمیل ایستگاه‌های خط ۲ قطار شهری",
        "mashhad",
        "",
        "transport",
        "completed",
        _b(14),
        "1400-02-01",
        "1403-06-31",
        100,
        "تکمیل و بهره‌برداری از ایستگاه‌های باقی‌مانده خط ۲ قطار شهری مشهد.",
        vat_part=0.45,
    ),
    Project(
        "P-1003",
        "خرید ۱۰۰ دستگاه اتوبوس شهری",
        "mashhad",
        "",
        "transport",
        "in_progress",
        _b(13),
        "1402-01-15",
        "1405-12-29",
        62,
        "نوسازی ناوگان اتوبوس‌رانی مشهد با خرید صد دستگاه اتوبوس نو و جایگزینی اتوبوس‌های فرسوده.",
        located=False,
        vat_part=0.35,
    ),
    Project(
        "P-1004",
        "مسیر ویژه اتوبوس تندرو (بی‌آرتی) بلوار طبرسی",
        "mashhad",
        "3",
        "transport",
        "in_progress",
        _b(3.4),
        "1403-02-01",
        "1406-03-31",
        41,
        "احداث خط بی‌آرتی با ایستگاه‌های سرپوشیده در بلوار طبرسی.",
    ),
    Project(
        "P-1005",
        "پایانه اتوبوس‌رانی الهیه",
        "mashhad",
        "10",
        "transport",
        "planned",
        _b(0.95),
        "1405-11-01",
        "1407-06-31",
        0,
        "ساخت پایانه اتوبوس‌رانی و پارکینگ اتوبوس برای خطوط شمال‌غرب شهر.",
    ),
    Project(
        "P-1006",
        "تقاطع غیرهمسطح بلوار سجاد و بلوار جانباز",
        "mashhad",
        "1",
        "roads",
        "completed",
        _b(4.8),
        "1400-06-01",
        "1403-03-31",
        100,
        "احداث زیرگذر دوطبقه برای رفع گره ترافیکی تقاطع سجاد و جانباز. از تیر ۱۴۰۳ "
        "بهره‌برداری شده است.",
        vat_part=0.6,
    ),
    Project(
        "P-1007",
        "زیرگذر چهارراه خیام",
        "mashhad",
        "9",
        "roads",
        "in_progress",
        _b(2.9),
        "1403-07-01",
        "1406-06-31",
        48,
        "ساخت زیرگذر در چهارراه خیام برای روان‌سازی ترافیک محور شرقی‌غربی.",
    ),
    Project(
        "P-1008",
        "پل عابر پیاده مکانیزه بلوار صیاد شیرازی",
        "mashhad",
        "11",
        "roads",
        "completed",
        _b(0.18),
        "1402-03-01",
        "1403-02-31",
        100,
        "پل عابر پیاده با پله برقی و آسانسور برای دسترسی ایمن دانش‌آموزان و سالمندان.",
    ),
    Project(
        "P-1009",
        "روگذر بلوار توس",
        "mashhad",
        "12",
        "roads",
        "suspended",
        _b(5.2),
        "1401-09-01",
        "1405-12-29",
        34,
        "احداث روگذر در بلوار توس. عملیات اجرایی به دلیل مسائل تملک املاک مسیر متوقف شده است.",
        suspended_at=(1404, 5),
    ),
    Project(
        "P-1010",
        "آسفالت و بهسازی معابر منطقه ۸",
        "mashhad",
        "8",
        "roads",
        "completed",
        _b(0.62),
        "1404-01-15",
        "1404-08-30",
        100,
        "روکش آسفالت، لکه‌گیری و جدول‌گذاری خیابان‌های فرعی منطقه ۸.",
    ),
    Project(
        "P-1011",
        "تعریض بلوار شهید آوینی",
        "mashhad",
        "4",
        "roads",
        "in_progress",
        _b(1.6),
        "1404-03-01",
        "1406-02-31",
        33,
        "تعریض بلوار و ساخت پیاده‌روی مناسب‌سازی‌شده در دو سوی آن.",
    ),
    Project(
        "P-1012",
        "بوستان محله‌ای آزادشهر",
        "mashhad",
        "9",
        "green",
        "completed",
        _b(0.24),
        "1401-02-01",
        "1402-05-31",
        100,
        "بوستان محله‌ای با زمین بازی کودکان، مسیر پیاده‌روی و وسایل ورزشی.",
    ),
    Project(
        "P-1013",
        "بوستان ولایت منطقه ۳",
        "mashhad",
        "3",
        "green",
        "in_progress",
        _b(0.31),
        "1404-04-01",
        "1405-12-29",
        55,
        "ایجاد بوستان ولایت در زمین‌های بایر منطقه ۳ با درختکاری و آبیاری قطره‌ای.",
    ),
    Project(
        "P-1014",
        "بوستان ولایت منطقه ۱۲",
        "mashhad",
        "12",
        "green",
        "completed",
        _b(0.28),
        "1402-02-01",
        "1403-05-31",
        100,
        "بوستان ولایت منطقه ۱۲ با پیست دوچرخه و آلاچیق‌های خانوادگی.",
    ),
    Project(
        "P-1015",
        "کمربند سبز ارتفاعات جنوبی مشهد",
        "mashhad",
        "13",
        "green",
        "in_progress",
        _b(1.1),
        "1402-10-01",
        "1406-12-29",
        46,
        "جنگل‌کاری و نهال‌کاری دامنه‌های جنوبی شهر برای کاهش گردوغبار و آلودگی هوا.",
    ),
    Project(
        "P-1016",
        "نوسازی بوستان ملت",
        "mashhad",
        "11",
        "green",
        "completed",
        _b(0.48),
        "1402-08-01",
        "1404-03-31",
        100,
        "نوسازی آبنماها، روشنایی و سرویس‌های بهداشتی بوستان ملت.",
    ),
    Project(
        "P-1017",
        "فرهنگسرای محله الهیه",
        "mashhad",
        "10",
        "culture",
        "in_progress",
        _b(0.42),
        "1404-02-01",
        "1406-01-31",
        38,
        "فرهنگسرا با کتابخانه، سالن نمایش و کلاس‌های آموزشی برای نوجوانان.",
    ),
    Project(
        "P-1018",
        "کتابخانه عمومی محله سمزقند",
        "mashhad",
        "2",
        "culture",
        "completed",
        _b(0.16),
        "1402-09-01",
        "1404-04-31",
        100,
        "کتابخانه عمومی با بخش کودک و سالن مطالعه صد نفره.",
    ),
    Project(
        "P-1019",
        "سالن ورزشی چندمنظوره محله پنج‌تن",
        "mashhad",
        "5",
        "culture",
        "planned",
        _b(0.54),
        "1405-12-01",
        "1407-06-31",
        0,
        "سالن ورزشی سرپوشیده برای والیبال، بسکتبال و فوتسال محله پنج‌تن.",
    ),
    Project(
        "P-1020",
        "زمین‌های چمن مصنوعی محله‌ای",
        "mashhad",
        "",
        "culture",
        "completed",
        _b(0.30),
        "1403-03-01",
        "1404-02-31",
        100,
        "ساخت دوازده زمین چمن مصنوعی کوچک در محله‌های کم‌برخوردار.",
        located=False,
    ),
    Project(
        "P-1021",
        "بهسازی پیاده‌راه خیابان امام رضا (ع)",
        "mashhad",
        "samen",
        "pilgrims",
        "in_progress",
        _b(2.2),
        "1403-10-01",
        "1406-03-31",
        36,
        "سنگ‌فرش، سایبان و مبلمان شهری پیاده‌راه خیابان امام رضا (ع) برای زائران.",
    ),
    Project(
        "P-1022",
        "پارکینگ طبقاتی زائران باب‌الجواد",
        "mashhad",
        "samen",
        "pilgrims",
        "in_progress",
        _b(1.9),
        "1402-04-01",
        "1405-06-31",
        88,
        "پارکینگ هفت‌طبقه با ظرفیت حدود هزار خودرو در نزدیکی حرم. اجرای پروژه از برنامه عقب است.",
        vat_part=0.45,
    ),
    Project(
        "P-1023",
        "ایستگاه‌های خدمات و سرویس بهداشتی زائران",
        "mashhad",
        "samen",
        "pilgrims",
        "completed",
        _b(0.14),
        "1403-01-20",
        "1403-12-25",
        100,
        "ساخت ده ایستگاه خدمات زائر با سرویس بهداشتی، آب آشامیدنی و اطلاع‌رسانی.",
    ),
    Project(
        "P-1024",
        "مرکز خدمات زائران ورودی جاده قوچان",
        "mashhad",
        "12",
        "pilgrims",
        "planned",
        _b(0.68),
        "1405-10-15",
        "1407-03-31",
        0,
        "مرکز اطلاع‌رسانی، استراحتگاه و پارکینگ برای زائرانی که از ورودی شمال‌غرب به شهر می‌رسند.",
    ),
    Project(
        "P-1025",
        "بازآفرینی محله نوغان",
        "mashhad",
        "samen",
        "renewal",
        "in_progress",
        _b(3.6),
        "1401-07-01",
        "1407-12-29",
        39,
        "نوسازی خانه‌های فرسوده، تعریض کوچه‌ها و احیای بازارچه تاریخی محله نوغان.",
    ),
    Project(
        "P-1026",
        "بازآفرینی محله گلشهر",
        "mashhad",
        "6",
        "renewal",
        "suspended",
        _b(1.2),
        "1402-02-01",
        "1405-12-29",
        22,
        "ساماندهی معابر و ساخت مرکز محله در گلشهر. اجرا تا تأمین اعتبار تکمیلی متوقف شده است.",
        suspended_at=(1404, 9),
    ),
    Project(
        "P-1027",
        "نوسازی بافت فرسوده طبرسی شمالی",
        "mashhad",
        "3",
        "renewal",
        "in_progress",
        _b(2.4),
        "1403-05-01",
        "1407-06-31",
        27,
        "تشویق نوسازی و تجمیع پلاک‌های فرسوده و ساخت فضای عمومی محله‌ای در طبرسی شمالی.",
    ),
    Project(
        "P-1028",
        "ایستگاه آتش‌نشانی شماره ۲۳",
        "mashhad",
        "10",
        "safety",
        "completed",
        _b(0.39),
        "1401-10-01",
        "1403-04-31",
        100,
        "ایستگاه آتش‌نشانی با دو خودروی اطفا و یک نردبان هیدرولیک برای شمال‌غرب شهر.",
    ),
    Project(
        "P-1029",
        "ایستگاه آتش‌نشانی شماره ۲۸",
        "mashhad",
        "13",
        "safety",
        "in_progress",
        _b(0.46),
        "1404-02-15",
        "1405-12-15",
        63,
        "ساخت ایستگاه آتش‌نشانی برای کاهش زمان رسیدن نیروهای امدادی به محله‌های جنوبی.",
    ),
    Project(
        "P-1030",
        "سامانه هشدار سریع مدیریت بحران شهری",
        "mashhad",
        "",
        "safety",
        "planned",
        _b(0.26),
        "1406-01-15",
        "",
        0,
        "راه‌اندازی سامانه هشدار زلزله و سیلاب و آژیرهای هشدار در سطح شهر.",
        located=False,
    ),
    Project(
        "P-1031",
        "ایمن‌سازی بازار رضا در برابر آتش‌سوزی",
        "mashhad",
        "samen",
        "safety",
        "suspended",
        _b(0.21),
        "1403-08-01",
        "1405-07-30",
        45,
        "نصب شبکه اطفای حریق و ایمن‌سازی سیم‌کشی بازار رضا. در انتظار همکاری بهره‌برداران "
        "بازار متوقف شده است.",
        suspended_at=(1404, 11),
    ),
    Project(
        "P-1032",
        "مجتمع پردازش و بازیافت پسماند (فاز ۲)",
        "mashhad",
        "",
        "environment",
        "in_progress",
        _b(3.8),
        "1403-04-15",
        "1406-09-30",
        42,
        "افزایش ظرفیت تفکیک و بازیافت زباله شهری و کاهش دفن پسماند.",
        vat_part=0.4,
    ),
    Project(
        "P-1033",
        "ایستگاه‌های پایش آلودگی هوا",
        "mashhad",
        "",
        "environment",
        "completed",
        _b(0.12),
        "1402-05-01",
        "1403-01-31",
        100,
        "نصب هشت ایستگاه خودکار سنجش آلاینده‌های هوا و انتشار برخط داده‌ها.",
        located=False,
    ),
    Project(
        "P-1034",
        "کانال هدایت آب‌های سطحی بلوار نماز",
        "mashhad",
        "7",
        "services",
        "in_progress",
        _b(0.88),
        "1404-01-20",
        "1405-11-30",
        58,
        "ساخت کانال سرپوشیده برای جلوگیری از آبگرفتگی معابر در بارندگی‌های شدید.",
    ),
    Project(
        "P-1035",
        "روشنایی معابر با لامپ‌های کم‌مصرف ال‌ای‌دی",
        "mashhad",
        "",
        "services",
        "completed",
        _b(0.35),
        "1403-06-01",
        "1404-05-31",
        100,
        "جایگزینی چراغ‌های معابر اصلی با لامپ‌های کم‌مصرف برای روشنایی بهتر و صرفه‌جویی برق.",
        located=False,
    ),
    Project(
        "P-1036",
        "گرمخانه و مرکز ساماندهی بی‌خانمان‌ها",
        "mashhad",
        "6",
        "social",
        "completed",
        _b(0.095),
        "1402-07-01",
        "1403-08-30",
        100,
        "گرمخانه شبانه‌روزی با ظرفیت صد و بیست نفر برای افراد بی‌خانمان در ماه‌های سرد.",
    ),
    Project(
        "P-1037",
        "مناسب‌سازی معابر برای افراد دارای معلولیت",
        "mashhad",
        "",
        "social",
        "in_progress",
        _b(0.42),
        "1404-06-01",
        "1406-05-31",
        24,
        "ساخت رمپ، کف‌پوش حسی و مناسب‌سازی ایستگاه‌های اتوبوس برای افراد دارای معلولیت.",
        located=False,
    ),
    Project(
        "P-1038",
        "زیرگذر بلوار میرزا کوچک‌خان",
        "mashhad",
        "13",
        "roads",
        "planned",
        _b(2.1),
        "1405-11-15",
        "1407-12-29",
        0,
        "طراحی و ساخت زیرگذر برای حذف چراغ راهنمایی تقاطع میرزا کوچک‌خان.",
    ),
    Project(
        "P-1039",
        "بوستان بزرگ جنوب نیشابور",
        "neyshabur",
        "2",
        "green",
        "in_progress",
        _b(0.38),
        "1404-03-01",
        "1406-02-31",
        44,
        "بوستان خانوادگی با دریاچه مصنوعی و مسیر دوچرخه در جنوب نیشابور.",
    ),
    Project(
        "P-1040",
        "بهسازی بلوار عطار نیشابور",
        "neyshabur",
        "1",
        "roads",
        "completed",
        _b(0.26),
        "1402-06-01",
        "1403-09-30",
        100,
        "روکش آسفالت، جدول‌گذاری و روشنایی بلوار عطار.",
    ),
    Project(
        "P-1041",
        "ایستگاه آتش‌نشانی شماره ۴ سبزوار",
        "sabzevar",
        "3",
        "safety",
        "in_progress",
        _b(0.14),
        "1404-05-01",
        "1405-12-29",
        52,
        "ایستگاه آتش‌نشانی تازه برای محله‌های شرقی سبزوار.",
    ),
    Project(
        "P-1042",
        "فرهنگسرای تربت حیدریه",
        "torbat-heydarieh",
        "",
        "culture",
        "planned",
        _b(0.13),
        "1405-10-01",
        "1407-02-31",
        0,
        "فرهنگسرا با کتابخانه و سالن چندمنظوره در مرکز شهر.",
    ),
    Project(
        "P-1043",
        "ساماندهی بافت تاریخی قوچان",
        "quchan",
        "",
        "renewal",
        "suspended",
        _b(0.21),
        "1402-04-01",
        "1405-03-31",
        31,
        "مرمت گذرهای تاریخی و بدنه‌سازی بازار قدیم قوچان. اجرا در انتظار مجوزهای میراث "
        "فرهنگی متوقف است.",
        suspended_at=(1403, 10),
    ),
    Project(
        "P-1044",
        "خرید اتوبوس شهری کاشمر",
        "kashmar",
        "",
        "transport",
        "completed",
        _b(0.095),
        "1403-02-01",
        "1403-10-30",
        100,
        "خرید شش دستگاه اتوبوس شهری برای خطوط اصلی کاشمر.",
        located=False,
    ),
    Project(
        "P-1045",
        "جمع‌آوری آب‌های سطحی تربت جام",
        "torbat-jam",
        "",
        "services",
        "in_progress",
        _b(0.09),
        "1404-04-01",
        "1405-12-29",
        48,
        "ساخت کانال‌های هدایت آب باران در خیابان‌های مرکزی برای پایان دادن به آبگرفتگی.",
    ),
    Project(
        "P-1046",
        "بوستان خانواده چناران",
        "chenaran",
        "",
        "green",
        "completed",
        _b(0.06),
        "1403-01-20",
        "1404-01-31",
        100,
        "بوستان خانوادگی با زمین بازی و وسایل ورزشی در ورودی شهر.",
    ),
    Project(
        "P-1047",
        "ایستگاه انتقال پسماند گناباد",
        "gonabad",
        "",
        "environment",
        "in_progress",
        _b(0.075),
        "1404-07-01",
        "1406-03-31",
        30,
        "ایستگاه انتقال و تفکیک زباله برای کاهش هزینه حمل پسماند به محل دفن.",
    ),
)


# ---------------------------------------------------------------------------------------------
# Generators
# ---------------------------------------------------------------------------------------------

# Seasonal pattern of the monthly VAT share (Farvardin low after Nowruz, Esfand high).
SEASONAL: dict[int, float] = {
    1: 0.78,
    2: 0.92,
    3: 0.98,
    4: 1.00,
    5: 0.97,
    6: 1.01,
    7: 0.99,
    8: 1.00,
    9: 1.04,
    10: 1.03,
    11: 1.07,
    12: 1.24,
}
# Year-on-year growth of nominal VAT receipts (inflation plus a little real growth).
ANNUAL_GROWTH: dict[int, float] = {
    1400: 1.29,
    1401: 1.31,
    1402: 1.26,
    1403: 1.30,
    1404: 1.28,
    1405: 1.33,
}
MASHHAD_BASE_1400 = 1.12e12  # average monthly share of Mashhad in 1400, rials


def round_millions(value: float) -> int:
    """Round an amount to whole millions of rials."""
    return round(value / 1_000_000) * 1_000_000


def published_after(period_end: jdatetime.date, rng: random.Random, low: int, high: int) -> str:
    """Return a publication date ``low``..``high`` days after ``period_end``, never after today."""
    date = period_end + dt.timedelta(days=rng.randint(low, high))
    latest = TODAY - dt.timedelta(days=1)
    if date > latest:
        date = max(latest, period_end + dt.timedelta(days=1))
    return iso(date)


def generate_vat_shares() -> dict[tuple[str, int, int], tuple[int, str]]:
    """Return amount and publication date of each municipality's monthly VAT share."""
    rng = random.Random("shafaf-vat-shares-v1")
    months = month_range(FIRST_MONTH, LAST_MONTH)
    trend: list[float] = []
    level = 1.0 / math.sqrt(ANNUAL_GROWTH[1400])  # so that 1400's mid-year is about the base
    for year, _month in months:
        level *= ANNUAL_GROWTH[year] ** (1 / 12)
        trend.append(level)
    shares: dict[tuple[str, int, int], tuple[int, str]] = {}
    mashhad = MUNI_BY_SLUG["mashhad"]
    for muni in MUNICIPALITIES:
        scale = MASHHAD_BASE_1400 * muni.per_capita * muni.population / mashhad.population
        for (year, month), level_at in zip(months, trend, strict=True):
            noise = math.exp(rng.gauss(0.0, 0.05))
            amount = round_millions(scale * level_at * SEASONAL[month] * noise)
            published = published_after(month_end(year, month), rng, 10, 40)
            shares[(muni.slug, year, month)] = (amount, published)
    return shares


def generate_funding(
    shares: dict[tuple[str, int, int], tuple[int, str]],
) -> dict[tuple[str, int, int], int]:
    """Return VAT funding per project and month, capped by the municipality's monthly share."""
    rng = random.Random("shafaf-funding-v1")
    raw: dict[tuple[str, int, int], float] = {}
    for project in PROJECTS:
        if project.status == "planned":
            continue
        first = month_of(project.start)
        if project.status == "suspended":
            assert project.suspended_at is not None
            last = project.suspended_at
        elif project.status == "completed":
            last = month_of(project.end)
        else:
            last = min(month_of(project.end), LAST_MONTH) if project.end else LAST_MONTH
        months = month_range(first, last)
        vat_part = project.vat_part if project.vat_part is not None else rng.uniform(0.35, 0.7)
        target = project.budget_rial * vat_part * project.progress / 100
        weights: list[float] = []
        for index, _ym in enumerate(months):
            # spending ramps up after the first months and some months see no VAT payment
            ramp = min(1.0, 0.35 + index * 0.2)
            weights.append(0.0 if rng.random() < 0.12 else ramp * rng.uniform(0.5, 1.5))
        if sum(weights) == 0:
            weights[-1] = 1.0
        total_weight = sum(weights)
        for (year, month), weight in zip(months, weights, strict=True):
            if weight > 0:
                raw[(project.code, year, month)] = target * weight / total_weight

    municipality_of = {p.code: p.municipality for p in PROJECTS}
    per_month: dict[tuple[str, int, int], float] = defaultdict(float)
    for (code, year, month), amount in raw.items():
        per_month[(municipality_of[code], year, month)] += amount
    funding: dict[tuple[str, int, int], int] = {}
    for (code, year, month), amount in raw.items():
        key = (municipality_of[code], year, month)
        cap = shares[key][0] * MAX_PROJECT_SHARE
        factor = min(1.0, cap / per_month[key])
        value = int(amount * factor / 1_000_000) * 1_000_000  # round down, to stay under the cap
        if value > 0:
            funding[(code, year, month)] = value
    return funding


QUARTER_NAMES = {1: "اول", 2: "دوم", 3: "سوم", 4: "چهارم"}
SEASON_NAMES = {1: "بهار", 2: "تابستان", 3: "پاییز", 4: "زمستان"}
MUNI_REPORT_PREFIX = {"mashhad": "MSH", "neyshabur": "NEY", "sabzevar": "SBZ"}


def _period_totals(
    slug: str,
    months: list[Month],
    shares: dict[tuple[str, int, int], tuple[int, str]],
    funding: dict[tuple[str, int, int], int],
) -> tuple[int, int, dict[str, int]]:
    """Return the VAT share, project funding and funding by category of a period."""
    share = sum(shares[(slug, y, m)][0] for y, m in months)
    by_category: dict[str, int] = defaultdict(int)
    category_of = {p.code: p.category for p in PROJECTS if p.municipality == slug}
    for (code, year, month), amount in funding.items():
        if code in category_of and (year, month) in months:
            by_category[category_of[code]] += amount
    return share, sum(by_category.values()), dict(by_category)


def _summary(
    slug: str,
    label: str,
    months: list[Month],
    previous: list[Month],
    shares: dict[tuple[str, int, int], tuple[int, str]],
    funding: dict[tuple[str, int, int], int],
) -> str:
    """Write a one-sentence report summary whose figures match the generated data."""
    name = MUNI_BY_SLUG[slug].name_fa
    share, spent, by_category = _period_totals(slug, months, shares, funding)
    before = sum(shares[(slug, y, m)][0] for y, m in previous)
    growth = (share / before - 1) * 100
    text = (
        f"سهم شهرداری {name} از مالیات بر ارزش افزوده در {label} حدود "
        f"{fa_int(billions(share))} میلیارد ریال بود ({fa_dec(growth)} درصد بیشتر از دوره مشابه "
        f"سال قبل)"
    )
    if spent:
        top = max(by_category, key=lambda slug_: by_category[slug_])
        text += (
            f" که {fa_int(billions(spent))} میلیارد ریال آن ({fa_dec(spent / share * 100)} درصد) "
            f"صرف پروژه‌های ثبت‌شده در شفاف شد و بیشترین سهم را «{CATEGORY_NAMES[top]}» داشت"
        )
    return text + "؛ ارقام نمونه‌اند."


def generate_reports(
    shares: dict[tuple[str, int, int], tuple[int, str]],
    funding: dict[tuple[str, int, int], int],
) -> list[dict[str, str]]:
    """Return quarterly (and for Mashhad annual) financial reports up to 1405 Q2."""
    rng = random.Random("shafaf-reports-v1")
    rows: list[dict[str, str]] = []
    plans = {"mashhad": (1403, 1), "neyshabur": (1404, 1), "sabzevar": (1404, 3)}
    last_quarter = (1405, 2)
    for slug, first_quarter in plans.items():
        name = MUNI_BY_SLUG[slug].name_fa
        prefix = MUNI_REPORT_PREFIX[slug]
        year, quarter = first_quarter
        while (year, quarter) <= last_quarter:
            first_m, last_m = (quarter - 1) * 3 + 1, quarter * 3
            months = month_range((year, first_m), (year, last_m))
            previous = month_range((year - 1, first_m), (year - 1, last_m))
            period_to = month_end(year, last_m)
            code = f"{prefix}-{year}-Q{quarter}"
            label = f"سه‌ماهه {QUARTER_NAMES[quarter]} ({SEASON_NAMES[quarter]}) {fa(year)}"
            rows.append(
                {
                    "code": code,
                    "title_fa": (
                        f"گزارش مالی سه‌ماهه {QUARTER_NAMES[quarter]} {fa(year)} شهرداری {name}"
                    ),
                    "municipality": slug,
                    "period_from": iso(jdatetime.date(year, first_m, 1)),
                    "period_to": iso(period_to),
                    "published_on": published_after(period_to, rng, 20, 40),
                    "summary_fa": _summary(slug, label, months, previous, shares, funding),
                    "url": f"https://shafaf.example/reports/{code}",
                }
            )
            if quarter == 4 and slug == "mashhad":
                code = f"{prefix}-{year}-Y"
                rows.append(
                    {
                        "code": code,
                        "title_fa": f"گزارش مالی سالانه {fa(year)} شهرداری {name}",
                        "municipality": slug,
                        "period_from": iso(jdatetime.date(year, 1, 1)),
                        "period_to": iso(period_to),
                        "published_on": published_after(period_to, rng, 45, 60),
                        "summary_fa": _summary(
                            slug,
                            f"سال {fa(year)}",
                            month_range((year, 1), (year, 12)),
                            month_range((year - 1, 1), (year - 1, 12)),
                            shares,
                            funding,
                        ),
                        "url": f"https://shafaf.example/reports/{code}",
                    }
                )
            year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return rows


def project_rows() -> list[dict[str, str]]:
    """Return the projects with map coordinates placed near their district."""
    rng = random.Random("shafaf-projects-v1")
    rows: list[dict[str, str]] = []
    for p in PROJECTS:
        lat = lon = ""
        if p.located:
            if p.municipality == "mashhad":
                center = MASHHAD_DISTRICT_CENTERS.get(p.district, MUNI_BY_SLUG["mashhad"].center)
                spread = 0.008
            else:
                center = MUNI_BY_SLUG[p.municipality].center
                spread = 0.012
            lat = f"{center[0] + rng.uniform(-spread, spread):.5f}"
            lon = f"{center[1] + rng.uniform(-spread, spread):.5f}"
        rows.append(
            {
                "code": p.code,
                "name_fa": p.name_fa,
                "municipality": p.municipality,
                "district": p.district,
                "category": p.category,
                "status": p.status,
                "total_budget_rial": str(p.budget_rial),
                "start_date": p.start,
                "planned_end_date": p.end,
                "progress_percent": str(p.progress),
                "lat": lat,
                "lon": lon,
                "description_fa": p.description_fa,
            }
        )
    return rows


# ---------------------------------------------------------------------------------------------
# FAQ (hand-written; figures are rates set by law, hedged and pointed at official sources)
# ---------------------------------------------------------------------------------------------

SRC_LAW = "قانون مالیات بر ارزش افزوده مصوب ۱۴۰۰" + SAMPLE
SRC_TAX = "سازمان امور مالیاتی کشور، tax.gov.ir" + SAMPLE
SRC_BUDGET = "قانون بودجه سال ۱۴۰۳ کل کشور و سازمان امور مالیاتی، tax.gov.ir" + SAMPLE
SRC_CITY = "شهرداری مشهد، mashhad.ir" + SAMPLE
SRC_SHAFAF = "شفاف" + SAMPLE

FAQ: tuple[tuple[str, str, str, str], ...] = (
    (
        "what-is-vat",
        "مالیات بر ارزش افزوده چیست؟",
        "مالیات بر ارزش افزوده مالیاتی است که هنگام خرید کالا یا خدمت به قیمت اضافه می‌شود و "
        "در نهایت مصرف‌کننده آن را می‌پردازد. فروشنده آن را از خریدار می‌گیرد و به سازمان امور "
        "مالیاتی کشور می‌پردازد.",
        SRC_LAW,
    ),
    (
        "vat-rate",
        "نرخ مالیات بر ارزش افزوده چند درصد است؟",
        "طبق قانون مالیات بر ارزش افزوده مصوب ۱۴۰۰ نرخ کل ۹ درصد بود که ۳ واحد درصد آن سهم "
        "شهرداری‌ها و دهیاری‌ها است. طبق قانون بودجه از سال ۱۴۰۳ نرخ کل به ۱۰ درصد رسید و سهم "
        "محلی همان ۳ واحد درصد ماند. نرخ روز را از سازمان امور مالیاتی (tax.gov.ir) بپرسید.",
        SRC_BUDGET,
    ),
    (
        "city-share-percent",
        "چند درصد از مالیات بر ارزش افزوده به شهرداری می‌رسد؟",
        "از ۱۰ درصدی که از سال ۱۴۰۳ روی قیمت کالاهای مشمول می‌آید، ۳ واحد درصد، یعنی ۳۰ درصد "
        "مالیات پرداختی، سهم شهرداری‌ها و دهیاری‌ها است؛ پیش از آن با نرخ ۹ درصد این سهم حدود "
        "یک‌سوم بود. مثلاً از خرید ۱۰۰ هزار تومانی حدود ۳ هزار تومان به شهرداری‌ها و دهیاری‌ها "
        "می‌رسد.",
        SRC_BUDGET,
    ),
    (
        "why-city-gets-share",
        "چرا شهرداری از مالیات بر ارزش افزوده سهم می‌گیرد؟",
        "بخشی از مالیات بر ارزش افزوده که به آن عوارض یا سهم محلی می‌گویند، طبق قانون مالیات "
        "بر ارزش افزوده مصوب ۱۴۰۰ به شهرداری‌ها و دهیاری‌ها می‌رسد تا هزینه خدمات و طرح‌های "
        "شهری را تأمین کنند. این سهم جایگزین بسیاری از عوارضی است که شهرداری‌ها پیش‌تر جداگانه "
        "از کسب‌وکارها می‌گرفتند.",
        SRC_LAW,
    ),
    (
        "who-collects",
        "چه کسی مالیات بر ارزش افزوده را جمع‌آوری می‌کند؟",
        "سازمان امور مالیاتی کشور این مالیات را از فروشندگان و ارائه‌دهندگان خدمات (مؤدیان) "
        "وصول می‌کند؛ شهرداری خودش آن را از شهروندان نمی‌گیرد.",
        SRC_TAX,
    ),
    (
        "how-distributed",
        "سهم شهرداری‌ها چطور تقسیم و پرداخت می‌شود؟",
        "سهم محلی پس از وصول به حساب‌های خزانه در استان واریز می‌شود و طبق ضوابط قانون مالیات "
        "بر ارزش افزوده میان شهرداری‌ها و دهیاری‌های استان تقسیم می‌شود. جزئیات معیارهای تقسیم "
        "را در متن قانون یا از اداره کل امور مالیاتی استان بپرسید.",
        SRC_LAW,
    ),
    (
        "exempt-goods",
        "چه کالاهایی مالیات بر ارزش افزوده ندارند؟",
        "قانون برخی کالاها و خدمات اساسی را معاف کرده است؛ از جمله بیشتر کالاهای خوراکی اساسی "
        "مانند نان، برنج و شیر، دارو و خدمات درمانی و بعضی خدمات آموزشی. فهرست دقیق و به‌روز "
        "معافیت‌ها را در قانون مالیات بر ارزش افزوده یا سایت tax.gov.ir ببینید.",
        SRC_LAW,
    ),
    (
        "vat-on-invoice",
        "مالیات بر ارزش افزوده را در فاکتور خریدم کجا ببینم؟",
        "در فاکتور یا صورتحساب الکترونیکی، مبلغ مالیات و عوارض ارزش افزوده جدا از قیمت کالا "
        "نوشته می‌شود. فروشندگانی که عضو سامانه مؤدیان هستند صورتحساب الکترونیکی صادر می‌کنند "
        "و می‌توانید از آن‌ها صورتحساب رسمی بخواهید.",
        SRC_TAX,
    ),
    (
        "what-is-shafaf",
        "شفاف چیست؟",
        "شفاف سامانه گفت‌وگومحور شفافیت مالی شهرداری مشهد با همکاری اداره کل امور مالیاتی "
        "خراسان رضوی است. در آن می‌توانید بپرسید چه مقدار از مالیات بر ارزش افزوده به شهر "
        "رسیده و صرف کدام پروژه‌ها شده است.",
        SRC_SHAFAF,
    ),
    (
        "data-sources",
        "ارقام شفاف از کجا می‌آید؟",
        "ارقام سهم ماهانه از گزارش‌های اداره کل امور مالیاتی و خزانه استان و ارقام پروژه‌ها از "
        "دفتر بودجه شهرداری گرفته می‌شود. منبع هر عدد کنار آن نوشته می‌شود.",
        SRC_SHAFAF,
    ),
    (
        "update-frequency",
        "اطلاعات شفاف هر چند وقت یک‌بار به‌روز می‌شود؟",
        "ارقام هر ماه پس از انتشار گزارش رسمی آن ماه، معمولاً چند هفته پس از پایان ماه، به‌روز "
        "می‌شود و گزارش‌های مالی هر سه ماه یک‌بار منتشر می‌شوند.",
        SRC_SHAFAF,
    ),
    (
        "sample-data",
        "منظور از «داده نمونه» چیست؟",
        "تا وقتی داده‌های رسمی در شفاف بارگذاری نشده، ارقام نمایش‌داده‌شده ساختگی و فقط برای "
        "آشنایی با سامانه‌اند و نباید به آن‌ها استناد کرد. هر پاسخی که از داده نمونه ساخته شود "
        "این را صریح می‌گوید.",
        SRC_SHAFAF,
    ),
    (
        "feedback",
        "چطور نظر، شکایت یا پیشنهادم را ثبت کنم؟",
        "دستور /feedback را بفرستید یا از منوی اصلی گزینه بازخورد را بزنید و پیامتان را "
        "بنویسید. پس از ثبت، یک کد پیگیری می‌گیرید و با فرستادن /status و آن کد می‌توانید "
        "وضعیت بررسی را ببینید.",
        SRC_SHAFAF,
    ),
    (
        "subscribe",
        "چطور گزارش‌ها را مرتب دریافت کنم؟",
        "با دستور /subscribe می‌توانید خلاصه گزارش‌ها را هفتگی یا ماهانه دریافت کنید و با "
        "/unsubscribe اشتراک را لغو کنید. با /mysubscription هم اشتراک فعلی‌تان را ببینید.",
        SRC_SHAFAF,
    ),
    (
        "privacy",
        "شفاف چه اطلاعاتی از من نگه می‌دارد؟",
        "شفاف برای فرستادن خلاصه گزارش‌ها و پیگیری بازخورد، شناسه گفت‌وگوی شما در تلگرام یا "
        "بله و متن، عکس و موقعیتی را که خودتان همراه بازخورد می‌فرستید نگه می‌دارد. برای "
        "استفاده از آن به شماره تلفن یا کد ملی نیازی نیست؛ اگر خودتان با دکمه «اشتراک شماره» "
        "شماره‌تان را بفرستید، فقط کارکنان مسئول آن را می‌بینند و پس از ۱۸۰ روز پاک می‌شود.",
        SRC_SHAFAF,
    ),
    (
        "other-taxes",
        "فرق مالیات بر ارزش افزوده با عوارض نوسازی و مالیات بر درآمد چیست؟",
        "عوارض نوسازی و عوارض املاک را شهرداری مستقیم از مالکان می‌گیرد و مالیات بر درآمد یا "
        "مالیات املاک به سازمان امور مالیاتی پرداخت می‌شود؛ این‌ها موضوع شفاف نیستند. برای "
        "پرسش درباره عوارض شهرداری با سامانه ۱۳۷ شهرداری مشهد تماس بگیرید.",
        SRC_CITY,
    ),
    (
        "contact-tax-office",
        "چطور با سازمان امور مالیاتی تماس بگیرم؟",
        "مرکز تماس سازمان امور مالیاتی کشور شماره ۱۵۲۶ است و خدمات و اطلاعات آن در سایت "
        "tax.gov.ir آمده است.",
        SRC_TAX,
    ),
    (
        "contact-municipality",
        "برای شکایت از خدمات شهری با کجا تماس بگیرم؟",
        "برای گزارش مشکلات شهری مانند آسفالت، روشنایی یا زباله با سامانه ۱۳۷ شهرداری مشهد "
        "تماس بگیرید. نظر درباره پروژه‌ها و ارقام شفاف را هم می‌توانید با /feedback همین‌جا "
        "ثبت کنید.",
        SRC_CITY,
    ),
    (
        "spending",
        "شهرداری سهم مالیات بر ارزش افزوده را خرج چه می‌کند؟",
        "این سهم بخشی از درآمد شهرداری است و صرف خدمات و طرح‌های شهری مانند قطار شهری و "
        "اتوبوس، معابر و تقاطع‌ها، فضای سبز، خدمات زائران، نوسازی بافت فرسوده و آتش‌نشانی "
        "می‌شود. بپرسید «سهم ارزش افزوده پارسال صرف چه پروژه‌هایی شد؟» تا ریز آن را ببینید.",
        SRC_SHAFAF,
    ),
    (
        "who-pays",
        "مالیات بر ارزش افزوده را چه کسی می‌پردازد؟",
        "مصرف‌کننده نهایی آن را همراه قیمت کالا یا خدمت می‌پردازد. فروشنده فقط آن را وصول و "
        "پس از کسر مالیاتی که خودش هنگام خرید پرداخته، مابه‌التفاوت را به سازمان امور مالیاتی "
        "واریز می‌کند.",
        SRC_LAW,
    ),
)


# ---------------------------------------------------------------------------------------------
# Checks and output
# ---------------------------------------------------------------------------------------------


def check(tables: dict[str, list[dict[str, str]]]) -> None:
    """Assert that the generated tables are consistent with each other and with the contract."""
    munis = {r["slug"] for r in tables["municipalities"]}
    districts = {(r["municipality"], r["code"]) for r in tables["districts"]}
    categories = {r["slug"] for r in tables["categories"]}
    keys = {
        "municipalities": ("slug",),
        "districts": ("municipality", "code"),
        "categories": ("slug",),
        "vat_rates": ("valid_from",),
        "vat_shares": ("municipality", "year", "month"),
        "projects": ("code",),
        "project_funding": ("project_code", "year", "month"),
        "reports": ("code",),
        "faq": ("slug",),
    }
    for name, key in keys.items():
        seen = [tuple(r[k] for k in key) for r in tables[name]]
        assert len(seen) == len(set(seen)), f"duplicate key in {name}"
        for row in tables[name]:
            if "source" in row:
                assert row["source"].endswith(SAMPLE), (name, row["source"])
            for column, value in row.items():
                assert "ي" not in value and "ك" not in value, (name, column, value)
                if column.endswith(("_date", "_on", "_from", "_to")) and value:
                    jdate(value)
                    assert len(value) == 10, value

    for r in tables["districts"]:
        assert r["municipality"] in munis
    expected = {str(n) for n in range(1, 14)} | {"samen"}
    assert {c for m, c in districts if m == "mashhad"} == expected

    shares = {
        (r["municipality"], int(r["year"]), int(r["month"])): int(r["amount_rial"])
        for r in tables["vat_shares"]
    }
    for slug in munis:
        for year, month in month_range(FIRST_MONTH, LAST_MONTH):
            assert (slug, year, month) in shares, (slug, year, month)
    for r in tables["vat_shares"]:
        end = month_end(int(r["year"]), int(r["month"]))
        published = jdate(r["published_on"])
        assert end < published < TODAY, r
        assert int(r["amount_rial"]) % 1_000_000 == 0

    projects = {r["code"]: r for r in tables["projects"]}
    for r in projects.values():
        assert r["municipality"] in munis and r["category"] in categories, r
        assert not r["district"] or (r["municipality"], r["district"]) in districts, r
        assert r["status"] in STATUSES, r
        progress = int(r["progress_percent"])
        assert (progress == 100) == (r["status"] == "completed"), r
        assert (progress == 0) == (r["status"] == "planned"), r
        start = jdate(r["start_date"])
        if r["status"] == "planned":
            assert start > TODAY, r
        else:
            assert start <= TODAY, r
        if r["planned_end_date"]:
            end = jdate(r["planned_end_date"])
            assert end > start, r
            if r["status"] == "completed":
                assert end < TODAY, r
        if r["lat"]:
            lat, lon = float(r["lat"]), float(r["lon"])
            if r["municipality"] == "mashhad":
                assert 36.20 <= lat <= 36.40 and 59.45 <= lon <= 59.75, r
    assert {r["status"] for r in projects.values()} == set(STATUSES)

    spent: dict[str, int] = defaultdict(int)
    per_month: dict[tuple[str, int, int], int] = defaultdict(int)
    for r in tables["project_funding"]:
        project = projects[r["project_code"]]
        year, month = int(r["year"]), int(r["month"])
        assert project["status"] != "planned"
        assert month_of(project["start_date"]) <= (year, month) <= LAST_MONTH, r
        if project["planned_end_date"] and project["status"] == "completed":
            assert (year, month) <= month_of(project["planned_end_date"]), r
        spent[r["project_code"]] += int(r["amount_rial"])
        per_month[(project["municipality"], year, month)] += int(r["amount_rial"])
    for key, total in per_month.items():
        assert total <= shares[key] * MAX_PROJECT_SHARE, key
    for code, total in spent.items():
        budget = int(projects[code]["total_budget_rial"])
        assert total <= budget * int(projects[code]["progress_percent"]) / 100, code

    for r in tables["reports"]:
        assert r["municipality"] in munis
        assert jdate(r["period_to"]) < jdate(r["published_on"]) < TODAY, r


def write_csv(name: str, columns: list[str], rows: list[dict[str, str]]) -> None:
    """Write one contract CSV (UTF-8, header row, minimal quoting)."""
    path = OUT_DIR / f"{name}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


COLUMNS: dict[str, list[str]] = {
    "municipalities": ["slug", "name_fa", "province_fa", "population"],
    "districts": ["municipality", "code", "name_fa"],
    "categories": ["slug", "name_fa", "synonyms_fa"],
    "vat_rates": ["valid_from", "vat_rate_percent", "municipal_share_percent", "source"],
    "vat_shares": ["municipality", "year", "month", "amount_rial", "published_on", "source"],
    "projects": [
        "code",
        "name_fa",
        "municipality",
        "district",
        "category",
        "status",
        "total_budget_rial",
        "start_date",
        "planned_end_date",
        "progress_percent",
        "lat",
        "lon",
        "description_fa",
    ],
    "project_funding": ["project_code", "year", "month", "amount_rial", "source"],
    "reports": [
        "code",
        "title_fa",
        "municipality",
        "period_from",
        "period_to",
        "published_on",
        "summary_fa",
        "url",
    ],
    "faq": ["slug", "question_fa", "answer_fa", "source"],
}


def build_tables() -> dict[str, list[dict[str, str]]]:
    """Build every sample table as rows of strings."""
    shares = generate_vat_shares()
    funding = generate_funding(shares)
    municipality_of = {p.code: p.municipality for p in PROJECTS}
    return {
        "municipalities": [
            {
                "slug": m.slug,
                "name_fa": m.name_fa,
                "province_fa": "خراسان رضوی",
                "population": str(m.population),
            }
            for m in MUNICIPALITIES
        ],
        "districts": [
            {
                "municipality": m.slug,
                "code": code,
                "name_fa": "منطقه ثامن" if code == "samen" else f"منطقه {fa(code)}",
            }
            for m in MUNICIPALITIES
            for code in m.districts
        ],
        "categories": [
            {"slug": c.slug, "name_fa": c.name_fa, "synonyms_fa": "؛ ".join(c.synonyms)}
            for c in CATEGORIES
        ],
        "vat_rates": [
            {
                "valid_from": "1400-01-01",
                "vat_rate_percent": "9",
                "municipal_share_percent": "33.333",
                "source": "قانون مالیات بر ارزش افزوده مصوب ۱۴۰۰: ۹ درصد که ۳ واحد آن سهم "
                "شهرداری‌ها و دهیاری‌ها است؛ نرخ رسمی را از سازمان امور مالیاتی بپرسید" + SAMPLE,
            },
            {
                "valid_from": "1403-01-01",
                "vat_rate_percent": "10",
                "municipal_share_percent": "30",
                "source": "قانون بودجه سال ۱۴۰۳: ۱۰ درصد که ۳ واحد آن سهم شهرداری‌ها و "
                "دهیاری‌ها است؛ نرخ رسمی را از سازمان امور مالیاتی بپرسید" + SAMPLE,
            },
        ],
        "vat_shares": [
            {
                "municipality": slug,
                "year": str(year),
                "month": str(month),
                "amount_rial": str(amount),
                "published_on": published,
                "source": "گزارش ماهانه اداره کل امور مالیاتی خراسان رضوی" + SAMPLE,
            }
            for (slug, year, month), (amount, published) in shares.items()
        ],
        "projects": project_rows(),
        "project_funding": [
            {
                "project_code": code,
                "year": str(year),
                "month": str(month),
                "amount_rial": str(amount),
                "source": f"دفتر بودجه شهرداری {MUNI_BY_SLUG[municipality_of[code]].name_fa}"
                + SAMPLE,
            }
            for (code, year, month), amount in funding.items()
        ],
        "reports": generate_reports(shares, funding),
        "faq": [
            {"slug": slug, "question_fa": question, "answer_fa": answer, "source": source}
            for slug, question, answer, source in FAQ
        ],
    }


def main() -> None:
    """Generate, check and write the sample dataset."""
    tables = build_tables()
    check(tables)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        write_csv(name, COLUMNS[name], rows)
        print(f"{name}.csv: {len(rows)} rows")


if __name__ == "__main__":
    main()
