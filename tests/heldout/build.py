"""Build tests/heldout/heldout_sample.jsonl — a held-out NLU evaluation set over data/sample.

Written by hand without looking at the NLU code, its training data or its tests. Gold periods are
computed from each line's "today" by the period rules of tests/evalkit.py, which follow CONTRACT.md
section 4, so the arithmetic is not done by hand. Run: python tests/heldout/build.py [--check]
(it validates every line against data/sample and rewrites the .jsonl).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evalkit import *

OUT = Path(__file__).resolve().parent / "heldout_sample.jsonl"

use_today("1405-09-08")  # every line's today unless it gives its own
T1 = "1405-01-10"  # just after Nowruz
T2 = "1404-12-25"  # end of Esfand
T3 = "1403-12-30"  # last day of a leap Esfand
T4 = "1405-02-03"

TARGET = {
    "vat_share": 30,
    "vat_compare": 15,
    "vat_spending": 15,
    "project_list": 23,
    "project_info": 24,
    "tax_calculator": 13,
    "faq": 12,
    "out_of_scope": 17,
    "feedback": 11,
    "feedback_status": 6,
    "report": 8,
    "subscribe": 6,
    "unsubscribe": 6,
    "greeting": 5,
    "help": 5,
    "thanks": 5,
}

# ---------------------------------------------------------------- vat_share (30)
E(
    "شهرداری نیشابور تو سال ۱۴۰۳ چقدر پول از ارزش افزوده گیرش اومد؟",
    "vat_share",
    municipality="neyshabur",
    period=YEAR(1403),
)
E(
    "سهم گناباد از عوارض ارزش افزوده در مهرماه ۱۴۰۵",
    "vat_share",
    municipality="gonabad",
    period=MONTH(7, 1405),
)
E(
    "mablaghe vat ke mah gozashte be shahrdari mashhad variz shod chand bood?",
    "vat_share",
    municipality="mashhad",
    period=LAST_MONTH,
)
E(
    "چناران امسال چقدر ارزش افزوده میگیره؟",
    "vat_share",
    today=T1,
    municipality="chenaran",
    period=THIS_YEAR,
)
E("شهريور ماه چه رقمي از ماليات بر ارزش افزوده سهم شهرداري شد؟", "vat_share", period=MONTH(6))
E(
    "ارزش افزوده تربت جام در نیمه اول ۱۴۰۴",
    "vat_share",
    municipality="torbat-jam",
    period=HALF(1, 1404),
)
E(
    "در فصل پاییز ۱۴۰۳ چه مبلغی بابت سهم ارزش افزوده به حساب شهرداری کاشمر نشست؟",
    "vat_share",
    municipality="kashmar",
    period=QUARTER(3, 1403),
)
E("سهم مشهد از vat در ۴ ماه اخیر", "vat_share", municipality="mashhad", period=last_n(4))
E(
    "پارسال قوچان چقد از مالیات ارزش افزوده سهم برد",
    "vat_share",
    municipality="quchan",
    period=LAST_YEAR,
)
E("سهم ارزش افزوده", "vat_share")
E(
    "sahme sabzevar az maliat bar arzesh afzoode dar farvardin 1405?",
    "vat_share",
    municipality="sabzevar",
    period=MONTH(1, 1405),
)
E(
    "از مهر ۱۴۰۴ تا خرداد ۱۴۰۵ جمعاً چقدر ارزش افزوده به شهرداری مشهد رسیده؟",
    "vat_share",
    municipality="mashhad",
    period=span(1404, 7, 1405, 3),
)
E(
    "ميزان دريافتي شهرداري گناباد از ارزش افزوده سال ١٤٠١",
    "vat_share",
    municipality="gonabad",
    period=YEAR(1401),
)
E(
    "سلام خسته نباشید. یه سوال داشتم، من کاسبم و هر فصل کلی مالیات ارزش افزوده میدم به اداره مالیات. "
    "از یکی از همکارا شنیدم که سه درصدش میره برا شهرداری‌ها و خلاصه پول کمی هم نیست. "
    "میخوام بدونم تو زمستون پارسال کلاً چقدر از این پول به شهرداری سبزوار رسیده؟ مرسی از وقتی که میذارید",
    "vat_share",
    municipality="sabzevar",
    period=QUARTER(4, 1404),
)
E(
    "سهم تربت حیدریه از ارزش افزوده، سه‌ماهه سوم ۱۴۰۵",
    "vat_share",
    municipality="torbat-heydarieh",
    period=QUARTER(3, 1405),
)
E("آبان چقد واریزی ارزش افزوده داشتیم؟", "vat_share", today=T4, period=MONTH(8))
E("vat کاشمر ۱۴۰۲", "vat_share", municipality="kashmar", period=YEAR(1402))
E(
    "پیارسال شهرداری تربت جام چقدر سهم ارزش افزوده گرفت؟",
    "vat_share",
    municipality="torbat-jam",
    period=YEAR_BEFORE_LAST,
)
E(
    "ماه قبل چقدر پول ارزش افزوده به حساب شهرداری مشهد اومد؟",
    "vat_share",
    today=T1,
    municipality="mashhad",
    period=LAST_MONTH,
)
E(
    "نیشابور تو این سه ماه اخیر چقدر ارزش افزوده دریافت کرده؟",
    "vat_share",
    today=T1,
    municipality="neyshabur",
    period=last_n(3),
)
E(
    "اسفند امسال تا الان چیزی از ارزش افزوده به قوچان رسیده؟",
    "vat_share",
    today=T2,
    municipality="quchan",
    period=MONTH(12, 1404),
)
E(
    "sahme chenaran az arzesh afzoode too 3 mahe akhir",
    "vat_share",
    today=T2,
    municipality="chenaran",
    period=last_n(3),
)
E(
    "امسال شهرداری مشهد چه مبلغی از مالیات ارزش‌افزوده سهم برده؟",
    "vat_share",
    today=T3,
    municipality="mashhad",
    period=THIS_YEAR,
)
E(
    "آذر ماه چقد ارزش افزوده واریز شده برای گناباد",
    "vat_share",
    today=T3,
    municipality="gonabad",
    period=MONTH(9),
)
E(
    "خرداد سهم ارزش افزوده سبزوار چند بود",
    "vat_share",
    today=T4,
    municipality="sabzevar",
    period=MONTH(3),
)
E("جمع سهم ارزش افزوده شهرداری در ۱۲ ماه گذشته", "vat_share", today=T4, period=last_n(12))
E(
    "شهرداری مشهد در سه ماهه نخست سال ۱۴۰۲ چقدر از ارزش افزوده دریافت کرد؟",
    "vat_share",
    municipality="mashhad",
    period=QUARTER(1, 1402),
)
E(
    "chand toman arzesh afzoode be torbat heydarieh dar tabestoon 1404 reside?",
    "vat_share",
    municipality="torbat-heydarieh",
    period=QUARTER(2, 1404),
)

E(
    "سهم شهرداري تربت حيدريه از ارزش افزوده در ارديبهشت 1404 چقدر بود؟",
    "vat_share",
    municipality="torbat-heydarieh",
    period=MONTH(2, 1404),
)
E(
    "بهار امسال شهرداری کاشمر چقدر ارزش افزوده گرفته؟",
    "vat_share",
    today=T1,
    municipality="kashmar",
    period=QUARTER(1, 1405),
)

# ---------------------------------------------------------------- vat_compare (15)
E(
    "سهم ارزش افزوده نیشابور رو با سبزوار تو سال ۱۴۰۳ مقایسه کن",
    "vat_compare",
    municipality="neyshabur",
    compare_municipality="sabzevar",
    period=YEAR(1403),
)
E(
    "ارزش افزوده مهر امسال نسبت به مهر پارسال چقدر رشد داشته؟",
    "vat_compare",
    today=T2,
    period=MONTH(7, 1404),
    compare_period=MONTH(7, 1403),
)
E(
    "روند سهم گناباد از ارزش افزوده تو ۱۲ ماه گذشته",
    "vat_compare",
    municipality="gonabad",
    period=last_n(12),
)
E(
    "کدوم بیشتر ارزش افزوده گرفته، قوچان یا چناران؟",
    "vat_compare",
    municipality="quchan",
    compare_municipality="chenaran",
)
E(
    "tafavot sahme vat mashhad ba neyshabur dar sale 1404 chiye?",
    "vat_compare",
    municipality="mashhad",
    compare_municipality="neyshabur",
    period=YEAR(1404),
)
E(
    "نیمه اول ۱۴۰۵ در برابر نیمه اول ۱۴۰۴؛ سهم ارزش افزوده شهرداری چه تغییری کرده؟",
    "vat_compare",
    period=HALF(1, 1405),
    compare_period=HALF(1, 1404),
)
E(
    "مقايسه سهم ارزش افزوده كاشمر و تربت جام",
    "vat_compare",
    municipality="kashmar",
    compare_municipality="torbat-jam",
)
E(
    "سهم ارزش افزوده پیارسال با پارسال چه فرقی داشت؟",
    "vat_compare",
    period=YEAR_BEFORE_LAST,
    compare_period=LAST_YEAR,
)
E(
    "نمودار تغییرات ماهانه ارزش افزوده سبزوار در سال ۱۴۰۲",
    "vat_compare",
    municipality="sabzevar",
    period=YEAR(1402),
)
E(
    "اسفند با بهمن از نظر سهم ارزش افزوده مشهد چقدر فرق داشت؟",
    "vat_compare",
    today=T1,
    municipality="mashhad",
    period=MONTH(12),
    compare_period=MONTH(11),
)
E(
    "ارزش افزوده امسال تربت حیدریه در مقایسه با پارسالش",
    "vat_compare",
    today=T2,
    municipality="torbat-heydarieh",
    period=THIS_YEAR,
    compare_period=LAST_YEAR,
)
E(
    "سهم سبزوار از ارزش افزوده در پاییز ۱۴۰۴ بیشتر بود یا پاییز ۱۴۰۳؟",
    "vat_compare",
    municipality="sabzevar",
    period=QUARTER(3, 1404),
    compare_period=QUARTER(3, 1403),
)
E("vat shahrdari too in chand sal chetori taghir karde?", "vat_compare")
E(
    "گناباد نسبت به قوچان تو سه ماه اخیر ارزش افزوده بیشتری گرفته؟",
    "vat_compare",
    municipality="gonabad",
    compare_municipality="quchan",
    period=last_n(3),
)

E(
    "روند ارزش افزوده مشهد از فروردین ۱۴۰۰ تا آبان ۱۴۰۵",
    "vat_compare",
    municipality="mashhad",
    period=span(1400, 1, 1405, 8),
)

# ---------------------------------------------------------------- vat_spending (15)
E("امسال پول ارزش افزوده بیشتر خرج کدوم پروژه‌ها شده؟", "vat_spending", today=T3, period=THIS_YEAR)
E(
    "چه مقدار از سهم ارزش افزوده ۱۴۰۳ برای اتوبوس و قطار شهری هزینه شد؟",
    "vat_spending",
    category="transport",
    period=YEAR(1403),
)
E(
    "hazine kard arzesh afzoode dar bakhshe fazaye sabz parsal",
    "vat_spending",
    category="green",
    period=LAST_YEAR,
)
E("از پول ارزش افزوده چقدر رفته برای آسفالت؟", "vat_spending", category="roads")
E(
    "ريز هزينه‌كرد ارزش افزوده مشهد در نيمه دوم ۱۴۰۴",
    "vat_spending",
    municipality="mashhad",
    period=HALF(2, 1404),
)
E("سهم ارزش افزوده ماه گذشته صرف چی شد؟", "vat_spending", today=T1, period=LAST_MONTH)
E("برای خدمات زائرین از محل ارزش افزوده چقدر خرج شده؟", "vat_spending", category="pilgrims")
E(
    "تو ۶ ماه اخیر چقدر از ارزش افزوده صرف جمع آوری زباله و بازیافت شد",
    "vat_spending",
    category="environment",
    period=last_n(6),
)
E("پول ارزش افزوده گناباد به چه مصرفی رسید؟", "vat_spending", municipality="gonabad")
E("کدوم بخش‌ها بیشترین سهم رو از پول ارزش افزوده سال ۱۴۰۲ بردن؟", "vat_spending", period=YEAR(1402))
E("خرج کرد عوارض ارزش افزوده برای کارتن خوابا و گرمخانه ها", "vat_spending", category="social")
E(
    "پارسال چقدر از ارزش افزوده خرج آتش نشانی شد؟",
    "vat_spending",
    today=T1,
    category="safety",
    period=LAST_YEAR,
)
E("hazine vat baraye roshanaie maaber emsal", "vat_spending", category="services", period=THIS_YEAR)
E("پول ارزش افزوده بهار ۱۴۰۴ به تفکیک دسته‌بندی کجاها رفت؟", "vat_spending", period=QUARTER(1, 1404))

E("سهم ارزش افزوده نيشابور صرف چه پروژه هايي شده؟", "vat_spending", municipality="neyshabur")

# ---------------------------------------------------------------- project_list (23)
E("تو منطقه ۱۳ چه پروژه‌هایی در جریانه؟", "project_list", district="13", status="in_progress")
E("پروژه‌هایی که متوقف شدن کدوما هستن؟", "project_list", status="suspended")
E("لیست پروژه هاي فرهنگي منطقه ٥", "project_list", category="culture", district="5")
E(
    "proje haye fazaye sabze mashhad ke tamoom shodan",
    "project_list",
    municipality="mashhad",
    category="green",
    status="completed",
)
E("پروژه های منطقه ۲ نیشابور", "project_list", municipality="neyshabur", district="2")
E("چه طرح‌هایی برای اطراف حرم دارید؟", "project_list", category="pilgrims")
E("پروژه‌های منطقه ثامن که تموم شدن", "project_list", district="samen", status="completed")
E("پروژه هاي در دست اقدام منطقه ۳", "project_list", district="3", status="in_progress")
E("پروژه‌هایی که هنوز کلنگشون زده نشده", "project_list", status="planned")
E("پروژه‌های آتش‌نشانی سبزوار", "project_list", municipality="sabzevar", category="safety")
E("پروژه های خدمات اجتماعی چیا هستن", "project_list", category="social")
E("mantaghe 10 che projehaei dare?", "project_list", district="10")
E(
    "پروژه هایی که امسال به بهره برداری رسیدن",
    "project_list",
    today=T3,
    period=THIS_YEAR,
    status="completed",
)
E("منطقه یازده چه پروژه‌ای داره؟ لیستشو بده", "project_list", district="11")
E("پروژه های حمل و نقلی که هنوز شروع نشدن", "project_list", category="transport", status="planned")
E("چه کارهای عمرانی در منطقه ۶ معلق مونده؟", "project_list", district="6", status="suspended")
E("طرح‌های محیط زیستی شهرداری رو نشونم بده", "project_list", category="environment")
E("پروژه‌های نوسازی بافت فرسوده در منطقه ثامن", "project_list", category="renewal", district="samen")
E("کدوم پروژه‌ها پارسال کلید خوردن؟", "project_list", today=T1, period=LAST_YEAR)
E("شهرداری کاشمر چه پروژه‌هایی داره؟", "project_list", municipality="kashmar")
E("لیست تقاطع‌ها و زیرگذرهای در حال ساخت", "project_list", category="roads", status="in_progress")
E("projehaye khadamat shahri", "project_list", category="services")

E(
    "شهرداري چناران چه پروژه اي رو تموم كرده؟",
    "project_list",
    municipality="chenaran",
    status="completed",
)

# ---------------------------------------------------------------- project_info (24)
E("پارک ولایت منطقه ۱۲ کی افتتاح شد؟", "project_info", project="P-1014")
E("متروی خط ۴ چند درصد پیشرفت داره؟", "project_info", project="P-1001")
E("بودجه کل بی آر تی طبرسی چقدره", "project_info", project="P-1004")
E("زیرگذر خیام کی تموم میشه", "project_info", project="P-1007")
E("P-1019 تاریخ شروع و بودجه‌ش چیه؟", "project_info", project="P-1019")
E("اطلاعات p-1031", "project_info", project="P-1031")
E("پارکینگ طبقاتی باب الجواد تا الان چقدر پول ارزش افزوده گرفته", "project_info", project="P-1022")
E("روگذر توس چند درصدش ساخته شده؟", "project_info", project="P-1009")
E("کتابخونه سمزقند کی افتتاح شد؟", "project_info", project="P-1018")
E("baazafarini mahale noghan cheghad pishraft karde?", "project_info", project="P-1025")
E("تعریض بلوار آوینی از کی شروع شد", "project_info", project="P-1011")
E("هزینه ایستگاه آتش نشانی شماره ۲۸ چقدر بوده؟", "project_info", project="P-1029")
E("پايانه اتوبوسراني الهيه كي ساخته ميشه؟", "project_info", project="P-1005")
E(
    "بوستان ولایت منطقه سه امسال چقدر از ارزش افزوده بودجه گرفت؟",
    "project_info",
    today=T2,
    project="P-1013",
    period=THIS_YEAR,
)
E("مرکز خدمات زائرین جاده قوچان", "project_info", project="P-1024")
E("پل مکانیزه صیاد شیرازی آخرش چقدر خرج برداشت؟", "project_info", project="P-1008")
E("بوستان بزرگ جنوب نیشابور کی تحویل میشه؟", "project_info", project="P-1039")
E(
    "کمربند سبز جنوب مشهد پارسال چقدر از ارزش افزوده پول گرفت؟",
    "project_info",
    project="P-1015",
    period=LAST_YEAR,
)
E("بازآفرینی محله گلشر کجای کاره؟", "project_info", project="P-1026")
E("ایستگاه اتش نشانی ۲۳ کی افتتاح شد", "project_info", project="P-1028")
E("vaziat zirgozar mirza koochak khan", "project_info", project="P-1038")
E("گرمخانه بی خانمانها کی تکمیل شد؟", "project_info", project="P-1036")

E("پروژه تقاطع غير همسطح سجاد و جانباز چقدر هزينه داشت؟", "project_info", project="P-1006")
E("مناسب سازی معابر برای معلولین چند درصد پیش رفته", "project_info", project="P-1037")

# ---------------------------------------------------------------- tax_calculator (13)
E(
    "اگه سه میلیون و هفتصد هزار تومن خرید کنم سهم شهرداری از مالیاتش چند میشه؟",
    "tax_calculator",
    amount_rial=37_000_000,
)
E(
    "برای خرید ۱٬۲۵۰٬۰۰۰ تومانی چقدر عوارض به شهر میرسه و کجا خرج میشه؟",
    "tax_calculator",
    amount_rial=12_500_000,
)
E("یه کفش ۲٫۵ میلیونی خریدم، چقدرش میره برای شهرداری؟", "tax_calculator", amount_rial=25_000_000)
E("فاکتورم ۱۸٬۰۰۰٬۰۰۰ ریال شده، سهم شهر ازش چقدره؟", "tax_calculator", amount_rial=18_000_000)
E(
    "لپ تاپ ۴۵ میلیونی بخرم چقدر از مالیاتش به شهرداری مشهد میرسه؟",
    "tax_calculator",
    amount_rial=450_000_000,
    municipality="mashhad",
)
E(
    "age 600 hezar toman kharid konam sahme shahr cheghadre?",
    "tax_calculator",
    amount_rial=6_000_000,
)
E("یک میلیارد و دویست میلیون ریال خرید، سهم شهرداری؟", "tax_calculator", amount_rial=1_200_000_000)
E(
    "روی رسید نوشته ۹۲ هزار تومن مالیات و عوارض ارزش افزوده، چقدرش سهم شهرداریه؟",
    "tax_calculator",
    amount_rial=920_000,
)
E("سيصد و بيست هزار تومن خريد كردم چقدرش ميرسه به شهرداري", "tax_calculator", amount_rial=3_200_000)
E("خرید 8,400,000 تومانی چقدر عوارض شهرداری داره؟", "tax_calculator", amount_rial=84_000_000)
E(
    "یه ماشین ۹۵۰ میلیون تومنی خریدیم؛ از ارزش افزوده‌ای که دادیم چقدر گیر شهر میاد؟",
    "tax_calculator",
    amount_rial=9_500_000_000,
)
E(
    "۲۵۰,۰۰۰,۰۰۰ ریال خرید کردم، از ارزش افزوده‌اش چقدر به شهر میرسه؟",
    "tax_calculator",
    amount_rial=250_000_000,
)

E("خريد ۷ ميليون توماني چقدر سهم شهرداري داره؟", "tax_calculator", amount_rial=70_000_000)

# ---------------------------------------------------------------- faq (12)
E("ارزش افزوده رو کی جمع میکنه؟ شهرداری یا اداره مالیات؟", "faq")
E("چرا یه بخش از مالیاتی که من میدم باید بره به شهرداری؟", "faq")
E("نون و شیر هم مالیات ارزش افزوده دارن؟", "faq")
E("cheghadr az maliat arzesh afzoode mire baraye shahrdari? chand darsad?", "faq")
E("شفاف دقیقاً چیه و مال کدوم اداره‌ست؟", "faq")
E("اينكه نوشتين داده نمونه يعني چي؟ اين ارقام واقعي نيستن؟", "faq")
E("شماره تلفن من رو هم ذخیره میکنید؟ چه اطلاعاتی ازم نگه میدارید", "faq")
E("مالیات ارزش افزوده رو آخرش کی میده؟ فروشنده یا مشتری؟", "faq")
E("تو فاکتور خرید کجا باید ببینم چقدر ارزش افزوده ازم گرفتن؟", "faq")
E("شماره مرکز تماس سازمان امور مالیاتی چنده؟", "faq")
E("برای ثبت شکایت از خدمات شهری باید به کجا زنگ بزنم؟", "faq")
E("arghame in robot az koja miad?", "faq")

# ---------------------------------------------------------------- out_of_scope (17)
E("مالیات اجاره خونه رو چطوری حساب کنم؟", "out_of_scope")
E("عوارض نوسازی ملکم امسال چقدر شده؟ کجا میتونم ببینم", "out_of_scope")
E("مالیات خودروهای گرون‌قیمت رو تا کی باید بدیم؟", "out_of_scope")
E("هوای مشهد آخر هفته چطوره؟", "out_of_scope")
E("dollar emrooz chande?", "out_of_scope")
E("چراغ برق کوچه ما سه شبه خاموشه، یکی بیاد درستش کنه", "out_of_scope")
E("بازی پدیده و استقلال چند چند شد؟", "out_of_scope")
E("یه لطیفه خنده‌دار تعریف کن", "out_of_scope")
E("خط ۷ متروی تهران تا کجا رسیده؟", "out_of_scope")
E("نظرت درباره نامزدهای انتخابات شورای شهر چیه؟", "out_of_scope")
E("قیمت سکه امامی امروز چند شد؟", "out_of_scope")
E("کرایه تاکسی فرودگاه تا حرم چنده؟", "out_of_scope")
E("بلیط قطار مشهد تهران برای جمعه هست؟", "out_of_scope")
E("maliat bar ers chetori mohasebe mishe?", "out_of_scope")
E("میشه این متن رو به انگلیسی ترجمه کنی؟", "out_of_scope")
E("جریمه پارک دوبل رو کجا باید پرداخت کنم؟", "out_of_scope")

E("اوضاع ترافيك بلوار وكيل آباد الان چطوره؟", "out_of_scope")

# ---------------------------------------------------------------- feedback (11)
E("بوستان آزادشهر عالی شده، دست شهرداری درد نکنه", "feedback", project="P-1012")
E("شکایت دارم از زیرگذر خیام، دو ساله کاسبی ما رو کساد کرده", "feedback", project="P-1007")
E(
    "پیشنهاد: پول ارزش افزوده رو بیشتر خرج حاشیه شهر کنید، اونجا خیلی محرومه",
    "feedback",
    category="renewal",
)
E("انتقاد دارم از روگذر توس، کی میخواید جمعش کنید؟", "feedback", project="P-1009")
E(
    "من ساکن منطقه ۱۰ هستم؛ لطفاً ساخت پایانه الهیه رو زودتر شروع کنید",
    "feedback",
    district="10",
    project="P-1005",
)
E("feedback: lotfan gozareshha ro ba jozeiat bishtar montasher konid", "feedback")
E(
    "درصد پیشرفت کتابخونه سمزقند رو اشتباه زدین، ما که از اونجا رد میشیم میبینیم هنوز کار داره",
    "feedback",
    project="P-1018",
)
E("اعتراض دارم، شهرداری پولای ارزش افزوده رو الکی خرج میکنه و هیچ جا معلوم نیست", "feedback")
E(
    "یه نظر: تو منطقه ۴ هیچ پارکی نداریم، یه بوستان بسازید",
    "feedback",
    district="4",
    category="green",
)
E(
    "az parking tabaghati bab-ol-javad razi nistam, gheymatesh kheili balast",
    "feedback",
    project="P-1022",
)

E("از بوستان خانواده چناران ممنونيم، جاي خوبي براي بچه هاست", "feedback", project="P-1046")

# ---------------------------------------------------------------- feedback_status (6)
E("کد پیگیری SH-12345 چی شد؟", "feedback_status", tracking_code="SH-12345")
E("۹۸۷۶۵ کد رهگیری انتقادمه، بررسی شده؟", "feedback_status", tracking_code="98765")
E("vaziate feedback sh-20871", "feedback_status", tracking_code="SH-20871")
E("شکایتی که هفته پیش دادم به کجا رسید؟", "feedback_status")
E("پيگيري كد fb-1405-0033", "feedback_status", tracking_code="FB-1405-0033")
E("جواب پیشنهادم هنوز نیومده، کدش 31406 بود", "feedback_status", tracking_code="31406")

# ---------------------------------------------------------------- report (8)
E(
    "گزارش مالی سه ماهه دوم امسال نیشابور رو بفرستید",
    "report",
    municipality="neyshabur",
    period=QUARTER(2, 1405),
)
E("گزارش سالانه ۱۴۰۳ شهرداری", "report", period=YEAR(1403))
E("آخرین گزارش سبزوار", "report", municipality="sabzevar")
E("gozaresh mali 1404", "report", period=YEAR(1404))
E("گزارش پاییز پارسال رو میخوام", "report", today=T1, period=QUARTER(3, 1404))
E("گزارشاي مالي منتشر شده كدومان؟", "report")
E("pdf گزارش فصل اول ۱۴۰۵ مشهد", "report", municipality="mashhad", period=QUARTER(1, 1405))
E("سه‌ماهه چهارم ۱۴۰۴ گزارش مالیش بیرون اومده یا نه؟", "report", period=QUARTER(4, 1404))

# ---------------------------------------------------------------- subscribe (6)
E("میخوام هر هفته خلاصه گزارشا برام بیاد", "subscribe")
E("عضویت در اطلاع‌رسانی", "subscribe")
E("subscribe", "subscribe")
E("هر ماه گزارش سبزوار رو خودکار برام بفرست", "subscribe", municipality="sabzevar")
E("eshterak mikham", "subscribe")
E("اشتراك ماهانه رو برام فعال كن", "subscribe")

# ---------------------------------------------------------------- unsubscribe (6)
E("اشتراکمو لغو کن", "unsubscribe")
E("دیگه نمیخوام پیام گزارش بگیرم", "unsubscribe")
E("unsubscribe kon lotfan", "unsubscribe")
E("از لیست ارسال حذفم کنید", "unsubscribe")
E("بسه دیگه، اشتراک هفتگی رو کنسل کن", "unsubscribe")
E("لغو عضویت", "unsubscribe")

# ---------------------------------------------------------------- greeting / help / thanks (5 each)
E("سلام خسته نباشید", "greeting")
E("hi", "greeting")
E("درود", "greeting")
E("سلام، صبحتون بخیر", "greeting")
E("salam vaght bekheir", "greeting")
E("چطوری باید ازت سوال بپرسم؟", "help")
E("منو", "help")
E("komak", "help")
E("این بات به چه دردی میخوره؟", "help")
E("چه امکاناتی داری؟", "help")
E("مچکرم", "thanks")
E("ممنونم ازت، کارم راه افتاد", "thanks")
E("tnx", "thanks")
E("سپاس فراوان", "thanks")
E("مرسی، فعلاً خدافظ", "thanks")


if __name__ == "__main__":
    # This set never ran the kit's check against shared/eval/dev.jsonl: two of its lines come
    # within 0.79 (difflib ratio) of dev lines on everyday wording, not copies, so it stays off.
    raise SystemExit(main(OUT, TARGET, dev_ratio=None))
