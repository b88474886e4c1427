"""Every Persian sentence the assistant says, in one place (figures arrive already formatted).

Templates use `str.format` with named fields; callers pass strings made by `backend.formatting`.
Emoji are used sparingly: 📊 figures, 🏗 projects, 📍 places, ✅ done, ⚠️ sample data.
"""

from __future__ import annotations

SAMPLE_NOTE = "⚠️ این ارقام نمونه‌اند و تا بارگذاری داده‌های رسمی واقعی نیستند."
SOURCE = "منبع: {sources}"
SOURCE_UPDATED = "منبع: {sources} — آخرین انتشار: {date}"
SOURCE_SEP = "؛ "
LIST_SEP = "، "

# --- defaults and data coverage ---------------------------------------------------------------
ASSUMED_PERIOD = "{period} را در نظر گرفتم؛ برای دوره‌ای دیگر بپرسید، مثلاً «{example}»."
ASSUMED_PERIOD_EXAMPLE = "سهم مشهد در بهار {year}"
ASSUMED_MUNICIPALITY = "شهر را نگفتید؛ ارقام {name} را آوردم."
PARTIAL_PERIOD = "ارقام {requested} فقط برای {covered} منتشر شده؛ این جمع تا پایان {last} است."
MISSING_MONTHS = "برای {count} ماه از این دوره رقمی ثبت نشده و در جمع نیامده است."
NO_DATA_FOR_PERIOD = (
    "برای {period} هنوز رقمی از سهم {name} ثبت نشده است. داده‌های موجود از {first} تا {last} است."
)
NO_DATA_AT_ALL = "برای {name} هنوز رقمی ثبت نشده است."
LATEST_YEAR_BUTTON = "{period}"
LATEST_MONTH_BUTTON = "آخرین ماه: {month}"
THIS_YEAR_BUTTON = "امسال تا کنون"

# --- vat_share ---------------------------------------------------------------------------------
SHARE_TITLE = "📊 سهم شهرداری {name} از مالیات بر ارزش افزوده — {period}"
SHARE_TOTAL = "شهرداری {name} در {period} در مجموع {amount} از مالیات بر ارزش افزوده دریافت کرد."
SHARE_PER_CAPITA = "یعنی حدود {amount} به ازای هر شهروند ({population} نفر)."
SHARE_BREAKDOWN_LABEL = "به تفکیک:"
NO_FIGURE = "رقمی ثبت نشده"
BREAKDOWN_ITEM = "{label}: {amount}"
BTN_COMPARE_PREVIOUS_YEAR = "مقایسه با سال قبل"
BTN_WHERE_SPENT = "کجا خرج شد؟"

# --- vat_compare -------------------------------------------------------------------------------
COMPARE_PERIODS_TITLE = "📊 مقایسه سهم شهرداری {name}: {first} و {second}"
COMPARE_PERIODS_TEXT = "سهم {name} در {first}، {change} از {second} بود (تفاوت: {diff})."
COMPARE_ASSUMED_PREVIOUS = (
    "دوره دوم را نگفتید؛ با همان ماه‌ها در سال قبل مقایسه کردم، چون درآمد این مالیات فصلی است "
    "(افت نوروز، اوج اسفند)."
)
COMPARE_ASSUMED_BOTH = "دوره را نگفتید؛ {first} را با {second} مقایسه کردم."
LIKE_FOR_LIKE = (
    "ارقام {requested} کامل نیست؛ برای مقایسه هم‌سنگ فقط {first} و {second} را کنار هم گذاشتم."
)
COMPARE_PARTIAL = "برای بخشی از این دوره‌ها رقمی ثبت نشده و مقایسه ممکن است هم‌سنگ نباشد."
COMPARE_MUNIS_TITLE = "📊 مقایسه سهم {first} و {second} — {period}"
COMPARE_MUNIS_FACT = "{amount}؛ سرانه {per_capita} برای هر نفر"
COMPARE_MUNIS_TEXT = (
    "سهم کل {first} {total_change} {second} بود؛ به ازای هر شهروند، "
    "سرانه {first} {per_capita_change} از {second} است."
)
COMPARE_MUNIS_TIMES = "{ratio} برابر سهم"
COMPARE_MUNIS_RELATIVE = "{change} از"
COMPARE_MUNIS_NO_RATIO = "برای {second} در این دوره رقمی ثبت نشده و نسبت قابل محاسبه نیست."
COMPARE_SAME_MUNICIPALITY = "هر دو شهر یکی است؛ لطفاً دو شهر متفاوت را نام ببرید."
NOT_COMPARABLE = "قابل مقایسه نیست"

# --- vat_spending ------------------------------------------------------------------------------
SPENDING_TITLE = "🏗 سهم مالیات بر ارزش افزوده {name} کجا خرج شد؟ — {period}"
SPENDING_CATEGORY_TITLE = "🏗 هزینه {category} از سهم مالیات بر ارزش افزوده {name} — {period}"
SPENDING_RECEIVED = "دریافتی شهرداری"
SPENDING_ON_PROJECTS = "صرف پروژه‌های ثبت‌شده"
SPENDING_ON_PROJECTS_VALUE = "{amount} — {percent} از دریافتی"
SPENDING_CATEGORY_VALUE = "{amount} — {percent} از هزینه پروژه‌ها و {received_percent} از دریافتی"
SPENDING_BY_CATEGORY = "سهم هر حوزه از هزینه پروژه‌ها:"
SPENDING_TOP_PROJECTS = "پروژه‌هایی که بیشترین سهم را گرفتند:"
SPENDING_CATEGORY_PROJECTS = "پروژه‌های این حوزه:"
SPENDING_ITEM = "{name}: {amount} ({percent})"
SPENDING_PROJECT_ITEM = "{name}: {amount}"
SPENDING_REST = (
    "بقیه ({amount}، {percent} از دریافتی) صرف هزینه‌های جاری و سایر پروژه‌ها شده "
    "یا در داده‌ها ثبت نشده است."
)
SPENDING_NONE = "در {period} هزینه‌ای از این محل برای پروژه‌های ثبت‌شده {what}ثبت نشده است."
SPENDING_NONE_CATEGORY = "در حوزه {category} "
BTN_PROJECT_LIST = "فهرست پروژه‌ها"
BTN_CATEGORY_PROJECTS = "پروژه‌های {category}"

# --- projects ----------------------------------------------------------------------------------
PROJECTS_TITLE = "🏗 پروژه‌های {filters}"
PROJECTS_COUNT = "{total} پروژه پیدا شد؛ صفحه {page} از {pages}:"
PROJECTS_COUNT_ONE_PAGE = "{total} پروژه پیدا شد:"
PROJECT_ITEM = "{name} — {status}، پیشرفت {progress}"
PROJECTS_NONE = "پروژه‌ای با این مشخصات پیدا نشد. می‌توانید شرط‌ها را کم کنید:"
FILTER_DISTRICT = "{name}"
FILTER_STATUS = "({status})"
FILTER_PERIOD = "فعال در {period}"
BTN_NEXT_PAGE = "صفحه بعد"
BTN_PREVIOUS_PAGE = "صفحه قبل"
BTN_ANY_STATUS = "همه وضعیت‌ها"
BTN_ANY_DISTRICT = "همه مناطق"
BTN_ANY_CATEGORY = "همه حوزه‌ها"
BTN_ANY_PERIOD = "بدون محدودیت زمانی"
BTN_ALL_PROJECTS = "همه پروژه‌های {name}"

PROJECT_WHERE = "📍 محل"
PROJECT_WHERE_DISTRICT = "{municipality}، {district}"
PROJECT_WHERE_CITY = "{municipality} (چند منطقه)"
PROJECT_CATEGORY = "حوزه"
PROJECT_STATUS = "وضعیت"
PROJECT_PROGRESS = "پیشرفت"
PROJECT_BUDGET = "بودجه کل"
PROJECT_VAT = "از محل مالیات بر ارزش افزوده تا کنون"
PROJECT_VAT_VALUE = "{amount} — {percent} از بودجه"
PROJECT_VAT_IN_PERIOD = "از محل مالیات بر ارزش افزوده در {period}"
PROJECT_VAT_NONE_IN_PERIOD = "در این دوره مبلغی ثبت نشده است"
PROJECT_START = "شروع"
PROJECT_END = "پایان برنامه‌ریزی‌شده"
PROJECT_OVERDUE = "{date} — ⏰ از موعد گذشته"
PROJECT_LAST_FUNDING = "آخرین هزینه ثبت‌شده: {month}"
PROJECT_NO_FUNDING = "هنوز هزینه‌ای از محل مالیات بر ارزش افزوده برای این پروژه ثبت نشده است."
PROJECT_WHICH = "منظورتان کدام پروژه است؟"
PROJECT_ASK_NAME = (
    "کدام پروژه؟ نام پروژه را بنویسید (مثلاً «خط ۴ قطار شهری») یا از فهرست پروژه‌ها انتخاب کنید."
)
BTN_PROJECT_FEEDBACK = "نظر درباره این پروژه"

# --- tax_calculator ----------------------------------------------------------------------------
CALC_TITLE = "🧮 سهم شهر از پول شما"
CALC_PURCHASE = (
    "از خریدی به مبلغ {amount}، {vat} مالیات بر ارزش افزوده بوده و {city} آن به "
    "شهرداری {name} می‌رسد."
)
CALC_VAT = "از {amount} مالیات بر ارزش افزوده‌ای که پرداخت کرده‌اید، {city} به شهرداری {name} می‌رسد."
CALC_RATE = "نرخ"
CALC_RATE_VALUE = "{vat} مالیات که {share} آن سهم شهرداری‌ها و دهیاری‌هاست (از {date})"
CALC_SPLIT = "اگر این سهم مثل هزینه پروژه‌ها در {period} خرج شود:"
CALC_SPLIT_ITEM = "{name}: {amount} ({percent})"
CALC_PROJECT_SHARE = (
    "در {period} حدود {percent} از کل سهم {name} صرف پروژه‌های ثبت‌شده شد؛ بقیه صرف هزینه‌های "
    "جاری و سایر پروژه‌ها شده یا در داده‌ها ثبت نشده است."
)
CALC_ASSUMED_VAT = "مبلغ را خودِ مالیات پرداختی در نظر گرفتم، نه مبلغ خرید."
CALC_ASSUMED_PURCHASE = "مبلغ را قیمت خرید (با مالیات) در نظر گرفتم."
BTN_CALC_AS_PURCHASE = "این مبلغ خرید بود"
BTN_CALC_AS_VAT = "این مبلغ خودِ مالیات بود"
CALC_ASK_AMOUNT = (
    "مبلغ خرید را بنویسید تا بگویم چقدر از آن به شهر می‌رسد؛ مثلاً «از خرید ۵۰۰ هزار تومانی "
    "چقدر به شهر می‌رسد؟» یا یکی از این‌ها را انتخاب کنید:"
)
BTN_CALC_EXAMPLE = "خرید {amount}"

# --- reports -----------------------------------------------------------------------------------
REPORTS_TITLE = "📄 گزارش‌های مالی شهرداری {name}"
REPORTS_TITLE_PERIOD = "📄 گزارش‌های مالی شهرداری {name} — {period}"
REPORT_ITEM = "{title} — منتشرشده {date}"
REPORT_LATEST_SUMMARY = "خلاصه تازه‌ترین گزارش: {summary}"
REPORTS_NONE = "گزارش منتشرشده‌ای برای {what} پیدا نشد."
BTN_REPORT = "📄 گزارش {period}"
BTN_ALL_REPORTS = "همه گزارش‌ها"
BTN_SUBSCRIBE_REPORTS = "دریافت گزارش‌ها با اشتراک"

# --- faq ---------------------------------------------------------------------------------------
FAQ_RATE_NOW = "نرخ امروز"
FAQ_RATE_VALUE = "{vat} مالیات بر ارزش افزوده که {share} آن به شهرداری‌ها و دهیاری‌ها می‌رسد"
FAQ_RELATED = "پرسش‌های نزدیک را هم می‌توانید ببینید:"
FAQ_CALC_HINT = "مبلغ خریدتان را بنویسید تا سهم شهر را دقیق حساب کنم؛ یا یکی از این‌ها را بزنید:"
FAQ_NOT_FOUND = "پاسخ دقیقی برای این پرسش پیدا نکردم. شاید یکی از این‌ها منظورتان باشد:"

# --- feedback, subscriptions -------------------------------------------------------------------
FEEDBACK_TITLE = "✍️ ثبت نظر، شکایت یا پیشنهاد"
FEEDBACK_TEXT = (
    "نظر، شکایت یا پیشنهادتان درباره پروژه‌ها یا همین ربات را بنویسید؛ کارشناسان شهرداری آن را "
    "می‌بینند و شما یک کد پیگیری می‌گیرید."
)
FEEDBACK_PROJECT = "نظرتان درباره «{name}» ثبت می‌شود."
BTN_FEEDBACK = "✍️ شروع ثبت نظر"
FEEDBACK_STATUS_TITLE = "🔎 پیگیری نظر"
FEEDBACK_STATUS_CODE = (
    "وضعیت نظر با کد {code} را با دستور /status {code} در همان گفتگویی که نظر را فرستاده‌اید "
    "ببینید، یا دکمه زیر را بزنید."
)
FEEDBACK_STATUS_ASK = (
    "کد پیگیری‌ای را که پس از ثبت نظر گرفتید بفرستید، یا دستور /status و سپس کد را در همان "
    "گفتگویی که نظر را فرستاده‌اید بنویسید."
)
BTN_FEEDBACK_STATUS = "وضعیت نظر {code}"
SUBSCRIBE_TITLE = "🔔 اشتراک گزارش‌ها"
SUBSCRIBE_TEXT = (
    "با اشتراک، خلاصه تازه‌ترین ارقام سهم مالیات بر ارزش افزوده و گزارش‌های منتشرشده را هر هفته "
    "یا هر ماه برایتان می‌فرستم. هر وقت خواستید با /unsubscribe لغوش کنید."
)
BTN_SUBSCRIBE_WEEKLY = "هفتگی"
BTN_SUBSCRIBE_MONTHLY = "ماهانه"
UNSUBSCRIBE_TITLE = "🔕 لغو اشتراک"
UNSUBSCRIBE_TEXT = "با لغو اشتراک دیگر گزارشی برایتان نمی‌فرستم. هر وقت خواستید دوباره مشترک شوید."
BTN_UNSUBSCRIBE = "لغو اشتراک"

# --- small talk, help, out of scope ------------------------------------------------------------
GREETING = (
    "سلام! 👋 من «شفاف» هستم. می‌گویم چقدر از مالیات بر ارزش افزوده‌ای که می‌پردازید به "
    "شهرداری مشهد می‌رسد و صرف کدام پروژه‌ها می‌شود. بپرسید یا یکی از این‌ها را بزنید:"
)
THANKS = "خواهش می‌کنم! 🌱 هر وقت سؤالی درباره سهم شهر از مالیات یا پروژه‌ها داشتید، در خدمتم."
HELP_TITLE = "راهنمای شفاف"
HELP_TEXT = "می‌توانید به زبان ساده بپرسید. من این‌ها را می‌دانم:"
HELP_ITEMS: tuple[str, ...] = (
    "📊 سهم شهرداری از مالیات بر ارزش افزوده در هر ماه، فصل یا سال",
    "📊 مقایسه دوره‌ها یا شهرها با هم",
    "🏗 این پول کجا خرج شد و پروژه‌های هر منطقه",
    "🧮 از خرید شما چقدر به شهر می‌رسد",
    "📄 گزارش‌های مالی، پرسش‌های رایج، ثبت نظر و اشتراک گزارش‌ها",
)
HELP_EXAMPLES: tuple[str, ...] = (
    "سهم مشهد از مالیات پارسال",
    "امسال با پارسال مقایسه کن",
    "پول مالیات کجا خرج شد؟",
    "پروژه‌های فضای سبز منطقه ۹",
    "سهم شهر از خرید ۵۰۰ هزار تومانی",
    "مالیات بر ارزش افزوده چیست؟",
)
OUT_OF_SCOPE = (
    "این سؤال از حوزه من بیرون است. من فقط درباره سهم شهر از مالیات بر ارزش افزوده و "
    "پروژه‌هایش پاسخ می‌دهم."
)
OUT_OF_SCOPE_CITY = (
    "برای درخواست یا شکایت درباره خدمات شهری با سامانه ۱۳۷ شهرداری تماس بگیرید. "
    "اگر نظرتان درباره یکی از پروژه‌هاست، همین‌جا هم می‌توانید ثبتش کنید."
)
OUT_OF_SCOPE_TAX = (
    "درباره مالیات‌های دیگر (بر درآمد، حقوق، املاک، خودرو و…) سازمان امور مالیاتی پاسخگوست: "
    "تلفن ۱۵۲۶ یا درگاه tax.gov.ir. من فقط سهم شهر از مالیات بر ارزش افزوده را می‌دانم."
)
OUT_OF_SCOPE_CAN = "این‌ها را می‌توانم جواب بدهم:"

# --- uncertainty and errors --------------------------------------------------------------------
CLARIFY = "مطمئن نیستم منظورتان را درست فهمیده باشم. کدام را می‌خواهید؟"
INTENT_LABELS: dict[str, str] = {
    "greeting": "سلام و شروع",
    "help": "راهنما",
    "thanks": "تشکر",
    "vat_share": "📊 سهم شهر از مالیات",
    "vat_compare": "📊 مقایسه",
    "vat_spending": "🏗 کجا خرج شد؟",
    "project_list": "🏗 فهرست پروژه‌ها",
    "project_info": "🏗 جزئیات یک پروژه",
    "tax_calculator": "🧮 سهم شهر از خرید من",
    "report": "📄 گزارش‌های مالی",
    "faq": "❓ پرسش‌های رایج",
    "feedback": "✍️ ثبت نظر",
    "feedback_status": "🔎 پیگیری نظر",
    "subscribe": "🔔 اشتراک گزارش‌ها",
    "unsubscribe": "🔕 لغو اشتراک",
    "out_of_scope": "چیز دیگری",
}
ERROR_PREFIX = "متأسفم، {message}"
ERROR_BAD_PERIOD = "دوره‌ای که گفتید را نفهمیدم؛ لطفاً ماه و سال شمسی را بنویسید."
ERROR_UNKNOWN_CATEGORY = "این حوزه در داده‌ها نیست."
ERROR_GENERIC = "پاسخ این پرسش را پیدا نکردم."
BTN_HELP = "راهنما"
