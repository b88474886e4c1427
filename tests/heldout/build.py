"""Build tests/heldout/heldout_sample.jsonl — a held-out NLU evaluation set over data/sample.

Written by hand without looking at the NLU code, its training data or its tests. Gold periods are
computed here from each line's "today" with small helpers that follow CONTRACT.md section 4, so the
arithmetic is not done by hand. Run: python tests/heldout/build.py  (it validates every line against
data/sample and rewrites the .jsonl).
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent.parent / "data" / "sample"
OUT = HERE / "heldout_sample.jsonl"

TODAY = "1405-09-08"


# ---------------------------------------------------------------- period helpers (contract §4)
def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _shift(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _today(today: str) -> tuple[int, int]:
    y, m, _ = (int(p) for p in today.split("-"))
    return y, m


def R(y1: int, m1: int, y2: int, m2: int) -> dict:
    return {"from": _ym(y1, m1), "to": _ym(y2, m2)}


def Y(y: int) -> dict:
    return R(y, 1, y, 12)


def M(y: int, m: int) -> dict:
    return R(y, m, y, m)


def Q(y: int, q: int) -> dict:  # season / سه‌ماهه
    return R(y, 3 * q - 2, y, 3 * q)


def H(y: int, h: int) -> dict:  # نیمه اول / دوم
    return R(y, 6 * h - 5, y, 6 * h)


def this_year(today: str, back: int = 0) -> dict:  # امسال (0), پارسال (1), پیارسال (2)
    return Y(_today(today)[0] - back)


def last_n(today: str, n: int) -> dict:  # ماه گذشته (1), سه ماه اخیر (3), N ماه گذشته
    y, m = _today(today)
    a, b = _shift(y, m, -n), _shift(y, m, -1)
    return R(a[0], a[1], b[0], b[1])


def recent_month(today: str, month: int) -> dict:  # a month without a year
    y, m = _today(today)
    return M(y if month <= m else y - 1, month)


T1 = "1405-01-10"  # just after Nowruz
T2 = "1404-12-25"  # end of Esfand
T3 = "1403-12-30"  # last day of a leap Esfand
T4 = "1405-02-03"

# (text, intent, entities[, today])
E: list[tuple] = []


def add(intent: str, text: str, entities: dict | None = None, today: str = TODAY) -> None:
    E.append((text, intent, entities or {}, today))


# ---------------------------------------------------------------- vat_share (30)
add(
    "vat_share",
    "شهرداری نیشابور تو سال ۱۴۰۳ چقدر پول از ارزش افزوده گیرش اومد؟",
    {"municipality": "neyshabur", "period": Y(1403)},
)
add(
    "vat_share",
    "سهم گناباد از عوارض ارزش افزوده در مهرماه ۱۴۰۵",
    {"municipality": "gonabad", "period": M(1405, 7)},
)
add(
    "vat_share",
    "mablaghe vat ke mah gozashte be shahrdari mashhad variz shod chand bood?",
    {"municipality": "mashhad", "period": last_n(TODAY, 1)},
)
add(
    "vat_share",
    "چناران امسال چقدر ارزش افزوده میگیره؟",
    {"municipality": "chenaran", "period": this_year(T1)},
    T1,
)
add(
    "vat_share",
    "شهريور ماه چه رقمي از ماليات بر ارزش افزوده سهم شهرداري شد؟",
    {"period": recent_month(TODAY, 6)},
)
add(
    "vat_share",
    "ارزش افزوده تربت جام در نیمه اول ۱۴۰۴",
    {"municipality": "torbat-jam", "period": H(1404, 1)},
)
add(
    "vat_share",
    "در فصل پاییز ۱۴۰۳ چه مبلغی بابت سهم ارزش افزوده به حساب شهرداری کاشمر نشست؟",
    {"municipality": "kashmar", "period": Q(1403, 3)},
)
add(
    "vat_share",
    "سهم مشهد از vat در ۴ ماه اخیر",
    {"municipality": "mashhad", "period": last_n(TODAY, 4)},
)
add(
    "vat_share",
    "پارسال قوچان چقد از مالیات ارزش افزوده سهم برد",
    {"municipality": "quchan", "period": this_year(TODAY, 1)},
)
add("vat_share", "سهم ارزش افزوده")
add(
    "vat_share",
    "sahme sabzevar az maliat bar arzesh afzoode dar farvardin 1405?",
    {"municipality": "sabzevar", "period": M(1405, 1)},
)
add(
    "vat_share",
    "از مهر ۱۴۰۴ تا خرداد ۱۴۰۵ جمعاً چقدر ارزش افزوده به شهرداری مشهد رسیده؟",
    {"municipality": "mashhad", "period": R(1404, 7, 1405, 3)},
)
add(
    "vat_share",
    "ميزان دريافتي شهرداري گناباد از ارزش افزوده سال ١٤٠١",
    {"municipality": "gonabad", "period": Y(1401)},
)
add(
    "vat_share",
    "سلام خسته نباشید. یه سوال داشتم، من کاسبم و هر فصل کلی مالیات ارزش افزوده میدم به اداره مالیات. "
    "از یکی از همکارا شنیدم که سه درصدش میره برا شهرداری‌ها و خلاصه پول کمی هم نیست. "
    "میخوام بدونم تو زمستون پارسال کلاً چقدر از این پول به شهرداری سبزوار رسیده؟ مرسی از وقتی که میذارید",
    {"municipality": "sabzevar", "period": Q(1404, 4)},
)
add(
    "vat_share",
    "سهم تربت حیدریه از ارزش افزوده، سه‌ماهه سوم ۱۴۰۵",
    {"municipality": "torbat-heydarieh", "period": Q(1405, 3)},
)
add("vat_share", "آبان چقد واریزی ارزش افزوده داشتیم؟", {"period": recent_month(T4, 8)}, T4)
add("vat_share", "vat کاشمر ۱۴۰۲", {"municipality": "kashmar", "period": Y(1402)})
add(
    "vat_share",
    "پیارسال شهرداری تربت جام چقدر سهم ارزش افزوده گرفت؟",
    {"municipality": "torbat-jam", "period": this_year(TODAY, 2)},
)
add(
    "vat_share",
    "ماه قبل چقدر پول ارزش افزوده به حساب شهرداری مشهد اومد؟",
    {"municipality": "mashhad", "period": last_n(T1, 1)},
    T1,
)
add(
    "vat_share",
    "نیشابور تو این سه ماه اخیر چقدر ارزش افزوده دریافت کرده؟",
    {"municipality": "neyshabur", "period": last_n(T1, 3)},
    T1,
)
add(
    "vat_share",
    "اسفند امسال تا الان چیزی از ارزش افزوده به قوچان رسیده؟",
    {"municipality": "quchan", "period": M(1404, 12)},
    T2,
)
add(
    "vat_share",
    "sahme chenaran az arzesh afzoode too 3 mahe akhir",
    {"municipality": "chenaran", "period": last_n(T2, 3)},
    T2,
)
add(
    "vat_share",
    "امسال شهرداری مشهد چه مبلغی از مالیات ارزش‌افزوده سهم برده؟",
    {"municipality": "mashhad", "period": this_year(T3)},
    T3,
)
add(
    "vat_share",
    "آذر ماه چقد ارزش افزوده واریز شده برای گناباد",
    {"municipality": "gonabad", "period": recent_month(T3, 9)},
    T3,
)
add(
    "vat_share",
    "خرداد سهم ارزش افزوده سبزوار چند بود",
    {"municipality": "sabzevar", "period": recent_month(T4, 3)},
    T4,
)
add("vat_share", "جمع سهم ارزش افزوده شهرداری در ۱۲ ماه گذشته", {"period": last_n(T4, 12)}, T4)
add(
    "vat_share",
    "شهرداری مشهد در سه ماهه نخست سال ۱۴۰۲ چقدر از ارزش افزوده دریافت کرد؟",
    {"municipality": "mashhad", "period": Q(1402, 1)},
)
add(
    "vat_share",
    "chand toman arzesh afzoode be torbat heydarieh dar tabestoon 1404 reside?",
    {"municipality": "torbat-heydarieh", "period": Q(1404, 2)},
)

add(
    "vat_share",
    "سهم شهرداري تربت حيدريه از ارزش افزوده در ارديبهشت 1404 چقدر بود؟",
    {"municipality": "torbat-heydarieh", "period": M(1404, 2)},
)
add(
    "vat_share",
    "بهار امسال شهرداری کاشمر چقدر ارزش افزوده گرفته؟",
    {"municipality": "kashmar", "period": Q(1405, 1)},
    T1,
)

# ---------------------------------------------------------------- vat_compare (15)
add(
    "vat_compare",
    "سهم ارزش افزوده نیشابور رو با سبزوار تو سال ۱۴۰۳ مقایسه کن",
    {"municipality": "neyshabur", "compare_municipality": "sabzevar", "period": Y(1403)},
)
add(
    "vat_compare",
    "ارزش افزوده مهر امسال نسبت به مهر پارسال چقدر رشد داشته؟",
    {"period": M(1404, 7), "compare_period": M(1403, 7)},
    T2,
)
add(
    "vat_compare",
    "روند سهم گناباد از ارزش افزوده تو ۱۲ ماه گذشته",
    {"municipality": "gonabad", "period": last_n(TODAY, 12)},
)
add(
    "vat_compare",
    "کدوم بیشتر ارزش افزوده گرفته، قوچان یا چناران؟",
    {"municipality": "quchan", "compare_municipality": "chenaran"},
)
add(
    "vat_compare",
    "tafavot sahme vat mashhad ba neyshabur dar sale 1404 chiye?",
    {"municipality": "mashhad", "compare_municipality": "neyshabur", "period": Y(1404)},
)
add(
    "vat_compare",
    "نیمه اول ۱۴۰۵ در برابر نیمه اول ۱۴۰۴؛ سهم ارزش افزوده شهرداری چه تغییری کرده؟",
    {"period": H(1405, 1), "compare_period": H(1404, 1)},
)
add(
    "vat_compare",
    "مقايسه سهم ارزش افزوده كاشمر و تربت جام",
    {"municipality": "kashmar", "compare_municipality": "torbat-jam"},
)
add(
    "vat_compare",
    "سهم ارزش افزوده پیارسال با پارسال چه فرقی داشت؟",
    {"period": this_year(TODAY, 2), "compare_period": this_year(TODAY, 1)},
)
add(
    "vat_compare",
    "نمودار تغییرات ماهانه ارزش افزوده سبزوار در سال ۱۴۰۲",
    {"municipality": "sabzevar", "period": Y(1402)},
)
add(
    "vat_compare",
    "اسفند با بهمن از نظر سهم ارزش افزوده مشهد چقدر فرق داشت؟",
    {
        "municipality": "mashhad",
        "period": recent_month(T1, 12),
        "compare_period": recent_month(T1, 11),
    },
    T1,
)
add(
    "vat_compare",
    "ارزش افزوده امسال تربت حیدریه در مقایسه با پارسالش",
    {
        "municipality": "torbat-heydarieh",
        "period": this_year(T2),
        "compare_period": this_year(T2, 1),
    },
    T2,
)
add(
    "vat_compare",
    "سهم سبزوار از ارزش افزوده در پاییز ۱۴۰۴ بیشتر بود یا پاییز ۱۴۰۳؟",
    {"municipality": "sabzevar", "period": Q(1404, 3), "compare_period": Q(1403, 3)},
)
add("vat_compare", "vat shahrdari too in chand sal chetori taghir karde?")
add(
    "vat_compare",
    "گناباد نسبت به قوچان تو سه ماه اخیر ارزش افزوده بیشتری گرفته؟",
    {"municipality": "gonabad", "compare_municipality": "quchan", "period": last_n(TODAY, 3)},
)

add(
    "vat_compare",
    "روند ارزش افزوده مشهد از فروردین ۱۴۰۰ تا آبان ۱۴۰۵",
    {"municipality": "mashhad", "period": R(1400, 1, 1405, 8)},
)

# ---------------------------------------------------------------- vat_spending (15)
add(
    "vat_spending",
    "امسال پول ارزش افزوده بیشتر خرج کدوم پروژه‌ها شده؟",
    {"period": this_year(T3)},
    T3,
)
add(
    "vat_spending",
    "چه مقدار از سهم ارزش افزوده ۱۴۰۳ برای اتوبوس و قطار شهری هزینه شد؟",
    {"category": "transport", "period": Y(1403)},
)
add(
    "vat_spending",
    "hazine kard arzesh afzoode dar bakhshe fazaye sabz parsal",
    {"category": "green", "period": this_year(TODAY, 1)},
)
add("vat_spending", "از پول ارزش افزوده چقدر رفته برای آسفالت؟", {"category": "roads"})
add(
    "vat_spending",
    "ريز هزينه‌كرد ارزش افزوده مشهد در نيمه دوم ۱۴۰۴",
    {"municipality": "mashhad", "period": H(1404, 2)},
)
add("vat_spending", "سهم ارزش افزوده ماه گذشته صرف چی شد؟", {"period": last_n(T1, 1)}, T1)
add("vat_spending", "برای خدمات زائرین از محل ارزش افزوده چقدر خرج شده؟", {"category": "pilgrims"})
add(
    "vat_spending",
    "تو ۶ ماه اخیر چقدر از ارزش افزوده صرف جمع آوری زباله و بازیافت شد",
    {"category": "environment", "period": last_n(TODAY, 6)},
)
add("vat_spending", "پول ارزش افزوده گناباد به چه مصرفی رسید؟", {"municipality": "gonabad"})
add(
    "vat_spending",
    "کدوم بخش‌ها بیشترین سهم رو از پول ارزش افزوده سال ۱۴۰۲ بردن؟",
    {"period": Y(1402)},
)
add(
    "vat_spending",
    "خرج کرد عوارض ارزش افزوده برای کارتن خوابا و گرمخانه ها",
    {"category": "social"},
)
add(
    "vat_spending",
    "پارسال چقدر از ارزش افزوده خرج آتش نشانی شد؟",
    {"category": "safety", "period": this_year(T1, 1)},
    T1,
)
add(
    "vat_spending",
    "hazine vat baraye roshanaie maaber emsal",
    {"category": "services", "period": this_year(TODAY)},
)
add(
    "vat_spending", "پول ارزش افزوده بهار ۱۴۰۴ به تفکیک دسته‌بندی کجاها رفت؟", {"period": Q(1404, 1)}
)

add("vat_spending", "سهم ارزش افزوده نيشابور صرف چه پروژه هايي شده؟", {"municipality": "neyshabur"})

# ---------------------------------------------------------------- project_list (23)
add(
    "project_list",
    "تو منطقه ۱۳ چه پروژه‌هایی در جریانه؟",
    {"district": "13", "status": "in_progress"},
)
add("project_list", "پروژه‌هایی که متوقف شدن کدوما هستن؟", {"status": "suspended"})
add("project_list", "لیست پروژه هاي فرهنگي منطقه ٥", {"category": "culture", "district": "5"})
add(
    "project_list",
    "proje haye fazaye sabze mashhad ke tamoom shodan",
    {"municipality": "mashhad", "category": "green", "status": "completed"},
)
add("project_list", "پروژه های منطقه ۲ نیشابور", {"municipality": "neyshabur", "district": "2"})
add("project_list", "چه طرح‌هایی برای اطراف حرم دارید؟", {"category": "pilgrims"})
add("project_list", "پروژه‌های منطقه ثامن که تموم شدن", {"district": "samen", "status": "completed"})
add("project_list", "پروژه هاي در دست اقدام منطقه ۳", {"district": "3", "status": "in_progress"})
add("project_list", "پروژه‌هایی که هنوز کلنگشون زده نشده", {"status": "planned"})
add("project_list", "پروژه‌های آتش‌نشانی سبزوار", {"municipality": "sabzevar", "category": "safety"})
add("project_list", "پروژه های خدمات اجتماعی چیا هستن", {"category": "social"})
add("project_list", "mantaghe 10 che projehaei dare?", {"district": "10"})
add(
    "project_list",
    "پروژه هایی که امسال به بهره برداری رسیدن",
    {"period": this_year(T3), "status": "completed"},
    T3,
)
add("project_list", "منطقه یازده چه پروژه‌ای داره؟ لیستشو بده", {"district": "11"})
add(
    "project_list",
    "پروژه های حمل و نقلی که هنوز شروع نشدن",
    {"category": "transport", "status": "planned"},
)
add(
    "project_list",
    "چه کارهای عمرانی در منطقه ۶ معلق مونده؟",
    {"district": "6", "status": "suspended"},
)
add("project_list", "طرح‌های محیط زیستی شهرداری رو نشونم بده", {"category": "environment"})
add(
    "project_list",
    "پروژه‌های نوسازی بافت فرسوده در منطقه ثامن",
    {"category": "renewal", "district": "samen"},
)
add("project_list", "کدوم پروژه‌ها پارسال کلید خوردن؟", {"period": this_year(T1, 1)}, T1)
add("project_list", "شهرداری کاشمر چه پروژه‌هایی داره؟", {"municipality": "kashmar"})
add(
    "project_list",
    "لیست تقاطع‌ها و زیرگذرهای در حال ساخت",
    {"category": "roads", "status": "in_progress"},
)
add("project_list", "projehaye khadamat shahri", {"category": "services"})

add(
    "project_list",
    "شهرداري چناران چه پروژه اي رو تموم كرده؟",
    {"municipality": "chenaran", "status": "completed"},
)

# ---------------------------------------------------------------- project_info (24)
add("project_info", "پارک ولایت منطقه ۱۲ کی افتتاح شد؟", {"project": "P-1014"})
add("project_info", "متروی خط ۴ چند درصد پیشرفت داره؟", {"project": "P-1001"})
add("project_info", "بودجه کل بی آر تی طبرسی چقدره", {"project": "P-1004"})
add("project_info", "زیرگذر خیام کی تموم میشه", {"project": "P-1007"})
add("project_info", "P-1019 تاریخ شروع و بودجه‌ش چیه؟", {"project": "P-1019"})
add("project_info", "اطلاعات p-1031", {"project": "P-1031"})
add(
    "project_info",
    "پارکینگ طبقاتی باب الجواد تا الان چقدر پول ارزش افزوده گرفته",
    {"project": "P-1022"},
)
add("project_info", "روگذر توس چند درصدش ساخته شده؟", {"project": "P-1009"})
add("project_info", "کتابخونه سمزقند کی افتتاح شد؟", {"project": "P-1018"})
add("project_info", "baazafarini mahale noghan cheghad pishraft karde?", {"project": "P-1025"})
add("project_info", "تعریض بلوار آوینی از کی شروع شد", {"project": "P-1011"})
add("project_info", "هزینه ایستگاه آتش نشانی شماره ۲۸ چقدر بوده؟", {"project": "P-1029"})
add("project_info", "پايانه اتوبوسراني الهيه كي ساخته ميشه؟", {"project": "P-1005"})
add(
    "project_info",
    "بوستان ولایت منطقه سه امسال چقدر از ارزش افزوده بودجه گرفت؟",
    {"project": "P-1013", "period": this_year(T2)},
    T2,
)
add("project_info", "مرکز خدمات زائرین جاده قوچان", {"project": "P-1024"})
add("project_info", "پل مکانیزه صیاد شیرازی آخرش چقدر خرج برداشت؟", {"project": "P-1008"})
add("project_info", "بوستان بزرگ جنوب نیشابور کی تحویل میشه؟", {"project": "P-1039"})
add(
    "project_info",
    "کمربند سبز جنوب مشهد پارسال چقدر از ارزش افزوده پول گرفت؟",
    {"project": "P-1015", "period": this_year(TODAY, 1)},
)
add("project_info", "بازآفرینی محله گلشر کجای کاره؟", {"project": "P-1026"})
add("project_info", "ایستگاه اتش نشانی ۲۳ کی افتتاح شد", {"project": "P-1028"})
add("project_info", "vaziat zirgozar mirza koochak khan", {"project": "P-1038"})
add("project_info", "گرمخانه بی خانمانها کی تکمیل شد؟", {"project": "P-1036"})

add("project_info", "پروژه تقاطع غير همسطح سجاد و جانباز چقدر هزينه داشت؟", {"project": "P-1006"})
add("project_info", "مناسب سازی معابر برای معلولین چند درصد پیش رفته", {"project": "P-1037"})

# ---------------------------------------------------------------- tax_calculator (13)
add(
    "tax_calculator",
    "اگه سه میلیون و هفتصد هزار تومن خرید کنم سهم شهرداری از مالیاتش چند میشه؟",
    {"amount_rial": 37_000_000},
)
add(
    "tax_calculator",
    "برای خرید ۱٬۲۵۰٬۰۰۰ تومانی چقدر عوارض به شهر میرسه و کجا خرج میشه؟",
    {"amount_rial": 12_500_000},
)
add(
    "tax_calculator",
    "یه کفش ۲٫۵ میلیونی خریدم، چقدرش میره برای شهرداری؟",
    {"amount_rial": 25_000_000},
)
add(
    "tax_calculator", "فاکتورم ۱۸٬۰۰۰٬۰۰۰ ریال شده، سهم شهر ازش چقدره؟", {"amount_rial": 18_000_000}
)
add(
    "tax_calculator",
    "لپ تاپ ۴۵ میلیونی بخرم چقدر از مالیاتش به شهرداری مشهد میرسه؟",
    {"amount_rial": 450_000_000, "municipality": "mashhad"},
)
add(
    "tax_calculator",
    "age 600 hezar toman kharid konam sahme shahr cheghadre?",
    {"amount_rial": 6_000_000},
)
add(
    "tax_calculator",
    "یک میلیارد و دویست میلیون ریال خرید، سهم شهرداری؟",
    {"amount_rial": 1_200_000_000},
)
add(
    "tax_calculator",
    "روی رسید نوشته ۹۲ هزار تومن مالیات و عوارض ارزش افزوده، چقدرش سهم شهرداریه؟",
    {"amount_rial": 920_000},
)
add(
    "tax_calculator",
    "سيصد و بيست هزار تومن خريد كردم چقدرش ميرسه به شهرداري",
    {"amount_rial": 3_200_000},
)
add("tax_calculator", "خرید 8,400,000 تومانی چقدر عوارض شهرداری داره؟", {"amount_rial": 84_000_000})
add(
    "tax_calculator",
    "یه ماشین ۹۵۰ میلیون تومنی خریدیم؛ از ارزش افزوده‌ای که دادیم چقدر گیر شهر میاد؟",
    {"amount_rial": 9_500_000_000},
)
add(
    "tax_calculator",
    "۲۵۰,۰۰۰,۰۰۰ ریال خرید کردم، از ارزش افزوده‌اش چقدر به شهر میرسه؟",
    {"amount_rial": 250_000_000},
)

add("tax_calculator", "خريد ۷ ميليون توماني چقدر سهم شهرداري داره؟", {"amount_rial": 70_000_000})

# ---------------------------------------------------------------- faq (12)
add("faq", "ارزش افزوده رو کی جمع میکنه؟ شهرداری یا اداره مالیات؟")
add("faq", "چرا یه بخش از مالیاتی که من میدم باید بره به شهرداری؟")
add("faq", "نون و شیر هم مالیات ارزش افزوده دارن؟")
add("faq", "cheghadr az maliat arzesh afzoode mire baraye shahrdari? chand darsad?")
add("faq", "شفاف دقیقاً چیه و مال کدوم اداره‌ست؟")
add("faq", "اينكه نوشتين داده نمونه يعني چي؟ اين ارقام واقعي نيستن؟")
add("faq", "شماره تلفن من رو هم ذخیره میکنید؟ چه اطلاعاتی ازم نگه میدارید")
add("faq", "مالیات ارزش افزوده رو آخرش کی میده؟ فروشنده یا مشتری؟")
add("faq", "تو فاکتور خرید کجا باید ببینم چقدر ارزش افزوده ازم گرفتن؟")
add("faq", "شماره مرکز تماس سازمان امور مالیاتی چنده؟")
add("faq", "برای ثبت شکایت از خدمات شهری باید به کجا زنگ بزنم؟")
add("faq", "arghame in robot az koja miad?")

# ---------------------------------------------------------------- out_of_scope (17)
add("out_of_scope", "مالیات اجاره خونه رو چطوری حساب کنم؟")
add("out_of_scope", "عوارض نوسازی ملکم امسال چقدر شده؟ کجا میتونم ببینم")
add("out_of_scope", "مالیات خودروهای گرون‌قیمت رو تا کی باید بدیم؟")
add("out_of_scope", "هوای مشهد آخر هفته چطوره؟")
add("out_of_scope", "dollar emrooz chande?")
add("out_of_scope", "چراغ برق کوچه ما سه شبه خاموشه، یکی بیاد درستش کنه")
add("out_of_scope", "بازی پدیده و استقلال چند چند شد؟")
add("out_of_scope", "یه لطیفه خنده‌دار تعریف کن")
add("out_of_scope", "خط ۷ متروی تهران تا کجا رسیده؟")
add("out_of_scope", "نظرت درباره نامزدهای انتخابات شورای شهر چیه؟")
add("out_of_scope", "قیمت سکه امامی امروز چند شد؟")
add("out_of_scope", "کرایه تاکسی فرودگاه تا حرم چنده؟")
add("out_of_scope", "بلیط قطار مشهد تهران برای جمعه هست؟")
add("out_of_scope", "maliat bar ers chetori mohasebe mishe?")
add("out_of_scope", "میشه این متن رو به انگلیسی ترجمه کنی؟")
add("out_of_scope", "جریمه پارک دوبل رو کجا باید پرداخت کنم؟")

add("out_of_scope", "اوضاع ترافيك بلوار وكيل آباد الان چطوره؟")

# ---------------------------------------------------------------- feedback (11)
add("feedback", "بوستان آزادشهر عالی شده، دست شهرداری درد نکنه", {"project": "P-1012"})
add("feedback", "شکایت دارم از زیرگذر خیام، دو ساله کاسبی ما رو کساد کرده", {"project": "P-1007"})
add(
    "feedback",
    "پیشنهاد: پول ارزش افزوده رو بیشتر خرج حاشیه شهر کنید، اونجا خیلی محرومه",
    {"category": "renewal"},
)
add("feedback", "انتقاد دارم از روگذر توس، کی میخواید جمعش کنید؟", {"project": "P-1009"})
add(
    "feedback",
    "من ساکن منطقه ۱۰ هستم؛ لطفاً ساخت پایانه الهیه رو زودتر شروع کنید",
    {"district": "10", "project": "P-1005"},
)
add("feedback", "feedback: lotfan gozareshha ro ba jozeiat bishtar montasher konid")
add(
    "feedback",
    "درصد پیشرفت کتابخونه سمزقند رو اشتباه زدین، ما که از اونجا رد میشیم میبینیم هنوز کار داره",
    {"project": "P-1018"},
)
add("feedback", "اعتراض دارم، شهرداری پولای ارزش افزوده رو الکی خرج میکنه و هیچ جا معلوم نیست")
add(
    "feedback",
    "یه نظر: تو منطقه ۴ هیچ پارکی نداریم، یه بوستان بسازید",
    {"district": "4", "category": "green"},
)
add(
    "feedback",
    "az parking tabaghati bab-ol-javad razi nistam, gheymatesh kheili balast",
    {"project": "P-1022"},
)

add("feedback", "از بوستان خانواده چناران ممنونيم، جاي خوبي براي بچه هاست", {"project": "P-1046"})

# ---------------------------------------------------------------- feedback_status (6)
add("feedback_status", "کد پیگیری SH-12345 چی شد؟", {"tracking_code": "SH-12345"})
add("feedback_status", "۹۸۷۶۵ کد رهگیری انتقادمه، بررسی شده؟", {"tracking_code": "98765"})
add("feedback_status", "vaziate feedback sh-20871", {"tracking_code": "SH-20871"})
add("feedback_status", "شکایتی که هفته پیش دادم به کجا رسید؟")
add("feedback_status", "پيگيري كد fb-1405-0033", {"tracking_code": "FB-1405-0033"})
add("feedback_status", "جواب پیشنهادم هنوز نیومده، کدش 31406 بود", {"tracking_code": "31406"})

# ---------------------------------------------------------------- report (8)
add(
    "report",
    "گزارش مالی سه ماهه دوم امسال نیشابور رو بفرستید",
    {"municipality": "neyshabur", "period": Q(1405, 2)},
)
add("report", "گزارش سالانه ۱۴۰۳ شهرداری", {"period": Y(1403)})
add("report", "آخرین گزارش سبزوار", {"municipality": "sabzevar"})
add("report", "gozaresh mali 1404", {"period": Y(1404)})
add("report", "گزارش پاییز پارسال رو میخوام", {"period": Q(1404, 3)}, T1)
add("report", "گزارشاي مالي منتشر شده كدومان؟")
add("report", "pdf گزارش فصل اول ۱۴۰۵ مشهد", {"municipality": "mashhad", "period": Q(1405, 1)})
add("report", "سه‌ماهه چهارم ۱۴۰۴ گزارش مالیش بیرون اومده یا نه؟", {"period": Q(1404, 4)})

# ---------------------------------------------------------------- subscribe (6)
add("subscribe", "میخوام هر هفته خلاصه گزارشا برام بیاد")
add("subscribe", "عضویت در اطلاع‌رسانی")
add("subscribe", "subscribe")
add("subscribe", "هر ماه گزارش سبزوار رو خودکار برام بفرست", {"municipality": "sabzevar"})
add("subscribe", "eshterak mikham")
add("subscribe", "اشتراك ماهانه رو برام فعال كن")

# ---------------------------------------------------------------- unsubscribe (6)
add("unsubscribe", "اشتراکمو لغو کن")
add("unsubscribe", "دیگه نمیخوام پیام گزارش بگیرم")
add("unsubscribe", "unsubscribe kon lotfan")
add("unsubscribe", "از لیست ارسال حذفم کنید")
add("unsubscribe", "بسه دیگه، اشتراک هفتگی رو کنسل کن")
add("unsubscribe", "لغو عضویت")

# ---------------------------------------------------------------- greeting / help / thanks (5 each)
add("greeting", "سلام خسته نباشید")
add("greeting", "hi")
add("greeting", "درود")
add("greeting", "سلام، صبحتون بخیر")
add("greeting", "salam vaght bekheir")
add("help", "چطوری باید ازت سوال بپرسم؟")
add("help", "منو")
add("help", "komak")
add("help", "این بات به چه دردی میخوره؟")
add("help", "چه امکاناتی داری؟")
add("thanks", "مچکرم")
add("thanks", "ممنونم ازت، کارم راه افتاد")
add("thanks", "tnx")
add("thanks", "سپاس فراوان")
add("thanks", "مرسی، فعلاً خدافظ")


# ---------------------------------------------------------------- validation
INTENTS = {
    "greeting",
    "help",
    "thanks",
    "vat_share",
    "vat_compare",
    "vat_spending",
    "project_list",
    "project_info",
    "tax_calculator",
    "report",
    "faq",
    "feedback",
    "feedback_status",
    "subscribe",
    "unsubscribe",
    "out_of_scope",
}
NO_ENTITY = {"out_of_scope", "greeting", "help", "thanks"}
PERIOD_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
CODE_RE = re.compile(r"^[0-9A-Z-]+$")


def _rows(name: str) -> list[dict]:
    with open(SAMPLE / name, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def validate() -> None:
    munis = {r["slug"] for r in _rows("municipalities.csv")}
    districts = {r["code"] for r in _rows("districts.csv")}
    cats = {r["slug"] for r in _rows("categories.csv")}
    projects = {r["code"] for r in _rows("projects.csv")}
    texts = set()
    for text, intent, ents, today in E:
        assert intent in INTENTS, intent
        assert text not in texts, f"duplicate: {text}"
        texts.add(text)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", today)
        if intent in NO_ENTITY:
            assert not ents, text
        for key, val in ents.items():
            if key in ("municipality", "compare_municipality"):
                assert val in munis, (text, val)
            elif key in ("period", "compare_period"):
                assert (
                    set(val) == {"from", "to"}
                    and PERIOD_RE.match(val["from"])
                    and PERIOD_RE.match(val["to"])
                )
                assert val["from"] <= val["to"], text
            elif key == "district":
                assert val in districts, (text, val)
            elif key == "category":
                assert val in cats, (text, val)
            elif key == "project":
                assert val in projects, (text, val)
            elif key == "status":
                assert val in {"planned", "in_progress", "completed", "suspended"}
            elif key == "amount_rial":
                assert isinstance(val, int) and val > 0
            elif key == "tracking_code":
                assert CODE_RE.match(val), val
            else:
                raise AssertionError(f"unknown key {key}")
        if "compare_period" in ents:
            assert "period" in ents, text
        if "compare_municipality" in ents:
            assert "municipality" in ents, text


def is_finglish(text: str) -> bool:
    return not re.search(r"[\u0600-\u06FF]", text) and bool(re.search(r"[a-z]{3,}.*\s", text))


def main() -> None:
    validate()
    with open(OUT, "w", encoding="utf-8") as fh:
        for text, intent, ents, today in E:
            fh.write(
                json.dumps(
                    {"text": text, "today": today, "intent": intent, "entities": ents},
                    ensure_ascii=False,
                )
                + "\n"
            )
    counts = Counter(intent for _, intent, _, _ in E)
    print(f"{len(E)} lines -> {OUT}")
    for intent, n in counts.most_common():
        print(f"  {intent:16s} {n}")
    print("  finglish:", sum(is_finglish(t) for t, *_ in E))
    print("  arabic letters/digits:", sum(bool(re.search(r"[يك٠-٩]", t)) for t, *_ in E))
    print("  non-default today:", sum(td != TODAY for *_, td in E))


if __name__ == "__main__":
    main()
