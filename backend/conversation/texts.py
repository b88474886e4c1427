"""Every Persian sentence of the conversation, in one place (figures arrive already formatted).

Answers, menus, flows, subscriptions, ratings and the staff's bot commands all speak from here;
status and kind labels live in `backend/labels.py` (shared with the staff panel), and the few
words only a chat transport says (flood, errors, command descriptions) in `bot/texts.py`.
Templates use `str.format` with named fields; callers pass strings made by `backend.formatting`.
Emoji are used sparingly: 📊 figures, 🏗 projects, 📍 places, ✅ done, ⚠️ sample data.
"""

from __future__ import annotations

# ================================================================================= answers
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
FAQ_WHICH = "کدام را می‌پرسید؟"
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

# ============================================================================= the chat itself
# --- welcome, menus, help -----------------------------------------------------------------------
WELCOME = (
    "سلام{name}! 👋 من «شفاف» هستم، ربات شفافیت سهم شهرداری مشهد از مالیات بر ارزش افزوده.\n"
    "می‌گویم چقدر از مالیاتی که می‌پردازید به شهر می‌رسد، خرج کدام پروژه‌ها می‌شود، و نظرتان "
    "را به کارشناسان شهرداری می‌رسانم. سؤالتان را بنویسید یا یکی از گزینه‌ها را بزنید:"
)
WELCOME_NAME = " {name}"
MENU_TITLE = "منوی اصلی — چه کاری برایتان انجام دهم؟"
MENU_VAT_SHARE = "📊 سهم مالیات"
MENU_PROJECTS = "🏗 پروژه‌ها"
MENU_WHERE = "💸 مالیات من کجا رفت؟"
MENU_FEEDBACK = "✍️ ثبت بازخورد"
MENU_REPORTS = "📄 گزارش‌ها"
MENU_SUBSCRIBE = "🔔 اشتراک"
MENU_BUTTON = "🏠 منوی اصلی"
WHERE_TITLE = "💸 مالیات من کجا رفت؟"
WHERE_TEXT = (
    "مبلغ خریدتان را بنویسید تا بگویم چقدرش مالیات بر ارزش افزوده بود و چقدر به شهرداری رسید و "
    "خرج چه شد؛ مثلاً «خرید ۵۰۰ هزار تومانی». یا ببینید کل این پول کجا خرج شد:"
)
WHERE_EXAMPLE_BUTTON = "🧮 خرید {amount} میلیون تومان"
WHERE_EXAMPLE_QUESTION = "سهم شهر از خرید {amount} میلیون تومانی"
WHERE_SPENT_BUTTON = "🏗 کل این پول کجا خرج شد؟"
HELP_COMMANDS_TITLE = "دستورها:"
HELP_COMMANDS: tuple[str, ...] = (
    "/start — شروع و منوی اصلی",
    "/help — همین راهنما",
    "/subscribe — اشتراک گزارش‌های هفتگی یا ماهانه",
    "/unsubscribe — لغو اشتراک",
    "/mysubscription — اشتراک فعلی من",
    "/feedback — ثبت نظر، شکایت یا پیشنهاد",
    "/status کد — پیگیری نظر ثبت‌شده",
    "/cancel — خروج از گفتگوی جاری",
)

# Descriptions registered with setMyCommands (contract section 1, the eight commands).
# --- rating ---------------------------------------------------------------------------------------
RATE_QUESTION = "این پاسخ مفید بود؟"
RATE_UP = "👍 مفید بود"
RATE_DOWN = "👎 مفید نبود"
RATE_THANKS = "ممنون از نظرتان! 🌱"
RATE_ASK_REASON = (
    "ممنون که گفتید. 🙏 چه چیزی کم بود یا درست نبود؟ در یک پیام بنویسید تا کارشناسان ببینند "
    "(یا /cancel)."
)
RATE_REASON_THANKS = "ممنون؛ نظرتان برای بهتر شدن پاسخ‌ها ثبت شد. ✅"
RATE_NOT_YOURS = "این دکمه مربوط به پرسش شما نیست."

# --- robustness notices ---------------------------------------------------------------------------
EXPIRED = "این دکمه منقضی شده؛ دوباره شروع کنید."
UNSUPPORTED = (
    "فعلاً فقط پیام متنی را می‌فهمم. 🙂 سؤالتان را بنویسید، مثلاً «سهم مشهد از مالیات پارسال»، "
    "یا از منو استفاده کنید."
)
PHOTO_OUTSIDE_FLOW = (
    "عکس را فقط هنگام ثبت بازخورد می‌گیرم. اگر می‌خواهید درباره یک پروژه نظر یا شکایت ثبت "
    "کنید، «ثبت بازخورد» را بزنید و عکس را در همان گفتگو بفرستید."
)
LOCATION_OUTSIDE_FLOW = (
    "موقعیت را فقط هنگام ثبت بازخورد می‌گیرم. برای ثبت نظر درباره یک مکان، «ثبت بازخورد» را بزنید."
)
CONTACT_OUTSIDE_FLOW = "شماره تماس را فقط هنگام ثبت بازخورد و به انتخاب خودتان می‌گیرم."
CONTACT_NOT_OWN = (
    "فقط شماره خودتان را، با دکمه «📱 اشتراک شماره»، می‌پذیرم؛ شماره دیگران را ثبت نمی‌کنم."
)
UNKNOWN_COMMAND = "این دستور را نمی‌شناسم. /help را بزنید تا دستورهایم را ببینید."
TEXT_TRUNCATED = "پیامتان خیلی بلند بود؛ فقط بخش ابتدایی آن را خواندم."
CANCELLED = "گفتگوی جاری بسته شد. هر وقت خواستید از منو دوباره شروع کنید."
NOTHING_TO_CANCEL = "گفتگوی بازی نداشتید. از منو یا با نوشتن سؤال ادامه دهید."
FLOW_UNAVAILABLE = "این بخش فعلاً در دسترس نیست؛ کمی بعد دوباره امتحان کنید."

# --- feedback status (/status) -------------------------------------------------------------------
STATUS_ASK_CODE = "کد پیگیری را بعد از دستور بنویسید، مثلاً: /status SH-123456"
STATUS_TITLE = "🔎 وضعیت نظر {code}"
STATUS_LINE = "وضعیت"
STATUS_KIND = "نوع"
STATUS_PROJECT = "پروژه"
STATUS_SENT = "ثبت"
STATUS_REPLIES = "پاسخ‌های شهرداری:"
STATUS_NO_REPLY = "هنوز پاسخی ثبت نشده؛ پس از بررسی خبرتان می‌کنم."
STATUS_NOT_FOUND = "بازخوردی با این کد در این گفتگو پیدا نشد. کد را دوباره بررسی کنید."
# --- subscriptions --------------------------------------------------------------------------------
SUB_TITLE = "🔔 اشتراک گزارش‌ها"
SUB_CHOOSE = (
    "گزارش خلاصه سهم مالیات و پروژه‌ها را هر چند وقت یک بار بفرستم؟ هر وقت خواستید با "
    "/unsubscribe لغوش کنید."
)
SUB_CURRENT = "اشتراک فعلی شما: {frequency}{topics}"
SUB_NONE = "اشتراکی ندارید. با /subscribe یا دکمه زیر مشترک شوید."
SUB_DONE = "✅ اشتراک {frequency} شما ثبت شد{topics}."
SUB_TOPICS_HINT = (
    "اگر فقط خبر منطقه‌ها یا حوزه‌های خاصی را می‌خواهید، انتخابشان کنید (دوباره زدن، حذفش "
    "می‌کند). بدون انتخاب، گزارش کل شهر را می‌گیرید."
)
SUB_TOPICS_NONE = "؛ موضوع: کل شهر"
SUB_TOPICS = "؛ موضوع‌ها: {topics}"
SUB_WEEKLY = "هفتگی"
SUB_MONTHLY = "ماهانه"
SUB_BTN_WEEKLY = "📅 هفتگی"
SUB_BTN_MONTHLY = "🗓 ماهانه"
SUB_BTN_DISTRICTS = "📍 انتخاب منطقه‌ها"
SUB_BTN_CATEGORIES = "🏷 انتخاب حوزه‌ها"
SUB_BTN_CLEAR = "همه شهر (بدون فیلتر)"
SUB_BTN_DONE = "✅ تمام"
SUB_BTN_CHANGE = "تغییر اشتراک"
SUB_BTN_UNSUBSCRIBE = "🔕 لغو اشتراک"
SUB_BTN_SUBSCRIBE = "🔔 مشترک شوم"
SUB_BTN_FOLLOW = "🔔 دنبال کردن این پروژه"
SUB_PICK_DISTRICTS = "منطقه‌هایی را که می‌خواهید بزنید (✔️ یعنی انتخاب‌شده):"
SUB_PICK_CATEGORIES = "حوزه‌هایی را که می‌خواهید بزنید (✔️ یعنی انتخاب‌شده):"
SUB_PICKED = "✔️ {name}"
SUB_FOLLOWED = "✅ پروژه «{name}» به اشتراک شما ({frequency}) اضافه شد."
SUB_NEED_FIRST = "اول نوع اشتراک را انتخاب کنید:"
UNSUB_DONE = "🔕 اشتراک شما لغو شد. هر وقت خواستید با /subscribe دوباره مشترک شوید."
UNSUB_NONE = "اشتراک فعالی نداشتید."

# --- staff ----------------------------------------------------------------------------------------
STAFF_INBOX_TITLE = "📥 تازه‌ترین بازخوردها{status}"
STAFF_INBOX_EMPTY = "بازخوردی با این وضعیت نیست."
STAFF_INBOX_ITEM = "{code} · {kind} · {status} · {date}{project}\n{text}"
STAFF_SHOW_TITLE = "📄 بازخورد {code}"
STAFF_EVENTS = "رویدادها:"
STAFF_EVENT = "{date} · {actor} · {kind}{status}{text}"
STAFF_USAGE_SHOW = "کاربرد: /show کد"
STAFF_USAGE_REPLY = "کاربرد: /reply کد متن پاسخ"
STAFF_USAGE_STATUS = "کاربرد: /setstatus کد وضعیت یادداشت — وضعیت‌ها: {statuses}"
STAFF_USAGE_INBOX = "کاربرد: /inbox [وضعیت] — وضعیت‌ها: {statuses}"
STAFF_REPLIED = "✅ پاسخ به {code} ثبت شد و برای شهروند فرستاده می‌شود."
STAFF_STATUS_SET = "✅ وضعیت {code} به «{status}» تغییر کرد و به شهروند خبر داده می‌شود."
STAFF_ERROR = "⚠️ {message}"
STAFF_ALERT = "🆕 بازخورد تازه {code} ({kind}){project}\n{text}\n\n/show {code} · /reply {code} متن"
STAFF_ALERT_MAX_TEXT = 600

# ==================================================================================== flows
# --- feedback flow (backend/conversation/flows/feedback.py) ----------------------------------
# The assistant calls it "ثبت نظر"; the flow keeps that word so the button and the flow agree.
FB_TITLE = "✍️ ثبت نظر"
FB_INTRO = "چند سؤال کوتاه می‌پرسم و در پایان یک کد پیگیری می‌گیرید."
FB_BLOCKED = (
    "متأسفم، امکان ثبت نظر از این گفتگو فعلاً وجود ندارد. برای درخواست‌های خدمات شهری "
    "می‌توانید با سامانه ۱۳۷ شهرداری تماس بگیرید."
)

FB_KIND_BUTTONS: dict[str, str] = {
    "complaint": "😟 شکایت",
    "criticism": "🧐 انتقاد",
    "suggestion": "💡 پیشنهاد",
    "thanks": "🙏 قدردانی",
}
FB_ASK_KIND = "نظر شما از چه نوعی است؟"
FB_KIND_NOT_UNDERSTOOD = "نوع نظر را متوجه نشدم؛ لطفاً یکی از دکمه‌ها را بزنید."

FB_PROJECT_PRESET = "درباره پروژه «{name}»."
FB_PROJECT_UNKNOWN = "پروژه‌ای با این کد پیدا نکردم؛ در ادامه می‌توانید پروژه را انتخاب کنید."
FB_ASK_PROJECT = (
    "درباره کدام پروژه؟ بخشی از نام پروژه را بنویسید، یا اگر نظرتان کلی است «کلی» را بزنید."
)
FB_PROJECT_CURRENT = "پروژه فعلی: «{name}»"
FB_PROJECT_MATCHES = "این پروژه‌ها را پیدا کردم؛ کدام منظورتان است؟"
FB_PROJECT_NONE_FOUND = "پروژه‌ای با «{query}» پیدا نکردم. نام دیگری بنویسید یا «کلی» را بزنید."
FB_PROJECT_SEARCH_AGAIN = "نام پروژه یا بخشی از آن را دوباره بنویسید."
FB_PROJECT_STALE = "آن پروژه دیگر در فهرست نیست؛ لطفاً دوباره جستجو یا انتخاب کنید."
FB_GENERAL = "کلی (بدون پروژه خاص)"

FB_ASK_TEXT = "متن خود را بنویسید (حداکثر {max} نویسه)."
FB_TEXT_CURRENT = "متن فعلی شما:\n{text}"
FB_TEXT_EMPTY = "متن خالی است؛ لطفاً چند کلمه بنویسید."
FB_TEXT_TOO_LONG = (
    "متن شما {length} نویسه است و حداکثر {max} نویسه پذیرفته می‌شود. لطفاً کوتاه‌ترش کنید و "
    "دوباره بفرستید."
)
FB_CAPTION_TOO_LONG = "توضیح عکس از {max} نویسه بیشتر بود و به متن اضافه نشد."
FB_CAPTION_ADDED = "توضیح عکس به متن اضافه شد."
FB_PHOTO_SAVED = "📷 عکس دریافت شد."
FB_LOCATION_SAVED = "📍 موقعیت مکانی دریافت شد."
FB_LOCATION_INVALID = "این موقعیت مکانی معتبر نیست."

FB_ASK_ATTACH = "اگر عکس یا موقعیت مکانی دارید بفرستید، وگرنه «رد شدن» را بزنید."
FB_ATTACH_MORE = "اگر چیز دیگری هم دارید بفرستید، وگرنه «ادامه» را بزنید."
FB_ATTACH_ONLY = (
    "در این مرحله فقط عکس یا موقعیت مکانی می‌گیرم. برای تغییر متن، در خلاصه پایانی "
    "«ویرایش متن» را بزنید."
)

FB_ASK_CONTACT = (
    "اگر مایلید کارشناس با شما تماس بگیرد، شماره خود را با دکمه «اشتراک شماره» بفرستید، "
    "وگرنه «نه، ممنون» را بزنید."
)
FB_CONTACT_CURRENT = "شماره‌ای که فرستادید ثبت شده است."
FB_CONTACT_TYPED = (
    "برای حفظ حریم خصوصی، شماره را فقط از راه دکمه «اشتراک شماره» می‌پذیرم، نه به‌صورت تایپ‌شده."
)
FB_CONTACT_SAVED = "☎️ شماره شما دریافت شد."
FB_CONTACT_INVALID = "این شماره معتبر نیست."
# The bot shows this on its reply-keyboard "request contact" button at the contact step.
FB_SHARE_CONTACT_BUTTON = "📱 اشتراک شماره"

FB_SUMMARY_TITLE = "📋 خلاصه نظر شما"
FB_SUMMARY_HINT = "اگر درست است «ثبت» را بزنید."
FB_LABEL_KIND = "نوع"
FB_LABEL_PROJECT = "پروژه"
FB_LABEL_TEXT = "متن"
FB_LABEL_PHOTO = "عکس"
FB_LABEL_LOCATION = "موقعیت مکانی"
FB_LABEL_CONTACT = "شماره تماس"
FB_HAS = "✅ دارد"
FB_HAS_NOT = "✖️ ندارد"

FB_SUBMITTED_TITLE = "✅ نظر شما ثبت شد"
FB_TRACKING = "کد پیگیری شما: {code} — با /status {code} وضعیت را ببینید."
FB_SUBMITTED_TEXT = (
    "کارشناسان شهرداری آن را بررسی می‌کنند و پاسخشان را همین‌جا برایتان می‌فرستم. سپاس از همراهی‌تان 🌱"
)
FB_SUBMIT_FAILED = "متأسفم، {message}"

FB_CANCELLED = "ثبت نظر لغو شد. هر وقت خواستید دوباره شروع کنید."
FB_EXPIRED = "این گفتگو تمام شده است؛ برای ثبت نظر تازه دکمه زیر را بزنید."
FB_STALE = "آن دکمه مربوط به مرحله دیگری بود."
FB_UNEXPECTED = "این را در این مرحله نمی‌توانم بپذیرم."

FB_BTN_CANCEL = "✖️ انصراف"
FB_BTN_BACK = "🔙 بازگشت"
FB_BTN_GENERAL = "🌐 کلی (بدون پروژه خاص)"
FB_BTN_SEARCH_AGAIN = "🔎 هیچ‌کدام؛ جستجوی دوباره"
FB_BTN_KEEP_PROJECT = "ادامه با همین پروژه"
FB_BTN_KEEP_TEXT = "همین متن بماند"
FB_BTN_SKIP = "رد شدن"
FB_BTN_CONTINUE = "ادامه"
FB_BTN_NO_CONTACT = "نه، ممنون"
FB_BTN_KEEP_CONTACT = "ادامه با همین شماره"
FB_BTN_SUBMIT = "✅ ثبت"
FB_BTN_EDIT_TEXT = "✏️ ویرایش متن"
FB_BTN_EDIT_PROJECT = "🏗 تغییر پروژه"
FB_BTN_EDIT_KIND = "🔁 تغییر نوع"
FB_BTN_STATUS = "🔎 پیگیری {code}"
FB_BTN_NEW = "✍️ ثبت نظر تازه"

# Typed words that act like a button (normalized with nlp.normalize before comparing).
FB_WORDS_CANCEL: tuple[str, ...] = ("انصراف", "لغو", "کنسل", "cancel")
FB_WORDS_BACK: tuple[str, ...] = ("بازگشت", "برگشت", "قبلی", "back")
FB_WORDS_SKIP: tuple[str, ...] = ("رد شدن", "رد", "ادامه", "بعدی", "ندارم", "نه", "خیر", "skip")
FB_WORDS_NO_CONTACT: tuple[str, ...] = ("نه", "نه ممنون", "نه مرسی", "خیر", "نمی خواهم", "no")
FB_WORDS_GENERAL: tuple[str, ...] = ("کلی", "عمومی", "بدون پروژه", "بدون پروژه خاص", "general")
FB_WORDS_SUBMIT: tuple[str, ...] = ("ثبت", "ثبت کن", "تایید", "ارسال", "بفرست")
# Word beginnings that name a kind when the citizen types instead of pressing a button.
FB_KIND_KEYWORDS: dict[str, tuple[str, ...]] = {
    "complaint": ("شکایت", "شاکی", "اعتراض", "گلایه", "complaint"),
    "criticism": ("انتقاد", "نقد", "criticism"),
    "suggestion": ("پیشنهاد", "ایده", "suggestion"),
    "thanks": ("قدردانی", "تشکر", "ممنون", "سپاس", "مرسی", "تقدیر", "thanks"),
}

# ============================================================================ short answers
# The figure leads, on the first line; details wait behind «جزئیات بیشتر».
BTN_MORE = "➕ جزئیات بیشتر"
BTN_DATA = "📊 جزئیات و داده"
OTHERS_ITEM = "سایر {what}: {amount} ({percent})"
OTHERS_CATEGORIES = "حوزه‌ها"
OTHERS_PROJECTS = "پروژه‌ها"
OTHERS_DISTRICTS = "منطقه‌ها"

SHARE_HEADLINE = "📊 سهم شهرداری {name} از ارزش افزوده در {period}: {amount}"
SHARE_EXACT = "یعنی حدود {per_capita} برای هر شهروند ({population} نفر)."
SHARE_PER_CAPITA_HEADLINE = "📊 سرانه سهم ارزش افزوده {name} در {period}: {amount} برای هر شهروند"
SHARE_PER_CAPITA_DETAIL = "کل سهم: {amount} برای {population} نفر."
NOT_YET_PUBLISHED = (
    "ارقام {period} هنوز منتشر نشده و پیش‌بینی نمی‌کنم؛ آخرین ماه منتشرشده {name}، {last} است."
)
BTN_LATEST_MONTH = "📊 {month}"
BTN_THIS_YEAR_SO_FAR = "📊 امسال تا کنون"

COMPARE_HEADLINE = "📈 سهم {name} در {first}: {a} — {change} نسبت به {second} ({b})"
COMPARE_FACT = "{period}: {amount}"
COMPARE_BREAKDOWN = "به تفکیک:"
COMPARE_BREAKDOWN_ITEM = "{first_label}: {first} / {second_label}: {second}"
TREND_HEADLINE = "📈 روند سهم ارزش افزوده {name}، {period}: از {first} به {last} ({change})"
TREND_ITEM = "{year}: {amount}{change}"
TREND_CHANGE = " ({change} نسبت به سال قبل)"
COMPARE_MUNIS_HEADLINE = "📊 {first}: {a} و {second}: {b} — {period}"

SPENDING_HEADLINE = (
    "💸 از سهم ارزش افزوده {name} در {period}، {spent} خرج پروژه‌ها شد ({percent} از {received})"
)
SPENDING_HEADLINE_NONE = "💸 در {period} هزینه‌ای از سهم ارزش افزوده {name} برای پروژه‌ها ثبت نشده."
SPENDING_CATEGORY_HEADLINE = (
    "💸 {category} در {name}، {period}: {amount} از ارزش افزوده ({percent} از کل خرج پروژه‌ها)"
)
SPENDING_DISTRICT_HEADLINE = "💸 پروژه‌های {district} {name} در {period}: {amount} از ارزش افزوده"
SPENDING_DISTRICT_CATEGORY_HEADLINE = (
    "💸 {category} در {district} {name}، {period}: {amount} از ارزش افزوده"
)
SPENDING_KEYWORD_HEADLINE = (
    "💸 «{word}» ({count} پروژه) در {name}، {period}: {amount} از ارزش افزوده"
)
SPENDING_NOTHING = "در این دوره مبلغی برای این پروژه‌ها ثبت نشده است."
ALL_TIME = "تا کنون"
SPENDING_ITEM_SHORT = "{name}: {amount}"
SPENDING_CITYWIDE = "پروژه‌های چند منطقه‌ای (بدون منطقه) هم {amount} گرفتند و در این فهرست نیستند."

RANK_TOWNS = "📊 شهرها به ترتیب سهم ارزش افزوده، {period}:"
RANK_TOWNS_ASC = "📊 شهرها از کمترین سهم ارزش افزوده، {period}:"
RANK_TOWNS_PC = "📊 شهرها به ترتیب سهم ارزش افزوده برای هر نفر، {period}:"
RANK_TOWNS_PC_ASC = "📊 شهرها از کمترین سرانه ارزش افزوده، {period}:"
RANK_TOWN_ITEM = "{n}. {name}: {amount}"
RANK_TOWN_PC_ITEM = "{n}. {name}: {amount} برای هر نفر"
RANK_HEAD_TOWNS = "{lead} {name} با {amount}"
RANK_LEAD_MOST = "بیشترین:"
RANK_LEAD_LEAST = "کمترین:"
RANK_DISTRICTS = "🏗 منطقه‌های {name} به ترتیب خرج ارزش افزوده، {period}:"
RANK_DISTRICTS_ASC = "🏗 منطقه‌های {name} از کمترین خرج ارزش افزوده، {period}:"
RANK_CATEGORIES = "🏗 حوزه‌ها به ترتیب خرج ارزش افزوده در {name}، {period}:"
RANK_CATEGORIES_ASC = "🏗 حوزه‌ها از کمترین خرج ارزش افزوده در {name}، {period}:"
RANK_PROJECTS_FUNDING = "🏗 پروژه‌های {where} به ترتیب پول ارزش افزوده، {period}:"
RANK_PROJECTS_FUNDING_ASC = "🏗 پروژه‌های {where} از کمترین پول ارزش افزوده، {period}:"
RANK_PROJECTS_BUDGET = "🏗 پروژه‌های {where} به ترتیب بودجه:"
RANK_PROJECTS_BUDGET_ASC = "🏗 پروژه‌های {where} از کمترین بودجه:"
RANK_PROJECTS_PROGRESS = "🏗 پروژه‌های {where} به ترتیب پیشرفت:"
RANK_PROJECTS_PROGRESS_ASC = "🏗 پروژه‌های {where} از کمترین پیشرفت:"
RANK_MONTHS = "📊 ماه‌های {period} به ترتیب سهم ارزش افزوده {name}:"
RANK_MONTHS_ASC = "📊 ماه‌های {period} از کمترین سهم ارزش افزوده {name}:"
RANK_YEARS = "📊 سال‌ها به ترتیب سهم ارزش افزوده {name}:"
RANK_YEARS_ASC = "📊 سال‌ها از کمترین سهم ارزش افزوده {name}:"
RANK_YEARS_GROWTH = "📈 سال‌ها به ترتیب رشد سهم ارزش افزوده {name}:"
RANK_YEARS_GROWTH_ASC = "📈 سال‌ها از کمترین رشد سهم ارزش افزوده {name}:"
RANK_ITEM = "{n}. {name}: {amount}"
RANK_MORE = "و {count} مورد دیگر (با «جزئیات بیشتر»)."
RANK_EMPTY = "برای این رتبه‌بندی در {period} رقمی ثبت نشده است."
RANK_NO_PER_CAPITA = (
    "جمعیت منطقه‌ها در داده‌ها نیست، پس سرانه منطقه‌ای نمی‌دهم؛ این فهرست بر اساس کل مبلغ است."
)

LIMIT_FORECAST = "پیش‌بینی نمی‌کنم؛ فقط ارقام منتشرشده را دارم (تا {last})."
LIMIT_WHY = "علت تغییرها در داده‌ها نیست؛ فقط خود ارقام را دارم و می‌توانم دوره‌ها را مقایسه کنم."
LIMIT_OTHER_MONEY = (
    "این رقم در داده‌های من نیست؛ من فقط سهم شهرداری از ارزش افزوده و پروژه‌هایی را که با آن "
    "ساخته می‌شود می‌دانم."
)
LIMIT_DAILY = "ارقام ماهانه منتشر می‌شود، نه روزانه یا هفتگی؛ آخرین ماه منتشرشده {last} است."
LIMIT_TOTAL_COLLECTED = "کل مالیات وصول‌شده را ندارم؛ فقط سهمی را که از آن به شهرداری می‌رسد می‌دانم."
UNKNOWN_PLACE = "«{place}» را در داده‌ها نمی‌شناسم؛ ارقام کل {name} را آوردم — یا منطقه را بگویید."
UNKNOWN_PLACE_ONLY = "«{place}» را در داده‌ها نمی‌شناسم؛ داده‌ها فقط منطقه‌های شهرداری را دارند."
BTN_WHOLE_CITY = "کل {name}"
BTN_CHOOSE_DISTRICT = "📍 انتخاب منطقه"
DISTRICTS_PICK = "کدام منطقه؟"

PROJECT_HEADLINE = "🏗 {name} — {status}، پیشرفت {progress}"
PROJECT_MONEY = "بودجه: {budget}؛ از ارزش افزوده تا کنون: {vat} ({percent} از بودجه)"
PROJECT_PLACE = "{where} · {category}"
PROJECT_END_HEADLINE = "⏳ {name}: پایان برنامه‌ریزی‌شده {date} (پیشرفت {progress})"
PROJECT_OVERDUE_HEADLINE = (
    "⏰ {name}: موعد پایان ({date}) گذشته و کار هنوز تمام نشده است (پیشرفت {progress})"
)
PROJECT_DONE_HEADLINE = "✅ {name} تکمیل شده است (پایان برنامه‌ریزی‌شده {date})"
PROJECT_NO_END = "⏳ {name}: تاریخ پایانی برای آن ثبت نشده است (پیشرفت {progress})"
PROJECT_BUDGET_HEADLINE = "💰 بودجه کل {name}: {amount}"
PROJECT_FUNDING_HEADLINE = "💸 {name} تا کنون {amount} از ارزش افزوده گرفته ({percent} از بودجه)"
PROJECT_FUNDING_PERIOD_HEADLINE = "💸 {name} در {period}: {amount} از ارزش افزوده"
PROJECT_PROGRESS_HEADLINE = "🏗 {name}: پیشرفت {progress} — {status}"
PROJECT_FUNDING_BY_YEAR = "پول ارزش افزوده به تفکیک سال:"
PROJECTS_DELAYED = "عقب‌افتاده"
PROJECT_LIST_ITEM_DELAYED = "{name} — موعد {date} گذشته، پیشرفت {progress}"
PROJECTS_KEYWORD_TITLE = "🏗 پروژه‌های «{word}» در {name}"

CALC_HEADLINE_CITY = "🧮 از {what}، {city} به شهرداری {name} می‌رسد"
CALC_HEADLINE_VAT = "🧮 مالیات ارزش افزوده {what}: {vat}"
CALC_WHAT_GROSS = "خرید {amount} (با مالیات)"
CALC_WHAT_NET = "خرید {amount} (بدون مالیات)"
CALC_WHAT_VAT = "{amount} مالیات ارزش افزوده‌ای که پرداختید"
CALC_LINE = "مالیات: {vat} ({rate} از قیمت)؛ سهم شهرداری‌ها: {share} آن، یعنی {city}."
CALC_LINE_VAT = "سهم شهرداری‌ها {share} از مالیات است، یعنی {city}."
CALC_RATE_DAY = "نرخ در {date}: {vat} که {share} آن سهم شهرداری‌ها و دهیاری‌هاست."
CALC_ASSUMED_GROSS = "مبلغ را قیمت با مالیات گرفتم؛ اگر بدون مالیات است، دکمه زیر را بزنید."
CALC_SPLIT_SHORT = "خرج این سهم مثل پروژه‌های {period}:"
BTN_CALC_NET = "قیمت بدون مالیات بود"
BTN_CALC_GROSS = "قیمت با مالیات بود"

REPORT_HEADLINE = "📄 {title} — منتشرشده {date}"
REPORT_SHARE_LINE = "سهم {name} در {period}: {amount}"

FEEDBACK_OFFER = "اگر می‌خواهید شکایتتان هم ثبت شود، دکمه زیر را بزنید؛ متنتان را نگه داشته‌ام."
BTN_FILE_COMPLAINT = "✍️ ثبت همین شکایت"
STATUS_UNKNOWN_CODE = "نظری با کد {code} در این گفتگو پیدا نشد. کد را دوباره بررسی کنید."
FB_KEPT_TEXT = "متن شما را نگه داشتم؛ اگر درست است «ثبت» را بزنید."
FB_BTN_ADD_ATTACH = "📎 افزودن عکس یا موقعیت"
FB_BTN_ADD_CONTACT = "📱 افزودن شماره تماس"
SUB_FREQUENCY_APPLIED = "✅ اشتراک {frequency} شما ثبت شد{topics}."
RANK_LEAD_PER_CAPITA = "سرانه {name}"
