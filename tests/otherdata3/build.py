#!/usr/bin/env python3
"""Build tests/otherdata3/questions.jsonl: an NLU evaluation set over a DIFFERENT invented dataset.

The dataset (tests/otherdata3/dataset) has 7 municipalities (Mashhad with districts 1..13 and
ثامن, plus Golbahar, Shandiz, Torghabeh, Soltanabad, Farhadgerd and Neghab; Golbahar and Torghabeh
have districts 1-2), 10 categories with their own slugs and synonyms, and 45 projects SH-2201..SH-2245.

Written without reading nlp/, data/nlu/, tests/heldout, tests/blind, tests/nlp, tests/otherdata*,
the examples of tests/fresh or any other evaluation set: only CONTRACT.md section 4, the labelling
conventions of ../shared/eval/dev.jsonl and tests/evalkit.py were consulted. Nothing here was run
through the bot. Run: python tests/otherdata3/build.py [--check]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evalkit import *

HERE = Path(__file__).resolve().parent
use_dataset(HERE / "dataset")
OUT = HERE / "questions.jsonl"

TARGET = {
    "vat_share": 22,
    "project_info": 26,
    "project_list": 20,
    "vat_spending": 15,
    "vat_compare": 15,
    "out_of_scope": 20,
    "faq": 13,
    "tax_calculator": 11,
    "feedback": 14,
    "feedback_status": 5,
    "report": 6,
    "subscribe": 4,
    "unsubscribe": 4,
    "greeting": 1,
    "help": 2,
    "thanks": 2,
}

# other "today"s, to move the relative periods around
T_SUMMER = "1405-05-20"  # امرداد ۱۴۰۵
T_SPRING = "1405-03-02"  # early Khordad 1405
T_WINTER = "1405-11-12"  # Bahman 1405 (beyond the data; the period rules do not care)

# ------------------------------------------------------------------ vat_share (22)
E(
    "سلام آقا، من کشاورزم از فرهادگرد. امسال چقد از این مالیات ارزش افزوده به شهرداری خودمون رسیده؟",
    "vat_share",
    T_ESFAND,
    municipality="farhadgerd",
    period=THIS_YEAR,
)
E(
    "شهرداری گلبهار تو سه ماه اخیر چقدر سهم ارزش افزوده گرفته",
    "vat_share",
    T_SUMMER,
    municipality="golbahar",
    period=last_n(3),
)
E(
    "سهم ارزش‌افزوده طرقبه در شهریور ۱۴۰۴",
    "vat_share",
    municipality="torghabeh",
    period=MONTH(6, 1404),
)
E(
    "چقدر پول ارزش افزوده اسفند به مشهد واریز شد؟",
    "vat_share",
    T_NOWRUZ,
    municipality="mashhad",
    period=MONTH(12),
)
E(
    "سلام دخترم خدا خیرت بده میخواستم بپرسم این پولی که از مالیات ارزش افزوده به شهرداری مشهد "
    "میدن پارسال روی هم رفته چقدر شده بود",
    "vat_share",
    T_NOWRUZ,
    municipality="mashhad",
    period=LAST_YEAR,
)
# «سلطان اباد» written with a space and no madda: a deliberate misspelling (kit warns)
E("سلطان اباد ۱۴۰۳ چقدر از vat سهم برد", "vat_share", municipality="soltanabad", period=YEAR(1403))
E(
    "نقابیا ماه قبل چند تومن از ارزش افزوده گیرشون اومد؟",
    "vat_share",
    T_SPRING,
    municipality="neghab",
    period=LAST_MONTH,
)
E(
    "sahme vat shandiz too 6 mahe aval 1404 cheghad bood?",
    "vat_share",
    municipality="shandiz",
    period=HALF(1, 1404),
)
E(
    "برای گزارش جلسه شورا لازم دارم: مجموع سهم شهرداری مشهد از مالیات بر ارزش افزوده از ابتدای "
    "مهر تا پایان آذر ۱۴۰۴ چه رقمی بوده است؟",
    "vat_share",
    municipality="mashhad",
    period=MONTHS(7, 9, 1404),
)
E("ارزش افزوده گلبهار", "vat_share", municipality="golbahar")
E(
    "رقم عوارض ارزش افزوده‌ای که پیارسال واریز شد رو دارید؟",
    "vat_share",
    T_ESFAND,
    period=YEAR_BEFORE_LAST,
)
E(
    "تو زمستون ۱۴۰۳ شهرداری شاندیز چقدر از ارزش افزوده پول گرفت؟",
    "vat_share",
    municipality="shandiz",
    period=QUARTER(4, 1403),
)
E(
    "سهم شهرداري طرقبه از ماليات ارزش افزوده در ارديبهشت امسال",
    "vat_share",
    T_SUMMER,
    municipality="torghabeh",
    period=MONTH(2, "this"),
)
E(
    "۴ ماه گذشته چقدر vat به حساب شهرداری فرهادگرد نشسته؟",
    "vat_share",
    T_WINTER,
    municipality="farhadgerd",
    period=last_n(4),
)
E(
    "bro mashhad emsal chand milliard az arzesh afzoode gerefte?",
    "vat_share",
    municipality="mashhad",
    period=THIS_YEAR,
)
E(
    "مبلغ واریزی سهم ارزش افزوده به شهرداری در فروردین",
    "vat_share",
    T_NOWRUZ,
    period=MONTH(1),
)
E(
    "من وانت‌بار دارم تو نقاب، میگن شهرداری ما از مالیات ارزش افزوده کلی پول میگیره، "
    "سال ۱۴۰۴ دقیقا چقدر بوده؟",
    "vat_share",
    municipality="neghab",
    period=YEAR(1404),
)
E(
    "از اول ۱۴۰۲ تا آخر ۱۴۰۳ جمعا چقد سهم ارزش افزوده به مشهد رسید",
    "vat_share",
    municipality="mashhad",
    period=YEARS(1402, 1403),
)
E(
    "سهم vat تابستون امسال برای طرقبه",
    "vat_share",
    T_WINTER,
    municipality="torghabeh",
    period=QUARTER(2, "this"),
)
E(
    "پارسال سلطان‌آباد روی هم چند میلیارد ریال از ماليات ارزش افزوده نصیبش شد؟",
    "vat_share",
    T_MEHR,
    municipality="soltanabad",
    period=LAST_YEAR,
)
E(
    "ارزش افزوده واریزی به گلبهار از خرداد تا مرداد ۱۴۰۵ رو میخوام",
    "vat_share",
    municipality="golbahar",
    period=MONTHS(3, 5, 1405),
)
E(
    "کل پولی که نقاب تو بهار ۱۴۰۵ از ارزش افزوده گرفت",
    "vat_share",
    municipality="neghab",
    period=QUARTER(1, 1405),
)

# ------------------------------------------------------------------ vat_compare (15)
E(
    "مشهد بیشتر سهم ارزش افزوده میگیره یا گلبهار؟ نسبت به جمعیتشون میگم",
    "vat_compare",
    municipality="mashhad",
    compare_municipality="golbahar",
)
E(
    "سهم ارزش افزوده شاندیز و طرقبه رو تو ۱۴۰۴ کنار هم بذار",
    "vat_compare",
    municipality="shandiz",
    compare_municipality="torghabeh",
    period=YEAR(1404),
)
E(
    "امسال نسبت به پارسال سهم ارزش افزوده فرهادگرد چه تغییری کرده",
    "vat_compare",
    T_MEHR,
    municipality="farhadgerd",
    period=THIS_YEAR,
    compare_period=LAST_YEAR,
)
E(
    "روند ماه به ماه ارزش افزوده نقاب در سال ۱۴۰۳",
    "vat_compare",
    municipality="neghab",
    period=YEAR(1403),
)
E(
    "کدوم شهر خراسان تو ۱۴۰۴ بیشترین سهم ارزش افزوده رو گرفته؟",
    "vat_compare",
    period=YEAR(1404),
)
E(
    "شهریور ۱۴۰۵ در مقابل شهریور ۱۴۰۴، سهم vat مشهد بالا رفته؟",
    "vat_compare",
    municipality="mashhad",
    period=MONTH(6, 1405),
    compare_period=MONTH(6, 1404),
)
E(
    "golbahar ya soltanabad, kodoom bishtar arzesh afzoode gerefte 1403?",
    "vat_compare",
    municipality="golbahar",
    compare_municipality="soltanabad",
    period=YEAR(1403),
)
E(
    "برای مقایسه: سهم ارزش افزوده طرقبه در نیمه اول ۱۴۰۵ نسبت به نیمه اول ۱۴۰۴ چند درصد رشد داشته؟",
    "vat_compare",
    municipality="torghabeh",
    period=HALF(1, 1405),
    compare_period=HALF(1, 1404),
)
E(
    "هر سال میگید سهم ارزش افزوده بیشتر شده، پس چرا هیچی عوض نمیشه؟ روندش از ۱۴۰۱ تا ۱۴۰۴ رو "
    "نشون بدید ببینم",
    "vat_compare",
    period=YEARS(1401, 1404),
)
E(
    "بهار امسال و بهار پارسال گلبهار",
    "vat_compare",
    "1405-02-15",
    municipality="golbahar",
    period=QUARTER(1, "this"),
    compare_period=QUARTER(1, "last"),
)
E(
    "مقایسه سهم ارزش افزوده مهر و آبان امسال",
    "vat_compare",
    T_WINTER,
    period=MONTH(7, "this"),
    compare_period=MONTH(8, "this"),
)
E(
    "شهرهای کوچیک استان رو از نظر سهم ارزش افزوده ۱۴۰۴ رتبه‌بندی کن",
    "vat_compare",
    period=YEAR(1404),
)
E(
    "نقاب با فرهادگرد فرق زیادی داره تو گرفتن ارزش افزوده؟",
    "vat_compare",
    municipality="neghab",
    compare_municipality="farhadgerd",
)
E(
    "ارزش افزوده شهرداری در ۱۴۰۳ چند برابر ۱۴۰۱ شد؟",
    "vat_compare",
    period=YEAR(1403),
    compare_period=YEAR(1401),
)
E(
    "سهم vat مشهد ۱۴۰۴ vs ۱۴۰۳؟",
    "vat_compare",
    municipality="mashhad",
    period=YEAR(1404),
    compare_period=YEAR(1403),
)

# ------------------------------------------------------------------ vat_spending (15)
E("پولای ارزش افزوده امسال بیشتر خرج چی شده؟", "vat_spending", T_MEHR, period=THIS_YEAR)
E(
    "از ارزش افزوده شهرداری طرقبه چقد رفته برای آسفالت",
    "vat_spending",
    municipality="torghabeh",
    category="streets-paving",
)
E("سهم ارزش افزوده ۱۴۰۴ به تفکیک دسته‌بندی پروژه‌ها", "vat_spending", period=YEAR(1404))
E(
    "من معلمم و می‌خوام برای بچه‌های کلاس توضیح بدم پول مالیاتی که خانواده‌ها میدن کجا میره. "
    "میشه بگید سال گذشته شهرداری مشهد ارزش افزوده رو صرف چه پروژه‌هایی کرده؟",
    "vat_spending",
    T_SUMMER,
    municipality="mashhad",
    period=LAST_YEAR,
)
E(
    "کتابخونه‌ها از محل ارزش افزوده روی هم چقدر بودجه گرفتن؟",
    "vat_spending",
    category="culture-library",
)
E(
    "هزینه‌کرد سهم ارزش افزوده در منطقه ثامن برای خدمات زائرین در پاییز ۱۴۰۴",
    "vat_spending",
    district="samen",
    category="pilgrim-services",
    period=QUARTER(3, 1404),
)
E(
    "pool arzesh afzoode baraye metro chand kharj shode?",
    "vat_spending",
    category="public-transit",
)
E(
    "چند درصد سهم vat گلبهار صرف سیلاب و آبهای سطحی شد",
    "vat_spending",
    municipality="golbahar",
    category="floodwater",
)
E(
    "ماه قبل، ارزش افزوده رو دادید به چه طرح‌هایی؟ ریزش رو بدید",
    "vat_spending",
    T_SUMMER,
    period=LAST_MONTH,
)
E(
    "ورزشیا چقد از ارزش افزوده سهم بردن تو ۱۴۰۳",
    "vat_spending",
    category="sport-facilities",
    period=YEAR(1403),
)
E("نقاب پول ارزش‌افزوده‌اش رو پای چی گذاشته؟", "vat_spending", municipality="neghab")
E("از پول ارزش افزوده تو ناحیه شش چی ساختن؟", "vat_spending", district="6")
E(
    "سه ماه اخیر چقدر از ارزش افزوده برای جمع آوری زباله و پسماند هزینه شده",
    "vat_spending",
    T_SPRING,
    category="solid-waste",
    period=last_n(3),
)
E("بودجه ارزش افزوده آتش‌نشانی تو ۱۴۰۵", "vat_spending", category="fire-rescue", period=YEAR(1405))
E(
    "شاندیز از سهم ارزش افزوده‌اش تو نیمه دوم ۱۴۰۴ چقدر خرج بوستان و گردشگری کرد؟",
    "vat_spending",
    municipality="shandiz",
    category="parks-tourism",
    period=HALF(2, 1404),
)

# ------------------------------------------------------------------ project_list (20)
E("تو منطقه یازده چه کارای عمرانی دارید", "project_list", district="11")
E("پروژه‌های گلبهار", "project_list", municipality="golbahar")
E("پروژه‌های در دست ساخت ناحیه ۹", "project_list", district="9", status="in_progress")
E("کدوم پروژه‌ها متوقف شدن؟ اسمشونو بگید", "project_list", status="suspended")
E(
    "لیست سالن‌های ورزشی که شهرداری ساخته و تموم شده",
    "project_list",
    category="sport-facilities",
    status="completed",
)
E("proje haye torghabe ro bede", "project_list", municipality="torghabeh")
E(
    "طرح‌های بافت فرسوده که هنوز شروع نشده",
    "project_list",
    category="old-fabric",
    status="planned",
)
E(
    "ایستگاه‌های آتش‌نشانی جدید کجاها قراره ساخته بشه",
    "project_list",
    category="fire-rescue",
    status="planned",
)
E("پروژه‌های مربوط به زائرا تو ثامن", "project_list", district="samen", category="pilgrim-services")
E(
    "شاندیز چه پروژه‌ای داره که تموم شده باشه",
    "project_list",
    municipality="shandiz",
    status="completed",
)
E("کارایی که سال ۱۴۰۵ کلنگش خورده", "project_list", period=YEAR(1405))
E(
    "پروژه‌های کتابخونه و فرهنگسرا تو مشهد",
    "project_list",
    municipality="mashhad",
    category="culture-library",
)
E(
    "اتوبوس و مترو چه طرح‌هایی الان دست کاره؟",
    "project_list",
    category="public-transit",
    status="in_progress",
)
E("در منطقه 4 پروژه تکمیل شده داریم؟", "project_list", district="4", status="completed")
E(
    "ببخشید مادر جان من تو محله الهیه میشینم، منطقه دوازده. میخواستم ببینم شهرداری برامون چه "
    "کارایی کرده یا میخواد بکنه",
    "project_list",
    district="12",
)
E(
    "پروژه‌های سیلاب گلبهار ناحیه ۱",
    "project_list",
    municipality="golbahar",
    district="1",
    category="floodwater",
)
E("چه طرح‌هایی سال ۱۴۰۴ به بهره‌برداری رسید؟", "project_list", period=YEAR(1404), status="completed")
E("همه پروژه‌های فرهادگرد و وضعیتشون", "project_list", municipality="farhadgerd")
E(
    "پروژه ورزشی تو منطقه ۳ چی داریم؟",
    "project_list",
    district="3",
    category="sport-facilities",
)
E(
    "طرح‌های زباله و بازیافتی که وسط کار ول شدن",
    "project_list",
    category="solid-waste",
    status="suspended",
)

# ------------------------------------------------------------------ project_info (26)
E("تله کابین شاندیز کی راه میفته؟", "project_info", project="SH-2234")
E("خط پنج مترو چند درصد پیشرفت داره", "project_info", project="SH-2201")
E("بی ار تی معلم کی تموم میشه", "project_info", project="SH-2202")
E("زیرگذر توس چقدر خرج برداشته تا الان", "project_info", project="SH-2205")
E("وضعیت پروژه sh-2214", "project_info", project="SH-2214")
E(
    "پیاده راه امام رضا امسال چقد از ارزش افزوده گرفته",
    "project_info",
    T_ESFAND,
    project="SH-2208",
    period=THIS_YEAR,
)
E("زائرسرای باب الجواد کی شروع میشه", "project_info", project="SH-2209")
E("مسیل گلستان چرا خوابیده؟ چند درصدش انجام شده بود؟", "project_info", project="SH-2212")
E("حوضچه‌های سیلاب چهل بازه بودجه‌ش چنده", "project_info", project="SH-2213")
E("مرکز بازیافت توس چقد پیش رفته", "project_info", project="SH-2215")
E("كتابخانه آبكوه كي افتتاح شد", "project_info", project="SH-2217")
E("فرهنگسرای بهاران تا کی تموم میشه؟", "project_info", project="SH-2218")
E("استخر بانوان وکیل آباد چقدر هزینه داشته؟", "project_info", project="SH-2221")
E("زمین چمن پنجتن", "project_info", project="SH-2222")
E("ایستگاه آتش نشانی ۶۱ کی آماده میشه", "project_info", project="SH-2223")
E("بافت فرسوده سیس آباد چند درصد کار شده", "project_info", project="SH-2226")
E("bazafarini eltimur key tamoom mishe?", "project_info", project="SH-2227")
E(
    "بازارچه سرشور پارسال چقدر پول ارزش افزوده براش رفت",
    "project_info",
    T_MEHR,
    project="SH-2228",
    period=LAST_YEAR,
)
E("بوستان کوهستانی پردیس رو کی شروع کردن؟", "project_info", project="SH-2229")
E("اتوبوس تندرو گلبهار تا حالا چقدر از vat بهش رسیده؟", "project_info", project="SH-2231")
E("سیل بند ویرانی تموم شده؟", "project_info", project="SH-2235")
E(
    "سالن ورزشی کوهسار طرقبه چقدر بودجه داره",
    "project_info",
    municipality="torghabeh",
    project="SH-2238",
)
E(
    "کتابخونه فجر سلطان‌آباد کی افتتاح شد",
    "project_info",
    municipality="soltanabad",
    project="SH-2241",
)
E("بهسازی بافت قدیم فرهادگرد کی کلید میخوره", "project_info", project="SH-2242")
E(
    "در خصوص پروژه SH-2207 (تعریض بلوار نماز)، علت توقف و میزان پیشرفت فیزیکی تا امروز چیست؟",
    "project_info",
    project="SH-2207",
)
E(
    "کانال آب باران نقاب تو ۱۴۰۵ چقدر پول گرفته",
    "project_info",
    municipality="neghab",
    project="SH-2244",
    period=YEAR(1405),
)

# ------------------------------------------------------------------ out_of_scope (20)
E("مالیات بر ارث رو چطوری حساب می‌کنن؟", "out_of_scope")
E("عوارض خروج از کشور امسال چنده؟", "out_of_scope")
E("پروانه ساخت برای یه خونه ویلایی تو شاندیز چقدر طول میکشه", "out_of_scope")
E("شماره ۱۳۷ برای درخواست جمع‌آوری نخاله ساختمونی چیه؟", "out_of_scope")
E("قیمت بلیط تله کابین شاندیز چنده؟", "out_of_scope")
E("هوای طرقبه آخر هفته چطوره؟ میخوایم بریم کوه", "out_of_scope")
E("بازی پدیده و استقلال چند چند شد؟", "out_of_scope")
E("اسمت چیه؟ آدمی یا رباتی؟", "out_of_scope")
E("قبض عوارض پسماند رو از کجا پرداخت کنم", "out_of_scope")
E("مالیات ارزش افزوده مغازه‌م رو هر فصل چطوری اظهار کنم؟", "out_of_scope")
E("قیمت بنزین سهمیه‌ای چند شده؟", "out_of_scope")
E("bot to chand salete? dust dokhtar dari? :))", "out_of_scope")
E("کارت سوختم گم شده، المثنی از کجا بگیرم", "out_of_scope")
E("مالیات سالانه ماشینای لوکس رو کی باید بده؟", "out_of_scope")
E("فردا مدارس مشهد تعطیله؟", "out_of_scope")
E("کد رهگیری مرسوله پستیم 1234509876 رو چک کن ببین کجاست", "out_of_scope")
E("پلاک خونه‌مو عوض کردن، کد پستی جدید از کجا بگیرم؟", "out_of_scope")
E("مجوز کسب برای باز کردن نونوایی تو گلبهار چطوری میدن", "out_of_scope")
E("اجاره خونه تو ناحیه ۹ متری چند شده؟", "out_of_scope")
E("ساعت کاری کتابخانه آبکوه تا کیه؟", "out_of_scope")

# ------------------------------------------------------------------ faq (13)
E("اصلا این ارزش افزوده که رو فاکتور میزنن یعنی چی؟", "faq")
E("چرا باید بخشی از مالیات ارزش افزوده بره تو جیب شهرداری؟", "faq")
E("چند درصد از ارزش افزوده‌ای که ما میدیم به شهرداری برمی‌گرده؟", "faq")
E("اگه تو شاندیز خرید کنم، سهمش به شهرداری شاندیز میرسه یا مشهد؟", "faq")
E("این اعداد و ارقامتون رسمیه یا تخمینی؟", "faq")
E("شفاف مال کدوم نهاده؟ دولتیه؟", "faq")
E("ارزش افزوده رو کی بین شهرداری‌ها پخش می‌کنه و بر چه اساسی؟", "faq")
E("arzesh afzoode ba maliat bar daramad che farghi dare?", "faq")
E("نرخ ارزش افزوده از کی ده درصد شد؟", "faq")
E("چرا سهم ارزش افزوده هر ماه بالا پایین میشه؟", "faq")
E("دهیاری‌ها هم از ارزش افزوده سهم دارن؟", "faq")
E("داده‌های این بات ماهانه آپدیت میشه یا سالانه؟", "faq")
E("ارزش افزوده‌ای که شرکتا میدن هم به شهر میرسه یا فقط مال خریدای ما؟", "faq")

# ------------------------------------------------------------------ tax_calculator (11)
E(
    "یه یخچال خریدم یک و نیم میلیون تومن، چقدرش میرسه دست شهرداری؟",
    "tax_calculator",
    amount_rial=toman(1_500_000),
)
E(
    "من کود و سم برای باغ گرفتم ۱۸ میلیون، از مالیاتش چقدر به شهرداری طرقبه میرسه؟",
    "tax_calculator",
    municipality="torghabeh",
    amount_rial=toman(18_000_000),
)
E("لپ‌تاپ ۴۲ میلیون تومنی بخرم سهم شهر چقدره", "tax_calculator", amount_rial=toman(42_000_000))
E(
    "ye gooshi 25 milion kharidam, chand toomanesh be shahrdari mirese?",
    "tax_calculator",
    amount_rial=toman(25_000_000),
)
E(
    "فاکتور رستوران ۲ میلیون و ۳۰۰ هزار ریال شد، سهم شهرداری ازش چقدره",
    "tax_calculator",
    amount_rial=rial(2_300_000),
)
E(
    "اگه یه پراید ۹۰۰ میلیونی بخرم چقدر به شهرداری مشهد میرسه و خرج چی میشه",
    "tax_calculator",
    municipality="mashhad",
    amount_rial=toman(900_000_000),
)
E(
    "سیصد و پنجاه هزار تومن از هایپر خرید کردم، سهم شهر؟",
    "tax_calculator",
    amount_rial=toman(350_000),
)
E(
    "روی رسید خریدم نوشته مالیات و عوارض ۱۲۰ هزار تومان، چقدرش مال شهرداریه",
    "tax_calculator",
    amount_rial=toman(120_000),
)
E(
    "سهم شهرداری از ارزش افزوده یک فاکتور دو میلیارد ریالی چقدر میشه؟",
    "tax_calculator",
    amount_rial=rial(2_000_000_000),
)
E(
    "اگه سه میلیون تومن خرید کنم، سهم شهر چنده؟",
    "tax_calculator",
    amount_rial=toman(3_000_000),
)
E(
    "پسرم برای من یه سمعک خریده شصت و پنج میلیون تومن، میخواستم بدونم از این پول چیزی به "
    "شهرداری گلبهار میرسه؟",
    "tax_calculator",
    municipality="golbahar",
    amount_rial=toman(65_000_000),
)

# ------------------------------------------------------------------ feedback (14)
E(
    "از وقتی کار زیرگذر توس شروع شده ترافیک کشنده شده، لااقل شبا کار کنید!",
    "feedback",
    project="SH-2205",
)
E(
    "پیشنهاد: تو فرهادگرد یه کتابخونه درست حسابی بسازید، بچه‌ها جایی برای درس خوندن ندارن",
    "feedback",
    municipality="farhadgerd",
    category="culture-library",
)
E(
    "شکایت دارم از سیل‌بند ویرانی، بارون اومد باز آب افتاد تو باغا",
    "feedback",
    project="SH-2235",
)
E("تله کابین شاندیز داره طبیعت دره رو نابود میکنه، مخالفم", "feedback", project="SH-2234")
E("انتقاد: اطلاعات منطقه ۸ خیلی قدیمیه", "feedback", district="8")
E("یه پیشنهاد دارم برای بخش نظرسنجی خود ربات", "feedback")
E(
    "ممنون از شهرداری گلبهار بابت بوستان ارغوان، عالی شده",
    "feedback",
    municipality="golbahar",
    project="SH-2232",
)
E(
    "این همه پول ارزش افزوده میگیرید بعد آسفالت کوچه‌های ما تو منطقه ۱۳ پر از چاله‌ست!!! خجالت بکشید",
    "feedback",
    district="13",
    category="streets-paving",
)
E("میخوام درباره استخر وکیل آباد نظر بدم", "feedback", project="SH-2221")
E(
    "لطفاً ثبت کنید: ایستگاه‌های اسکان زائران پیاده منطقه ۱۲ سرویس بهداشتیش همیشه کثیفه",
    "feedback",
    district="12",
    project="SH-2210",
)
E("یه پیشنهاد برای طرقبه دارم: مسیر دوچرخه بسازید", "feedback", municipality="torghabeh")
E(
    "شکایت: بی آر تی معلم دو ساله مغازه‌های ما رو کساد کرده",
    "feedback",
    project="SH-2202",
)
E("انتقاد دارم به همین ربات، جوابات خیلی کلیه", "feedback")
E(
    "az proje bazafarini eltimur razi nistim, khooneha ro kharab kardan vali chizi nasakhtan",
    "feedback",
    project="SH-2227",
)

# ------------------------------------------------------------------ feedback_status (5)
E("کد پیگیری ۵۵۱۰۲ چی شد؟", "feedback_status", tracking_code="55102")
E("sh-fb-8842 وضعیتش؟", "feedback_status", tracking_code="SH-FB-8842")
E(
    "هفته پیش یه شکایت فرستادم، کدش FB-0931 بود، هنوز کسی جواب نداده",
    "feedback_status",
    tracking_code="FB-0931",
)
E("code peygiri 73019 javab dade?", "feedback_status", tracking_code="73019")
E("انتقادی که ثبت کردم به کجا رسید؟", "feedback_status")

# ------------------------------------------------------------------ report (6)
E(
    "گزارش شش‌ماهه اول ۱۴۰۵ مشهد منتشر شده؟",
    "report",
    municipality="mashhad",
    period=HALF(1, 1405),
)
E("گزارش مالی گلبهار برای سال ۱۴۰۴", "report", municipality="golbahar", period=YEAR(1404))
E("آخرین گزارشی که دادید کدومه؟", "report")
E("همه گزارشای مالی رو یجا بفرست", "report")
E("گزارش عملکرد تابستون پارسال شهرداری", "report", T_NOWRUZ, period=QUARTER(2, "last"))
E("pdf گزارش طرقبه رو دارید؟", "report", municipality="torghabeh")

# ------------------------------------------------------------------ subscribe (4)
E("هر ماه گزارش شاندیز رو برام بفرست", "subscribe", municipality="shandiz")
E("عضو اطلاع‌رسانی هفتگی بشم", "subscribe")
E("منم عضو کن که گزارشا خودکار بیاد برام", "subscribe")
E("اگه گزارش جدید فرهادگرد منتشر شد خبرم کن", "subscribe", municipality="farhadgerd")

# ------------------------------------------------------------------ unsubscribe (4)
E("دیگه نمی‌خوام پیام گزارش بگیرم، حذفم کنید", "unsubscribe")
E("اشتراک ماهانه رو لغو کن", "unsubscribe")
E("استاپ کن پیامارو، نمیخوامشون", "unsubscribe")
E("از لیست ارسال گزارش گلبهار درم بیار", "unsubscribe", municipality="golbahar")

# ------------------------------------------------------------------ greeting / help / thanks
E("سلام و عرض ادب خدمت دوستان شفاف", "greeting")
E("من تازه عضو شدم، اینجا به چه سوالایی جواب داده میشه؟", "help")
E("یه راهنما بده ببینم چی بلدی", "help")
E("قربون دستت، همینو میخواستم", "thanks")
E("tnx, kheili komak kard", "thanks")

if __name__ == "__main__":
    raise SystemExit(main(OUT, TARGET))
