#!/usr/bin/env python3
"""Build tests/otherdata4/questions.jsonl: an independent NLU evaluation set over tests/otherdata4/dataset.

A stand-in for the hidden test ("differently phrased questions over a different dataset"): other
towns (تربت جام، گناباد، چناران، سرخس، فریمان، تایباد), other category slugs and synonyms, other
projects (codes K-401…K-426). Written without reading nlp/, data/nlu/ or any other evaluation set:
only CONTRACT.md sections 3-4 and the conventions of ../shared/eval/dev.jsonl were consulted.
Intent mix, Finglish share and `today` follow dev.jsonl. Run: python tests/otherdata4/build.py [--check]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evalkit import *

HERE = Path(__file__).resolve().parent
use_dataset(HERE / "dataset")
OUT = HERE / "questions.jsonl"

# same proportions as ../shared/eval/dev.jsonl (160 lines)
TARGET = {
    "vat_share": 24,
    "project_list": 18,
    "project_info": 18,
    "vat_spending": 12,
    "out_of_scope": 12,
    "vat_compare": 10,
    "tax_calculator": 10,
    "faq": 10,
    "feedback": 9,
    "report": 8,
    "feedback_status": 5,
    "subscribe": 5,
    "unsubscribe": 5,
    "greeting": 5,
    "help": 5,
    "thanks": 4,
}

# today is 1405-09-08 (8 Azar 1405) for every line, as in dev.jsonl:
# امسال = 1405, پارسال = 1404, پیارسال = 1403, ماه گذشته = 1405-08,
# a month name without a year: 1..9 -> 1405, 10..12 -> 1404.

# ----------------------------------------------------------------- vat_share (24)
E(
    "شهرداری گناباد سال ۱۴۰۳ چه مبلغی از ارزش افزوده سهم برد؟",
    "vat_share",
    municipality="gonabad",
    period=YEAR(1403),
)
E(
    "چه مقدار عوارض ارزش افزوده در مهر امسال به شهرداری تربت جام رسید؟",
    "vat_share",
    municipality="torbat-jam",
    period=MONTH(7, "this"),
)
E("دو ماه اخیر چقدر ارزش افزوده به حساب شهرداری واریز شده؟", "vat_share", period=last_n(2))
E("سهم ارزش افزوده پارسال مشهد رو بگو", "vat_share", municipality="mashhad", period=LAST_YEAR)
E(
    "sahme chenaran az arzesh afzoode too sale 1404 cheghadr bood?",
    "vat_share",
    municipality="chenaran",
    period=YEAR(1404),
)
E("بهمن ماه چقدر پول از مالیات ارزش افزوده نصیب شهرداری شد؟", "vat_share", period=MONTH(11))
E("سهم سرخس از ارزش افزوده", "vat_share", municipality="sarakhs")
E(
    "در پاییز ۱۴۰۳ شهرداری فریمان چقدر ارزش افزوده دریافت کرد؟",
    "vat_share",
    municipality="fariman",
    period=QUARTER(3, 1403),
)
E(
    "ارزش‌افزوده‌ای که امسال به تایباد تعلق گرفته چقدره؟",
    "vat_share",
    municipality="taybad",
    period=THIS_YEAR,
)
E(
    "سهم شهرداری از ارزش افزوده در نیمه دوم پارسال چند میلیارد بود",
    "vat_share",
    period=HALF(2, "last"),
)
E(
    "سلام خسته نباشید. من کاسبم و هر فصل کلی مالیات ارزش افزوده پرداخت می‌کنم. دوست دارم بدونم "
    "شهرداری گناباد از این مالیات‌ها در سال ۱۴۰۲ جمعاً چقدر سهم گرفته. اگه ممکنه دقیق بگید، سپاس",
    "vat_share",
    municipality="gonabad",
    period=YEAR(1402),
)
E("ماه قبل سهم ارزش افزوده شهرداری چقدر شد؟", "vat_share", period=LAST_MONTH)
E(
    "در تير ۱۴۰۴ چه رقمی از محل ارزش افزوده به حساب شهرداري نشست؟",
    "vat_share",
    period=MONTH(4, 1404),
)
E(
    "از خرداد تا مرداد امسال چه قدر ارزش افزوده به شهرداری رسید",
    "vat_share",
    period=MONTHS(3, 5, "this"),
)
E(
    "پیارسال سهم شهرداری تربت جام از vat چقدر بود",
    "vat_share",
    municipality="torbat-jam",
    period=YEAR_BEFORE_LAST,
)
E("چقدر عوارض ارزش افزوده به شهر ما داده شده؟", "vat_share")
E(
    "سهم ارزش افزوده زمستان ۱۴۰۳ برای شهرداری سرخس",
    "vat_share",
    municipality="sarakhs",
    period=QUARTER(4, 1403),
)
E("طی ۴ ماه گذشته مبلغ واریزی سهم ارزش افزوده شهر چند بوده؟", "vat_share", period=last_n(4))
E(
    "سه‌ماهه سوم ۱۴۰۴ سهم شهرداری از مالیات بر ارزش افزوده چقدر شد",
    "vat_share",
    period=QUARTER(3, 1404),
)
E(
    "فروردین امسال چقد ارزش افزوده به فریمان اومد؟",
    "vat_share",
    municipality="fariman",
    period=MONTH(1, "this"),
)
E(
    "شهرداری تایباد تو ١٤٠٠ چقدر ارزش افزوده گرفت",
    "vat_share",
    municipality="taybad",
    period=YEAR(1400),
)
E(
    "از ۱۴۰۲ تا ۱۴۰۴ روی هم چقدر سهم ارزش افزوده به شهر رسیده؟",
    "vat_share",
    period=YEARS(1402, 1404),
)
E("سهم ارزش افزوده ی شهرداری در ماه آبان", "vat_share", period=MONTH(8))
E(
    "مالیات ارزش افزود سال گذشته چناران چقد شد",
    "vat_share",
    municipality="chenaran",
    period=LAST_YEAR,
)

# --------------------------------------------------------------- vat_compare (10)
E(
    "سهم ارزش افزوده گناباد رو با فریمان مقایسه کن",
    "vat_compare",
    municipality="gonabad",
    compare_municipality="fariman",
)
E(
    "پارسال در مقایسه با پیارسال سهم ارزش افزوده شهرداری چقدر رشد کرد؟",
    "vat_compare",
    period=LAST_YEAR,
    compare_period=YEAR_BEFORE_LAST,
)
E(
    "مشهد و تربت جام در ۱۴۰۳ کدوم سهم بیشتری از ارزش افزوده داشتن؟",
    "vat_compare",
    municipality="mashhad",
    compare_municipality="torbat-jam",
    period=YEAR(1403),
)
E("تغییرات ماه به ماه سهم ارزش افزوده امسال", "vat_compare", period=THIS_YEAR)
E(
    "سهم ارزش افزوده شهریور ۱۴۰۵ نسبت به شهریور ۱۴۰۴ کم شده یا زیاد؟",
    "vat_compare",
    period=MONTH(6, 1405),
    compare_period=MONTH(6, 1404),
)
E(
    "نیمه اول ۱۴۰۴ با نیمه اول ۱۴۰۵ چه تفاوتی در دریافتی ارزش افزوده داشت",
    "vat_compare",
    period=HALF(1, 1404),
    compare_period=HALF(1, 1405),
)
E(
    "sahme vat chenaran bishtare ya sarakhs?",
    "vat_compare",
    municipality="chenaran",
    compare_municipality="sarakhs",
)
E("روند سهم ارزش افزوده تایباد", "vat_compare", municipality="taybad")
E(
    "سهم سرخس از ارزش افزوده در مقایسه با تایباد چطور بوده؟",
    "vat_compare",
    municipality="sarakhs",
    compare_municipality="taybad",
)
E(
    "سهم ارزش افزوده ۱۴۰۱ رو کنار ۱۴۰۰ بذار ببینم چقدر فرق کرده",
    "vat_compare",
    period=YEAR(1401),
    compare_period=YEAR(1400),
)

# -------------------------------------------------------------- vat_spending (12)
E("پول ارزش افزوده امسال خرج چه کارهایی شده؟", "vat_spending", period=THIS_YEAR)
E("از سهم ارزش افزوده چقدر برای پارک و فضای سبز هزینه شد؟", "vat_spending", category="parks")
E("در ۱۴۰۴ عوارض ارزش افزوده بیشتر صرف کدوم پروژه‌ها شد؟", "vat_spending", period=YEAR(1404))
E("سهم ارزش افزوده ماه گذشته به تفکیک حوزه چطوری خرج شد؟", "vat_spending", period=LAST_MONTH)
E(
    "چقدر از ارزش افزوده پارسال رفته برای قطار شهری؟",
    "vat_spending",
    category="transit",
    period=LAST_YEAR,
)
E("ارزش افزوده تربت جام خرج چی شد؟", "vat_spending", municipality="torbat-jam")
E(
    "hazine arzesh afzoode too bakhshe fazaye sabz sale 1404",
    "vat_spending",
    category="parks",
    period=YEAR(1404),
)
E(
    "بودجه ارزش افزوده در بهار ۱۴۰۵ چطور بین بخش‌ها تقسیم شد؟",
    "vat_spending",
    period=QUARTER(1, 1405),
)
E(
    "چه مقدار از پول مالیات ارزش افزوده به بافت فرسوده و بازآفرینی اختصاص پیدا کرد؟",
    "vat_spending",
    category="regeneration",
)
E(
    "در نیمه اول امسال چقدر ارزش افزوده صرف آتش‌نشانی و مدیریت بحران شده؟",
    "vat_spending",
    category="fire",
    period=HALF(1, "this"),
)
E(
    "هزینه‌کرد سهم ارزش افزوده برای زائرین در منطقه ثامن",
    "vat_spending",
    category="pilgrims",
    district="samen",
)
E(
    "سال ۱۴۰۳ از محل ارزش افزوده چقدر به جمع‌آوری پسماند و بازیافت رسید",
    "vat_spending",
    category="waste",
    period=YEAR(1403),
)

# -------------------------------------------------------------- project_list (18)
E("تو منطقه سه شهرداری چه طرح‌هایی در دست داره؟", "project_list", district="3")
E("پروژه‌هایی که متوقف شدن رو نشون بده", "project_list", status="suspended")
E("طرح‌های حمل و نقل همگانی تکمیل‌شده", "project_list", category="transit", status="completed")
E("چه پروژه‌هایی در گناباد اجرا میشه؟", "project_list", municipality="gonabad")
E("پروژه های در دست ساخت منطقه ۱۱", "project_list", district="11", status="in_progress")
E(
    "لیست پارک‌ها و بوستان‌هایی که الان در حال ساختن",
    "project_list",
    category="parks",
    status="in_progress",
)
E("proje haye mantaghe samen chia hastan?", "project_list", district="samen")
E("کدوم پروژه‌ها هنوز در مرحله طراحی هستن و قراره بعدا شروع بشن؟", "project_list", status="planned")
E("پروژه‌های ورزشی و فرهنگی منطقه ۴", "project_list", category="culture-sport", district="4")
E("طرح‌هایی که سال ۱۴۰۳ به بهره‌برداری رسیدن", "project_list", period=YEAR(1403), status="completed")
E("پروژه های آب‌های سطحی و کانال‌کشی کدوما هستن", "project_list", category="drainage")
E("همه پروژه‌های شهرداری تایباد", "project_list", municipality="taybad")
E("پروژه‌های زائر و گردشگری در دست اجرا", "project_list", category="pilgrims", status="in_progress")
E("پروژه هاي بافت فرسوده منطقه ۶ رو ليست كن", "project_list", category="regeneration", district="6")
E(
    "سلام. من دانشجوی شهرسازی هستم و برای تحقیق درسیم دنبال طرح‌های عمرانی‌ای هستم که امسال "
    "تو مشهد شروع شدن. میشه فهرستشون رو بدید؟",
    "project_list",
    municipality="mashhad",
    period=THIS_YEAR,
)
E("پروژه‌های راه‌سازی و تقاطع در مشهد", "project_list", category="streets", municipality="mashhad")
E("فهرست طرح‌های تکمیل‌شده و افتتاح‌شده", "project_list", status="completed")
E(
    "پروژه‌های در حال اجرای پسماند تو فریمان",
    "project_list",
    category="waste",
    status="in_progress",
    municipality="fariman",
)

# -------------------------------------------------------------- project_info (18)
E("خط ۴ قطار شهری کی به بهره برداری میرسه؟", "project_info", project="K-401")
E("روگذر سجاد چند درصد پیشرفت کرده؟", "project_info", project="K-402")
E("بودجه کل پروژه K-409 چقدره؟", "project_info", project="K-409")
E("مشخصات طرح k-412 رو بده", "project_info", project="K-412")
E("پارکینگ طبقاتی زائرین باب الجواد کی تموم میشه؟", "project_info", project="K-406")
E("بازآفرینی محله سرشور در چه وضعیتیه؟", "project_info", project="K-407")
E("ایستگاه آتش‌نشانی شماره ۶۴ چقدر خرج برداشت؟", "project_info", project="K-408")
E("زیرگذر خیام چرا متوقف شده؟", "project_info", project="K-410")
E("کانال آب‌های سطحی گلستان تا الان چقدر از ارزش افزوده پول گرفته؟", "project_info", project="K-411")
E("زائرشهر رضوی فاز دو کی شروع میشه؟", "project_info", project="K-413")
E(
    "بی آر تی طبرسی امسال چقدر بودجه ارزش افزوده گرفت؟",
    "project_info",
    project="K-415",
    period=THIS_YEAR,
)
E("کمربند سبز جنوب مشهد چقدر پیشرفت داشته؟", "project_info", project="K-416")
E("خانه فرهنگ التیمور کی افتتاح شد؟", "project_info", project="K-417")
E("تقاطع میدان امام علی تربت جام کی تموم میشه؟", "project_info", project="K-419")
E("zamin chaman sarakhs cheghadr hazine dasht?", "project_info", project="K-422")
E(
    "پیاده‌راه زائر نواب صفوی سال ۱۴۰۴ چقدر پول از ارزش افزوده گرفت",
    "project_info",
    project="K-424",
    period=YEAR(1404),
)
E("كتابخانه عمومي منطقه ۸ كي ساخته ميشه؟", "project_info", project="K-405")
E("محل دفن پسماند فریمان چند درصد جلو رفته؟", "project_info", project="K-426")

# ------------------------------------------------------------ tax_calculator (10)
E(
    "یه لپ‌تاپ ۴۵ میلیون تومنی خریدم، سهم شهرداری از مالیاتش چقدره؟",
    "tax_calculator",
    amount_rial=toman(45_000_000),
)
E(
    "اگر ۱/۲ میلیون تومان خرید کنم چند تومنش به شهر میرسه؟",
    "tax_calculator",
    amount_rial=toman(1_200_000),
)
E(
    "روی قبض خرید نوشته ۱۲۰ هزار ریال ارزش افزوده، سهم شهرداری چقدر میشه؟",
    "tax_calculator",
    amount_rial=rial(120_000),
)
E(
    "ye yakhchal 80 milion tomani kharidam, che ghadresh mire baraye shahrdari?",
    "tax_calculator",
    amount_rial=toman(80_000_000),
)
E(
    "برای یه خرید سه میلیون و هشتصد هزار تومنی، سهم شهرداری از مالیاتش و محل مصرفش رو بگو",
    "tax_calculator",
    amount_rial=toman(3_800_000),
)
E("از یک خرید ۹۰۰ هزار تومنی سهم شهر چقدره", "tax_calculator", amount_rial=toman(900_000))
E(
    "ماشین ۲ میلیارد و ۳۰۰ میلیون تومانی بخرم سهم شهرداری از ارزش افزوده اش چند میشه؟",
    "tax_calculator",
    amount_rial=toman(2_300_000_000),
)
E(
    "سلام، امروز رفتم فروشگاه و خرید ماهانه خونه رو انجام دادم، جمعش شد ۶ میلیون و ۷۵۰ هزار تومن. "
    "کنجکاو شدم بدونم از مالیات ارزش افزوده این خرید چه مقدار به شهرداری میرسه و صرف چه کارهایی میشه؟",
    "tax_calculator",
    amount_rial=toman(6_750_000),
)
E(
    "12500000 ریال مالیات ارزش افزوده پرداخت کردم، سهم شهر؟",
    "tax_calculator",
    amount_rial=rial(12_500_000),
)
E("۵۵٬۰۰۰ تومان خرید کنم چقدرش عوارض شهرداریه؟", "tax_calculator", amount_rial=toman(55_000))

# -------------------------------------------------------------------- report (8)
E("فایل گزارش سه‌ماهه سوم ۱۴۰۴ شهرداری کجاست؟", "report", period=QUARTER(3, 1404))
E("جدیدترین گزارش عملکرد مالی", "report")
E("گزارش سالانه ۱۴۰۴ تربت جام منتشر شده؟", "report", municipality="torbat-jam", period=YEAR(1404))
E("گزارش‌های مالی امسال", "report", period=THIS_YEAR)
E("گزارش مالی بهار پارسال رو میخوام", "report", period=QUARTER(1, "last"))
E("گزارشات شهرداری گناباد", "report", municipality="gonabad")
E("آرشیو گزارش‌های مالی رو کجا ببینم؟", "report")
E("گزارش دوره مهر تا آذر ۱۴۰۳", "report", period=MONTHS(7, 9, 1403))

# ----------------------------------------------------------------------- faq (10)
E("ارزش افزوده دقیقا یعنی چی؟", "faq")
E("چرا بخشی از مالیاتی که ما میدیم به شهرداری میرسه؟", "faq")
E("چند درصد ارزش افزوده مال شهرداریه؟", "faq")
E("اعداد این ربات رسمیه یا تخمینی؟", "faq")
E("عوارض شهرداری و مالیات بر ارزش افزوده چه ارتباطی با هم دارن؟", "faq")
E("سهم هر شهر از ارزش افزوده بر چه اساسی تعیین میشه؟", "faq")
E("آخرین بار کی آمار سامانه رو آپدیت کردید؟", "faq")
E("الان ارزش افزوده روی کالاها ۱۰ درصده یا ۹ درصد؟", "faq")
E("in samane shafaf male kodoom edare ast?", "faq")
E("پولی که از ارزش افزوده به شهرداری میرسه رو کی نظارت میکنه؟", "faq")

# ------------------------------------------------------------------ feedback (9)
E("یه انتقاد درباره پروژه‌ها دارم", "feedback")
E("کار روگذر سجاد خیلی کند پیش میره، مردم کلافه شدن", "feedback", project="K-402")
E("پیشنهاد: منطقه ۱۳ هم سهم عادلانه‌ای از پروژه‌ها داشته باشه", "feedback", district="13")
E("از پارک بانوان گناباد راضی هستم، دست مریزاد", "feedback", project="K-420")
E(
    "من تو منطقه ۴ زندگی میکنم، زیرگذر خیام یه ساله خوابیده و کسی جواب نمیده",
    "feedback",
    district="4",
    project="K-410",
)
E("نظرم درباره سامانه: کاش نقشه پروژه‌ها هم بود", "feedback")
E(
    "سلام. من ساکن محله سرشور هستم. از وقتی پروژه بازآفرینی شروع شده کوچه‌ها پر از نخاله است "
    "و هیچ کس جمعش نمیکنه. لطفا پیگیری کنید.",
    "feedback",
    project="K-407",
)
E("میخوام درباره کمربند سبز جنوب مشهد یه نظر ثبت کنم", "feedback", project="K-416")
E("ثبت شکایت: تو منطقه ثامن شب‌ها روشنایی کوچه‌ها خیلی کمه", "feedback", district="samen")

# ----------------------------------------------------------- feedback_status (5)
E("کد پیگیری من TR-88120 هست، به کجا رسید؟", "feedback_status", tracking_code="TR-88120")
E("نتیجه شکایت ۴۵۶۱۲ چی شد؟", "feedback_status", tracking_code="45612")
E(
    "انتقادم رو با کد fb-1405-1122 فرستادم، بررسی شد؟",
    "feedback_status",
    tracking_code="FB-1405-1122",
)
E("وضعیت پیام‌هایی که فرستادم", "feedback_status")
E("پیشنهادم با شماره ۳۰۹۸۷ ثبت شد، جوابش اومده؟", "feedback_status", tracking_code="30987")

# ------------------------------------------------------------------ subscribe (5)
E("میخوام مشترک گزارش‌های ماهانه بشم", "subscribe")
E("خلاصه گزارش‌ها هر هفته برام بیاد", "subscribe")
E("ثبت نام برای دریافت گزارش", "subscribe")
E("هر وقت گزارش جدید گناباد منتشر شد خبرم کن", "subscribe", municipality="gonabad")
E("عضویت در اطلاع‌رسانی ماهانه", "subscribe")

# ---------------------------------------------------------------- unsubscribe (5)
E("اشتراکم رو لغو کن", "unsubscribe")
E("نمیخوام دیگه پیام گزارش بگیرم", "unsubscribe")
E("خروج از خبرنامه", "unsubscribe")
E("ارسال خلاصه هفتگی رو متوقف کن", "unsubscribe")
E("عضویتم رو کنسل کن", "unsubscribe")

# --------------------------------------------------------- greeting / help / thanks
E("سلام خسته نباشید", "greeting")
E("صبح بخیر", "greeting")
E("درود", "greeting")
E("salaam, vaghtet bekheir", "greeting")
E("سلام دوست عزیز", "greeting")

E("چطوری از این ربات استفاده کنم؟", "help")
E("منو", "help")
E("چه امکاناتی داری؟", "help")
E("یه مثال بزن چی میتونم بپرسم", "help")
E("کمک", "help")

E("سپاس فراوان", "thanks")
E("مرسی از راهنماییت", "thanks")
E("ممنونم، کارم راه افتاد", "thanks")
E("kheili mamnoon", "thanks")

# -------------------------------------------------------------- out_of_scope (12)
E("جریمه رانندگی‌ام رو چطوری استعلام کنم؟", "out_of_scope")
E("پروانه ساخت از شهرداری چطوری بگیرم؟", "out_of_scope")
E("ساعت کاری شهرداری تربت جام چیه؟", "out_of_scope")
E("قیمت طلا امروز", "out_of_scope")
E("بهترین رستوران مشهد کجاست؟", "out_of_scope")
E("مالیات خودروهای لوکس کی باید پرداخت بشه؟", "out_of_scope")
E("برام یه شعر بگو", "out_of_scope")
E("کد اقتصادی چطوری بگیرم؟", "out_of_scope")
E("بلیت اتوبوس فرودگاه چنده؟", "out_of_scope")
E("شماره تلفن آتش‌نشانی چیه؟", "out_of_scope")
E("وام مسکن چقدر شده؟", "out_of_scope")
E("عوارض خروج از کشور چقدره؟", "out_of_scope")

if __name__ == "__main__":
    raise SystemExit(main(OUT, TARGET))
