#!/usr/bin/env python3
"""Build tests/otherdata/questions.jsonl: an NLU evaluation set over a DIFFERENT dataset.

The CSVs in tests/otherdata/dataset are invented for this set only (7 municipalities with towns
the bundled sample does not know, 9 categories with their own slugs and synonyms, 40 projects coded
KR-03xx, reports RPT-…): the set checks that understanding generalises to names, districts and
categories the system has never seen. Written without reading nlp/, data/nlu/, tests/heldout,
tests/blind or any other evaluation set: only CONTRACT.md section 4, the labelling conventions of
../shared/eval/dev.jsonl and the CSVs in ./dataset were consulted.
Load the dataset first (`shafaf import tests/otherdata/dataset`), then
`shafaf eval tests/otherdata/questions.jsonl`. Build: python tests/otherdata/build.py [--check]
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
    "vat_share": 20,
    "project_info": 22,
    "project_list": 18,
    "vat_spending": 13,
    "vat_compare": 13,
    "out_of_scope": 16,
    "faq": 11,
    "tax_calculator": 10,
    "feedback": 12,
    "feedback_status": 5,
    "report": 6,
    "subscribe": 4,
    "unsubscribe": 4,
    "greeting": 2,
    "help": 2,
    "thanks": 2,
}

# a few other "today"s besides the kit's default (1405-09-08) and T_NOWRUZ (1405-01-03)
T_SUMMER = "1405-05-20"
T_KHORDAD = "1405-03-02"
T_TIR = "1405-04-10"
T_SHAHRIVAR = "1405-06-15"
T_MEHR_LATE = "1405-07-20"
T_ORDIBEHESHT = "1405-02-11"
T_BAHMAN = "1404-11-15"
T_DEY = "1405-10-05"
T_AZAR = "1405-09-20"
T_ABAN = "1405-08-14"

# ------------------------------------------------------------------ vat_share (20)
E(
    "سهم خواف از ارزش افزوده تو سال ۱۴۰۳ چقدر بوده؟",
    "vat_share",
    municipality="khaf",
    period=YEAR(1403),
)
E(
    "شهرداری سرخس پارسال چند میلیارد از مالیات بر ارزش افزوده گرفت",
    "vat_share",
    T_SUMMER,
    municipality="sarakhs",
    period=LAST_YEAR,
)
E(
    "ماه قبل چقد پول ارزش افزوده واریز شد به حساب شهرداری تایباد؟",
    "vat_share",
    T_KHORDAD,
    municipality="taybad",
    period=LAST_MONTH,
)
E(
    "ارزش افزوده درگز فروردین امسال",
    "vat_share",
    T_TIR,
    municipality="dargaz",
    period=MONTH(1, "this"),
)
E(
    "سلام. من دانشجوی اقتصادم و دارم یه تحقیق درباره درآمد شهرداری‌های شهرهای کوچیک می‌نویسم. "
    "می‌خواستم بدونم سهم بردسکن از مالیات ارزش افزوده در نیمه دوم ۱۴۰۴ دقیقا چقدر بوده؟ مرسی",
    "vat_share",
    municipality="bardaskan",
    period=HALF(2, 1404),
)
E(
    "کلات تو زمستون پارسال چقدر ارزش افزوده گرفت",
    "vat_share",
    T_SHAHRIVAR,
    municipality="kalat",
    period=QUARTER(4, "last"),
)
E(
    "sahme khaf az arzesh afzoode dar sale 1404 chand bood?",
    "vat_share",
    municipality="khaf",
    period=YEAR(1404),
)
# today is in Shahrivar, so the most recent Mehr is last year's
E("سهم شهرداری از vat تو مهرماه چن شد", "vat_share", T_SHAHRIVAR, period=MONTH(7))
E(
    "خواف ۶ ماه اخیر چقدر سهم ارزش افزوده داشته؟",
    "vat_share",
    T_ORDIBEHESHT,
    municipality="khaf",
    period=last_n(6),
)
E("چقد ارزش افزده اومده برا سرخس؟", "vat_share", municipality="sarakhs")
E(
    "طایباد سال ۱۴۰۲ از مالیات بر ارزش افزوده چه مبلغی سهم برد؟",
    "vat_share",  # town misspelt (ط for ت)
    municipality="taybad",
    period=YEAR(1402),
)
E(
    "امسال تا حالا شهرداری مشهد چقدر از ارزش افزوده سهم برده",
    "vat_share",
    T_MEHR_LATE,
    municipality="mashhad",
    period=THIS_YEAR,
)
E(
    "مالیات ارزش افزوده ای که به درگز رسید در پاییز ۱۴۰۳",
    "vat_share",
    municipality="dargaz",
    period=QUARTER(3, 1403),
)
E(
    "سهم بردسکن از عوارض ارزش افزوده در سه ماهه اول امسال",
    "vat_share",
    "1405-05-01",
    municipality="bardaskan",
    period=QUARTER(1, "this"),
)
E(
    "پیارسال کلات چقدر پول از محل vat دریافت کرد؟",
    "vat_share",
    T_NOWRUZ,
    municipality="kalat",
    period=YEAR_BEFORE_LAST,
)
E("ارزش افزوده اسفند ماه مشهد", "vat_share", municipality="mashhad", period=MONTH(12))
E(
    "از تیر تا شهریور ۱۴۰۴ سهم شهرداری خواف از مالیات بر ارزش افزوده چند ریال بود؟",
    "vat_share",
    municipality="khaf",
    period=MONTHS(4, 6, 1404),
)
E(
    "طی سه ماه گذشته شهرداری سرخس روی هم چند میلیارد ریال از محل ارزش افزوده دریافت کرده؟",
    "vat_share",
    T_NOWRUZ,
    municipality="sarakhs",
    period=last_n(3),
)
E(
    "arzesh afzoode dargaz mahe gozashte",
    "vat_share",
    T_BAHMAN,
    municipality="dargaz",
    period=LAST_MONTH,
)
E(
    "سلام، خبرنگار یه روزنامه محلی هستم؛ رقم دقیق سهم شهرداری مشهد از ارزش افزوده در بهار ۱۴۰۵ "
    "رو برای گزارشم لازم دارم",
    "vat_share",
    municipality="mashhad",
    period=QUARTER(1, 1405),
)

# ------------------------------------------------------------------ vat_compare (13)
E(
    "سهم ارزش افزوده خواف و تایباد رو مقایسه کن",
    "vat_compare",
    municipality="khaf",
    compare_municipality="taybad",
)
E(
    "سرخس بیشتر از ارزش افزوده پول گرفته یا درگز؟ سال ۱۴۰۴ رو میگم",
    "vat_compare",
    municipality="sarakhs",
    compare_municipality="dargaz",
    period=YEAR(1404),
)
E(
    "سهم امسال کلات از vat نسبت به پارسال چقدر رشد داشته",
    "vat_compare",
    "1405-08-01",
    municipality="kalat",
    period=THIS_YEAR,
    compare_period=LAST_YEAR,
)
E(
    "روند سهم ارزش افزوده بردسکن از ۱۴۰۲ تا ۱۴۰۴",
    "vat_compare",
    municipality="bardaskan",
    period=YEARS(1402, 1404),
)
E(
    "تابستون ۱۴۰۵ رو با تابستون ۱۴۰۴ مقایسه کن از نظر پول ارزش افزوده مشهد",
    "vat_compare",
    municipality="mashhad",
    period=QUARTER(2, 1405),
    compare_period=QUARTER(2, 1404),
)
E(
    "moghayese sahm vat taybad ba khaf dar sal 1403",
    "vat_compare",
    municipality="taybad",
    compare_municipality="khaf",
    period=YEAR(1403),
)
E(
    "شهرداری مشهد پاییز امسال نسبت به بهار امسال سهم بیشتری از ارزش افزوده گرفته؟",
    "vat_compare",
    T_DEY,
    municipality="mashhad",
    period=QUARTER(3, "this"),
    compare_period=QUARTER(1, "this"),
)
E(
    "آذر پارسال و آذر امسال سهم vat درگز چه فرقی کرده",
    "vat_compare",
    T_AZAR,
    municipality="dargaz",
    period=MONTH(9, "last"),
    compare_period=MONTH(9, "this"),
)
E("سهم سرخس از ارزش افزوده داره کم میشه یا زیاد؟", "vat_compare", municipality="sarakhs")
E(
    "کدوم بیشتر سهم گرفت از مالیات ارزش افزوده، کلات یا بردسکن؟",
    "vat_compare",
    municipality="kalat",
    compare_municipality="bardaskan",
)
E(
    "نیمه اول ۱۴۰۵ در مقایسه با نیمه اول ۱۴۰۴، سهم شهرداری خواف از ارزش افزوده چه تغییری کرد؟",
    "vat_compare",
    municipality="khaf",
    period=HALF(1, 1405),
    compare_period=HALF(1, 1404),
)
E(
    "نمودار ماهانه ارزش افزوده مشهد در سال گذشته",
    "vat_compare",
    T_KHORDAD,
    municipality="mashhad",
    period=LAST_YEAR,
)
E(
    "تایباد در برابر مشهد چقدر ارزش افزوده میگیره؟ عددشونو کنار هم بذار",
    "vat_compare",
    municipality="taybad",
    compare_municipality="mashhad",
)

# ------------------------------------------------------------------ vat_spending (13)
E(
    "خواف سهم ۱۴۰۴ش از مالیات ارزش افزوده رو صرف چه کارایی کرد؟",
    "vat_spending",
    municipality="khaf",
    period=YEAR(1404),
)
E(
    "چقدر از سهم vat مشهد امسال رفته برای پیاده روها",
    "vat_spending",
    T_ABAN,
    municipality="mashhad",
    period=THIS_YEAR,
    category="sidewalks",
)
E(
    "سه ماه اخیر هزینه کرد ارزش افزوده در بخش درمانگاه ها و بهداشت",
    "vat_spending",
    "1405-06-25",
    category="health",
    period=last_n(3),
)
E(
    "پارسال از پول مالیات ارزش افزوده چقد خرج مدرسه سازی شد؟",
    "vat_spending",
    T_ORDIBEHESHT,
    category="education",
    period=LAST_YEAR,
)
E("سرخس سهم ارزش افزوده اش رو بیشتر صرف چه پروژه هایی کرده", "vat_spending", municipality="sarakhs")
E(
    "chand ta az pool vat taybad kharje varzeshgah o salon varzeshi shode?",
    "vat_spending",
    municipality="taybad",
    category="sports",
)
E("تو منطقه ۹ پول مالیات ارزش افزوده به کدوم پروژه ها رسیده؟", "vat_spending", district="9")
E(
    "بابت آتش نشانی و مدیریت بحران از محل ارزش افزوده تو نیمه اول امسال چقدر هزینه شده؟",
    "vat_spending",
    T_ABAN,
    category="safety",
    period=HALF(1, "this"),
)
E("شهرداری درگز با سهمش از vat چیکار کرده؟ کجاها خرجش کرده", "vat_spending", municipality="dargaz")
E("سهم vat شهریور ماه خرج کدوم کارا شد", "vat_spending", period=MONTH(6))
E(
    "چقدر از ارزش افزوده بردسکن برای جوی و کانال آب رفته؟",
    "vat_spending",
    municipality="bardaskan",
    category="water",
)
E(
    "ریز هزینه کرد عوارض ارزش افزوده کلات برای فضای سبز در ۱۴۰۳",
    "vat_spending",
    municipality="kalat",
    category="parks",
    period=YEAR(1403),
)
E(
    "تو زمستون ۱۴۰۴ چقدر از سهم ارزش افزوده صرف اتوبوس و پایانه ها شد؟",
    "vat_spending",
    category="mobility",
    period=QUARTER(4, 1404),
)

# ------------------------------------------------------------------ project_list (18)
E("پروژه‌های خواف", "project_list", municipality="khaf")
E("چه پروژه هایی تو ناحیه هفت در حال اجراست؟", "project_list", district="7", status="in_progress")
E("ثامن چه پروژه‌ای داره", "project_list", district="samen")
E("لیست پارک ها و بوستان های در دست ساخت", "project_list", category="parks", status="in_progress")
E(
    "تو سرخس کدوم کارای عمرانی به اتمام رسیده؟",
    "project_list",
    municipality="sarakhs",
    status="completed",
)
E(
    "kodoom proje ha too dargaz motevaghef shodan?",
    "project_list",
    municipality="dargaz",
    status="suspended",
)
E("درمانگاه‌هایی که قراره ساخته بشن", "project_list", category="health", status="planned")
E("لیست طرح های ناحیه ۲ سرخس", "project_list", municipality="sarakhs", district="2")
E(
    "تو تایباد پروژه درمانی و بهداشتی چی دارید",
    "project_list",
    municipality="taybad",
    category="health",
)
E("پروژه‌های نیمه کاره و متوقف منطقه ۴", "project_list", district="4", status="suspended")
E(
    "کارای عمرانی که امسال شروع شدن توی بردسکن",
    "project_list",
    "1405-06-01",
    municipality="bardaskan",
    period=THIS_YEAR,
)
E("پروژه هاي آتش نشاني منطقه ۱۱", "project_list", district="11", category="safety")
E("proje haye fazaye sabz dar kalat", "project_list", municipality="kalat", category="parks")
E(
    "مدارس و کتابخونه هایی که شهرداری ساخته و تحویل داده",
    "project_list",
    category="education",
    status="completed",
)
E("منطقه سیزده پروزه داره؟", "project_list", district="13")
E("کدوم پروژه ها تو ۱۴۰۳ تموم شدن؟", "project_list", period=YEAR(1403), status="completed")
E("بازارچه ها و تره بار های مشهد", "project_list", municipality="mashhad", category="markets")
E("پروژه‌های برنامه ریزی شده کانال و آبهای سطحی", "project_list", category="water", status="planned")

# ------------------------------------------------------------------ project_info (22)
E("بوستان نسترن کی افتتاح شد؟", "project_info", project="KR-0302")
E(
    "با سلام، برای گزارشی درباره پروژه‌های نیمه‌تمام شهر، بودجه کل و مبلغ تامین‌شده از ارزش افزوده "
    "برای لایروبی مسیل گلستان را نیاز دارم",
    "project_info",
    project="KR-0320",
)
E("درمونگاه التیمور کی تموم میشه؟", "project_info", project="KR-0304")
E("بودجه کتابخانه پروین اعتصامی چقدر بود", "project_info", project="KR-0305")
E("پروژه kr-0327 تا الان چقدر ارزش افزوده گرفته", "project_info", project="KR-0327")
E(
    "کانال بلوار توس امسال چقدر از vat پول گرفته",
    "project_info",
    T_ESFAND,
    project="KR-0307",
    period=THIS_YEAR,
)
E("استخر کامیاب چرا خوابیده؟ کی دوباره شروع میشه", "project_info", project="KR-0310")
E("اون پل عابر برقی که تو میدون بسیج دارن میسازن کی آماده میشه؟", "project_info", project="KR-0303")
E("پایانه میدون آزادی کی راه میفته", "project_info", project="KR-0312")
E("ایستگاه آتشنشانی ۴۶ کی ساخته میشه", "project_info", project="KR-0313")
E("انبار مدیریت بحران منطقه ۱۱ در چه وضعیتیه؟", "project_info", project="KR-0314")
E("کمربند سبز شمال شرق مشهد چقدر پیشرفت کرده", "project_info", project="KR-0315")
E(
    "بوستان آبشار طبرسی تو ۱۴۰۴ چقدر از ارزش افزوده گرفت؟",
    "project_info",
    project="KR-0316",
    period=YEAR(1404),
)
E("توالت های عمومی اطراف حرم کی تموم شد", "project_info", project="KR-0317")
E("خانه سلامت خواجه ربیع", "project_info", project="KR-0318")
E("پیاده راه بازارچه دوغارون کی شروع میشه؟", "project_info", project="KR-0329")
E("bazarche sarpooshide khaf key tamoom mishe?", "project_info", project="KR-0323")
E("پایانه مرزی سرخس تا الان چقدر هزینه برده", "project_info", project="KR-0326")
E("کتابخونه مرکزی درگز افتتاح شده؟", "project_info", project="KR-0332")
# the town is said outside the project's name ("سنگفرش خیابان طالقانی"), so it is labelled
E(
    "سنگفرش خیابون طالقانی بردسکن کی تموم شد",
    "project_info",
    project="KR-0335",
    municipality="bardaskan",
)
E("مسیر پیاده روی کاخ خورشید چند درصد جلو رفته", "project_info", project="KR-0338")
E(
    "ورزشگاه چمران درگز تو سالای ۱۴۰۳ و ۱۴۰۴ چقدر پول ارزش افزوده گرفت",
    "project_info",
    project="KR-0334",
    municipality="dargaz",
    period=span(1403, 1, 1404, 12),
)

# ------------------------------------------------------------------ tax_calculator (10)
E(
    "یه یخچال ۶۵ میلیون تومنی خریدم، سهم شهر از مالیاتش چقدره؟",
    "tax_calculator",
    amount_rial=toman(65_000_000),
)
E(
    "اگه ۲۰۰ هزار تومن خرید کنم چقدر میره برای شهرداری تایباد؟",
    "tax_calculator",
    municipality="taybad",
    amount_rial=toman(200_000),
)
E(
    "فاکتور رستوران ۱ میلیون و ۸۰۰ شد، چقدرش مال شهرداریه؟",
    "tax_calculator",
    amount_rial=toman(1_800_000),
)
E(
    "مغازه دارم، ماهی حدود ۴۰ میلیون تومن مالیات ارزش افزوده میدم؛ از این مبلغ چقدرش به "
    "شهرداری خواف میرسه و کجا خرج میشه؟",
    "tax_calculator",
    municipality="khaf",
    amount_rial=toman(40_000_000),
)
E(
    "1200000 ریال ارزش افزوده رو قبضم خورده، سهم شهر چنده",
    "tax_calculator",
    amount_rial=rial(1_200_000),
)
E(
    "kharide 3 milion tomani, sahme shahrdari cheghadr mishe?",
    "tax_calculator",
    amount_rial=toman(3_000_000),
)
E(
    "یه لپ تاپ ۴۸ میلیونی گرفتم. چقد از پولش به شهر میرسه",
    "tax_calculator",
    amount_rial=toman(48_000_000),
)
E(
    "از خرید نهصد هزار تومنی من سهم شهرداری چند تومن میشه؟",
    "tax_calculator",
    amount_rial=toman(900_000),
)
E(
    "اگر ماشین ۲ میلیارد و ۳۰۰ میلیون تومانی بخرم، چقدر از ارزش افزوده آن به شهرداری مشهد می‌رسد؟",
    "tax_calculator",
    municipality="mashhad",
    amount_rial=toman(2_300_000_000),
)
E(
    "روی رسید داروخانه ۶۴۰ هزار ریال مالیات بر ارزش افزوده نوشته، سهم شهر از این چقدره",
    "tax_calculator",
    amount_rial=rial(640_000),
)

# ------------------------------------------------------------------ faq (11)
E("ارزش افزوده یعنی چی دقیقا؟", "faq")
E("چرا بخشی از مالیاتی که من تو مغازه میدم باید بره به شهرداری؟", "faq")
E("چند درصد مالیات ارزش افزوده به شهر میرسه؟", "faq")
E("داده های شفاف چقدر دقیقه و از کجا جمع میشه؟", "faq")
E("دهیاری ها و روستاها هم از این مالیات سهم دارن؟", "faq")
E("ارزش افزوده رو فروشنده میده یا خریدار؟", "faq")
E("نرخ ارزش افزوده از کی ده درصد شد؟", "faq")
E("اگه فاکتور رسمی نگیرم بازم سهم شهر پرداخت میشه؟", "faq")
E("شفاف دقیقا چه جوری کار میکنه و اطلاعاتش رو کی وارد میکنه؟", "faq")
E("ارزش افزوده با مالیات بر درآمد چه فرقی داره؟", "faq")
E("قانونی که سهم شهرداری ها رو از ارزش افزوده مشخص کرده مال چه سالیه؟", "faq")

# ------------------------------------------------------------------ feedback (12)
E(
    "پیشنهاد میدم تو کلات یه کتابخونه عمومی بسازید",
    "feedback",
    municipality="kalat",
    category="education",
)
E(
    "از کار کند پیاده راه نواب صفوی ناراضی ام، مغازه ام شش ماهه بی مشتری مونده",
    "feedback",
    project="KR-0301",
)
E("بوستان نسترن شبا چراغ نداره، لطفا رسیدگی کنید", "feedback", project="KR-0302")
E("انتقاد: چرا اطلاعات پروژه های درگز اینقدر کمه؟", "feedback", municipality="dargaz")
E("یه پیشنهاد داشتم برای بخش گزارشا", "feedback")
E(
    "من ساکن ناحیه ۹ هستم، درمانگاه محله ما خیلی کوچیکه، یه درمانگاه بزرگتر لازم داریم",
    "feedback",
    district="9",
    category="health",
)
E(
    "تشکر ویژه از شهرداری تایباد بابت بوستان کودک آرامش، بچه ها خیلی خوشحالن. "
    "لطفا به گوششون برسونید",
    "feedback",
    municipality="taybad",
    project="KR-0331",
)
E("shekayat daram az estakhre kamyab ke do sale neemekare moonde", "feedback", project="KR-0310")
E(
    "کانال بلوار توس بوی بد میده و پر از آشغاله، کی میخواید درستش کنید؟",
    "feedback",
    project="KR-0307",
)
E("میخوام یه انتقاد ثبت کنم", "feedback")
E(
    "ایستگاه اتوبوس های هوشمند هفت تیر اصلا کار نمیکنن، تابلوهاش خاموشه",
    "feedback",
    project="KR-0321",
)
E(
    "به نظرم باید پول ارزش افزوده بیشتری بدید به مدارس منطقه ۱۳ که خیلی کمبود دارن",
    "feedback",
    district="13",
    category="education",
)

# ------------------------------------------------------------------ feedback_status (5)
E("کد پیگیری KH-30571 چی شد؟", "feedback_status", tracking_code="KH-30571")
E("shekayatam ba code 88120 be koja resid", "feedback_status", tracking_code="88120")
E("پیشنهادی که هفته پیش دادم با کد ۴۰۹۱۸ بررسی شد؟", "feedback_status", tracking_code="40918")
E("وضعیت بازخورد fb-2207-13", "feedback_status", tracking_code="FB-2207-13")
E("جواب انتقادمو هنوز ندادید؟", "feedback_status")

# ------------------------------------------------------------------ report (6)
E(
    "گزارش فصل پاییز ۱۴۰۴ شهرداری مشهد رو میخوام",
    "report",
    municipality="mashhad",
    period=QUARTER(3, 1404),
)
E("گزارش سالانه خواف برای ۱۴۰۴ منتشر شده؟", "report", municipality="khaf", period=YEAR(1404))
E("جدیدترین گزارش مالی رو بفرست", "report")
E("گزارشای نیمه اول امسال تایباد", "report", municipality="taybad", period=HALF(1, "this"))
E("گزارش عملکرد بهار ۱۴۰۵ منتشر شد یا نه؟", "report", period=QUARTER(1, 1405))
E("فایل pdf گزارش مالی درگز", "report", municipality="dargaz")

# ------------------------------------------------------------------ subscribe (4) / unsubscribe (4)
E("میخوام هر هفته خلاصه گزارش برام بیاد", "subscribe")
E("میخوام عضو خبرنامه سرخس بشم", "subscribe", municipality="sarakhs")
E("ثبت نام برای دریافت گزارش ماهانه", "subscribe")
E("منو مشترک کن، اخبار مالی کلات رو میخوام", "subscribe", municipality="kalat")
E("اشتراکمو لغو کن", "unsubscribe")
E("دیگه نمیخوام پیامای گزارش بیاد", "unsubscribe")
E("خبرنامه خواف رو برام قطع کن", "unsubscribe", municipality="khaf")
E("عضویتم تو خبرنامه رو بردار", "unsubscribe")

# ---------------------------------------------------------- greeting / help / thanks (2 each)
E("سلام شفاف جان", "greeting")
E("صبح بخیر", "greeting")
E("راهنمایی کن، با این بات چیکار میشه کرد؟", "help")
E("چطوری از این ربات استفاده کنم؟", "help")
E("مرسی از جوابت", "thanks")
E("ممنونم، خیلی کمک کرد", "thanks")

# ------------------------------------------------------------------ out_of_scope (16, near misses)
E("عوارض سالیانه خودرو رو از کجا پرداخت کنم؟", "out_of_scope")
E("جواز ساخت ساختمون تو خواف چقدر طول میکشه بگیرم؟", "out_of_scope")
E("لامپ کوچه مون سوخته، با ۱۳۷ چطوری تماس بگیرم؟", "out_of_scope")
E("قیمت گوجه تو میدون تره بار امروز چنده؟", "out_of_scope")
E("فردا تو سرخس برف میاد؟", "out_of_scope")
E("بازی پیکان و پدیده کی شروع میشه؟", "out_of_scope")
E("تو آدمی یا هوش مصنوعی؟ اسمت چیه؟", "out_of_scope")
E("مالیات اجاره خونه رو چطور حساب کنم؟", "out_of_scope")
E("قبض آب رو از کجا آنلاین بدم", "out_of_scope")
E("بلیط قطار مشهد به تهران برای هفته بعد هست؟", "out_of_scope")
E("مالیات مقطوع مشاغل امسال چقدر شده؟", "out_of_scope")
E("یه شعر از حافظ برام بخون", "out_of_scope")
E("آدرس شهرداری ناحیه ۵ رو میخواستم", "out_of_scope")
E("عوارض پسماندی که شهرداری میگیره خرج چی میشه؟", "out_of_scope")
E("ثبت نام وام ودیعه مسکن از کجاست", "out_of_scope")
E("نرخ طلای ۱۸ عیار امروز تو بازار مشهد چقدره؟", "out_of_scope")

if __name__ == "__main__":
    raise SystemExit(main(OUT, TARGET))
