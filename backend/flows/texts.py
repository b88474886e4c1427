"""Persian texts of the multi-step flows, one section per flow (numbers go through formatting)."""

from __future__ import annotations

# --- feedback flow (backend/flows/feedback.py) -------------------------------------------------
# The assistant calls it "ثبت نظر"; the flow keeps that word so the button and the flow agree.
FB_TITLE = "✍️ ثبت نظر"
FB_INTRO = "چند سؤال کوتاه می‌پرسم و در پایان یک کد پیگیری می‌گیرید."
FB_BLOCKED = (
    "متأسفم، امکان ثبت نظر از این گفتگو فعلاً وجود ندارد. برای درخواست‌های خدمات شهری "
    "می‌توانید با سامانه ۱۳۷ شهرداری تماس بگیرید."
)

FB_KIND_LABELS: dict[str, str] = {
    "complaint": "شکایت",
    "criticism": "انتقاد",
    "suggestion": "پیشنهاد",
    "thanks": "قدردانی",
}
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
