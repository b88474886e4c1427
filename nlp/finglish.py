"""Turn common Finglish (Persian written in Latin letters) words into Persian script.

Only Latin-letter tokens are looked at; Persian text, digits and codes such as "D-113" are left
alone, and unknown Latin words (place and project names) stay Latin for the gazetteer's
romanized matching.
"""

from __future__ import annotations

import re
from functools import lru_cache

ZWNJ = "\u200c"

# Persian word -> its usual Latin spellings. Spelling variants (oo/u, gh/q, ...) are added below.
_LEXICON: dict[str, tuple[str, ...]] = {
    # VAT and money
    "سهم": ("sahm",),
    "سهمیه": ("sahmie", "sahmiye", "sahmieh"),
    "مالیات": ("maliat", "maliyat", "maliat", "malyat"),
    "مالیاتی": (
        "maliati",
        "maliyati",
    ),
    "ارزش": ("arzesh", "arzsh"),
    "افزوده": ("afzoode", "afzoodeh", "afzode", "afzudeh", "afzoda", "afzoodah", "afzooda"),
    "ارزش افزوده": ("vat", "arzeshafzoode", "arzeshafzude"),
    "عوارض": ("avarez", "avaarez"),
    "شهرداری": ("shahrdari", "shahrdary", "shardari", "shahredari"),
    "شهرداری‌ها": ("shahrdariha",),
    "شهر": ("shahr",),
    "شهری": ("shahri",),
    "هزینه": ("hazine", "hazineh", "hazina", "hazinah"),
    "هزینه‌کرد": ("hazinekard",),
    "خرج": ("kharj",),
    "خرید": ("kharid",),
    "بودجه": ("boodje", "budje", "boodjeh", "budjeh", "bodje"),
    "پول": ("pool", "pul"),
    "تومان": ("toman", "tomen", "tomaan"),
    "تومن": ("tomn", "tooman", "tumen"),
    "ریال": ("rial", "riyal"),
    "هزار": ("hezar", "hazar"),
    "میلیون": ("milion", "million", "melyoon", "milyoon", "melion", "milyon"),
    "میلیارد": ("milyard", "miliard", "milliard", "melyard"),
    "درصد": ("darsad", "dar sad"),
    "مبلغ": ("mablagh", "mablaq"),
    "واریز": ("variz",),
    "درآمد": ("daramad", "dar amad"),
    "فاکتور": ("factor", "faktor"),
    "قیمت": ("gheimat", "gheymat", "ghimat", "qeymat", "ghymat"),
    "نرخ": ("nerkh",),
    "حساب": ("hesab",),
    "تامین": ("tamin", "taamin"),
    "مالی": ("mali",),
    # time
    "سال": ("sal", "saal"),
    "امسال": ("emsal", "emsaal", "imsal"),
    "پارسال": ("parsal", "parsaal", "parsl"),
    "پیارسال": ("piarsal", "pirarsal", "piyarsal"),
    "ماه": ("mah", "maah"),
    "ماهانه": ("mahane", "mahaneh", "maahane"),
    "هفته": ("hafte", "hafteh"),
    "هفتگی": ("haftegi",),
    "گذشته": ("gozashte", "gozashteh", "gozashta"),
    "قبل": ("ghabl", "qabl"),
    "پیش": ("pish",),
    "اخیر": ("akhir",),
    "آخر": ("akhar",),
    "آخرین": ("akharin",),
    "فصل": ("fasl",),
    "سه‌ماهه": ("semahe", "se mahe"),
    "نیمه": ("nime", "nimeh"),
    "اول": ("aval", "avval"),
    "دوم": ("dovom",),
    "سوم": ("sevom",),
    "چهارم": ("chaharom",),
    "بهار": ("bahar",),
    "تابستان": ("tabestan",),
    "تابستون": ("tabestoon", "tabestun"),
    "پاییز": ("paeez", "paiz", "paeiz", "payiz"),
    "زمستان": ("zemestan",),
    "زمستون": ("zemestoon", "zemestun"),
    "فروردین": ("farvardin",),
    "اردیبهشت": ("ordibehesht",),
    "خرداد": ("khordad",),
    "تیر": ("tir",),
    "مرداد": ("mordad",),
    "شهریور": ("shahrivar",),
    "مهر": ("mehr",),
    "آبان": ("aban",),
    "آذر": ("azar",),
    "دی": ("dey", "day"),
    "بهمن": ("bahman",),
    "اسفند": ("esfand",),
    "الان": ("alan",),
    "امروز": ("emrooz", "emruz"),
    "دیروز": ("dirooz", "diruz"),
    "فردا": ("farda",),
    "کی": ("kei", "key", "kay"),
    "تا": ("ta",),
    # projects and city
    "پروژه": ("proje", "projeh", "prozhe", "porozhe", "projeye", "poroje"),
    "پروژه‌ها": ("projeha", "proje ha"),
    "پروژه‌های": ("projehaye", "projehay"),
    "منطقه": ("mantaghe", "mantaqe", "mantaghe", "mantagheh", "mantaqeh", "mantaghah"),
    "مناطق": ("manategh", "manateq"),
    "ناحیه": ("nahie", "nahiye"),
    "محله": ("mahale", "mahalle", "mahaleh"),
    "پارک": ("park",),
    "بوستان": ("boostan", "bustan"),
    "فضای": ("fazaye", "fazay"),
    "سبز": ("sabz",),
    "مترو": ("metro",),
    "قطار": ("ghatar", "qatar"),
    "اتوبوس": ("otoboos", "otobus", "autobus", "bus"),
    "بی‌آرتی": ("brt",),
    "تاکسی": ("taxi", "taksi"),
    "حمل": ("haml",),
    "نقل": ("naghl", "naql"),
    "عمومی": ("omoomi", "omumi"),
    "پل": ("pol",),
    "زیرگذر": ("zirgozar",),
    "روگذر": ("roogozar",),
    "تقاطع": ("taghato", "taqato", "taghatoe"),
    "خیابان": ("khiaban", "khiyaban"),
    "خیابون": ("khiaboon", "khiyabun", "khiaboun"),
    "آسفالت": ("asfalt",),
    "کتابخانه": ("ketabkhane", "ketabkhaneh"),
    "کتابخونه": ("ketabkhoone", "ketabkhune"),
    "فرهنگسرا": ("farhangsara",),
    "ورزشی": ("varzeshi",),
    "ورزشگاه": ("varzeshgah",),
    "آتش‌نشانی": ("atashneshani", "atash neshani", "atish neshani"),
    "ایستگاه": ("istgah", "istgahe"),
    "پسماند": ("pasmand",),
    "زباله": ("zobale", "zebale", "ashghal"),
    "بازیافت": ("bazyaft",),
    "نوسازی": ("nosazi", "nowsazi"),
    "بافت": ("baft",),
    "فرسوده": ("farsoode", "farsude"),
    "زائر": ("zaer", "zaaer"),
    "زائرین": ("zaerin",),
    "حرم": ("haram",),
    "میدان": ("meydan", "midan"),
    "بلوار": ("bolvar",),
    "ساخت": ("sakht",),
    "تموم": ("tamoom", "tamum", "tamom"),
    "تمام": ("tamam",),
    "شروع": ("shoroo", "shoru", "shuru"),
    "افتتاح": ("eftetah",),
    "پیشرفت": ("pishraft",),
    "درحال": ("darhal",),
    "حال": ("hal", "haal"),
    "اجرا": ("ejra",),
    "اجرای": ("ejraye",),
    "متوقف": ("motevaghef", "motevaqef"),
    "نیمه‌کاره": ("nimekare",),
    "لیست": ("list",),
    "فهرست": ("fehrest",),
    "اطلاعات": ("etelaat", "ettelaat"),
    "وضعیت": ("vaziat", "vazeiat", "vaziyat", "vazeyat"),
    "مرحله": ("marhale",),
    "جزئیات": ("joziat", "joziyat"),
    # feedback, reports, subscriptions
    "شکایت": ("shekayat", "shekaiat", "shekayt"),
    "پیشنهاد": ("pishnahad", "pishnehad"),
    "انتقاد": ("enteghad", "enteqad"),
    "نظر": ("nazar",),
    "بازخورد": ("bazkhord",),
    "اعتراض": ("eteraz", "e'teraz"),
    "تشکر": ("tashakor", "tashakkor"),
    "پیگیری": ("peygiri", "peigiri", "paygiri", "pegiri"),
    "کد": ("code", "kod"),
    "رهگیری": ("rahgiri",),
    "ثبت": ("sabt",),
    "گزارش": ("gozaresh", "gozaresh", "gozarsh", "gzarsh"),
    "گزارش‌ها": ("gozareshha", "gozaresha"),
    "صورت": ("soorat", "surat"),
    "عضویت": ("ozviat", "ozviyat", "ozveyat"),
    "عضو": ("ozv",),
    "اشتراک": ("eshterak", "eshteraak"),
    "مشترک": ("moshtarak",),
    "خبرنامه": ("khabarname", "khabarnameh"),
    "لغو": ("laghv", "laqv", "laghve"),
    "قطع": ("ghat", "qat", "ghate"),
    "پیام": ("payam", "peyam"),
    "دیگه": ("dige", "dg"),
    "مقایسه": ("moghayese", "moqayese", "moghayeseh", "mogayese", "moghayse"),
    "نسبت": ("nesbat",),
    "روند": ("ravand",),
    "رشد": ("roshd",),
    "بیشتر": ("bishtar",),
    "کمتر": ("kamtar",),
    "تغییر": ("taghir", "taqir", "taghyir"),
    "فرق": ("fargh", "farq"),
    # greetings and chat
    "سلام": ("salam", "slm", "salaam", "salm"),
    "درود": ("dorood", "dorud"),
    "مرسی": ("mersi", "merci", "mrc", "mersii"),
    "ممنون": ("mamnoon", "mamnun", "mamnon", "mmnon"),
    "ممنونم": ("mamnoonam", "mamnunam"),
    "متشکرم": ("motshakeram", "moteshakkeram"),
    "دستت": ("dastet",),
    "درد": ("dard",),
    "نکنه": ("nakone", "nakoneh"),
    "خداحافظ": ("khodahafez", "khodafez", "khdahafez", "khodafes"),
    "خوبی": ("khoobi", "khubi"),
    "خوب": ("khoob", "khub"),
    "بخیر": ("bekheir", "bekheyr", "bkheir"),
    "وقت": ("vaght", "vaqt"),
    "صبح": ("sobh",),
    "کمک": ("komak",),
    "راهنما": ("rahnama", "raahnama"),
    "راهنمایی": ("rahnamaei", "rahnamayi"),
    "ربات": ("robot", "bot", "robat"),
    # question words, pronouns, particles (the ambiguous ones are in _AMBIGUOUS)
    "چقدر": (
        "cheghadr",
        "cheqadr",
        "chgadr",
        "cheghad",
        "cheqad",
        "chghadr",
        "cheghadar",
        "cheghdr",
        "cheqdr",
        "chqdr",
    ),
    "چند": ("chand", "chan", "chnd"),
    "چنده": ("chande", "chandeh"),
    "چی": ("chi",),
    "چیه": ("chie", "chiye"),
    "چرا": ("chera",),
    "چطور": ("chetor", "chetour"),
    "چطوری": ("chetori", "chetoori"),
    "چجوری": ("chejoori", "chejuri"),
    "کجا": ("koja",),
    "کدوم": ("kodoom", "kodum", "kodom"),
    "کدام": ("kodam",),
    "چه": ("che",),
    "بود": ("bood", "bud"),
    "بوده": ("boode", "bude", "boodeh"),
    "شد": ("shod",),
    "شده": ("shode", "shodeh"),
    "میشه": ("mishe", "mishe?"),
    "شدن": ("shodan",),
    "هست": ("hast",),
    "هستن": ("hastan",),
    "است": ("ast",),
    "رسید": ("resid",),
    "رسیده": ("reside", "resideh"),
    "میرسه": ("mirese", "mireseh"),
    "میره": ("mire",),
    "رفت": ("raft",),
    "گرفت": ("gereft",),
    "گرفته": ("gerefte", "gerefteh"),
    "میگیره": ("migire", "migireh"),
    "دادن": ("dadan",),
    "داده": ("dade", "dadeh"),
    "دادم": ("dadam",),
    "کرد": ("kard",),
    "کردم": ("kardam",),
    "کردن": ("kardan",),
    "کنم": ("konam",),
    "کن": ("kon",),
    "بکن": ("bokon",),
    "کنید": ("konid",),
    "میکنه": ("mikone",),
    "میکنید": ("mikonid",),
    "میخوام": ("mikham", "mikhaam", "mikhastam"),
    "نمیخوام": ("nemikham",),
    "بده": ("bede",),
    "بدم": ("bedam",),
    "بدید": ("bedid",),
    "بگو": ("begoo", "begu", "bego"),
    "بگید": ("begid",),
    "بفرست": ("befrest",),
    "نفرست": ("nafrest",),
    "بفرستی": ("befresti",),
    "نشون": ("neshoon", "neshun"),
    "بخرم": ("bekharam",),
    "بدونم": ("bedoonam", "bedunam"),
    "داری": ("dari",),
    "دارید": ("darid",),
    "دارم": ("daram",),
    "داره": ("dare",),
    "داشت": ("dasht",),
    "داشته": ("dashte",),
    "میتونی": ("mitooni", "mituni"),
    "میتونم": ("mitoonam", "mitunam"),
    "خواهش": ("khahesh",),
    "لطفا": ("lotfan", "ltfn", "lotfa"),
    "ببخشید": ("bebakhshid",),
    "یعنی": ("yani", "ya'ni"),
    "همه": ("hame", "hameye"),
    "کل": ("kol", "kolle"),
    "کلا": ("kolan",),
    "یه": ("ye", "yek"),
    "اینجا": ("inja",),
    "هنوز": ("hanooz", "hanuz"),
    "اصلا": ("asan", "aslan"),
    "برای": ("baraye", "bara", "baray"),
    "بر": ("bar",),
    "از": ("az",),
    "با": ("ba",),
    "یا": ("ya",),
    "رو": ("ro", "roo"),
    "را": ("ra",),
    "های": ("haye", "hay"),
    "ها": ("ha",),
    "اگه": ("age", "ageh"),
    "اگر": ("agar",),
    "ما": ("ma",),
    "شما": ("shoma",),
    "مال": ("male",),
    "کار": ("kar",),
    "کارهای": ("karhaye", "karaye"),
    "عمرانی": ("omrani",),
    "طرح": ("tarh",),
    "دقیقا": ("daghighan", "daqiqan"),
    "شهرمون": ("shahremoon", "shahremun"),
    "ماهی": ("mahi",),
    "سالی": ("sali",),
    "یک": ("yek",),
    "دو": ("do",),
    "سه": ("se",),
    "چهار": ("chahar",),
    "پنج": ("panj",),
    "شش": ("shesh",),
    "هفت": ("haft",),
    "هشت": ("hasht",),
    "نه": ("noh",),
    "ده": ("dah",),
    "صد": ("sad",),
    "پانصد": ("pansad",),
    "دویست": ("devist",),
    "سیصد": ("sisad",),
    "نیم": ("nim",),
    "بیست": ("bist",),
    "سی": ("si",),
    "پنجاه": ("panjah",),
    "ثامن": ("samen",),
    "کشور": ("keshvar",),
    "دولت": ("dolat", "dowlat"),
    "دلار": ("dolar", "dollar"),
    "طلا": ("tala",),
    "هوا": ("hava",),
    "هوای": ("havaye",),
    "جوک": ("jok",),
    "فوتبال": ("footbal",),
    "حقوق": ("hoghoogh", "hoghugh"),
    "شهروند": ("shahrvand",),
}

# Short spellings that are also common English words: converted only when the message already
# holds an unambiguous Finglish word, so "what is vat in 2024" style English is left alone.
_AMBIGUOUS: frozenset[str] = frozenset(
    {
        "in",
        "to",
        "be",
        "man",
        "va",
        "ke",
        "az",
        "ba",
        "ya",
        "ro",
        "ra",
        "ha",
        "ye",
        "bar",
        "sal",
        "mah",
        "che",
        "do",
        "se",
        "sad",
        "si",
        "tir",
        "dey",
        "day",
        "mehr",
        "kon",
        "hast",
        "key",
        "kei",
        "kay",
        "ma",
        "chan",
        "dare",
        "age",
        "park",
        "code",
        "bus",
        "bot",
        "robot",
        "list",
        "hay",
        "pool",
        "ast",
        "male",
        "factor",
        "tala",
        "dard",
        "raft",
        "hal",
        "ta",
        "kar",
        "kol",
        "pol",
        "nim",
        "bede",
        "dast",
        "ghat",
        "qat",
        "tarh",
        "bara",
        "dah",
        "noh",
        "haft",
        "taxi",
        "metro",
        "hava",
        "nazar",
        "pish",
        "fasl",
        "sabz",
        "rial",
        "mali",
        "aval",
        "shod",
    }
)

_EXTRA: dict[str, str] = {
    "in": "این",
    "inke": "اینکه",
    "to": "تو",
    "too": "تو",
    "tu": "تو",
    "be": "به",
    "man": "من",
    "va": "و",
    "o": "و",
    "ke": "که",
    "ham": "هم",
    "cheghadresh": "چقدرش",
    "chandesh": "چندش",
    "koja": "کجا",
    "shahrdariye": "شهرداری",
    "sahme": "سهم",
    "sahmesh": "سهمش",
    "arzeshe": "ارزش",
    "maliate": "مالیات",
    "gozareshe": "گزارش",
    "proje": "پروژه",
    "mantagheye": "منطقه",
    "haye": "های",
    "chiye": "چیه",
    "chie": "چیه",
    "nist": "نیست",
    "naboode": "نبوده",
    "tamoom": "تموم",
    "beshe": "بشه",
    "shode": "شده",
    "mishan": "میشن",
    "mishe": "میشه",
}

# Suffixes glued to a known stem, longest first: (latin, persian to append).
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("hashoon", ZWNJ + "هاشون"),
    ("haye", ZWNJ + "های"),
    ("hash", ZWNJ + "هاش"),
    ("haro", ZWNJ + "ها رو"),
    ("hay", ZWNJ + "های"),
    ("ha", ZWNJ + "ها"),
    ("aye", ZWNJ + "های"),  # colloquial plural + ezafe: "gozareshaye" = "گزارشای"
    ("ye", ""),  # ezafe after a vowel: not written in Persian
    ("esh", "ش"),
    ("ash", "ش"),
    ("mun", "مون"),
    ("moon", "مون"),
    ("emun", "مون"),
    ("emoon", "مون"),
    ("ro", " رو"),
    ("sh", "ش"),
    ("am", "م"),
    ("et", "ت"),
    ("e", ""),  # ezafe: "sahme shahrdari" = "سهم شهرداری"
    ("o", " رو"),  # colloquial object marker: "sahmo" = "سهم رو"
    ("i", "ی"),
    ("a", ZWNJ + "ها"),  # colloquial plural: "proja" = "پروژه‌ها"
)

_ENGLISH_HINTS: frozenset[str] = frozenset(
    {
        "the",
        "is",
        "are",
        "what",
        "how",
        "you",
        "your",
        "my",
        "of",
        "for",
        "and",
        "free",
        "with",
        "this",
        "that",
        "please",
        "can",
        "does",
        "do",
        "was",
        "where",
        "when",
        "which",
        "much",
        "many",
        "city",
        "tax",
        "money",
        "win",
        "buy",
        "click",
        "now",
        "here",
        "online",
    }
)

_LATIN_TOKEN = re.compile(r"(?<![\w\-'])[A-Za-z]+(?:'[A-Za-z]+)?(?![\w\-])")
_HAS_LATIN = re.compile(r"[A-Za-z]")


def _variants(spelling: str) -> set[str]:
    """Return common alternative spellings (oo/u, gh/q, kh/x, doubled letters)."""
    out = {spelling}
    for a, b in (
        ("oo", "u"),
        ("gh", "q"),
        ("ou", "oo"),
        ("ee", "i"),
        ("ei", "ey"),
        ("kh", "x"),
        ("aa", "a"),
    ):
        for s in list(out):
            if a in s:
                out.add(s.replace(a, b))
    return out


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Build the word table and the two-word phrase table once."""
    words: dict[str, str] = {}
    phrases: dict[tuple[str, str], str] = {}
    for persian, spellings in _LEXICON.items():
        for spelling in spellings:
            for v in _variants(spelling):
                parts = v.split()
                if len(parts) == 2:
                    phrases.setdefault((parts[0], parts[1]), persian)
                elif len(parts) == 1:
                    words.setdefault(v, persian)
    for latin, persian in _EXTRA.items():
        words.setdefault(latin, persian)
    return words, phrases


def _lookup(word: str, words: dict[str, str]) -> str | None:
    """Return the Persian for a lower-case Latin word, trying known stem + suffix splits."""
    hit = words.get(word)
    if hit is not None:
        return hit
    for suffix, persian_suffix in _SUFFIXES:
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            stem = words.get(word[: -len(suffix)])
            if stem is not None and " " not in stem:
                return stem + persian_suffix
    return None


def to_persian(text: str) -> str:
    """Replace known Finglish words by Persian, leaving everything else as written."""
    if not _HAS_LATIN.search(text):
        return text  # fast path: nothing Latin to convert
    words, phrases = _tables()
    matches = list(_LATIN_TOKEN.finditer(text))
    lowered = [m.group(0).lower() for m in matches]
    strong = sum(1 for w in lowered if w not in _AMBIGUOUS and _lookup(w, words) is not None)
    english = sum(1 for w in lowered if w in _ENGLISH_HINTS)
    if strong == 0 or english > strong:
        # Plain English (or nothing we know): converting stray short words would garble it.
        allow_ambiguous = False
    else:
        allow_ambiguous = True
    out: list[str] = []
    pos = 0
    i = 0
    while i < len(matches):
        m = matches[i]
        word = lowered[i]
        replacement: str | None = None
        consumed = 1
        if i + 1 < len(matches) and text[m.end() : matches[i + 1].start()].isspace():
            pair = phrases.get((word, lowered[i + 1]))
            if pair is not None:
                replacement, consumed = pair, 2
        if replacement is None and (allow_ambiguous or word not in _AMBIGUOUS):
            if strong > 0 or english == 0:
                replacement = _lookup(word, words)
        if replacement is None:
            out.append(text[pos : m.end()])
        else:
            out.append(text[pos : m.start()])
            out.append(replacement)
        pos = matches[i + consumed - 1].end()
        i += consumed
    out.append(text[pos:])
    return "".join(out)
