#!/usr/bin/env python3
"""Build the independent blind NLU evaluation set ``tests/blind/blind_sample.jsonl``.

Written blind: only CONTRACT.md section 4, the labelling conventions of
/work/shared/eval/dev.jsonl and the CSVs under ``data/sample`` were consulted.

Every example is written here once, with its entities given symbolically:
relative periods are *rules* (``LAST_YEAR``, ``MONTH(8)``, ``last_n(4)`` …) that are
resolved against the line's own ``today`` exactly as CONTRACT.md §4 prescribes, and
amounts are written in the unit the text uses (``toman(...)`` / ``rial(...)``).
Before writing, every slug / district / project code is checked against data/sample
and the consistency checks of ``tests/evalkit.py`` run. Any error aborts the build.

    python tests/blind/build.py            # validate + write
    python tests/blind/build.py --check    # validate only
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evalkit import *

OUT = Path(__file__).resolve().parent / "blind_sample.jsonl"

TARGET = DEFAULT_TARGET  # the kit's default intent mix

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


if __name__ == "__main__":
    raise SystemExit(main(OUT, TARGET))
