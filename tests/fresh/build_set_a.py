#!/usr/bin/env python3
"""Build tests/fresh/set_a.jsonl: an independent NLU evaluation set over data/sample.

Written without reading nlp/, data/nlu/, tests/heldout, tests/blind or any other evaluation set:
only CONTRACT.md section 4, the labelling conventions of ../shared/eval/dev.jsonl and the CSVs in
data/sample were consulted. Run: python tests/fresh/build_set_a.py [--check]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evalkit import *
from fresh import TARGET

OUT = Path(__file__).resolve().parent / "set_a.jsonl"

# ---------------------------------------------------------------- examples
# E("text", "intent", today="1405-09-08", municipality="mashhad", period=LAST_YEAR, ...)

T_SUMMER = "1405-05-20"  # mid-summer 1405
T_SPRING = "1404-03-15"  # late spring 1404
T_WINTER = "1404-11-10"  # mid-winter 1404

# --- vat_share (24)
E(
    "با سلام و احترام خدمت عزیزان شفاف، بنده بازنشسته آموزش و پرورش هستم و سؤالی داشتم، "
    "میخواستم بدانم شهرداری مشهد در سال ۱۴۰۲ چه مبلغی از محل مالیات بر ارزش افزوده دریافت کرده است، با تشکر",
    "vat_share",
    municipality="mashhad",
    period=YEAR(1402),
)
E("سهم vat مشهد مهر ماه", "vat_share", today=T_WINTER, municipality="mashhad", period=MONTH(7))
E("چقدر ارزش افزوده اومده برای شهردرای تو آبان؟", "vat_share", today=T_NOWRUZ, period=MONTH(8))
E(
    "نیشابور امسال تا حالا چقدر از مالیات ارزش افزوده گرفته",
    "vat_share",
    today=T_WINTER,
    municipality="neyshabur",
    period=THIS_YEAR,
)
E(
    "سلام خسته نباشید میخواستم بپرسم سهم شهرداری سبزوار از مالیات بر ارزش افزوده تو تابستون پارسال چقدر شده ممنون",
    "vat_share",
    today=T_MEHR,
    municipality="sabzevar",
    period=QUARTER(2, "last"),
)
E(
    "sahme shahrdari mashhad az maliat arzesh afzoode too farvardin 1405 chand bood",
    "vat_share",
    municipality="mashhad",
    period=MONTH(1, 1405),
)
E(
    "مو مخم بدانم شهرداری ما ماه پیش چقه پیل ارزش افزوده گرفته",
    "vat_share",
    today=T_MEHR,
    period=LAST_MONTH,
)
E("ارزش‌افزوده‌ي گناباد ۱۴۰۴", "vat_share", municipality="gonabad", period=YEAR(1404))
E(
    "ميزان واريزي ماليات بر ارزش افزوده به حساب شهرداري كاشمر در شش ماه گذشته",
    "vat_share",
    today=T_ESFAND,
    municipality="kashmar",
    period=last_n(6),
)
E(
    "احتراماً خواهشمند است مبلغ کل سهم شهرداری تربت جام از درآمد مالیات بر ارزش افزوده در سه‌ماهه چهارم سال ۱۴۰۳ را اعلام فرمایید.",
    "vat_share",
    municipality="torbat-jam",
    period=QUARTER(4, 1403),
)
E(
    "پیارسال چناران چقد گرفت از ارزش افزوده",
    "vat_share",
    today=T_NOWRUZ,
    municipality="chenaran",
    period=YEAR_BEFORE_LAST,
)
E("سهم ارزش افزوده اسفند", "vat_share", today=T_NOWRUZ, period=MONTH(12))
E(
    "۱۲ ماه اخیر شهرداری مشهد چقدر پول مالیات ارزش افزوده دریافت کرد",
    "vat_share",
    today=T_SUMMER,
    municipality="mashhad",
    period=last_n(12),
)
E(
    "کل پولی که از ارزش افزوده به شهرداری مشهد رسیده از ۱۴۰۰ تا ۱۴۰۳ چقدره",
    "vat_share",
    municipality="mashhad",
    period=YEARS(1400, 1403),
)
E("سهم قوچان از vat", "vat_share", municipality="quchan")
E(
    "شهرداری امسال چقد پول از مالیات بر ارزش افزوده گرفته؟ امسال منظورم از فروردین تا حالاست",
    "vat_share",
    today=T_ESFAND,
    period=THIS_YEAR,
)
E(
    "از مهر تا آبان امسال سهم ارزش افزوده تربت حیدریه چند میلیارد شد؟",
    "vat_share",
    municipality="torbat-heydarieh",
    period=MONTHS(7, 8, "this"),
)
E(
    "نیمه اول ۱۴۰۴ چقدر ارزش افزوده به مشهد رسیده",
    "vat_share",
    municipality="mashhad",
    period=HALF(1, 1404),
)
E(
    "arzesh afzoode sabzevar parsal cheghad shod",
    "vat_share",
    today=T_SPRING,
    municipality="sabzevar",
    period=LAST_YEAR,
)
E("شهرداری در خرداد 1405 چقدر از محل ارزش‌افزوده درآمد داشته", "vat_share", period=MONTH(3, 1405))
E(
    "سلام ببخشید مزاحم شدم، پسرم گفت این ربات رو نصب کنم. حاج آقا من مغازه دارم تو بازار و هر ماه کلی "
    "ارزش افزوده میدم، میخواستم ببینم پارسال کل سهمی که به شهرداری خودمون رسیده چقد بوده",
    "vat_share",
    today=T_ESFAND,
    period=LAST_YEAR,
)
E(
    "نیشابور طی سه ماه اخیر چه مبلغ بابت ارزش افزوده دریافت کرده؟",
    "vat_share",
    today=T_MEHR,
    municipality="neyshabur",
    period=last_n(3),
)
E(
    "واريزي ارزش افزوده دي ماه ۱۴۰۳ به مشهد",
    "vat_share",
    municipality="mashhad",
    period=MONTH(10, 1403),
)
E(
    "بهار امسال شهرداری گناباد چقدر سهم ارزش افزوده داشت؟",
    "vat_share",
    today=T_SUMMER,
    municipality="gonabad",
    period=QUARTER(1, "this"),
)

# --- vat_compare (16)
E(
    "امسال نسبت به پارسال سهم مشهد از ارزش افزوده چند درصد رشد کرده؟",
    "vat_compare",
    today=T_NOWRUZ,
    municipality="mashhad",
    period=THIS_YEAR,
    compare_period=LAST_YEAR,
)
E(
    "سبزوار تو ۱۴۰۳ از نظر پول ارزش افزوده جلوتر بوده یا نیشابور؟",
    "vat_compare",
    municipality="sabzevar",
    compare_municipality="neyshabur",
    period=YEAR(1403),
)
E(
    "روند سهم vat شهرداری مشهد از ۱۴۰۰ تا ۱۴۰۴ رو نشونم بده، رو به رشده یا نه",
    "vat_compare",
    municipality="mashhad",
    period=YEARS(1400, 1404),
)
E(
    "مهر امسال بیشتر ارزش افزوده گرفتیم یا مهر پارسال؟",
    "vat_compare",
    today=T_WINTER,
    period=MONTH(7, "this"),
    compare_period=MONTH(7, "last"),
)
E(
    "کاشمر و گناباد کدوم سهم بیشتری از مالیات ارزش افزوده میگیرن",
    "vat_compare",
    municipality="kashmar",
    compare_municipality="gonabad",
)
E(
    "خواهشمند است تغییرات سهم مالیات بر ارزش افزوده شهرداری مشهد در نیمه اول ۱۴۰۵ در قیاس با نیمه اول ۱۴۰۴ ارائه گردد",
    "vat_compare",
    municipality="mashhad",
    period=HALF(1, 1405),
    compare_period=HALF(1, 1404),
)
E(
    "اسفند پارسال با فروردین امسال چه فرقی داشت از نظر پول ارزش افزوده",
    "vat_compare",
    today=T_NOWRUZ,
    period=MONTH(12, "last"),
    compare_period=MONTH(1, "this"),
)
E(
    "مشهد و سبزوار کودامش پارسال بیشتر ارزش افزوده گرفتن؟",
    "vat_compare",
    today=T_MEHR,
    municipality="mashhad",
    compare_municipality="sabzevar",
    period=LAST_YEAR,
)
E("سهم ارزش افزوده تو این دو سه سال اخیر بالا رفته یا پایین اومده؟", "vat_compare")
E(
    "نمودار ماهانه واریزی ارزش افزوده قوچان در سال جاری",
    "vat_compare",
    today=T_WINTER,
    municipality="quchan",
    period=THIS_YEAR,
)
E(
    "پاییز ۱۴۰۴ رو با پاییز ۱۴۰۳ مقایسه کن، سهم شهرداری از مالیات بر ارزش افزوده",
    "vat_compare",
    period=QUARTER(3, 1404),
    compare_period=QUARTER(3, 1403),
)
E(
    "تربت حیدریه بیشتر از تربت‌جام ارزش افزوده میگیره؟",
    "vat_compare",
    municipality="torbat-heydarieh",
    compare_municipality="torbat-jam",
)
E(
    "سلام میخواستم ببینم پول ارزش افزوده ای که امسال به شهرداری چناران رسیده از پارسال کمتره یا بیشتر",
    "vat_compare",
    today=T_ESFAND,
    municipality="chenaran",
    period=THIS_YEAR,
    compare_period=LAST_YEAR,
)
E("رشد سالانه سهم ارزش افزوده مشهد", "vat_compare", municipality="mashhad")
E(
    "آبان امسال در مقایسه با مهر امسال واریزی ارزش افزوده کم شده؟",
    "vat_compare",
    period=MONTH(8, "this"),
    compare_period=MONTH(7, "this"),
)
E(
    "سهم نیشابور از مالیات ارزش افزوده رو کنار سهم مشهد بذار ببینم چقدر فاصله دارن",
    "vat_compare",
    municipality="neyshabur",
    compare_municipality="mashhad",
)

# --- vat_spending (16)
E(
    "پول مالیات ارزش افزوده امسال خرج چه کارایی شده؟",
    "vat_spending",
    today=T_SUMMER,
    period=THIS_YEAR,
)
E(
    "از سهم ارزش افزوده ۱۴۰۴ چقدرش رفته برای مترو و قطار شهری",
    "vat_spending",
    period=YEAR(1404),
    category="transport",
)
E(
    "چند درصد پول ارزش افزوده پارسال صرف فضای سبز و پارک‌ها شد",
    "vat_spending",
    today=T_MEHR,
    period=LAST_YEAR,
    category="green",
)
E(
    "خواهشمند است صورت هزینه‌کرد سهم مالیات بر ارزش افزوده شهرداری نیشابور به تفکیک حوزه‌ها ارسال گردد",
    "vat_spending",
    municipality="neyshabur",
)
E("تو منطقه ۹ پول ارزش افزوده رو برای چی هزینه کردن؟", "vat_spending", district="9")
E(
    "خدمات زائران و اطراف حرم از پول ارزش افزوده چقدر سهم داشته؟",
    "vat_spending",
    category="pilgrims",
)
E(
    "بافت فرسوده و حاشیه شهر چقدر از ارزش افزوده بهشون رسیده تو ۶ ماه گذشته",
    "vat_spending",
    today=T_NOWRUZ,
    category="renewal",
    period=last_n(6),
)
E(
    "سلام اقا ببخشید این همه پول که از ما  مالیات ارزش افزوده میگیرن اخرش به کجا میرسه کدوم پروژه ها خرج شده تو سه ماهه  اول امسال",
    "vat_spending",
    today=T_WINTER,
    period=QUARTER(1, "this"),
)
E("سهم زباله و بازیافت از خرج ارزش افزوده", "vat_spending", category="environment")
E(
    "پارسال از پول vat چقدر خرج آتش نشانی و ایمنی شد",
    "vat_spending",
    today=T_SPRING,
    period=LAST_YEAR,
    category="safety",
)
E("پیل ارزش افزوده ره کجه خرج کردن؟", "vat_spending")
E(
    "هزینه کرد ارزش افزوده در حوزه فرهنگی و ورزشی طی ۱۴۰۳",
    "vat_spending",
    period=YEAR(1403),
    category="culture",
)
E(
    "ریز خرج کرد ارزش‌افزوده توی آذرماه، پروژه به پروژه",
    "vat_spending",
    today=T_ESFAND,
    period=MONTH(9),
)
E("برای معلولان و سالمندان هیچ پولی از ارزش افزوده خرج شده؟", "vat_spending", category="social")
E(
    "ارزش افزوده سبزوار صرف چی شده امسال",
    "vat_spending",
    today=T_SUMMER,
    municipality="sabzevar",
    period=THIS_YEAR,
)
E("از پول ارزش افزوده چقدر خرج آسفالت خیابونا شده؟", "vat_spending", category="roads")

# --- project_list (20)
E("پروژه های منطقه ثامن که در حال اجراست", "project_list", district="samen", status="in_progress")
E("پروژه‌های سبزوار", "project_list", municipality="sabzevar")
E(
    "لیست پارک‌ها و بوستان‌هایی که ساخته شده و افتتاح شدن",
    "project_list",
    category="green",
    status="completed",
)
E("پروژه‌های متوقف شده رو بگو", "project_list", status="suspended")
E("منطقه سیزده چه پروژه‌ای داره", "project_list", district="13")
E(
    "سلام من ساکن منطقه ۱۰ هستم میخواستم ببینم تو منطقه ما چه پروژه هایی قراره شروع بشه",
    "project_list",
    district="10",
    status="planned",
)
E("پروژه های حمل و نقل عمومی مشهد", "project_list", municipality="mashhad", category="transport")
E(
    "کارهای عمرانی که امسال تموم شدن",
    "project_list",
    today=T_ESFAND,
    period=THIS_YEAR,
    status="completed",
)
E(
    "پروژه‌های نوسازی بافت فرسوده که در دست اجرا هستن",
    "project_list",
    category="renewal",
    status="in_progress",
)
E("کدوم تقاطع‌ها و زیرگذرها در دست ساختن؟", "project_list", category="roads", status="in_progress")
E("منطقه دو پروژه فرهنگي چي داره؟", "project_list", category="culture", district="2")
E(
    "پروژه‌هایی که تو مشهد خوابیده و کسی روشون کار نمیکنه",
    "project_list",
    today=T_MEHR,
    municipality="mashhad",
    status="suspended",
)
E(
    "ایستگاه آتش نشانی جدید قراره کجاها ساخته بشه؟",
    "project_list",
    category="safety",
    status="planned",
)
E(
    "فهرست طرح‌های حوزه خدمات شهری در منطقه ۷ را ارسال فرمایید",
    "project_list",
    category="services",
    district="7",
)
E("پروزه‌های منطقه ۶ رو یکجا میخوام ببینم", "project_list", district="6")
E("چه پروژه‌هایی پارسال کلنگ زده شدن", "project_list", today=T_NOWRUZ, period=LAST_YEAR)
E("پروژه‌های تکمیل‌شده‌ی تربت جام", "project_list", municipality="torbat-jam", status="completed")
E("زمین ورزشی و سالن تو منطقه ۵ چی دارین", "project_list", category="culture", district="5")
E("mikhastam bedoonam projehaye motevaghef shode koja hastan", "project_list", status="suspended")
E(
    "برای گرمخانه و بی‌خانمان‌ها و کلا خدمات اجتماعی چه پروژه‌هایی در حال ساخته؟",
    "project_list",
    category="social",
    status="in_progress",
)

# --- project_info (22)
E("خط ۴ قطار شهری کی تموم میشه؟", "project_info", project="P-1001")
E("زیرگذر چهارراه خیام چند درصد پیشرفت داره", "project_info", project="P-1007")
E("روگذر بلوار توس چرا متوقف شده؟", "project_info", project="P-1009")
E("بوستان ولایت منطقه ۱۲ کی افتتاح شد", "project_info", project="P-1014")
E("بوستان ولایت منطقه ۳", "project_info", project="P-1013")
E("پایانه الهیه بودجه‌ش چقدره", "project_info", project="P-1005")
E("پروژه p-1032 تا حالا چقدر از ارزش افزوده گرفته", "project_info", project="P-1032")
E(
    "پارکینگ طبقاتی باب‌الجواد کی آماده میشه؟ هر بار میرم زیارت جای پارک پیدا نمی‌کنم",
    "project_info",
    project="P-1022",
)
E(
    "امسال چقدر از سهم ارزش افزوده خرج بازآفرینی نوغان شد",
    "project_info",
    today=T_WINTER,
    project="P-1025",
    period=THIS_YEAR,
)
E("كتابخونه سمزقند افتتاح شده؟", "project_info", project="P-1018")
E("وضعیت ایستگاه آتش نشانی ۲۸", "project_info", project="P-1029")
E("pishrafte khatte 4 metro chand darsade?", "project_info", project="P-1001")
E("بی‌آرتی طبرسی تا کجا پیش رفته", "project_info", project="P-1004")
E("اطلاعات پروژه گرمخانه بی خانمانها", "project_info", project="P-1036")
E("تقاطع غیرهمسطح سجاد جانباز آخرش چند تموم شد", "project_info", project="P-1006")
E("بلوار عطار نیشابور کی تموم شد؟", "project_info", project="P-1040")
E(
    "سلام، من اهل پنج‌تن هستم. سالن ورزشی چندمنظوره محله ما کی کلنگش زده میشه؟ خیلی وقته منتظریم",
    "project_info",
    project="P-1019",
)
E(
    "کانال آب‌های سطحی بلوار نماز پارسال چقدر پول ارزش افزوده گرفت",
    "project_info",
    today=T_SUMMER,
    project="P-1034",
    period=LAST_YEAR,
)
E(
    "خواهشمند است میزان پیشرفت فیزیکی و اعتبار تخصیص یافته به طرح مجتمع پردازش و بازیافت پسماند فاز دو را اعلام نمایید",
    "project_info",
    project="P-1032",
)
E("ایمن سازی بازار رضا چی شد پس", "project_info", project="P-1031")
E("مرکز خدمات زائران ورودی جاده قوچان کی شروع میشه", "project_info", project="P-1024")
E(
    "زیرگذر خیام تو منطقه ۹ کی تموم میشه؟ یه ساله راه بسته‌س",
    "project_info",
    project="P-1007",
    district="9",
)

# --- tax_calculator (12)
E(
    "اگه یه یخچال ۶۵ میلیونی بخرم چقدرش میره برای شهرداری",
    "tax_calculator",
    today=T_ESFAND,
    amount_rial=toman(65_000_000),
)
E("دو میلیون و پونصد خرید کردم سهم شهر چقدر میشه", "tax_calculator", amount_rial=toman(2_500_000))
E(
    "فاکتور ۴,۸۰۰,۰۰۰ ریالی دارم، سهم شهرداری از مالیاتش چقدره؟",
    "tax_calculator",
    amount_rial=rial(4_800_000),
)
E(
    "ماشین ۱.۲ میلیارد تومنی بخرم چقدر عوارض ارزش افزوده به شهر میرسه",
    "tax_calculator",
    amount_rial=toman(1_200_000_000),
)
E(
    "ye kharid 2 milion tomani konam che ghadresh mire baraye shahr?",
    "tax_calculator",
    amount_rial=toman(2_000_000),
)
E(
    "چهل و پنج هزار تومن شارژ سیمکارت زدم، سهم شهرداری چنده؟",
    "tax_calculator",
    amount_rial=toman(45_000),
)
E(
    "مالیات ارزش افزوده ای که تو فاکتورم اومده ۹۵ هزار تومنه، چقدرش سهم شهره و کجا خرج میشه",
    "tax_calculator",
    amount_rial=toman(95_000),
)
E(
    "صد و بیست میلیون ریال لوازم التحریر خریدیم برای مدرسه، سهم شهرداری؟",
    "tax_calculator",
    amount_rial=rial(120_000_000),
)
E(
    "۳۰۰ هزار ت خرید کنم چقدش میرسه به شهرداری مشهد",
    "tax_calculator",
    municipality="mashhad",
    amount_rial=toman(300_000),
)
E(
    "بنده کاسب هستم، ماهی حدود ۲۰۰ میلیون تومن فروش دارم، از ارزش افزوده‌ای که مشتری‌ها میدن سهم شهرداری چقدر میشه؟",
    "tax_calculator",
    amount_rial=toman(200_000_000),
)
E(
    "یه گوشی 1۸ میلیونی گرفتم، چقدر از ارزش افزوده‌اش سهم شهر میشه",
    "tax_calculator",
    amount_rial=toman(18_000_000),
)
E(
    "اگر مبلغ ۵۰۰٬۰۰۰ ريال ماليات بپردازم سهم شهرداري چقدر است",
    "tax_calculator",
    amount_rial=rial(500_000),
)

# --- faq (14)
E("مالیات ارزش افزوده دقیقا یعنی چی؟ با مالیات معمولی چه فرقی داره", "faq")
E("چند درصد از مالیاتی که موقع خرید میدیم میرسه به شهر؟", "faq")
E("چرا باید بخشی از ارزش افزوده به شهرداری برسه؟ مگه مال دولت نیست؟", "faq")
E("سهم هر شهر از ارزش افزوده بر چه اساسی تعیین میشه؟ جمعیت؟", "faq")
E("نون و دارو هم ارزش افزوده دارن؟", "faq")
E("رو فاکتور فروشگاه کجاش نوشته مالیات ارزش افزوده؟", "faq")
E("شفاف دقیقا چیه؟ مال شهرداریه یا خصوصیه؟", "faq")
E("این عددا که نشون میدید واقعیه؟ چرا کنارش نوشته نمونه", "faq")
E("آمار ماه جدید کی اضافه میشه؟ آپدیتتون ماهانه است؟", "faq")
E("من هم عوارض نوسازی میدم هم ارزش افزوده، اینا دوتا یکی هستن یا جدا؟", "faq")
E("کی ارزش افزوده رو جمع میکنه؟ اداره دارایی؟", "faq")
E("شماره موبایل و اطلاعات منو جایی ذخیره می‌کنید؟", "faq")
E("ارزش افزوده رو آخرش کی میده، مصرف کننده یا فروشنده؟", "faq")
E("روال ثبت انتقاد تو این ربات چطوریه؟ بعدش کی جواب میدن؟", "faq")

# --- out_of_scope (22)
E("مالیات حقوق بازنشستگی از کی معاف میشه؟", "out_of_scope")
E("مالیات خودروهای گرون قیمت رو کجا باید پرداخت کنم", "out_of_scope")
E("مالیات خونه‌های خالی شامل آپارتمان ما هم میشه؟", "out_of_scope", today=T_SPRING)
E("قبض عوارض نوسازی ملکم امسال نیومده، از کجا بگیرم", "out_of_scope")
E("من مغازه دارم، اظهارنامه ارزش افزوده فصل پاییز رو چطوری تو سامانه ثبت کنم", "out_of_scope")
E("استرداد ارزش افزوده کالاهای صادراتی چقدر طول میکشه؟", "out_of_scope")
E("نرخ تورم آبان چند درصد اعلام شد", "out_of_scope")
E("دما کی میره زیر صفر؟ بخاری روشن کنیم یا نه", "out_of_scope", today=T_WINTER)
E("زنگ زدم ۱۳۷ هیچکس جواب نداد، شماره دیگه‌ای ندارن؟", "out_of_scope")
E("سر کوچه ما یه چاله گنده هست کی میان آسفالتش کنن", "out_of_scope")
E("ماشین زباله دو شبه نیومده محله ما", "out_of_scope")
E("نظرت درباره انتخابات شورای شهر چیه؟ به کی رای بدم", "out_of_scope")
E("تو آدمی یا هوش مصنوعی؟ اسمت چیه", "out_of_scope")
E("خلافی ماشینم رو چطوری استعلام کنم", "out_of_scope")
E("برای زائرسرای حرم چطوری نوبت بگیرم؟", "out_of_scope")
E("شهرداری مشهد استخدام نیرو داره؟", "out_of_scope")
E("مدارک لازم برای گرفتن پروانه ساختمانی چیه", "out_of_scope")
E("gheymate tala emrooz chande?", "out_of_scope")
E("مالیات بر ارث چند درصده؟", "out_of_scope")
E("یارانه این ماه کی واریز میشه", "out_of_scope", today=T_MEHR)
E("ثبت نام تو سامانه مودیان برای فروشگاه اینترنتی الزامیه؟", "out_of_scope")
E("یه شعر از عطار برام بخون", "out_of_scope")

# --- feedback (12)
E(
    "از طرف اهالی محله گلشهر اعتراض دارم، بازآفرینی محله‌مون سه ساله خوابیده و هیچ خبری نیست",
    "feedback",
    project="P-1026",
)
E(
    "پیشنهاد: کنار بوستان ملت یه پارکینگ بزنید، جمعه‌ها جای پارک نیست",
    "feedback",
    today=T_SUMMER,
    project="P-1016",
)
E(
    "واقعا دستتون درد نکنه بابت پل عابر مکانیزه صیاد شیرازی، مادرم دیگه راحت از خیابون رد میشه",
    "feedback",
    project="P-1008",
)
E(
    "زیرگذر خیام کل کاسبی ما رو خراب کرده، دو ساله کار میکنن و تموم نمیشه، شکایت دارم",
    "feedback",
    project="P-1007",
)
E(
    "یه پیشنهاد برای شهرداری مشهد داشتم: پول ارزش افزوده رو بیشتر خرج حاشیه شهر کنید",
    "feedback",
    municipality="mashhad",
    category="renewal",
)
E(
    "سلام وقت بخیر من ساکن منطقه ۴ هستم تعریض بلوار آوینی خیلی کند پیش میره و ترافیک وحشتناکه لطفا پیگیری کنید",
    "feedback",
    district="4",
    project="P-1011",
)
E(
    "انتقاد دارم به این سامانه، اطلاعات پروژه‌های نیشابور خیلی ناقصه",
    "feedback",
    municipality="neyshabur",
)
E("نظرم رو میخوام ثبت کنم", "feedback")
E("ثبت شکایت", "feedback")
E(
    "با سلام و احترام، اینجانب از بازنشستگان فرهنگی ساکن منطقه ثامن هستم. پیاده‌راه خیابان امام رضا بسیار زیبا شده "
    "ولی نیمکت و سایه‌بان برای نشستن سالمندان کم دارد، خواهشمندم این پیشنهاد را به مسئولین برسانید",
    "feedback",
    district="samen",
    project="P-1021",
)
E("دمتون گرم بابت کتابخونه سمزقند، بچه‌ها عصرا اونجان", "feedback", project="P-1018")
E("پیشنهاد میدم تو منطقه ۱۲ یه استخر عمومی بسازید", "feedback", district="12", category="culture")

# --- feedback_status (6)
E(
    "کد پیگیری من 48120 هست، جواب شکایتم اومده؟",
    "feedback_status",
    today=T_WINTER,
    tracking_code="48120",
)
E("پیگیری sh-40877", "feedback_status", tracking_code="SH-40877")
E("وضعیت انتقاد ۳۳۰۹۱", "feedback_status", tracking_code="33091")
E("پیشنهادی که هفته پیش دادم چی شد؟ کسی خوندش؟", "feedback_status")
E(
    "سلام، پیام FB-1405-1123 رو فرستاده بودم، بررسی شد؟",
    "feedback_status",
    tracking_code="FB-1405-1123",
)
E("/status 66042", "feedback_status", tracking_code="66042")

# --- report (8)
E("آخرین گزارش مالی نیشابور", "report", today=T_SUMMER, municipality="neyshabur")
E("گزارش تابستون امسال منتشر شده یا هنوز نه؟", "report", period=QUARTER(2, "this"))
E("گزارش سالانه ۱۴۰۴ شهرداری مشهد رو میخواستم", "report", municipality="mashhad", period=YEAR(1404))
E("گزارش جدید", "report")
E("pdf گزارش فصل بهار ۱۴۰۵ سبزوار", "report", municipality="sabzevar", period=QUARTER(1, 1405))
E("گزارش مالی پارسال رو بفرستید", "report", today=T_NOWRUZ, period=LAST_YEAR)
E("akharin gozaresh mali ro befrest", "report")
E(
    "با سلام، جهت ارائه در جلسه شورای محله به گزارش عملکرد مالی زمستان ۱۴۰۳ نیاز دارم، لطفاً ارسال بفرمایید",
    "report",
    period=QUARTER(4, 1403),
)

# --- subscribe (6)
E("هر هفته گزارش برام بفرست", "subscribe")
E("میخوام مشترک گزارش‌های ماهانه مشهد بشم", "subscribe", municipality="mashhad")
E("میخوام عضو خبرنامه بشم", "subscribe", today=T_SPRING)
E("گزارشای سبزوار که اومد خودکار برام بفرست", "subscribe", municipality="sabzevar")
E("اشتراکمو از هفتگی به ماهانه تغییر بده", "subscribe")
E("ثبت نام برای دریافت گزارش ماهانه", "subscribe")

# --- unsubscribe (6)
E("دیگه پیام نفرستید لطفا", "unsubscribe")
E("خبرنامه رو برام غیرفعال کنید", "unsubscribe")
E("اشتراکمو لغو کن", "unsubscribe")
E("بسه دیگه هر هفته پیام میدید، نمیخوام", "unsubscribe")
E("از لیست ارسال گزارش حذفم کنید", "unsubscribe")
E("lagv eshterak", "unsubscribe")

# --- greeting (4)
E("سلام و عرض ادب", "greeting", today=T_NOWRUZ)
E("درود بر شما، روزتون بخیر", "greeting")
E("salam vaght bekheir", "greeting")
E("سلام، خدا قوت", "greeting", today=T_MEHR)

# --- help (5)
E("/help", "help")
E("منو", "help")
E("بوگو ببینم چه کارا مِتانی بکنی؟", "help")
E("این بات به چه دردی میخوره؟", "help")
E("من تازه عضو شدم، نمیدونم از کجا شروع کنم، راهنمایی کنید", "help")

# --- thanks (5)
E("مرسی اطلاعات خوبی بود", "thanks")
E("خیلی ممنون از راهنمایی، خدا قوت", "thanks")
E("دمت گرم", "thanks")
E("تشکر", "thanks")
E("مچکرم", "thanks")


if __name__ == "__main__":
    raise SystemExit(main(OUT, TARGET))
