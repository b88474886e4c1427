#!/usr/bin/env python3
"""Build tests/otherdata2/questions.jsonl: an NLU evaluation set over a DIFFERENT, invented dataset.

The dataset in ./dataset (six Khorasan Razavi municipalities — Mashhad plus Firuzeh, Joveyn,
Bajestan, Roshtkhar and Davarzan — eight categories with their own slugs and synonyms, 35 projects
coded MR-12xx) is unknown to the system, so these questions test generalisation to new project
names, categories and towns, and to phrasing nobody tuned for. Written from CONTRACT.md sections 3–4
and the labelling conventions of ../shared/eval/dev.jsonl only.
Run: python tests/otherdata2/build.py [--check]
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
    "vat_share": 16,
    "project_info": 18,
    "project_list": 15,
    "vat_spending": 11,
    "vat_compare": 11,
    "out_of_scope": 13,
    "faq": 9,
    "tax_calculator": 8,
    "feedback": 10,
    "feedback_status": 4,
    "report": 5,
    "subscribe": 3,
    "unsubscribe": 3,
    "greeting": 1,
    "help": 2,
    "thanks": 1,
}

# other "todays" used for relative periods
T_KHORDAD = "1405-03-10"
T_ORDIBEHESHT = "1405-02-11"
T_MORDAD = "1405-05-20"
T_SHAHRIVAR = "1405-06-15"
T_MEHR05 = "1405-07-15"
T_AMORDAD_EARLY = "1405-05-02"

# Project codes of the otherdata2 dataset (see dataset/projects.csv)
TOOS = "MR-1201"  # تعریض بلوار توس شمالی (mashhad, 3)
PAYAMBAR = "MR-1202"  # پل طبقاتی بلوار پیامبر اعظم (mashhad, 4)
NASTARAN = "MR-1204"  # بوستان نسترن قاسم‌آباد (mashhad, 9)
BAGH_REZVAN = "MR-1206"  # توسعه آرامستان باغ رضوان (mashhad, 6)
KALAT = "MR-1208"  # کشتارگاه صنعتی جاده کلات (mashhad, 13)
SISABAD = "MR-1209"  # ساماندهی بازار دام سیس‌آباد (mashhad, 12)
ALANDASHT = "MR-1210"  # پایانه اتوبوس‌رانی الندشت (mashhad, 10)
ALTIMOUR = "MR-1214"  # روشنایی خورشیدی کوچه‌های التیمور (mashhad, 5)
RAJAEI = "MR-1215"  # مدرسه ۱۲ کلاسه خیرساز شهرک رجایی (mashhad, 2)
MAYAMI = "MR-1216"  # هنرستان فنی بلوار میامی (mashhad, 7)
PANJTAN = "MR-1217"  # کتابخانه محله‌ای پنج‌تن (mashhad, 7)
SANABAD = "MR-1218"  # احیای قنات سناباد (mashhad, samen)
NAKHRISI = "MR-1221"  # زیرگذر خیابان نخریسی (mashhad, samen)
KARIZ = "MR-1223"  # احیای قنات کاریز بزرگ (firuzeh)
NEGHAB_ABATTOIR = "MR-1225"  # کشتارگاه صنعتی نقاب (joveyn)
NEGHAB_LIGHT = "MR-1226"  # روشنایی جاده کمربندی نقاب (joveyn)
YOUNESI = "MR-1230"  # پل ورودی جاده یونسی (bajestan)
FARHANGIAN = "MR-1233"  # دبستان شش‌کلاسه شهرک فرهنگیان (roshtkhar)
JANGAL = "MR-1234"  # مرمت قنات جنگل (roshtkhar)

# ------------------------------------------------------------------ vat_share (16)

E(
    "فیروزه امسال از محل مالیات ارزش افزوده کلا چه پولی گیرش اومده؟",
    "vat_share",
    today="1405-04-20",
    municipality="firuzeh",
    period=THIS_YEAR,
)
E(
    "سهم جوین از ارزش افزوده تو پاییز ۱۴۰۳",
    "vat_share",
    municipality="joveyn",
    period=QUARTER(3, 1403),
)
E(
    "آقا این ارزش افزوده که میگن یه تیکش به شهرداری میرسه، ماه قبل واسه بجستان چقد بوده؟",
    "vat_share",
    today=T_SHAHRIVAR,
    municipality="bajestan",
    period=LAST_MONTH,
)
E(
    "mablaghe arzesh afzoode ke be shahrdari roshtkhar resid too 1404 chand bood",
    "vat_share",
    municipality="roshtkhar",
    period=YEAR(1404),
)
E(
    "واریزی ارزش افزوده داورزن از فروردین تا خرداد",
    "vat_share",
    municipality="davarzan",
    period=MONTHS(1, 3, "this"),
)
E(
    "مشهد چهار ماه اخیر چقد سهم ارزش افزوده گرفت",
    "vat_share",
    today=T_MORDAD,
    municipality="mashhad",
    period=last_n(4),
)
E(
    "یه سوال داشتم، تو فامیل همیشه بحثه که شهرداری پول نداره و هیچ کاری نمیکنه. میخوام بدونم پیارسال "
    "دقیقا چند میلیارد از مالیات ارزش افزوده به حساب شهرداری مشهد ریختن؟ عدد دقیق بدین لطفا که دهن "
    "همه رو ببندم",
    "vat_share",
    municipality="mashhad",
    period=YEAR_BEFORE_LAST,
)
E("ارزش افزوده شهریور", "vat_share", today="1405-05-10", period=MONTH(6))
E(
    "سهم vat رشتخوار اسفند پارسال",
    "vat_share",
    today=T_MEHR,
    municipality="roshtkhar",
    period=MONTH(12, "last"),
)
E(
    "تو زمستون ۱۴۰۲ چه مبلغی از ارزش افزوده برای فیروزه واریز شد",
    "vat_share",
    municipality="firuzeh",
    period=QUARTER(4, 1402),
)
E(
    "سهم شهرداری از محل ارزش افزوده در نیمه دوم سال گذشته چه رقمی بود",
    "vat_share",
    today=T_NOWRUZ,
    period=HALF(2, "last"),
)
E(
    "چند تومن از مالیات ارزش افزوده امسال به حساب مشهد نشسته؟",
    "vat_share",
    today=T_KHORDAD,
    municipality="mashhad",
    period=THIS_YEAR,
)
E("ارزش افزوده بجستون ۱۴۰۲", "vat_share", municipality="bajestan", period=YEAR(1402))
E(
    "از اول امسال تا حالا جمعا چند میلیارد ارزش افزوده واریز شده واسه شهرداری؟",
    "vat_share",
    today=T_ESFAND,
    period=THIS_YEAR,
)
E(
    "سلام خسته نباشید. عوارض ارزش افزوده ای که ماه پیش به شهرداری جوین دادن چند بوده؟",
    "vat_share",
    today=T_ORDIBEHESHT,
    municipality="joveyn",
    period=LAST_MONTH,
)
E(
    "سهم داورزن از vat تو دو سال ۱۴۰۲ و ۱۴۰۳ روی هم چقدر میشه",
    "vat_share",
    municipality="davarzan",
    period=YEARS(1402, 1403),
)

# ------------------------------------------------------------------ vat_compare (11)

E(
    "پول ارزش افزوده ای که به مشهد رسید، ۱۴۰۴ بیشتر بود یا ۱۴۰۳؟",
    "vat_compare",
    municipality="mashhad",
    period=YEAR(1404),
    compare_period=YEAR(1403),
)
E(
    "جوین و بجستان کدومشون تو ۱۴۰۳ سهم ارزش افزوده بیشتری داشتن؟",
    "vat_compare",
    municipality="joveyn",
    compare_municipality="bajestan",
    period=YEAR(1403),
)
E(
    "روند ماه به ماه ارزش افزوده فیروزه تو سال ۱۴۰۴",
    "vat_compare",
    municipality="firuzeh",
    period=YEAR(1404),
)
E(
    "ارزش افزوده تابستون ۱۴۰۵ رو بذار کنار تابستون ۱۴۰۴ ببینم چقد رشد کرده",
    "vat_compare",
    period=QUARTER(2, 1405),
    compare_period=QUARTER(2, 1404),
)
E(
    "رشتخار vs داورزن، سهم ارزش افزوده پارسال",
    "vat_compare",
    today=T_NOWRUZ,
    municipality="roshtkhar",
    compare_municipality="davarzan",
    period=LAST_YEAR,
)
E(
    "moghayese arzesh afzoode mashhad ba bajestan too bahar 1405",
    "vat_compare",
    municipality="mashhad",
    compare_municipality="bajestan",
    period=QUARTER(1, 1405),
)
E(
    "سهم مشهد از ارزش افزوده تو این چند ساله رفته بالا یا اومده پایین",
    "vat_compare",
    municipality="mashhad",
)
E(
    "مهر ۱۴۰۴ و مهر ۱۴۰۳ رو از نظر واریزی ارزش افزوده مقایسه کن",
    "vat_compare",
    period=MONTH(7, 1404),
    compare_period=MONTH(7, 1403),
)
E(
    "نیمه اول امسال در برابر نیمه اول پارسال، درآمد ارزش افزوده شهرداری جوین",
    "vat_compare",
    today=T_MEHR05,
    municipality="joveyn",
    period=HALF(1, "this"),
    compare_period=HALF(1, "last"),
)
E(
    "کدوم شهر بیشتر از ارزش افزوده سهم برده، فیروزه یا رشتخوار؟",
    "vat_compare",
    municipality="firuzeh",
    compare_municipality="roshtkhar",
)
E(
    "اسفند پارسال رو با فروردین امسال مقایسه کن، ارزش افزوده چقد افت کرد؟",
    "vat_compare",
    period=MONTH(12, "last"),
    compare_period=MONTH(1, "this"),
)

# ------------------------------------------------------------------ vat_spending (11)

E(
    "امسال از پول ارزش افزوده چقدرش خرج قنات و آبرسانی شده؟",
    "vat_spending",
    today="1405-08-01",
    category="water-qanat",
    period=THIS_YEAR,
)
E(
    "بجستان پارسال سهم ارزش افزوده شو خرج چه کارایی کرد",
    "vat_spending",
    municipality="bajestan",
    period=LAST_YEAR,
)
E(
    "پول ارزش افزوده رو بیشتر تو کدوم پروژه ها ریختین؟ منظورم ۱۴۰۴ عه",
    "vat_spending",
    period=YEAR(1404),
)
E("chand darsad az arzesh afzoode sarfe madrese sazi shode?", "vat_spending", category="education")
E(
    "از سهم ارزش افزوده مشهد چقد رفت برای آرامستان و غسالخونه",
    "vat_spending",
    municipality="mashhad",
    category="burial",
)
E(
    "هزینه کرد ارزش افزوده رشتخوار به تفکیک بخش ها در سال ۱۴۰۳",
    "vat_spending",
    municipality="roshtkhar",
    period=YEAR(1403),
)
E(
    "تو سه ماه اخیر ارزش افزوده صرف روشنایی کوچه و چراغای خیابون شده یا نه؟ چقد؟",
    "vat_spending",
    today=T_AMORDAD_EARLY,
    category="street-lighting",
    period=last_n(3),
)
E(
    "بودجه ای که امسال از ارزش افزوده به کشتارگاه و بازار دام اختصاص دادین",
    "vat_spending",
    today=T_ESFAND,
    category="livestock",
    period=THIS_YEAR,
)
E("پول ارزش افزوده فروردین کجا رفت", "vat_spending", today=T_ESFAND, period=MONTH(1))
E(
    "سهم فضای سبز و پارکا از ارزش افزوده پیارسال",
    "vat_spending",
    today=T_MEHR,
    category="green-space",
    period=YEAR_BEFORE_LAST,
)
E(
    "داورزون پول ارزش افزوده شو چطوری خرج کرده؟ رو کدوم کارا؟",
    "vat_spending",
    municipality="davarzan",
)

# ------------------------------------------------------------------ project_list (15)

E("کارای عمرانی منطقه یازده چیا هستن", "project_list", district="11")
E("ناحیه پنج چه پروژه ای داره", "project_list", district="5")
E("پروژه های ثامن که نیمه کاره ولشون کردن", "project_list", district="samen", status="suspended")
E(
    "لیست مدرسه ها و کتابخونه هایی که دارین میسازین",
    "project_list",
    category="education",
    status="in_progress",
)
E("پارکای جدید که قراره ساخته بشه کجاهان", "project_list", category="green-space", status="planned")
E("پروژه های تموم شده فیروزه", "project_list", municipality="firuzeh", status="completed")
E("tooye bajestan che proje hayi darid", "project_list", municipality="bajestan")
E("پروژه های پل و زیرگذر منطقه ۴", "project_list", district="4", category="bridges-streets")
E(
    "کدوم پروژه ها امسال افتتاح شدن؟",
    "project_list",
    today="1405-06-02",
    status="completed",
    period=THIS_YEAR,
)
E(
    "سلام. من تازه از تهران برای کار اومدم رشتخوار. دیدم چند جای شهر کارگاه زدن و خیابونو کندن. "
    "میشه بگید الان چه پروژه هایی تو شهر در حال ساخته؟",
    "project_list",
    municipality="roshtkhar",
    status="in_progress",
)
E("پروژه هاي روشنايي", "project_list", category="street-lighting")
E("پروژه های آرامستان و غسالخونه", "project_list", category="burial")
E("کلنگ کدوم پروژه ها پارسال زده شد؟", "project_list", today=T_MEHR, period=LAST_YEAR)
E(
    "پایانه ها و ترمینال های در دست ساخت",
    "project_list",
    category="terminals-freight",
    status="in_progress",
)
E("کارای قنات و آب رسانی جوین", "project_list", municipality="joveyn", category="water-qanat")

# ------------------------------------------------------------------ project_info (18)

E("قنات سناباد کی تموم میشه", "project_info", project=SANABAD)
E("بوستان نسترن چند درصد پیشرفت داره؟", "project_info", project=NASTARAN)
E("پل طبقاتی پیامبر اعظم چقد بودجه داره", "project_info", project=PAYAMBAR)
E("کشتارگاه جاده کلات افتتاح شد یا هنوز نه", "project_info", project=KALAT)
E("زیرگذر نخریسی چرا خوابیده؟ وضعیتش چیه", "project_info", project=NAKHRISI)
E("هنرستان میامی کی شروع میشه", "project_info", project=MAYAMI)
E("وضعیت پروژه mr-1230", "project_info", project=YOUNESI)
E("کتابخونه پنج تن چرا نیمه کاره مونده؟ چند درصدش ساخته شده", "project_info", project=PANJTAN)
E("پایانه اتوبوس الندشت آخرش چقد خرج برداشت", "project_info", project=ALANDASHT)
E(
    "تعریض توس شمالی امسال چقد پول ارزش افزوده گرفته",
    "project_info",
    today=T_SHAHRIVAR,
    project=TOOS,
    period=THIS_YEAR,
)
E("قنات کاریز بزرگ فیروزه چند درصد پیش رفته", "project_info", project=KARIZ, municipality="firuzeh")
E("کشتارگاه نقاب کی افتتاح شد", "project_info", project=NEGHAB_ABATTOIR)
E(
    "proje roshanaie kamarbandi neghab chand darsad pishraft dare",
    "project_info",
    project=NEGHAB_LIGHT,
)
E(
    "آرامستان باغ رضوان تو ۱۴۰۴ چقدر از ارزش افزوده بودجه گرفت",
    "project_info",
    project=BAGH_REZVAN,
    period=YEAR(1404),
)
E(
    "سلام، من ساکن شهرک رجایی هستم. این مدرسه ۱۲ کلاسه که دارن تو محلمون میسازن کی تحویل میدن؟ "
    "بچم سال دیگه میره کلاس اول و نمیدونم ثبت نامش کنم اونجا یا نه",
    "project_info",
    project=RAJAEI,
)
E("بازار دام سیس اباد رو چرا متوقف کردین، قبلش چقد پیشرفت داشت؟", "project_info", project=SISABAD)
E("روشنایی خورشیدی التیمور بودجه کلش چنده", "project_info", project=ALTIMOUR)
E("قنات جنگل رشتخوار از کی شروع شده", "project_info", project=JANGAL, municipality="roshtkhar")

# ------------------------------------------------------------------ tax_calculator (8)

E(
    "یه یخچال ۸۵ میلیونی خریدم، چقدرش میره تو جیب شهرداری؟",
    "tax_calculator",
    amount_rial=toman(85_000_000),
)
E(
    "اگه ۲ میلیون و ۳۰۰ تومن خرید کنم سهم شهر از مالیاتش چقده",
    "tax_calculator",
    amount_rial=toman(2_300_000),
)
E(
    "age ye laptop 60 milioni bekharam cheghadesh mire baraye shahrdari?",
    "tax_calculator",
    amount_rial=toman(60_000_000),
)
E(
    "تو فاکتور رستوران نوشته ۱۲۰ هزار تومن مالیات ارزش افزوده، سهم شهرداری ازش چقدره؟",
    "tax_calculator",
    amount_rial=toman(120_000),
)
E(
    "بابت خرید کفش ۴۵۰ هزار ریال مالیات دادم. سهم شهرداری چند ریاله؟",
    "tax_calculator",
    amount_rial=rial(450_000),
)
E(
    "ماشین ۹۲۰ میلیونی گرفتم، از ارزش افزودش چقد به شهر میرسه و کجا خرج میشه",
    "tax_calculator",
    amount_rial=toman(920_000_000),
)
E(
    "از هر ۱۰ هزار تومن که خرج میکنم چند تومنش سهم شهرداریه؟",
    "tax_calculator",
    amount_rial=toman(10_000),
)
E("گوشی خریدم ۲۴ و نیم میلیون تومن. سهم شهرداری؟", "tax_calculator", amount_rial=toman(24_500_000))

# ------------------------------------------------------------------ faq (9)

E("اصلا چرا باید از مالیات ما به شهرداری پول برسه؟ مگه شهرداری خودش عوارض جدا نمیگیره؟", "faq")
E("سهم شهرا از این مالیات ارزش افزوده طبق قانون چند درصده؟", "faq")
E("این ارقامی که میدید رسمیه یا تخمینی؟", "faq")
E("ارزش افزوده رو کی باید بده، فروشنده یا خریدار؟", "faq")
E("شفاف مال کجاست؟ کی پشتشه؟", "faq")
E("پول ارزش افزوده مستقیم میره حساب شهرداری یا اول میره تهران؟", "faq")
E("دهیاری ها هم از این پول سهم میبرن؟", "faq")
E("نرخ ارزش افزوده چرا از ۹ شد ۱۰ درصد؟", "faq")
E("آمار پروژه ها رو کی وارد سامانه میکنه؟ خود شهرداری؟", "faq")

# ------------------------------------------------------------------ feedback (10)

E("پیشنهاد: کنار بوستان نسترن یه سرویس بهداشتی بذارید، واقعا زشته", "feedback", project=NASTARAN)
E(
    "چراغای کوچه های محله ما تو ناحیه ۸ سه ماهه خاموشه، لطفا پیگیری کنید",
    "feedback",
    district="8",
    category="street-lighting",
)
E(
    "از کار پل طبقاتی پیامبر اعظم شکایت دارم، ترافیکش آدمو دیوونه میکنه",
    "feedback",
    project=PAYAMBAR,
)
E(
    "زیرگذر نخریسی رو سه ساله ول کردین، مغازه دارای اون خیابون همه ورشکست شدن. یه فکری بکنید",
    "feedback",
    project=NAKHRISI,
)
E(
    "پیشنهاد میدم برای جوین یه پایانه بار درست حسابی بسازید، کامیونا وسط شهر وایمیستن",
    "feedback",
    municipality="joveyn",
    category="terminals-freight",
)
E(
    "یه انتقاد داشتم. تو اطلاعات قنات سناباد نوشتید ۲۷ درصد پیشرفت ولی من هر روز از اونجا رد میشم "
    "هیچ کارگری نمیبینم",
    "feedback",
    project=SANABAD,
)
E("میخوام یه شکایت ثبت کنم", "feedback")
E("نظرم اینه که بخش گزارشا خیلی خشکه، کاش با عکس پروژه ها باشه", "feedback")
E(
    "ممنون از شهرداری رشتخوار بابت دبستان شهرک فرهنگیان، بچه ها خیلی خوشحالن",
    "feedback",
    project=FARHANGIAN,
    municipality="roshtkhar",
)
E(
    "پیشنهاد دارم قبرستون بجستان رو هم توسعه بدید، دیگه جا نداره",
    "feedback",
    municipality="bajestan",
    category="burial",
)

# ------------------------------------------------------------------ feedback_status (4)

E("کد پیگیری من SF-88214 هست، جواب شکایتم اومده؟", "feedback_status", tracking_code="SF-88214")
E("پیام قبلیم به کجا رسید؟ کد ۴۰۹۱۷", "feedback_status", tracking_code="40917")
E("vaziat feedback ba code sh-1405-221", "feedback_status", tracking_code="SH-1405-221")
E("شماره پیگیری 7731 رو چک کن ببین کسی جواب داده", "feedback_status", tracking_code="7731")

# ------------------------------------------------------------------ report (5)

E(
    "گزارش مالی تابستون امسال فیروزه اومده؟",
    "report",
    today=T_MEHR05,
    municipality="firuzeh",
    period=QUARTER(2, "this"),
)
E("pdf گزارش سالانه ۱۴۰۴ رو میخوام", "report", period=YEAR(1404))
E("آخرین گزارشی که از جوین منتشر کردین", "report", municipality="joveyn")
E("گزارش فصلی", "report")
E(
    "گزارش عملکرد شهرداری مشهد برای سه ماهه سوم پارسال",
    "report",
    today=T_NOWRUZ,
    municipality="mashhad",
    period=QUARTER(3, "last"),
)

# ------------------------------------------------------------------ subscribe (3)

E("عضو خبرنامه ماهانه بشم", "subscribe")
E("میخوام هفته ای یه بار خلاصه گزارشا بیاد برام", "subscribe")
E("mikham moshtarak sham baraye gozaresh haye davarzan", "subscribe", municipality="davarzan")

# ------------------------------------------------------------------ unsubscribe (3)

E("دیگه نمیخوام گزارش ماهانه بیاد، قطعش کن", "unsubscribe")
E("اشتراکمو کنسل کن", "unsubscribe")
E("از لیست پیامای هفتگی درم بیارید", "unsubscribe")

# ------------------------------------------------------------------ greeting / help / thanks

E("سلاام وقت شما بخیر", "greeting")
E("این بات دقیقا به چه دردی میخوره؟", "help")
E("چی بپرسم ازت که بلد باشی جواب بدی؟", "help")
E("دمت گرم، حله", "thanks")

# ------------------------------------------------------------------ out_of_scope (13)

E("عوارض پسماند امسال رو چطوری پرداخت کنم؟", "out_of_scope")
E("مالیات خودروهای لوکس چقدره؟", "out_of_scope")
E("برای پروانه ساخت طبقه سوم چه مدارکی لازمه؟", "out_of_scope")
E("شماره ۱۳۷ برای جمع کردن نخاله ساختمونی جلو در خونه چنده؟", "out_of_scope")
E("قیمت گوشت گوسفندی تو مشهد کیلویی چند شده؟", "out_of_scope")
E("فردا جاده مشهد به فیروزه برفیه؟", "out_of_scope")
E("بازی پدیده امشب ساعت چنده؟", "out_of_scope")
E("تو آدمی یا رباتی؟ اسمت چیه؟", "out_of_scope")
E("مالیات بر ارث خونه پدری رو چطوری حساب میکنن", "out_of_scope")
E("جریمه پارک دوبل رو از کجا پرداخت کنم", "out_of_scope")
E("بلیط قطار مشهد به تهران برای جمعه دارین؟", "out_of_scope")
E("nerkhe tavarom alan chande?", "out_of_scope")
E("عوارض خروج از کشور رو کجا باید بدم؟", "out_of_scope")

if __name__ == "__main__":
    raise SystemExit(main(OUT, TARGET))
