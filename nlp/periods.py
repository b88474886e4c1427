"""Jalali periods in normalized Persian text, resolved to inclusive "YYYY-MM" month ranges.

Rules (contract section 4, plus the choices it leaves open):

- امسال / سال جاری = this year 01..12; پارسال / سال گذشته|قبل|پیش = last year; پیارسال /
  پیرارسال = the year before last; "N سال پیش|قبل" = the single year N years ago; "N سال
  گذشته|اخیر" = the N whole years before this one.
- ماه گذشته|پیش|قبل = the previous month; این ماه / ماه جاری = this month; "N ماه گذشته|اخیر|آخر"
  = the N months before this month; "N ماه پیش|قبل" = the single month N months ago.
- Seasons (بهار 1-3 … زمستان 10-12), quarters (فصل اول، سه‌ماهه دوم، سه ماه سوم، ربع چهارم، Q1),
  halves (نیمه اول، شش ماه دوم، نیمسال اول), "N ماه اول سال" = 1..N, "N ماه آخر سال" = 13-N..12.
- A year alone (1300-1499, or "سال ۰۳" = 1403) is that year's 01..12; YYYY/MM is one month.
- A month, season, quarter or half takes the year written right after (آبان ۱۴۰۴، بهار امسال،
  نیمه دوم سال گذشته) or right before it (۱۴۰۳ آبان). Without a year, a month is the most
  recent such month not after today, and a season/quarter/half is this year's if it has already
  begun, otherwise last year's (today 1405-09: زمستان = 1404-10..1404-12).
- Ranges "[از] A تا|الی|لغایت B", "از A تا کنون", "از A به بعد": a year written on one side
  applies to the other ("مهر تا آذر ۱۴۰۴"); a start month after the end month falls in the
  year before ("آبان تا فروردین ۱۴۰۴" = 1403-08..1404-01).
- "A و B" yields two periods (comparisons); a year on B also applies to a bare A
  ("مهر و آبان ۱۴۰۴"). In a comparison a lone second year means the same months of that
  year: "بهار امسال نسبت به پارسال" = 1405-01..03 and 1404-01..03.
- Ambiguous words: "تیر" (also arrow, pole) is a month only with "ماه", a year, or next to
  another period ("خرداد تا تیر"); "دی" is skipped inside letter spellings ("سی دی", "ال ای دی");
  "مهر" is skipped in "مهر و موم|امضا". A 4-digit number is not a year when it is money or a
  count ("۱۴۰۰ تومان", "۱۴۰۰ نفر"), a code ("کد ۱۴۰۳", "SH-1403") or a district ("منطقه ...").
- Finglish: emsal, parsal, pirarsal, sale 1403, mah gozashte, month and season names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import jdatetime

from nlp.numbers import find_numbers, small_number_word
from nlp.types import Period

__all__ = ["find_periods"]

# Folding that keeps every offset: ۀ→ه, آ→ا, ئ→ی, so ابان/آبان, نیمۀ/نیمه look alike.
_FOLD = str.maketrans({"ۀ": "ه", "آ": "ا", "ئ": "ی"})
# Digits may carry "/" or "-" (1403/05, 1402-1404); Latin letters may carry digits (q1).
_TOKEN = re.compile(r"[0-9]+(?:[/\-][0-9]+)*|[a-z]+[0-9]*|[^\W\d_]+")
_YM = re.compile(r"(1[34][0-9]{2})[/\-](0?[1-9]|1[0-2])(?:[/\-][0-9]{1,2})?")
_YEAR_SPAN = re.compile(r"(1[34][0-9]{2})[/\-](1[34][0-9]{2})")

_MONTH_NAMES: dict[str, int] = {
    "فروردین": 1, "فرودین": 1, "فوردین": 1, "فروردبن": 1, "farvardin": 1,
    "اردیبهشت": 2, "اردبهشت": 2, "اردیبهش": 2, "ordibehesht": 2, "ordibehest": 2,
    "خرداد": 3, "خورداد": 3, "khordad": 3,
    "تیر": 4, "tir": 4,
    "مرداد": 5, "امرداد": 5, "مورداد": 5, "mordad": 5,
    "شهریور": 6, "شهریو": 6, "شهرویر": 6, "shahrivar": 6,
    "مهر": 7, "mehr": 7,
    "ابان": 8, "aban": 8,
    "اذر": 9, "azar": 9,
    "دی": 10, "dey": 10,
    "بهمن": 11, "bahman": 11,
    "اسفند": 12, "اصفند": 12, "esfand": 12,
}  # fmt: skip
# Months that are also everyday words: they need context (see the module docstring).
_WEAK_MONTHS = frozenset({"تیر", "tir", "mehr"})
_LETTER_NAMES = frozenset({"سی", "وی", "ال", "ای", "اچ", "پی", "بی", "جی", "تی", "ان", "دی"})

_ORDINAL: dict[str, int] = {
    "اول": 1, "نخست": 1, "یکم": 1, "1": 1,
    "دوم": 2, "2": 2,
    "سوم": 3, "3": 3,
    "چهارم": 4, "4": 4,
    "اخر": -1, "پایانی": -1,
}  # fmt: skip
_MONTH_WORD = frozenset({"ماه", "ماهه", "mah", "mahe", "maah"})
_YEAR_WORD = frozenset({"سال", "sal", "sale", "saal"})
_RECENT = frozenset({"گذشته", "اخیر", "قبلی", "پیشین", "gozashte", "akhir", "ekhir"})
_AGO = frozenset({"پیش", "قبل", "pish", "ghabl"})
_RANGE_TO = frozenset({"تا", "الی", "لغایت", "ta"})
# "تا پایان آذر", "تا آخر ۱۴۰۳": the edge of the unit is the unit's own end anyway
_EDGE = frozenset("ابتدای ابتدا اول اوایل اواسط اخر اخرای اواخر پایان انتهای انتها".split())
_AND = frozenset({"و", "va"})
_LIST_GAPS: tuple[list[str], ...] = (["و"], ["va"], [])
_COUNTED = _MONTH_WORD | _YEAR_WORD
_COMPARE_GAP = frozenset({"و", "با", "نسبت", "به", "در", "مقایسه", "برابر", "یا", "vs", "va", "ba"})
# A 4-digit number next to these is money, a count or an identifier, not a year.
_NOT_YEAR_AFTER = frozenset(
    {"تومان", "تومن", "تومانی", "تومنی", "ریال", "ریالی", "ت", "هزار", "میلیون", "ملیون",
     "میلیارد", "نفر", "نفری", "متر", "مترمربع", "کیلومتر", "درصد", "عدد", "اصله", "دستگاه",
     "واحد", "مورد", "toman", "rial", "hezar"}
)  # fmt: skip
_NOT_YEAR_BEFORE = frozenset(
    {"کد", "شماره", "پلاک", "منطقه", "ناحیه", "پیگیری", "کدپیگیری", "تلفن", "واحد", "code",
     "کدرهگیری", "رهگیری"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Atom:
    """One recognised piece: kind and two numbers, covering tokens t0..t1 (inclusive)."""

    kind: str  # year, yrel, yrange, mrel, mrange, ym, yspan, sub, now, sal
    a: int
    b: int
    t0: int
    t1: int
    weak: bool = False


def _phrases() -> dict[str, list[tuple[tuple[str, ...], str, int, int, bool]]]:
    """Build the multi-word phrase table, keyed by first token, longest phrases first."""
    table: list[tuple[str, str, int, int, bool]] = []

    def add(words: str, kind: str, a: int, b: int = 0, weak: bool = False) -> None:
        table.append((words, kind, a, b, weak))

    for w in ("امسال", "سال جاری", "همین سال", "emsal", "emsaal", "sale jari", "imsal"):
        add(w, "yrel", 0)
    for w in (
        "پارسال", "سال گذشته", "سال قبل", "سال قبلی", "سال پیش", "سال پیشین", "سال ماضی",
        "parsal", "parsaal", "sale gozashte", "sal gozashte", "sale ghabl", "sale pish",
    ):  # fmt: skip
        add(w, "yrel", -1)
    for w in ("پیارسال", "پیرارسال", "پریارسال", "pirarsal", "piarsal", "pirarsaal"):
        add(w, "yrel", -2)
    for w in (
        "ماه گذشته", "ماه پیش", "ماه قبل", "ماه قبلی", "ماه پیشین", "ماه اخیر",
        "mah gozashte", "mahe gozashte", "mahe pish", "mah pish", "mahe ghabl", "mah ghabl",
    ):  # fmt: skip
        add(w, "mrel", 1)
    for w in ("این ماه", "ماه جاری", "همین ماه", "ماه فعلی", "ماه حاضر", "in mah", "mahe jari"):
        add(w, "mrel", 0)
    seasons = {
        1: ("بهار", "bahar"),
        2: ("تابستان", "تابستون", "tabestan", "tabestoon", "tabestun"),
        3: ("پاییز", "paeiz", "paiz", "payiz", "paeez", "payeez"),
        4: ("زمستان", "زمستون", "zemestan", "zemestoon", "zemestun"),
    }
    for q, names in seasons.items():
        for name in names:
            add(name, "sub", 3 * q - 2, 3 * q)
            add(f"فصل {name}", "sub", 3 * q - 2, 3 * q)
    for ordinal, k in _ORDINAL.items():
        quarter = 4 if k == -1 else k
        for prefix in ("فصل", "ربع", "سهماهه", "کوارتر", "quarter"):
            add(f"{prefix} {ordinal}", "sub", 3 * quarter - 2, 3 * quarter)
        if quarter <= 2 or k == -1:
            half = 2 if k == -1 else k
            for prefix in ("نیمه", "نیمسال", "نیم سال", "ششماهه"):
                add(f"{prefix} {ordinal}", "sub", 6 * half - 5, 6 * half)
    for q in range(1, 5):
        add(f"q{q}", "sub", 3 * q - 2, 3 * q)
    for w in (
        "تاکنون", "تابحال", "تاحالا", "تا کنون", "تا اکنون", "تا الان", "تا حالا", "تا امروز",
        "تا به حال", "تا بحال", "تا به امروز", "تا این لحظه", "ta alan", "ta hala",
    ):  # fmt: skip
        add(w, "now", 0)
    for w in ("اول سال", "ابتدای سال", "شروع سال", "اول امسال", "ابتدای امسال"):
        add(w, "sub", 1, 1, True)
    add("اردی بهشت", "sub", 2, 2)

    out: dict[str, list[tuple[tuple[str, ...], str, int, int, bool]]] = {}
    for words, kind, a, b, weak in table:
        toks = tuple(words.translate(_FOLD).split())
        out.setdefault(toks[0], []).append((toks, kind, a, b, weak))
    for entries in out.values():
        entries.sort(key=lambda e: -len(e[0]))
    return out


_PHRASES = _phrases()
_COUNT_WORDS = frozenset(
    w for w in ("یک", "یه", "دو", "سه", "چهار", "چار", "پنج", "شش", "شیش", "هفت", "هشت", "نه",
                "ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده",
                "هجده", "نوزده", "بیست")
)  # fmt: skip
_TRIGGERS = frozenset(_PHRASES) | frozenset(_MONTH_NAMES) | _YEAR_WORD | _COUNT_WORDS


def _is_code_context(text: str, start: int, end: int) -> bool:
    """Tell digits glued to "-", "%", "." or Latin letters (codes, decimals) from a year."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return (
        before in "-.,:"
        or after in "-%.,:"
        or (before.isascii() and before.isalpha())
        or (after.isascii() and after.isalpha())
    )


def _two_digit_year(yy: int, today_year: int) -> int | None:
    """Read "سال ۰۳" as 1403 and "سال ۹۹" as 1399 (never a year beyond next year)."""
    if 1400 + yy <= today_year + 1:
        return 1400 + yy
    if yy >= 50:
        return 1300 + yy
    return None


def _scan(text: str, toks: list[tuple[str, int, int]], today_year: int) -> list[_Atom]:
    """Recognise the period pieces in token order (first pass, no resolution)."""
    atoms: list[_Atom] = []
    n = len(toks)
    words = [t[0] for t in toks]
    i = 0
    while i < n:
        w = words[i]
        if w not in _TRIGGERS and not "0" <= w[0] <= "9" and not w.endswith("ماه"):
            i += 1  # the common case: a word that cannot start a period
            continue
        nxt = words[i + 1] if i + 1 < n else ""
        nxt2 = words[i + 2] if i + 2 < n else ""
        atom: _Atom | None = None

        if "0" <= w[0] <= "9":
            atom = _digits_atom(text, toks, i)
        if atom is None and w in _YEAR_WORD:
            atom = _year_word_atom(text, toks, i, today_year)
        if atom is None:
            count = small_number_word(w, ordinals=False)
            if count is not None and count > 0 and nxt in _COUNTED:
                atom = _count_atom(words, i, count)
        if atom is None:
            for phrase, kind, a, b, weak in _PHRASES.get(w, ()):
                if tuple(words[i : i + len(phrase)]) == phrase:
                    atom = _Atom(kind, a, b, i, i + len(phrase) - 1, weak)
                    break
        if atom is None:
            month = _MONTH_NAMES.get(w)
            if month is None and w.endswith("ماه"):
                month = _MONTH_NAMES.get(w[:-3])  # "آذرماه"
                if month is not None:
                    atom = _Atom("sub", month, month, i, i)
            elif month is not None:
                prev = words[i - 1] if i > 0 else ""
                if (w == "دی" and (prev in _LETTER_NAMES or nxt in _LETTER_NAMES)) or (
                    w == "مهر" and nxt in _AND and nxt2 in ("موم", "امضا")
                ):
                    month = None
                elif nxt in _MONTH_WORD:
                    atom = _Atom("sub", month, month, i, i + 1)
                else:
                    atom = _Atom("sub", month, month, i, i, w in _WEAK_MONTHS)
        if atom is None and w in _YEAR_WORD:
            atom = _Atom("sal", 0, 0, i, i)
        if atom is None:
            i += 1
            continue
        atoms.append(atom)
        i = atom.t1 + 1
    return atoms


def _digits_atom(text: str, toks: list[tuple[str, int, int]], i: int) -> _Atom | None:
    """Read a year (1403), a year and month (1403/05) or a span of years (1402-1404)."""
    w, start, end = toks[i]
    if _is_code_context(text, start, end):
        return None
    if len(w) == 4 and w.isascii() and w.isdigit():
        year = int(w)
        if not 1300 <= year <= 1499:
            return None
        nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
        prev = toks[i - 1][0] if i > 0 else ""
        if nxt in _NOT_YEAR_AFTER or prev in _NOT_YEAR_BEFORE:
            return None
        return _Atom("year", year, 0, i, i)
    m = _YM.fullmatch(w)
    if m:
        return _Atom("ym", int(m.group(1)), int(m.group(2)), i, i)
    m = _YEAR_SPAN.fullmatch(w)
    if m and int(m.group(1)) <= int(m.group(2)):
        return _Atom("yspan", int(m.group(1)), int(m.group(2)), i, i)
    return None


def _year_word_atom(
    text: str, toks: list[tuple[str, int, int]], i: int, today_year: int
) -> _Atom | None:
    """Read "سال ۱۴۰۳", "سال ۰۳" or "سال هزار و چهارصد و سه"."""
    if i + 1 >= len(toks):
        return None
    w, start, end = toks[i + 1]
    if w.isascii() and w.isdigit() and not _is_code_context(text, start, end):
        if len(w) == 4 and 1300 <= int(w) <= 1499:
            return _Atom("year", int(w), 0, i, i + 1)
        if len(w) == 2:
            year = _two_digit_year(int(w), today_year)
            if year is not None:
                return _Atom("year", year, 0, i, i + 1)
        return None
    if w in ("هزار", "یکهزار"):
        found = find_numbers(text[start:])
        if found and found[0][0] == 0 and 1300 <= found[0][2] <= 1499:
            stop = start + found[0][1]
            j = i + 1
            while j + 1 < len(toks) and toks[j + 1][2] <= stop:
                j += 1
            return _Atom("year", int(found[0][2]), 0, i, j)
    return None


def _count_atom(words: list[str], i: int, count: int) -> _Atom | None:
    """Read "سه ماه اخیر", "۲ ماه پیش", "سه‌ماهه دوم", "شش ماه اول", "دو سال گذشته"."""
    unit = words[i + 1]
    after = words[i + 2] if i + 2 < len(words) else ""
    then = words[i + 3] if i + 3 < len(words) else ""
    if unit in _YEAR_WORD:
        if count > 100:
            return None
        if after in _AGO:
            return _Atom("yrel", -count, 0, i, i + 2)
        if after in _RECENT or after == "اخر":
            return _Atom("yrange", count, 0, i, i + 2)
        return None
    if count > 240:
        return None
    if after in _AGO:
        return _Atom("mrel", count, 0, i, i + 2)
    if after in _RECENT or (after == "اخر" and then not in _YEAR_WORD):
        return _Atom("mrange", count, 0, i, i + 2)
    k = _ORDINAL.get(after)
    if k is None or (after.isascii() and after.isdigit()):
        return None
    if count in (3, 6):
        blocks = 12 // count
        k = blocks if k == -1 else k
        if 1 <= k <= blocks:
            return _Atom("sub", (k - 1) * count + 1, k * count, i, i + 2)
        return None
    if count <= 12 and k == 1:
        return _Atom("sub", 1, count, i, i + 2)
    if count <= 12 and k == -1:
        return _Atom("sub", 13 - count, 12, i, i + 2)
    return None


@dataclass(slots=True)
class _Unit:
    """A period before resolution: a span of months in a (maybe unknown) year, or absolute."""

    t0: int
    t1: int
    m1: int = 0  # sub-year months (when year may be None)
    m2: int = 0
    year: int | None = None
    absolute: tuple[int, int] | None = None  # (from, to) as year*12 + month - 1
    year_spec: int | None = None  # the year this unit names, if it can qualify a month
    is_sub: bool = False
    is_now: bool = False
    weak: bool = False


def _index(year: int, month: int) -> int:
    """Map a Jalali (year, month) to a month count."""
    return year * 12 + month - 1


def _to_unit(atom: _Atom, year: int, month: int) -> _Unit | None:
    """Turn an atom into a unit, resolving the relative kinds against today."""
    now = _index(year, month)
    t0, t1 = atom.t0, atom.t1
    if atom.kind == "year":
        return _Unit(t0, t1, absolute=(_index(atom.a, 1), _index(atom.a, 12)), year_spec=atom.a)
    if atom.kind == "yrel":
        y = year + atom.a
        return _Unit(t0, t1, absolute=(_index(y, 1), _index(y, 12)), year_spec=y)
    if atom.kind == "yrange":
        return _Unit(t0, t1, absolute=(_index(year - atom.a, 1), _index(year - 1, 12)))
    if atom.kind == "yspan":
        return _Unit(t0, t1, absolute=(_index(atom.a, 1), _index(atom.b, 12)))
    if atom.kind == "mrel":
        return _Unit(t0, t1, absolute=(now - atom.a, now - atom.a))
    if atom.kind == "mrange":
        return _Unit(t0, t1, absolute=(now - atom.a, now - 1))
    if atom.kind == "ym":
        i = _index(atom.a, atom.b)
        return _Unit(t0, t1, absolute=(i, i))
    if atom.kind == "sub":
        return _Unit(t0, t1, m1=atom.a, m2=atom.b, is_sub=True, weak=atom.weak)
    if atom.kind == "now":
        return _Unit(t0, t1, absolute=(now, now), is_now=True)
    return None


def _default_year(unit: _Unit, year: int, month: int) -> int:
    """Pick the most recent year in which the unit's first month is not after today."""
    return year if unit.m1 <= month else year - 1


def _bounds(unit: _Unit, year: int, month: int) -> tuple[int, int]:
    """Resolve a unit to (from, to) month indexes."""
    if unit.absolute is not None:
        return unit.absolute
    y = unit.year if unit.year is not None else _default_year(unit, year, month)
    return _index(y, unit.m1), _index(y, unit.m2)


def _resolve_range(a: _Unit, b: _Unit, year: int, month: int) -> tuple[int, int]:
    """Resolve "A تا B", sharing a year written on one side with the other."""
    if b.is_now:
        lo, hi = _bounds(a, year, month)
        if a.year_spec == year and (lo, hi) == (_index(year, 1), _index(year, 12)):
            # "امسال تا الان" is امسال (the contract's 1..12); the answer stops where data does
            return lo, hi
        return lo, _index(year, month)
    if a.is_sub and a.year is None:
        b_year = b.year if b.is_sub else b.year_spec
        if b_year is None and b.is_sub:
            b_year = _default_year(b, year, month)
        if b_year is not None:
            a.year = b_year - 1 if b.is_sub and a.m1 > b.m2 else b_year
    elif b.is_sub and b.year is None:
        a_year = a.year if a.is_sub else a.year_spec
        if a_year is not None:
            b.year = a_year + 1 if a.is_sub and b.m2 < a.m1 else a_year
    lo_a, hi_a = _bounds(a, year, month)
    lo_b, hi_b = _bounds(b, year, month)
    return min(lo_a, lo_b), max(hi_a, hi_b)


# Clitics a period word may carry in chat ("پارسالش", "امسالی", "آبانش", "ماه پیشش", "امسالو").
_CLITICS = ("اش", "مون", "شون", "تون", "ش", "ی", "ه", "و")  # و: object marker, "امسالو"
# Words that take them: relative years and unambiguous month names (not دی/تیر/مهر, which
# are everyday words and would be read into "دیش", "تیره", "مهره").
_CLITIC_STEMS = frozenset(
    {"امسال", "پارسال", "پیارسال", "پیرارسال", "پریارسال"}
    | {m for m in _MONTH_NAMES if len(m) >= 4 and not m.isascii()}
)
# After "ماه"/"سال": "ماه پیشش", "سال قبلش", "سال گذشتش" (the ه of گذشته drops before ش).
_CLITIC_AFTER_UNIT = {"پیش": "پیش", "قبل": "قبل", "گذشت": "گذشته", "گذشته": "گذشته"}


def _declitic(word: str, prev: str) -> str:
    """Return a period word without a trailing clitic, or the word unchanged."""
    if word in _TRIGGERS or word in _RECENT or word in _AGO:
        return word
    for suf in _CLITICS:
        if len(word) > len(suf) + 2 and word.endswith(suf):
            stem = word[: -len(suf)]
            if stem in _CLITIC_STEMS:
                return stem
            if prev in _COUNTED and stem in _CLITIC_AFTER_UNIT:
                return _CLITIC_AFTER_UNIT[stem]
    return word


def find_periods(text: str, today: jdatetime.date) -> list[Period]:
    """List the Jalali periods in normalized text, left to right, as inclusive month ranges."""
    folded = text.translate(_FOLD)
    # The ezafe "ی" ("نیمه‌ی اول") is a token of its own after a ZWNJ; it carries nothing here.
    toks = [(m[0], *m.span()) for m in _TOKEN.finditer(folded) if m[0] != "ی"]
    for k, (w, start, end) in enumerate(toks):
        if len(w) > 3 and not w[0].isdigit():
            toks[k] = (_declitic(w, toks[k - 1][0] if k else ""), start, end)
    if not toks:
        return []
    year, month = today.year, today.month
    units: list[_Unit] = []
    for atom in _scan(folded, toks, year):
        unit = _to_unit(atom, year, month)
        if unit is not None:
            units.append(unit)
        elif atom.kind == "sal" and units and units[-1].is_sub and units[-1].t1 + 1 == atom.t0:
            units[-1].t1 = atom.t1  # "سه ماه اول سال": the bare "سال" belongs to the quarter
    words = [t[0] for t in toks]

    def gap(left: _Unit, right: _Unit) -> list[str]:
        return words[left.t1 + 1 : right.t0]

    # Attach years to months, seasons, quarters and halves.
    merged: list[_Unit] = []
    k = 0
    while k < len(units):
        u = units[k]
        nxt = units[k + 1] if k + 1 < len(units) else None
        after = units[k + 2] if k + 2 < len(units) else None
        if (
            u.is_sub
            and u.year is None
            and nxt is not None
            and nxt.year_spec is not None
            and gap(u, nxt) in ([], ["در"])
        ):
            u.year, u.t1, u.weak = nxt.year_spec, nxt.t1, False
            k += 1
        elif (
            u.year_spec is not None
            and nxt is not None
            and nxt.is_sub
            and nxt.year is None
            and gap(u, nxt) in ([], ["ماه"])
            and not (after is not None and after.year_spec is not None and not gap(nxt, after))
        ):
            nxt.year, nxt.t0, nxt.weak = u.year_spec, u.t0, False  # "۱۴۰۳ آبان"
            u = nxt
            k += 1
        merged.append(u)
        k += 1

    # "مهر و آبان و آذر ۱۴۰۴": the year written last applies to the bare months before it.
    for k in range(len(merged) - 2, -1, -1):
        u, nxt = merged[k], merged[k + 1]
        if u.is_sub and u.year is None and nxt.is_sub and nxt.year is not None:
            if gap(u, nxt) in _LIST_GAPS:
                u.year = nxt.year

    # Ranges, lists, comparisons and weak months.
    results: list[tuple[int, int, int, int]] = []  # (t0, t1, from, to)
    k = 0
    while k < len(merged):
        u = merged[k]
        prev = merged[k - 1] if k > 0 else None
        if (
            prev is not None
            and prev.is_sub
            and prev.year is not None
            and not u.is_sub
            and u.year_spec is not None
            and 0 < len(gap(prev, u)) <= 4
            and all(w in _COMPARE_GAP for w in gap(prev, u))
        ):
            # "بهار امسال نسبت به پارسال": the second year means the same months of that year
            u.is_sub, u.m1, u.m2, u.year, u.absolute = True, prev.m1, prev.m2, u.year_spec, None
        nxt = merged[k + 1] if k + 1 < len(merged) else None
        t0 = u.t0 - 1 if u.t0 > 0 and words[u.t0 - 1] in ("از", "az") else u.t0
        if u.is_now:
            k += 1
            continue
        between = gap(u, nxt) if nxt is not None else []
        if nxt is not None and (
            (nxt.is_now and not between)
            or (len(between) == 1 and between[0] in _RANGE_TO)
            or (len(between) == 2 and between[0] in _RANGE_TO and between[1] in _EDGE)
        ):
            lo, hi = _resolve_range(u, nxt, year, month)
            results.append((t0, nxt.t1, lo, hi))
            k += 2
            continue
        if u.t1 + 2 < len(words) and words[u.t1 + 1] == "به" and words[u.t1 + 2] == "بعد":
            lo, _ = _bounds(u, year, month)
            results.append((t0, u.t1 + 2, lo, max(lo, _index(year, month))))
            k += 1
            continue
        linked = nxt is not None and gap(u, nxt) in _LIST_GAPS
        linked_back = prev is not None and gap(prev, u) in _LIST_GAPS
        if u.weak and not (linked or linked_back):
            k += 1
            continue
        lo, hi = _bounds(u, year, month)
        results.append((u.t0, u.t1, lo, hi))
        k += 1

    periods: list[Period] = []
    for t0, t1, lo, hi in results:
        if lo > hi:
            lo, hi = hi, lo
        if lo < _index(1, 1) or hi > _index(9999, 12):
            continue
        periods.append(Period(toks[t0][1], toks[t1][2], _ym(lo), _ym(hi)))
    return periods


def _ym(index: int) -> str:
    """Format a month index as "YYYY-MM"."""
    y, m = divmod(index, 12)
    return f"{y:04d}-{m + 1:02d}"
