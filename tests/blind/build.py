#!/usr/bin/env python3
"""Build the independent blind NLU evaluation set ``tests/blind/blind_sample.jsonl``.

Written blind: only CONTRACT.md section 4, the labelling conventions of
/work/shared/eval/dev.jsonl and the CSVs under ``data/sample`` were consulted.

Every example is written here once, with its entities given symbolically:
relative periods are *rules* (``LAST_YEAR``, ``MONTH(8)``, ``last_n(4)`` …) that are
resolved against the line's own ``today`` exactly as CONTRACT.md §4 prescribes, and
amounts are written in the unit the text uses (``toman(...)`` / ``rial(...)``).
Before writing, every slug / district / project code is checked against data/sample
and a set of consistency checks is run (see ``validate``). Any error aborts the build.

    python tests/blind/build.py            # validate + write
    python tests/blind/build.py --check    # validate only
"""

from __future__ import annotations

import csv
import difflib
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SAMPLE = ROOT / "data" / "sample"
OUT = HERE / "blind_sample.jsonl"
DEV = Path("/work/shared/eval/dev.jsonl")  # only used to make sure nothing is copied

DEFAULT_TODAY = "1405-09-08"

# --------------------------------------------------------------------------- data


def _rows(name: str) -> list[dict]:
    with open(SAMPLE / name, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


MUNICIPALITIES = {r["slug"]: r["name_fa"] for r in _rows("municipalities.csv")}
DISTRICTS = {(r["municipality"], r["code"]) for r in _rows("districts.csv")}
CATEGORIES = {
    r["slug"]: [r["name_fa"]] + [s.strip() for s in re.split("[؛;]", r["synonyms_fa"]) if s.strip()]
    for r in _rows("categories.csv")
}
PROJECTS = {r["code"]: r for r in _rows("projects.csv")}
STATUSES = {"planned", "in_progress", "completed", "suspended"}

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
NO_ENTITY_INTENTS = {"out_of_scope", "greeting", "help", "thanks", "faq"}
ENTITY_KEYS = {
    "municipality",
    "compare_municipality",
    "period",
    "compare_period",
    "district",
    "category",
    "project",
    "status",
    "amount_rial",
    "tracking_code",
}

TARGET = {
    "vat_share": 20,
    "project_list": 16,
    "project_info": 16,
    "vat_spending": 12,
    "vat_compare": 12,
    "tax_calculator": 10,
    "faq": 10,
    "out_of_scope": 14,
    "feedback": 9,
    "feedback_status": 5,
    "report": 6,
    "subscribe": 5,
    "unsubscribe": 5,
    "greeting": 4,
    "help": 4,
    "thanks": 4,
}

# ------------------------------------------------------------- period rules (§4)


def _today(s: str) -> tuple[int, int, int]:
    y, m, d = (int(x) for x in s.split("-"))
    return y, m, d


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _shift(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def span(y1: int, m1: int, y2: int, m2: int) -> dict:
    return {"from": _ym(y1, m1), "to": _ym(y2, m2)}


def _year_of(spec, today: str) -> int:
    """Year spec: an absolute int, or 'this' / 'last' / 'before_last' relative to today."""
    ty = _today(today)[0]
    if isinstance(spec, int):
        return spec
    return ty + {"this": 0, "last": -1, "before_last": -2}[spec]


def YEAR(y):  # «۱۴۰۳», «امسال» = YEAR('this'), «پارسال» = YEAR('last')
    return lambda t: span(_year_of(y, t), 1, _year_of(y, t), 12)


THIS_YEAR = YEAR("this")  # امسال
LAST_YEAR = YEAR("last")  # پارسال / سال گذشته
YEAR_BEFORE_LAST = YEAR("before_last")  # پیارسال


def YEARS(y1: int, y2: int):  # «از ۱۴۰۰ تا ۱۴۰۲»
    return lambda t: span(y1, 1, y2, 12)


def last_n(n: int):  # «N ماه گذشته/اخیر»: the N months before this month
    def f(t):
        y, m, _ = _today(t)
        a = _shift(y, m, -n)
        b = _shift(y, m, -1)
        return span(a[0], a[1], b[0], b[1])

    return f


LAST_MONTH = last_n(1)  # ماه گذشته / ماه پیش / ماه قبل


def MONTH(m: int, year=None):
    """A month; without a year: the most recent such month not after today."""

    def f(t):
        ty, tm, _ = _today(t)
        if year is None:
            y = ty if m <= tm else ty - 1
        else:
            y = _year_of(year, t)
        return span(y, m, y, m)

    return f


def QUARTER(q: int, year):  # بهار/فصل اول/سه‌ماهه اول = 1..3, تابستان = 4..6 …
    return lambda t: span(_year_of(year, t), 3 * q - 2, _year_of(year, t), 3 * q)


def HALF(h: int, year):  # نیمه اول = 1..6, نیمه دوم = 7..12
    return lambda t: span(_year_of(year, t), 6 * h - 5, _year_of(year, t), 6 * h)


def MONTHS(m1: int, m2: int, year):  # «از مهر تا آبان امسال»
    return lambda t: span(_year_of(year, t), m1, _year_of(year, t), m2)


# ------------------------------------------------------------------ amounts


def toman(x: int) -> int:
    """Amount said in تومان (or with no currency word): rials = تومان × 10."""
    return int(x) * 10


def rial(x: int) -> int:
    return int(x)


# ------------------------------------------------------------------ examples

EXAMPLES: list[dict] = []


def E(text: str, intent: str, today: str = DEFAULT_TODAY, **entities) -> None:
    EXAMPLES.append({"text": text, "today": today, "intent": intent, "entities": entities})


T_NOWRUZ = "1405-01-03"  # three days into the new year
T_ESFAND = "1404-12-29"  # last day of the year
T_MEHR = "1404-07-01"  # first day of autumn

# ---------------------------------------------------------------- vat_share (20)
E(
    "ماه قبل چقد پول از محل ارزش افزوده ریختن به حساب شهرداری مشهد؟",
    "vat_share",
    municipality="mashhad",
    period=LAST_MONTH,
)
# today = 1 Mehr 1404: «آبان» without a year is the most recent Aban not after today -> 1403-08
E(
    "یه سوال داشتم، شهرداری چناران تو آبان چه قدر سهم ارزش افزوده دریافت کرده",
    "vat_share",
    today=T_MEHR,
    municipality="chenaran",
    period=MONTH(8),
)
E(
    "sahme torbat jam az arzesh afzoode too fasle paeiz 1404 cheghadre?",
    "vat_share",
    municipality="torbat-jam",
    period=QUARTER(3, 1404),
)
E(
    "وقتی آدم میبینه خیابونای سبزوار هنوز خاکیه دلش میخواد بدونه اصلا پیارسال چقد ارزش افزوده به این شهر رسیده. کسی میدونه؟",
    "vat_share",
    municipality="sabzevar",
    period=YEAR_BEFORE_LAST,
)
E(
    "سهم ارزش افزوده شهرداری قوچان، اردیبهشت ۱۴۰۵",
    "vat_share",
    municipality="quchan",
    period=MONTH(2, 1405),
)
E(
    "شهرداری کاشمر 4 ماه اخیر چقدر پول ارزش افزوده گرفته",
    "vat_share",
    today=T_MEHR,
    municipality="kashmar",
    period=last_n(4),
)
E(
    "مبلغ واريزي ارزش افزوده به شهرداري نيشابور در سه ماهه سوم سال گذشته",
    "vat_share",
    municipality="neyshabur",
    period=QUARTER(3, "last"),
)
E("چقدر ارزش افزوده", "vat_share")
E("سهم vat مشهد", "vat_share", municipality="mashhad")
E(
    "بچه ها میگن شهرداری پولش ته کشیده ولی من میخوام عدد ببینم: از مهر تا آبان امسال چند میلیارد ارزش افزوده گرفتید؟",
    "vat_share",
    period=MONTHS(7, 8, "this"),
)
E("پول ارزش افزوده ای که دی ۱۴۰۳ به حساب شهر اومد چند بود", "vat_share", period=MONTH(10, 1403))
E(
    "سال ۱۴۰۱ سهم شهرداری مشهد از مالیات بر ارزش‌افزوده",
    "vat_share",
    municipality="mashhad",
    period=YEAR(1401),
)
E(
    "جمع کل سهم ارزش افزوده کاشمر از ۱۴۰۰ تا ۱۴۰۲ رو حساب کن",
    "vat_share",
    municipality="kashmar",
    period=YEARS(1400, 1402),
)
E(
    "خب حالا بگو ببینم این نیمه اول پارسال تربت جام چقد پول از ارزش افزوذه برده",
    "vat_share",
    municipality="torbat-jam",
    period=HALF(1, "last"),
)
E(
    "گناباد تو سال 1402 از مالیات ارزش افزوده کلا چقدر بهش رسید",
    "vat_share",
    municipality="gonabad",
    period=YEAR(1402),
)
# other "today"s
E(
    "تربت حیدریه برای ماه اسفند چه مبلغی سهم ارزش افزوده گرفت؟ هنوز اعلام نشده؟",
    "vat_share",
    today=T_NOWRUZ,
    municipality="torbat-heydarieh",
    period=MONTH(12),
)
E(
    "عید همگی مبارک 🌷 سهم شهر از ارزش افزوده ماه پیش رو میشه بگید؟",
    "vat_share",
    today=T_NOWRUZ,
    period=LAST_MONTH,
)
E(
    "امسال تا حالا مشهد چقدر ارزش افزوده گرفته؟",
    "vat_share",
    today=T_ESFAND,
    municipality="mashhad",
    period=THIS_YEAR,
)
E(
    "سه ماه گذشته سبزوار چقدر vat گرفته",
    "vat_share",
    today=T_MEHR,
    municipality="sabzevar",
    period=last_n(3),
)
E(
    "shahrivar che ghadr arzesh afzoode be shahrdari neyshabur residesh?",
    "vat_share",
    today=T_MEHR,
    municipality="neyshabur",
    period=MONTH(6),
)

# -------------------------------------------------------------- vat_compare (12)
E(
    "نیشابور و سبزوار تو ۱۴۰۴ کدومشون ارزش افزوده بیشتری گرفتن؟",
    "vat_compare",
    municipality="neyshabur",
    compare_municipality="sabzevar",
    period=YEAR(1404),
)
E(
    "سهم ارزش افزوده مشهد در ۱۴۰۳ نسبت به ۱۴۰۲ چند درصد رشد کرد؟",
    "vat_compare",
    municipality="mashhad",
    period=YEAR(1403),
    compare_period=YEAR(1402),
)
E(
    "تابستون امسال رو با تابستون پارسال مقایسه کن از نظر پول ارزش افزوده",
    "vat_compare",
    period=QUARTER(2, "this"),
    compare_period=QUARTER(2, "last"),
)
E(
    "گناباد يا چناران؟ كي سهم بيشتري از ماليات ارزش افزوده ميگيره",
    "vat_compare",
    municipality="gonabad",
    compare_municipality="chenaran",
)
E(
    "روند سهم vat کاشمر از ۱۴۰۲ تا ۱۴۰۴ رو سال به سال میخوام",
    "vat_compare",
    municipality="kashmar",
    period=YEARS(1402, 1404),
)
E(
    "سهم تربت جام از ارزش افزوده بیشتره یا تربت حیدریه",
    "vat_compare",
    municipality="torbat-jam",
    compare_municipality="torbat-heydarieh",
)
E(
    "ye moghayese beyne sahme arzesh afzoode mashhad va quchan too sale 1403 bede",
    "vat_compare",
    municipality="mashhad",
    compare_municipality="quchan",
    period=YEAR(1403),
)
E(
    "نیمه اول امسال و نیمه اول پارسال رو بذار کنار هم، سهم ارزش افزوده چقد فرق کرده؟",
    "vat_compare",
    period=HALF(1, "this"),
    compare_period=HALF(1, "last"),
)
E("نمودار تغییرات ماه به ماه سهم ارزش افزوده مشهد", "vat_compare", municipality="mashhad")
E(
    "آبان امسال در برابر مهر امسال، پول ارزش افزوده شهرداری کم شده یا زیاد؟",
    "vat_compare",
    period=MONTH(8, "this"),
    compare_period=MONTH(7, "this"),
)
E(
    "اسفند ۱۴۰۴ نسبت به اسفند ۱۴۰۳ سهم ارزش افزوده بیشتر بود یا کمتر",
    "vat_compare",
    today=T_NOWRUZ,
    period=MONTH(12, 1404),
    compare_period=MONTH(12, 1403),
)
E(
    "سبزوار امسال وضعش از نظر پول ارزش افزوده از پارسال بهتره یا بدتر؟",
    "vat_compare",
    today=T_ESFAND,
    municipality="sabzevar",
    period=THIS_YEAR,
    compare_period=LAST_YEAR,
)

# ------------------------------------------------------------- vat_spending (12)
E(
    "پول ارزش افزوده سال ۱۴۰۴ مشهد دقیقا خرج چی شده؟ ریز بده",
    "vat_spending",
    municipality="mashhad",
    period=YEAR(1404),
)
E(
    "چقدرش رفته برای زباله و بازیافت؟ منظورم سهم ارزش افزوده امساله",
    "vat_spending",
    category="environment",
    period=THIS_YEAR,
)
E("سهم ارزش افزوده پیارسال به تفکیک دسته بندی کجا رفته", "vat_spending", period=YEAR_BEFORE_LAST)
E(
    "با پول مالیات ارزش افزوده سبزوار پارسال چیکار کردید؟ کجاها خرجش کردید؟",
    "vat_spending",
    municipality="sabzevar",
    period=LAST_YEAR,
)
E(
    "سهم حمل و نقل عمومی از هزینه کرد ارزش افزوده ۱۴۰۳ چقدر بود",
    "vat_spending",
    category="transport",
    period=YEAR(1403),
)
E(
    "hazine kard vat dar bakhshe fazaye sabz too 6 mahe akhir",
    "vat_spending",
    category="green",
    period=last_n(6),
)
E(
    "این پولایی که به اسم ارزش افزوده میگیرید کجا میره؟ همش میره تو جیب مدیرا یا واقعا خرج شهر میشه؟",
    "vat_spending",
)
E(
    "برای آتش‌نشانی و مدیریت بحران از محل ارزش افزوده چقد هزینه کردین تو بهار ۱۴۰۵",
    "vat_spending",
    category="safety",
    period=QUARTER(1, 1405),
)
E("خرج کرد ارزش افزوده نیشابور", "vat_spending", municipality="neyshabur")
E("چند درصد پول ارزش افزوده خرج خدمات اجتماعی و سالمندا شده؟", "vat_spending", category="social")
E(
    "پارسال چقدر از ارزش افزوده برای زائرا و دور و بر حرم خرج شد",
    "vat_spending",
    today=T_NOWRUZ,
    category="pilgrims",
    period=LAST_YEAR,
)
E(
    "ماه گذشته پول ارزش افزوده بین کدوم پروژه ها تقسیم شد",
    "vat_spending",
    today=T_ESFAND,
    period=LAST_MONTH,
)

# ------------------------------------------------------------- project_list (16)
E("منطقه ۴ اصن پروژه داره؟", "project_list", district="4")
E("پروژه هایی که وسط کار ول شدن و خوابیدن", "project_list", status="suspended")
E(
    "پارکای در دست ساخت مشهد",
    "project_list",
    municipality="mashhad",
    category="green",
    status="in_progress",
)
E("لیست پروژه‌های تموم شده سال ۱۴۰۳", "project_list", status="completed", period=YEAR(1403))
E("proje haye sabzevar", "project_list", municipality="sabzevar")
E(
    "تو ثامن چه پروژه‌های زائری در جریانه؟",
    "project_list",
    district="samen",
    category="pilgrims",
    status="in_progress",
)
E("پروژه‌های منطقه ۲ نیشاپور", "project_list", municipality="neyshabur", district="2")
E(
    "کدوم پروژه های زیرگذر و تقاطع هنوز کلنگشون زده نشده؟",
    "project_list",
    category="roads",
    status="planned",
)
E(
    "ببخشید من خبرنگار یه روزنامه محلی هستم و دارم یه گزارش درباره وضعیت عمرانی شهر مینویسم، لطفا فهرست همه پروژه‌های تکمیل شده در منطقه ۱۱ رو برام بفرستید",
    "project_list",
    district="11",
    status="completed",
)
E("چه پروژه‌هایی برای کتابخونه و فرهنگسرا دارید", "project_list", category="culture")
E("پروزه هاي متوقف شده قوچان", "project_list", municipality="quchan", status="suspended")
E(
    "یه لیست بده از پروژه‌های محیط زیستی که تکمیل شدن",
    "project_list",
    category="environment",
    status="completed",
)
E(
    "man too mantaghe 13 zendegi mikonam, che projehaei dar hale ejra darim?",
    "project_list",
    district="13",
    status="in_progress",
)
E("طرح های بازآفرینی منطقه ۶", "project_list", district="6", category="renewal")
E("مترو و اتوبوس، چه پروژه هایی؟", "project_list", category="transport")
E(
    "چه طرح‌هایی پارسال افتتاح شد و به بهره‌برداری رسید؟",
    "project_list",
    today=T_NOWRUZ,
    status="completed",
    period=LAST_YEAR,
)

# ------------------------------------------------------------- project_info (16)
E("خط ۴ مترو چند درصد پیش رفته؟", "project_info", project="P-1001")
E(
    "من یه مغازه لوازم التحریر نزدیک چهارراه خیام دارم. از وقتی این زیرگذرو شروع کردن مشتریام نصف شدن، هر روز خاک و صدا و کاسبیمون نابود شد. فقط میخوام بدونم زیرگذر خیام طبق برنامه کی قراره تموم بشه و الان چند درصدش انجام شده؟",
    "project_info",
    project="P-1007",
)
E("بودجه پارکینگ طبقاتی باب الجواد چنده", "project_info", project="P-1022")
E("bi ar ti tabarsi kei rah miofte?", "project_info", project="P-1004")
E("روگذر توس چرا پیش نمیره؟ وضعیتش چیه", "project_info", project="P-1009")
E("کتابخونه سمزقند کی افتتاح شد", "project_info", project="P-1018")
E("از پول ارزش افزوده چقد به اون صد تا اتوبوس جدید رسیده؟", "project_info", project="P-1003")
E("پروژه p-1032 اطلاعات کامل", "project_info", project="P-1032")
E("مرکز خدمات زائران ورودی جاده قوچان کی شروع میشه", "project_info", project="P-1024")
E("فرهنگسرای تربت حیدریه بودجه‌اش چقدره", "project_info", project="P-1042")
E("بازآفرینی نوغان تا الان چقدر جلو رفته", "project_info", project="P-1025")
E("اون پل عابر مکانیزه صیاد شیرازی کی ساخته شد؟", "project_info", project="P-1008")
E("garmkhaneye bi khaneman ha cheghad kharj bardasht?", "project_info", project="P-1036")
E(
    "ایستگاه آتش نشانی ۲۸ تو ۱۴۰۵ چقد از سهم ارزش افزوده گرفته",
    "project_info",
    project="P-1029",
    period=YEAR(1405),
)
E("تقاطع سجاد-جانباز کل هزینه‌ش چقدر شد؟", "project_info", project="P-1006")
E(
    "کمربند سبز جنوب مشهد امسال چقدر از ارزش افزوده پول گرفت؟",
    "project_info",
    today=T_ESFAND,
    project="P-1015",
    period=THIS_YEAR,
)

# ----------------------------------------------------------- tax_calculator (10)
E(
    "یه یخچال ۴۸ میلیونی خریدم، سهم شهر از مالیاتش چند میشه؟",
    "tax_calculator",
    amount_rial=toman(48_000_000),
)
E(
    "age ye laptop 60 milion tomani bekharam shahrdari cheghad azash gir miare?",
    "tax_calculator",
    amount_rial=toman(60_000_000),
)
E(
    "۲۵۰ هزار تومن نون و پنیر خریدم 😂 چقدرش میره تو جیب شهرداری",
    "tax_calculator",
    amount_rial=toman(250_000),
)
E(
    "روی رسید نوشته ۱۸۰٬۰۰۰ ریال ارزش افزوده. سهم شهرداری از این چقده؟",
    "tax_calculator",
    amount_rial=rial(180_000),
)
E(
    "فرض کن ۳ و نیم میلیون تومن خرج کنم، چقدرش به شهرداری میرسه و کجا خرج میشه",
    "tax_calculator",
    amount_rial=toman(3_500_000),
)
E("یه خرید 1,200,000 تومنی کردم سهم شهر چقد میشه", "tax_calculator", amount_rial=toman(1_200_000))
E(
    "یه ماشین ۲ میلیارد و ۸۰۰ میلیونی خریدیم. از مالیات ارزش افزوده‌ش چقدر به شهرداری میرسه؟",
    "tax_calculator",
    amount_rial=toman(2_800_000_000),
)
E(
    "مالیات ارزش افزوده ای که دادم ۴۳ هزار تومنه، شهرداری چقدرش رو برمیداره",
    "tax_calculator",
    amount_rial=toman(43_000),
)
E(
    "5 milion kharid kardam sahme shahrdari chand mishe",
    "tax_calculator",
    amount_rial=toman(5_000_000),
)
E(
    "یه گوشی خریدم نزدیک نیم میلیارد، دلم خوشه حداقل یه بخشش میره واسه شهر. چقدر میشه؟",
    "tax_calculator",
    amount_rial=toman(500_000_000),
)

# ----------------------------------------------------------------------- faq (10)
E("vat yani chi daghighan?", "faq")
E("چرا باید یه تیکه از مالیاتی که به دولت میدم بره برا شهرداری؟", "faq")
E("سهم شهرداری ها چند درصد از کل مالیات ارزش افزوده ست؟", "faq")
E("كي اين ماليات رو جمع ميكنه، خود شهرداري يا اداره ماليات؟", "faq")
E("نون و دارو هم ارزش افزوده دارن؟", "faq")
E("تو فاکتور خرید اینترنتی کجا نوشته مالیات ارزش افزوده؟", "faq")
E("این شفاف مال کجاست؟ دولتیه؟", "faq")
E("چرا نوشتید ارقام نمونه است؟ یعنی الکیه؟", "faq")
E("شماره تلفن و اطلاعات شخصی منو نگه میدارید؟", "faq")
E("آخرش کی این مالیاتو میده، فروشنده یا من مصرف کننده؟", "faq")

# -------------------------------------------------------------- out_of_scope (14)
E("مالیات بر اجاره خونه رو چطوری حساب کنم؟", "out_of_scope")
E("عوارض سالانه ماشینمو از کجا پرداخت کنم", "out_of_scope")
E("سر کوچه ما یه چاله هست که هر شب یکی توش میفته، یکی رو بفرستید آسفالتش کنه", "out_of_scope")
E("تیر چراغ برق کوچمون دو هفته ست خاموشه، کی میاید درستش کنید؟", "out_of_scope")
E("قیمت گوجه امروز تو میدون بار مشهد چنده", "out_of_scope")
E("پنجشنبه برف میاد مشهد؟", "out_of_scope")
E("padide dishab bord ya bakht?", "out_of_scope")
E("الان بزرگراه آسیایی ترافیکه؟", "out_of_scope")
E("حوصلم سر رفته یه چیزی تعریف کن", "out_of_scope")
E("مالیات خودروهای لوکس امسال چقدره؟", "out_of_scope")
E("کرایه تاکسی از فرودگاه تا حرم چقدر میشه؟", "out_of_scope")
E("ساعت کار کتابخونه مرکزی چیه؟", "out_of_scope")
E("mikham javaz sakht begiram baraye khoonam, che madareki lazeme?", "out_of_scope")
E("ربات جون تا حالا عاشق شدی؟", "out_of_scope")

# ------------------------------------------------------------------ feedback (9)
E(
    "از پارکینگ باب الجواد شکایت دارم، چند ساله داربستش سر جاشه و مردم اذیتن",
    "feedback",
    project="P-1022",
)
E(
    "پیشنهاد: تو منطقه ۱۳ چندتا بوستان محله ای بسازید بچه ها جا ندارن",
    "feedback",
    district="13",
    category="green",
)
E("فقط خواستم بگم كتابخونه سمزقند عالي شده، لطفا اين نظرمو ثبت كنيد", "feedback", project="P-1018")
E(
    "ایراد: بودجه ایستگاه آتش نشانی ۲۳ تو ربات با چیزی که سایت شهرداری نوشته نمیخونه",
    "feedback",
    project="P-1028",
)
E(
    "انتقاد جدی دارم به شهرداری کاشمر، هیچ اطلاعاتی درباره کارهاش منتشر نمیکنه",
    "feedback",
    municipality="kashmar",
)
E("nazar midam: robot kheili kond javab mide, lotfan dorostesh konid", "feedback")
E(
    "یه پیشنهاد واسه منطقه ثامن دارم: تابلوهای راهنما رو چند زبانه کنید",
    "feedback",
    district="samen",
)
E(
    "ببینید من سی ساله تو طبرسی زندگی میکنم. هر چند وقت یه بار میان یه تیکه رو خراب میکنن به اسم نوسازی بافت فرسوده طبرسی شمالی بعد ول میکنن میرن. نه کسی جواب میده نه معلومه پولش کجا رفته. اینو به عنوان شکایت ثبت کنید لطفا",
    "feedback",
    project="P-1027",
)
E("میخوام نظرمو درباره طرح زیرگذر میرزا کوچک خان بدم، طراحیش اشتباهه", "feedback", project="P-1038")

# ----------------------------------------------------------- feedback_status (5)
E("کد رهگیریم ۶۰۳۲۱۸ ـه، جواب دادن یا نه؟", "feedback_status", tracking_code="603218")
E("شکایتی که با کد fb-1405-2231 دادم به کجا رسید", "feedback_status", tracking_code="FB-1405-2231")
E("peygiri payamam ba code sh-7120", "feedback_status", tracking_code="SH-7120")
E("یه هفته پیش انتقاد فرستادم هنوز خبری نشده، چی شد؟", "feedback_status")
E("وضعیت بازخورد 44۱۰9", "feedback_status", tracking_code="44109")

# -------------------------------------------------------------------- report (6)
E(
    "گزارش مالی فصل تابستون ۱۴۰۳ مشهد رو میخوام",
    "report",
    municipality="mashhad",
    period=QUARTER(2, 1403),
)
E("تازه‌ترین گزارش فصلی چی نوشته؟", "report")
E("gozaresh haye mali sabzevar", "report", municipality="sabzevar")
E("گزارش عملکرد مالی نیمه اول امسال", "report", period=HALF(1, "this"))
E("گزارش سه ماهه چهارم پارسال منتشر شد؟", "report", today=T_NOWRUZ, period=QUARTER(4, "last"))
E("گزارشای امسال رو یه جا بفرست", "report", today=T_ESFAND, period=THIS_YEAR)

# ----------------------------------------------------------------- subscribe (5)
E("ماهی یه بار خلاصه گزارش ها رو برام بفرستید", "subscribe")
E("منو عضو کن که گزارش‌های هفتگی بیاد", "subscribe")
E("mikham moshtarake gozareshat sham", "subscribe")
E("هر گزارش جدیدی برای گناباد اومد خبرم کن", "subscribe", municipality="gonabad")
E("عضویت ماهانه", "subscribe")

# --------------------------------------------------------------- unsubscribe (5)
E("بسه دیگه اینقدر خلاصه گزارش نفرست 😤", "unsubscribe")
E("اشتراکمو کنسل کن", "unsubscribe")
E("lotfan ozviate mano laghv kon", "unsubscribe")
E("نمیخوام دیگه گزارشای ماهانه برام بیاد", "unsubscribe")
E("خبرنامه رو خاموش کن", "unsubscribe")

# ---------------------------------------------------- greeting / help / thanks (12)
E("سلام و عرض ادب", "greeting")
E("hi", "greeting")
E("درود رفیق", "greeting")
E("سلام سال نو مبارک", "greeting", today=T_NOWRUZ)
E("این بات به چه دردی میخوره", "help")
E("menu", "help")
E("چی ازت میشه پرسید؟ یه مثال بزن", "help")
E("راهنماییم کن چجوری باهات کار کنم", "help")
E("قربون دستت", "thanks")
E("tnx", "thanks")
E("مرسی که جواب دادی، فعلا", "thanks")
E("سپاس فراوان 🌹", "thanks")

# ------------------------------------------------------------------ validation

_PERSIAN = re.compile(r"[\u0600-\u06FF]")
_TRACKING = re.compile(r"^[0-9A-Z]+(?:-[0-9A-Z]+)*$")
_YM = re.compile(r"^(\d{4})-(\d{2})$")


def _norm(s: str) -> str:
    """Loose normalisation for the lexical consistency checks only."""
    s = s.replace("ي", "ی").replace("ك", "ک").replace("\u200c", "").replace("ـ", "")
    return re.sub(r"\s+", "", s)


def _words(s: str) -> str:
    """Like _norm but keeps single spaces, padded, so matches can be anchored at a word start."""
    s = s.replace("ي", "ی").replace("ك", "ک").replace("\u200c", "").replace("ـ", "")
    s = re.sub(r"[^\w]+", " ", s)
    return " " + re.sub(r"\s+", " ", s).strip() + " "


def _has(text_w: str, phrase: str) -> bool:
    """phrase occurs in text starting at a word start (suffixes like ‹ها›/‹ای› allowed)."""
    p = _words(phrase).strip()
    return (bool(p) and (" " + p) in text_w) or (" " + p.replace(" ", "")) in text_w


def _valid_jalali(s: str) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if not m:
        return False
    _y, mo, d = (int(x) for x in m.groups())
    if not 1 <= mo <= 12:
        return False
    return 1 <= d <= (31 if mo <= 6 else 30)


def _check_period(p, where: str, errors: list[str]) -> None:
    if not isinstance(p, dict) or set(p) != {"from", "to"}:
        errors.append(f"{where}: period must be {{from,to}}: {p!r}")
        return
    for k in ("from", "to"):
        m = _YM.match(p[k])
        if not m or not 1 <= int(m.group(2)) <= 12:
            errors.append(f"{where}: bad month {p[k]!r}")
    if p["from"] > p["to"]:
        errors.append(f"{where}: from > to {p!r}")


def resolve(ex: dict) -> dict:
    ents = {}
    for k, v in ex["entities"].items():
        ents[k] = v(ex["today"]) if callable(v) else v
    return {"text": ex["text"], "today": ex["today"], "intent": ex["intent"], "entities": ents}


def validate(rows: list[dict]) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    warnings: list[str] = []
    seen: set[str] = set()
    mun_names = {slug: _norm(name) for slug, name in MUNICIPALITIES.items()}
    for i, r in enumerate(rows, 1):
        where = f"line {i} ({r['text'][:40]}…)"
        text, intent, ents = r["text"], r["intent"], r["entities"]
        if not text.strip():
            errors.append(f"{where}: empty text")
        if text in seen:
            errors.append(f"{where}: duplicate text")
        seen.add(text)
        if not _valid_jalali(r["today"]):
            errors.append(f"{where}: bad today {r['today']}")
        if intent not in INTENTS:
            errors.append(f"{where}: unknown intent {intent}")
        if intent in NO_ENTITY_INTENTS and ents:
            errors.append(f"{where}: {intent} must carry no entities")
        for k, _v in ents.items():
            if k not in ENTITY_KEYS:
                errors.append(f"{where}: unknown entity key {k}")
        for k in ("municipality", "compare_municipality"):
            if k in ents and ents[k] not in MUNICIPALITIES:
                errors.append(f"{where}: unknown {k} {ents[k]}")
        if "municipality" in ents and ents.get("compare_municipality") == ents["municipality"]:
            errors.append(f"{where}: compare_municipality equals municipality")
        if "compare_municipality" in ents and "municipality" not in ents:
            errors.append(f"{where}: compare_municipality without municipality")
        if "compare_period" in ents and "period" not in ents:
            errors.append(f"{where}: compare_period without period")
        if "compare_period" in ents and ents["compare_period"] == ents.get("period"):
            errors.append(f"{where}: compare_period equals period")
        if ("compare_municipality" in ents or "compare_period" in ents) and intent != "vat_compare":
            errors.append(f"{where}: compare_ key outside vat_compare")
        for k in ("period", "compare_period"):
            if k in ents:
                _check_period(ents[k], where, errors)
        if "district" in ents:
            d = ents["district"]
            if not isinstance(d, str):
                errors.append(f"{where}: district must be a string")
            mun = ents.get("municipality", "mashhad")  # default applied later by the bot
            if (mun, d) not in DISTRICTS:
                errors.append(f"{where}: district {d!r} not in {mun}")
        if "category" in ents and ents["category"] not in CATEGORIES:
            errors.append(f"{where}: unknown category {ents['category']}")
        if "status" in ents and ents["status"] not in STATUSES:
            errors.append(f"{where}: unknown status {ents['status']}")
        if "amount_rial" in ents:
            a = ents["amount_rial"]
            if not isinstance(a, int) or isinstance(a, bool) or a <= 0:
                errors.append(f"{where}: amount_rial must be a positive int")
        if intent == "tax_calculator" and "amount_rial" not in ents:
            errors.append(f"{where}: tax_calculator needs an amount (else it is faq)")
        if "tracking_code" in ents and not _TRACKING.match(ents["tracking_code"]):
            errors.append(
                f"{where}: tracking_code not ASCII digits/upper-case: {ents['tracking_code']!r}"
            )
        proj = None
        if "project" in ents:
            proj = PROJECTS.get(ents["project"])
            if proj is None:
                errors.append(f"{where}: unknown project {ents['project']}")
            else:
                pname = _norm(proj["name_fa"])
                # words inside the project's name are not labelled again
                m = ents.get("municipality")
                if m and mun_names[m] in pname:
                    errors.append(f"{where}: municipality {m} is part of the project name")
                d = ents.get("district")
                if (
                    d
                    and d.isdigit()
                    and _norm(f"منطقه {d}".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")))
                    in pname
                ):
                    errors.append(f"{where}: district {d} is part of the project name")
                if "municipality" in ents and ents["municipality"] != proj["municipality"]:
                    errors.append(f"{where}: municipality contradicts project")
        # lexical cross-checks (Persian text only): every labelled municipality/category
        # should be visible in the text; every visible one should be labelled unless it
        # sits inside the labelled project's name or the intent carries no entities.
        nt = _words(text)
        if _PERSIAN.search(text) and intent not in NO_ENTITY_INTENTS:
            pname = _norm(proj["name_fa"]) if proj else ""
            for slug, nm in mun_names.items():
                present = _has(nt, MUNICIPALITIES[slug])
                labelled = slug in (ents.get("municipality"), ents.get("compare_municipality"))
                if present and not labelled and nm not in pname:
                    warnings.append(f"{where}: mentions {slug} but it is not labelled")
                if labelled and not present:
                    warnings.append(f"{where}: {slug} labelled but its name is not in the text")
            for slug, syns in CATEGORIES.items():
                hit = [s for s in syns if _has(nt, s) and _norm(s) not in pname]
                if hit and ents.get("category") != slug and not proj:
                    warnings.append(f"{where}: category word(s) {hit} ({slug}) unlabelled")
                if ents.get("category") == slug and not hit:
                    warnings.append(f"{where}: category {slug} labelled, no listed synonym in text")
    counts = Counter(r["intent"] for r in rows)
    for intent, n in TARGET.items():
        if counts[intent] != n:
            errors.append(f"intent {intent}: {counts[intent]} lines, target {n}")
    # nothing may be copied or closely paraphrased from the dev set
    if DEV.exists():
        dev = [
            json.loads(l)["text"] for l in DEV.read_text(encoding="utf-8").splitlines() if l.strip()
        ]
        dn = [_norm(t) for t in dev]
        for r in rows:
            a = _norm(r["text"])
            if len(a) < 8:  # tiny fragments ("hi", "menu") can't be meaningfully compared
                continue
            for t, b in zip(dev, dn, strict=False):
                ratio = difflib.SequenceMatcher(None, a, b).ratio()
                if ratio >= 0.75:
                    errors.append(f"too close to dev ({ratio:.2f}): {r['text']!r} ~ {t!r}")
    return errors, warnings


def main() -> int:
    rows = [resolve(ex) for ex in EXAMPLES]
    errors, warnings = validate(rows)
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    if errors:
        return 1
    counts = Counter(r["intent"] for r in rows)
    todays = Counter(r["today"] for r in rows)
    finglish = sum(1 for r in rows if not _PERSIAN.search(r["text"]))
    print(f"{len(rows)} lines; todays {dict(todays)}; latin-script lines {finglish}")
    for intent, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {intent:16s} {n}")
    if "--check" not in sys.argv:
        with open(OUT, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print("wrote", OUT.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
