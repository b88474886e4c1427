#!/usr/bin/env python3
"""Build tests/fresh/set_b.jsonl: an independent NLU evaluation set over data/sample.

Written without reading nlp/, data/nlu/, tests/heldout, tests/blind or any other evaluation set:
only CONTRACT.md section 4, the labelling conventions of ../shared/eval/dev.jsonl and the CSVs in
data/sample were consulted. Run: python tests/fresh/build_set_b.py [--check]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evalkit import *
from fresh import TARGET

OUT = Path(__file__).resolve().parent / "set_b.jsonl"

# ---------------------------------------------------------------- examples
# E("text", "intent", today="1405-09-08", municipality="mashhad", period=LAST_YEAR, ...)

T_DEY = "1404-10-20"  # mid-winter
T_TIR = "1405-04-15"  # mid-summer
T_SHAHRIVAR_END = "1405-06-31"  # last day of summer

# ---- vat_share (24)
E(
    "امسال سهم مشهدیا از ارزش افزوده چند میلیارد شده؟",
    "vat_share",
    today=T_ESFAND,
    municipality="mashhad",
    period=THIS_YEAR,
)
E("سهم شهرداری از vat ماه قبل چن شد", "vat_share", today=T_DEY, period=LAST_MONTH)
E(
    "نیشابور ۱۴۰۳ چقدر پول ارزش افزوده بهش رسیده",
    "vat_share",
    municipality="neyshabur",
    period=YEAR(1403),
)
E(
    "پولی که از ارزش افزوده اومده تو حساب شهرداری گناباد تو مهر",
    "vat_share",
    municipality="gonabad",
    period=MONTH(7),
)
E(
    "sahm mashhad az arzesh afzoode emsal chand shode?",
    "vat_share",
    municipality="mashhad",
    period=THIS_YEAR,
)
E(
    "چقدددر ارزش افزوده به سبزوار دادن پارسال؟؟",
    "vat_share",
    municipality="sabzevar",
    period=LAST_YEAR,
)
E("vat سهم مشهد ۱۴۰۴", "vat_share", municipality="mashhad", period=YEAR(1404))
E(
    "بگو ببینم ۶ ماه اخیر چقدر ارزش افزوده واریز شده به شهرداری",
    "vat_share",
    today=T_NOWRUZ,
    period=last_n(6),
)
E(
    "تربت جام پاییز ۱۴۰۴ سهمش از مالیات ارزش افزوده چند بود",
    "vat_share",
    municipality="torbat-jam",
    period=QUARTER(3, 1404),
)
E(
    "چناران؟ ارزش افزوده؟ امسال؟",
    "vat_share",
    today=T_MEHR,
    municipality="chenaran",
    period=THIS_YEAR,
)
E(
    "سهم قوچان از عوارض ارزش افزوده از فروردین تا خرداد ۱۴۰۵",
    "vat_share",
    municipality="quchan",
    period=MONTHS(1, 3, 1405),
)
E("کلا شهرداری مشهد از ارزش افزوده چقدر درآمد داره؟", "vat_share", municipality="mashhad")
E(
    "ماه قبل چقد ارزش افزوده ریختن به حساب شهرداری مشهد",
    "vat_share",
    today=T_NOWRUZ,
    municipality="mashhad",
    period=LAST_MONTH,
)
E(
    "امسال تا الان ارزش افزوده ای اومده برای شهرداری یا هنوز هیچی",
    "vat_share",
    today=T_NOWRUZ,
    period=THIS_YEAR,
)
E(
    "سهم ارزش افزوده کاشمر تو بهمن",
    "vat_share",
    today=T_ESFAND,
    municipality="kashmar",
    period=MONTH(11),
)
E(
    "سبزوار شهریور از مالیات ارزش افزوده چی گیرش اومد",
    "vat_share",
    today=T_MEHR,
    municipality="sabzevar",
    period=MONTH(6),
)
E(
    "نیشابور تو این سه ماه آخر چقدر ارزش افزوده گرفت",
    "vat_share",
    today=T_MEHR,
    municipality="neyshabur",
    period=last_n(3),
)
E(
    "پیارسال شهرداری تربت حیدریه چند میلیارد از ارزش افزوده گرفت",
    "vat_share",
    municipality="torbat-heydarieh",
    period=YEAR_BEFORE_LAST,
)
E(
    "میخوام بدونم سهم مشهد از مالیات بر ارزش افزوده تو سال ۱۴۰۰ دقیقن چقدر بوده",
    "vat_share",
    municipality="mashhad",
    period=YEAR(1400),
)
E("سهم vat گناباد چقدره", "vat_share", municipality="gonabad")
E(
    "آبان ۱۴۰۴ به مشهد چقدر ارزش افزوده رسید؟ رقم دقیق میخوام",
    "vat_share",
    municipality="mashhad",
    period=MONTH(8, 1404),
)
E(
    "sabzevar mahe gozashte cheghad az arzesh afzoode gereft",
    "vat_share",
    municipality="sabzevar",
    period=LAST_MONTH,
)
E(
    "نیمه دوم پارسال سهم شهرداری از ارزش افزوده؟",
    "vat_share",
    today=T_ESFAND,
    period=HALF(2, "last"),
)
E(
    "خرداد چقدر مالیات ارزش افزوده به شهرداری نیشابور تعلق گرفت",
    "vat_share",
    today=T_TIR,
    municipality="neyshabur",
    period=MONTH(3),
)

# ---- project_list (20)
E("پروژه های نیمه کاره", "project_list", status="in_progress")
E("منطقه ۳؟", "project_list", district="3")
E("پروژه های منطقه ۱۳ چیا هستن", "project_list", district="13")
E(
    "کارای عمرانی که تو منطقه ثامن در دست اجراست",
    "project_list",
    district="samen",
    status="in_progress",
)
E("پروژه‌های تموم شده نیشابور", "project_list", municipality="neyshabur", status="completed")
E("چه پارکایی قراره ساخته بشه؟", "project_list", category="green", status="planned")
E("پروژه هایی که متوقف شدن رو بگو", "project_list", status="suspended")
E("لیست پروژه‌های مترو و اتوبوس", "project_list", category="transport")
E("تو منطقه ۹ چه خبره؟ پروژه جدید دارین؟", "project_list", district="9")
E("proje haye sabzevar", "project_list", municipality="sabzevar")
E("proje haye khabide mantaghe 12", "project_list", district="12", status="suspended")
E("پروژه‌های آتش نشانی", "project_list", category="safety")
E("پروژه های بافت فرسوده که خوابیده", "project_list", category="renewal", status="suspended")
E(
    "امسال چیا افتتاح کردین؟ فقط پروژه های تکمیل شده",
    "project_list",
    today=T_MEHR,
    status="completed",
    period=THIS_YEAR,
)
E("کارای عمرانی منطقه ۶ که هنوز شروع نشده", "project_list", district="6", status="planned")
E("پروژه های اطراف حرم", "project_list", category="pilgrims")
E("تربت حیدریه پروژه ای داره اصن؟", "project_list", municipality="torbat-heydarieh")
E("پروژه‌هایی که پارسال کلنگش خورد", "project_list", today=T_NOWRUZ, period=LAST_YEAR)
E(
    "کدوم پروژه های فضای سبز منطقه ۱۱ تموم شده",
    "project_list",
    category="green",
    district="11",
    status="completed",
)
E("پروژه های ورزشی تو مشهد چیا هست؟", "project_list", municipality="mashhad", category="culture")

# ---- project_info (22)
E("خط ۴ قطار شهری کی تموم میشه؟؟ نوه هامون سوار میشن 😂", "project_info", project="P-1001")
E("درصد پیشرفت زیرگذر چهارراه خیام الان چنده", "project_info", project="P-1007")
E("روگذر توس هم که خوابیده، کی قراره دوباره شروع بشه؟", "project_info", project="P-1009")
E("پارکینگ باب الجواد کی افتتاح میشه", "project_info", project="P-1022")
E("بی آر تی طبرسی چقد پول گرفته از ارزش افزوده", "project_info", project="P-1004")
E("پروژه p-1021 بودجش چنده", "project_info", project="P-1021")
E("بازآفرینی نوغان در چه حالیه", "project_info", project="P-1025")
E("کتابخونه سمزقند کی باز شد", "project_info", project="P-1018")
E("پیشرفت فیزیکی ایستگاه آتش نشانی ۲۸ چقدره", "project_info", project="P-1029")
E("بودجه کل تعریض آوینی؟", "project_info", project="P-1011")
E("از اون ۱۰۰ تا اتوبوسی که قرار بود بخرید چندتاش رسید؟", "project_info", project="P-1003")
E("kamarband sabz kei tamoom mishe", "project_info", project="P-1015")
E("zirgozar mirza koochak khan kei shoroo mishe?", "project_info", project="P-1038")
E("سالن ورزشی پنج تن کی کلنگ میخوره", "project_info", project="P-1019")
E("بوستان ولایت منطقه ۳ چند درصد پیش رفته", "project_info", project="P-1013")
E("آسفالت معابر منطقه ۸ چقد خرج برداشت", "project_info", project="P-1010")
E("گرمخانه بی خانمان ها تا حالا چقدر از ارزش افزوده بودجه گرفته؟", "project_info", project="P-1036")
E("بوستان بزرگ جنوب نیشابور کی تموم میشه", "project_info", project="P-1039")
E("فرهنگسرای تربت حیدریه قراره کی ساخته بشه", "project_info", project="P-1042")
E(
    "کانال آبهای سطحی بلوار نماز امسال چقدر از ارزش افزوده گرفت",
    "project_info",
    today=T_ESFAND,
    project="P-1034",
    period=THIS_YEAR,
)
E(
    "مجتمع بازیافت پسماند فاز ۲ پارسال چقدر بودجه ارزش افزوده گرفت",
    "project_info",
    today=T_MEHR,
    project="P-1032",
    period=LAST_YEAR,
)
E("ایمن سازی بازار رضا چرا متوقف شده؟", "project_info", project="P-1031")

# ---- vat_spending (16)
E("پس این همه مالیات کجا میره؟ 😒", "vat_spending")
E(
    "پولای ارزش افزوده امسالو دقیقا برای چیا هزینه کردین",
    "vat_spending",
    today=T_SHAHRIVAR_END,
    period=THIS_YEAR,
)
E(
    "چقد از vat پارسال رفته تو مترو",
    "vat_spending",
    today=T_MEHR,
    category="transport",
    period=LAST_YEAR,
)
E(
    "سهم فضای سبز از پول ارزش افزوده ۱۴۰۴ چقدر بوده",
    "vat_spending",
    category="green",
    period=YEAR(1404),
)
E("ارزش افزوده رو بیشتر خرج کدوم منطقه ها کردین", "vat_spending")
E("هزینه ارزش افزوده نیشابور به تفکیک حوزه", "vat_spending", municipality="neyshabur")
E("از پول ارزش افزوده چقدر برای زباله و بازیافت گذاشتین", "vat_spending", category="environment")
E("هزینه کرد vat تو منطقه ۹", "vat_spending", district="9")
E(
    "kharje arzesh afzoode mashhad too 1403 be tafkik",
    "vat_spending",
    municipality="mashhad",
    period=YEAR(1403),
)
E(
    "چقدر از ارزش افزوده ماه قبل خرج زائرا شده",
    "vat_spending",
    today=T_NOWRUZ,
    category="pilgrims",
    period=LAST_MONTH,
)
E(
    "پولای ارزش افزوده پارسال چجوری بین پروژه ها تقسیم شد",
    "vat_spending",
    today=T_NOWRUZ,
    period=LAST_YEAR,
)
E("از پول ارزش افزوده برای معلولین چیزی خرج شده اصلا؟", "vat_spending", category="social")
E(
    "چقد از ارزش افزوده سبزوار رفته برای آتش نشانی",
    "vat_spending",
    municipality="sabzevar",
    category="safety",
)
E(
    "هزینه های فرهنگی از محل ارزش افزوده در نیمه اول ۱۴۰۵",
    "vat_spending",
    category="culture",
    period=HALF(1, 1405),
)
E(
    "امسال سهم ارزش افزوده دقیقن صرف چه پروژه هایی شد",
    "vat_spending",
    today=T_ESFAND,
    period=THIS_YEAR,
)
E(
    "خرج نوسازی بافت فرسوده از پول vat تو سه ماه اخیر",
    "vat_spending",
    category="renewal",
    period=last_n(3),
)

# ---- vat_compare (16)
E(
    "مشهد و نیشابور پارسال کدوم بیشتر ارزش افزوده گرفتن",
    "vat_compare",
    municipality="mashhad",
    compare_municipality="neyshabur",
    period=LAST_YEAR,
)
E(
    "خبرنگارم، رتبه بندی شهرهای استان از نظر سهم ارزش افزوده ۱۴۰۴ رو دارید؟",
    "vat_compare",
    period=YEAR(1404),
)
E("روند سهم ارزش افزوده تو ۱۲ ماه اخیر", "vat_compare", today=T_ESFAND, period=last_n(12))
E(
    "۱۴۰۳ vs ۱۴۰۴ سهم ارزش افزوده شهرداری",
    "vat_compare",
    period=YEAR(1403),
    compare_period=YEAR(1404),
)
E(
    "امسال ارزش افزوده کمتر اومده یا پارسال؟ حس میکنم کم شده",
    "vat_compare",
    period=THIS_YEAR,
    compare_period=LAST_YEAR,
)
E(
    "سبزوار در برابر قوچان، سهم vat ۱۴۰۴",
    "vat_compare",
    municipality="sabzevar",
    compare_municipality="quchan",
    period=YEAR(1404),
)
E(
    "رشد سهم مشهد از ارزش افزوده از ۱۴۰۰ تا ۱۴۰۴ چند درصد بوده؟",
    "vat_compare",
    municipality="mashhad",
    period=YEARS(1400, 1404),
)
E(
    "مهر امسال نسبت به مهر پارسال ارزش افزوده بیشتر شده؟",
    "vat_compare",
    today=T_MEHR,
    period=MONTH(7, "this"),
    compare_period=MONTH(7, "last"),
)
E("کدوم شهر بیشترین ارزش افزوده رو گرفته امسال", "vat_compare", today=T_DEY, period=THIS_YEAR)
E(
    "moghayese mashhad ba sabzevar az nazare vat",
    "vat_compare",
    municipality="mashhad",
    compare_municipality="sabzevar",
)
E(
    "ارزش افزوده ماه به ماه پارسال رو نشون بده ببینم کی بالا پایین شده",
    "vat_compare",
    period=LAST_YEAR,
)
E(
    "اسفند با بهمن چه فرقی داشت از نظر ارزش افزوده",
    "vat_compare",
    today=T_NOWRUZ,
    period=MONTH(12),
    compare_period=MONTH(11),
)
E(
    "تابستون امسال با بهار امسال مقایسه کن سهم ارزش افزوده رو",
    "vat_compare",
    today=T_MEHR,
    period=QUARTER(2, "this"),
    compare_period=QUARTER(1, "this"),
)
E(
    "گناباد و چناران رو از نظر پول ارزش افزوده کنار هم بذار",
    "vat_compare",
    municipality="gonabad",
    compare_municipality="chenaran",
)
E("سرانه ارزش افزوده مشهد از بقیه شهرا کمتره؟ 🤔", "vat_compare", municipality="mashhad")
E(
    "تربت حیدریه نیمه اول ۱۴۰۵ و نیمه اول ۱۴۰۴، ارزش افزوده کدوم بیشتر بود",
    "vat_compare",
    municipality="torbat-heydarieh",
    period=HALF(1, 1405),
    compare_period=HALF(1, 1404),
)

# ---- tax_calculator (12)
E("یه لپتاپ ۴۵ میلیونی خریدم، سهم شهر چقد میشه؟", "tax_calculator", amount_rial=toman(45_000_000))
E("۲م خرید کردم چقدرش میره شهرداری", "tax_calculator", amount_rial=toman(2_000_000))
E(
    "رو فاکتور ۱۸۰ هزار تومن ارزش افزوده زده، سهم شهرداری ازش چنده",
    "tax_calculator",
    today=T_TIR,
    amount_rial=toman(180_000),
)
E("5000000 ریال خرید کنم چقدرش مال شهره", "tax_calculator", amount_rial=rial(5_000_000))
E(
    "age ye mashin 2 miliard tomani bekharam sahme shahrdari cheghadre",
    "tax_calculator",
    amount_rial=toman(2_000_000_000),
)
E(
    "یخچال گرفتم ۶۸ میلیون و ۵۰۰ تومن. شهرداری از این خرید چی گیرش میاد و کجا خرجش میکنه",
    "tax_calculator",
    amount_rial=toman(68_500_000),
)
E(
    "فاکتور رستوران ۱,۲۰۰,۰۰۰ ت بود چقدرش ارزش افزوده شهریه",
    "tax_calculator",
    today=T_ESFAND,
    amount_rial=toman(1_200_000),
)
E(
    "۳۲۰ هزار ریال vat دادم، چقد به مشهد رسید",
    "tax_calculator",
    municipality="mashhad",
    amount_rial=rial(320_000),
)
E("یک میلیارد ریال خرید، سهم شهرداری چند میشه؟", "tax_calculator", amount_rial=rial(1_000_000_000))
E(
    "ماهی ۱۵ میلیون خرید میکنم، چند درصدش میره برای شهر",
    "tax_calculator",
    amount_rial=toman(15_000_000),
)
E(
    "۹۹۰ هزار تومنی خرید کردم سهم شهرداری ؟؟",
    "tax_calculator",
    today=T_NOWRUZ,
    amount_rial=toman(990_000),
)
E(
    "اگه ۳ و نیم میلیون بدم بابت گوشی، چقدرش میره تو جیب شهرداری 😅",
    "tax_calculator",
    amount_rial=toman(3_500_000),
)

# ---- faq (14)
E("اصن چرا باید شهرداری از vat پول بگیره؟ مگه عوارض نمیگیره", "faq")
E("چند درصد ارزش افزوده میرسه دست شهر؟", "faq")
E("دیتاتون منبعش کجاست؟ سازمان مالیاتی یا خود شهرداری؟", "faq")
E("ارزش افزوده چه فرقی با مالیات بر درآمد داره", "faq")
E("این ربات مال شهرداریه یا مستقله؟", "faq", today=T_DEY)
E("سامانه شفاف رو کی راه انداخته؟", "faq")
E("ملاک تقسیم پول ارزش افزوده بین شهرداریا جمعیته یا میزان فروش؟", "faq")
E("ارزش افزوده ای که من میدم مستقیم میره شهرداری یا اول میره خزانه؟", "faq")
E("نرخ vat الان ۱۰ درصده یا هنوز ۹؟", "faq")
E("arzesh afzoode yani chi? kia bayad bedan?", "faq")
E("نون و دارو هم ارزش افزوده دارن؟", "faq", today=T_TIR)
E("آمار هر ماه آپدیت میشه یا سالی یه بار؟", "faq")
E("چرا رقمای شما با چیزی که شورای شهر اعلام کرده فرق داره؟", "faq")
E("وقتی از مغازه خرید میکنم کدوم قسمت فاکتور مال شهرداریه؟", "faq")

# ---- out_of_scope (22)
E("حقوقم ۲۵ میلیونه، مالیاتش چقد کم میشه؟", "out_of_scope")
E("عوارض سالیانه ماشینمو از کجا پرداخت کنم", "out_of_scope")
E("عوارض نوسازی امسالم چقدر میشه؟ کد نوسازی دارم", "out_of_scope", today=T_ESFAND)
E("استرداد ارزش افزوده صادراتی چقد طول میکشه", "out_of_scope")
E("چطوری تو سامانه مودیان اظهارنامه ارزش افزوده فصلی بدم", "out_of_scope", today=T_MEHR)
E("نرخ یورو و سکه الان چنده", "out_of_scope")
E("تورم ماه پیش چند درصد شد", "out_of_scope")
E("امشب دما زیر صفر میره؟", "out_of_scope", today=T_DEY)
E("بازی استقلال با سپاهان چند چند شد", "out_of_scope")
E("شماره ۱۳۷ جواب نمیده، چیکار کنم", "out_of_scope")
E("سر کوچمون یه چاله گنده هست، کی میاید درستش کنید؟", "out_of_scope")
E("زباله های کوچه مارو سه روزه نبردن", "out_of_scope")
E("یه جوک بامزه تعریف کن 😂", "out_of_scope")
E("ربات مسخره به درد نخور", "out_of_scope")
E("عضو کانال ما شوید t.me/takhfif_kade فالو = فالو", "out_of_scope")
E("قیمت خونه متری چند شده تو وکیل آباد؟", "out_of_scope")
E("وام ازدواج الان چقدره", "out_of_scope", today=T_NOWRUZ)
E("bilit havapeyma mashhad tehran chande", "out_of_scope")
E("مالیات بر ارث چطوری حساب میشه", "out_of_scope")
E("مترو امشب تا ساعت چند کار میکنه", "out_of_scope")
E("ارزش افزوده شرکتمو دیر دادم جریمش چقدره؟", "out_of_scope")
E("عوارض پسماند چرا رو قبض آب اومده؟", "out_of_scope")

# ---- feedback (12)
E(
    "زیرگذر خیام ترافیک وحشتناکی درست کرده، کی میخواین جمعش کنید؟ اعصاب نمیمونه",
    "feedback",
    project="P-1007",
)
E("دمتون گرم بابت بوستان ملت، خیلی خوب شده 👌", "feedback", today=T_TIR, project="P-1016")
E("پیشنهاد: تو منطقه ۱۲ یه کتابخونه بزنید", "feedback", district="12", category="culture")
E("شکایت دارم از پیاده راه امام رضا، همش کنده کاریه", "feedback", project="P-1021")
E("یه انتقاد: اعدادتون با سایت شهرداری نمیخونه", "feedback")
E("میخوام شکایت ثبت کنم", "feedback", today=T_ESFAND)
E("پیشنهاد میدم یه بخش نقشه هم به ربات اضافه کنید", "feedback")
E("گلشهر رو ول کردین به امون خدا، بازآفرینیش دو ساله خوابیده", "feedback", project="P-1026")
E("کانال آب بلوار نماز کارش خوب بود ولی آسفالتشو نصفه ول کردن", "feedback", project="P-1034")
E(
    "سلام، ساکن طبرسی شمالی هستم. نوسازی بافت فرسوده اینجا فقط رو کاغذه، هیچ کاری نشده",
    "feedback",
    project="P-1027",
)
E(
    "بابت ایستگاه آتش‌نشانی ۲۸ ممنون، نزدیک خونه ماست و خیالمون راحت شد",
    "feedback",
    today=T_MEHR,
    project="P-1029",
)
E(
    "پیشنهاد دارم بودجه بیشتری برای حاشیه شهر بذارید، اونجا هیچی نیست",
    "feedback",
    category="renewal",
)

# ---- feedback_status (6)
E("کد پیگیری ۴۸۲۷۱ چی شد؟", "feedback_status", tracking_code="48271")
E("شکایتم با کد sh-77120 جواب داده شد؟", "feedback_status", tracking_code="SH-77120")
E("پیگیری fb-1405-1122", "feedback_status", tracking_code="FB-1405-1122")
E("انتقادی که هفته پیش فرستادم به جایی رسید یا نه؟", "feedback_status", today=T_DEY)
E("peygiri code 90317", "feedback_status", tracking_code="90317")
E("کد ۳۳۰۸۱ رو بررسی کردین؟ یه ماهه منتظرم 😤", "feedback_status", tracking_code="33081")

# ---- report (8)
E("آخرین گزارش مالی؟", "report")
E("گزارش سالانه ۱۴۰۳ مشهد رو میخوام", "report", municipality="mashhad", period=YEAR(1403))
E("گزارش فصل سوم ۱۴۰۴ نیشابور اومده؟", "report", municipality="neyshabur", period=QUARTER(3, 1404))
E("pdf گزارش مالی سبزوار", "report", municipality="sabzevar")
E("گزارش زمستون پارسال منتشر شد؟", "report", today=T_NOWRUZ, period=QUARTER(4, "last"))
E(
    "گزارش عملکرد شهرداری تو تابستون امسال رو بفرست",
    "report",
    today=T_MEHR,
    period=QUARTER(2, "this"),
)
E("گزارشای ۱۴۰۴ رو یه جا میخوام", "report", period=YEAR(1404))
E("جدیدترین گزارش مالی نیشابور", "report", municipality="neyshabur")

# ---- subscribe (6)
E("هر هفته گزارشارو برام بفرست", "subscribe")
E("عضو خبرنامه ماهانه کنید منو", "subscribe")
E("هروقت گزارش سبزوار اومد خبرم کن", "subscribe", municipality="sabzevar")
E("eshterak mahane mikham", "subscribe")
E("اشتراکمو از هفتگی کن ماهانه", "subscribe", today=T_SHAHRIVAR_END)
E("سابسکرایب کن منو 🙏", "subscribe")

# ---- unsubscribe (6)
E("بسه دیگه پیام نفرست", "unsubscribe")
E("اشتراکمو کنسل کن", "unsubscribe", today=T_TIR)
E("نمیخوام دیگه گزارش هفتگی بیاد", "unsubscribe")
E("لغو عضویت خبرنامه لطفا", "unsubscribe")
E("laghv eshterak", "unsubscribe")
E("نوتیف گزارشا رو خاموش کن، حوصلم سر رفت", "unsubscribe")

# ---- greeting (4)
E("سلاااام 👋", "greeting")
E("سلام خسته نباشید", "greeting", today=T_NOWRUZ)
E("hi", "greeting")
E("درود، وقتتون بخیر", "greeting", today=T_DEY)

# ---- help (5)
E("چیکارا بلدی؟", "help")
E("منو", "help")
E("راهنمایی کن چی میشه ازت پرسید", "help", today=T_MEHR)
E("با این ربات دقیقن چیکار میشه کرد", "help")
E("help", "help")

# ---- thanks (5)
E("مرسی اوکی بود", "thanks")
E("دمت گرم 🙏", "thanks", today=T_ESFAND)
E("ممنونم، فعلا خدافظ", "thanks")
E("merc", "thanks")
E("تشکر از جوابت ربات جان", "thanks", today=T_SHAHRIVAR_END)


if __name__ == "__main__":
    raise SystemExit(main(OUT, TARGET))
