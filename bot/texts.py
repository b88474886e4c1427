"""Every Persian sentence the bot (and `shafaf chat`) says itself, in one place.

The assistant's answers keep their own texts in `backend/texts_fa.py`; this module holds the
transport's words: welcome, menus, commands, flood and error notices, subscriptions, staff tools.
Templates use `str.format` with named fields; figures arrive already formatted.
"""

from __future__ import annotations

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
COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "شروع و منوی اصلی"),
    ("help", "راهنما و نمونه پرسش‌ها"),
    ("subscribe", "اشتراک گزارش‌ها"),
    ("unsubscribe", "لغو اشتراک"),
    ("mysubscription", "اشتراک فعلی من"),
    ("feedback", "ثبت نظر، شکایت یا پیشنهاد"),
    ("status", "پیگیری نظر با کد"),
    ("cancel", "خروج از گفتگوی جاری"),
)

# --- rating ---------------------------------------------------------------------------------------
RATE_QUESTION = "این پاسخ مفید بود؟"
RATE_UP = "👍"
RATE_DOWN = "👎"
RATE_THANKS = "ممنون از نظرتان! 🌱"
RATE_ASK_REASON = (
    "ممنون که گفتید. 🙏 چه چیزی کم بود یا درست نبود؟ در یک پیام بنویسید تا کارشناسان ببینند "
    "(یا /cancel)."
)
RATE_REASON_THANKS = "ممنون؛ نظرتان برای بهتر شدن پاسخ‌ها ثبت شد. ✅"
RATE_NOT_YOURS = "این دکمه مربوط به پرسش شما نیست."

# --- robustness notices ---------------------------------------------------------------------------
EXPIRED = "این دکمه منقضی شده؛ دوباره شروع کنید."
FLOOD = "کمی آهسته‌تر لطفاً 🙏 پیام‌های زیادی در یک دقیقه فرستادید؛ چند لحظه صبر کنید و دوباره بپرسید."
ERROR = "متأسفم، مشکلی پیش آمد و نتوانستم پاسخ بدهم. لطفاً کمی بعد دوباره امتحان کنید."
UNAVAILABLE = "سرویس شفاف موقتاً در دسترس نیست. لطفاً چند دقیقه دیگر دوباره امتحان کنید."
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
SHARE_CONTACT_HINT = "اگر مایلید، شماره خودتان را با دکمه پایین صفحه بفرستید 👇"
GROUP_NOTICE = "من در گروه‌ها گفتگو نمی‌کنم؛ لطفاً در گفتگوی خصوصی با من بپرسید تا پاسخ دقیق بدهم."
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
FEEDBACK_STATUS_LABELS: dict[str, str] = {
    "new": "ثبت‌شده، در انتظار بررسی",
    "in_review": "در حال بررسی",
    "answered": "پاسخ داده شده",
    "closed": "بسته شده",
    "rejected": "رد شده",
    "hidden": "پنهان",
}
FEEDBACK_KIND_LABELS: dict[str, str] = {
    "complaint": "شکایت",
    "criticism": "انتقاد",
    "suggestion": "پیشنهاد",
    "thanks": "قدردانی",
}
NOTICE_REPLY = (
    "📬 پاسخ شهرداری به نظر شما ({code}):\n{text}\n\nبرای دیدن همه جزئیات: /status {code}"
)
NOTICE_STATUS = "🔔 وضعیت نظر شما ({code}) تغییر کرد: {status}\n\nجزئیات: /status {code}"

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
