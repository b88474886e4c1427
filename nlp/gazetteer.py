"""Match municipalities, districts, categories and projects by name in normalized Persian text."""

from __future__ import annotations

import math
import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz, process

from nlp.normalize import normalize
from nlp.numbers import number_word, small_number_word
from nlp.types import GazetteerData

ZWNJ = "\u200c"
_V = TypeVar("_V")

# A token is a run of digits or a run of letters, possibly joined by ZWNJ ("پروژه‌های" is one token,
# keyed without the ZWNJ, so "پل‌ها" and "پلها" look the same). Letters and digits split, so
# "منطقه9" still reads as a keyword and a number.
_TOKEN_RE = re.compile(r"\d+|[^\W\d_]+(?:\u200c[^\W\d_]+)*")
_LATIN_RE = re.compile(r"[a-z]+")
_PROJECT_CODE_RE = re.compile(r"(?<![\w-])([a-z]{1,4})[-‐–]?(\d{1,6})(?![\w-])")

# Inflections a name may carry in a question: plurals, ezafe, object marker, possessives.
# Colloquial plurals drop the ه: "پارکا", "پارکایی", "پارکارو".
_PLURAL_SUFFIXES = (
    "هایی",
    "های",
    "ها",
    "ان",
    "ین",
    "هاشون",
    "هاش",
    "هارو",
    "ایی",
    "ا",
    "ارو",
    "امون",
    "اشون",
)
# ... and people of a place: "مشهدیا", "مشهدی‌ها" (the ZWNJ is gone in tokens).
_OTHER_SUFFIXES = (
    "ی",
    "ای",
    "یی",
    "ش",
    "اش",
    "شون",
    "رو",
    "و",
    "ه",
    "مون",
    "تون",
    "یا",
    "یها",
    "یهای",
    "یای",
)
_SUFFIXES: tuple[str, ...] = tuple(
    sorted(set(_PLURAL_SUFFIXES + _OTHER_SUFFIXES), key=len, reverse=True)
)
_PLURAL_SET = frozenset(_PLURAL_SUFFIXES)
_SUFFIX_SET = frozenset(_SUFFIXES)
_MAX_SUFFIX = max(map(len, _SUFFIXES))

# Words that name a kind of place rather than one place: they never identify a project alone.
_GENERIC_WORDS = frozenset(
    """
    پروژه پروژهی طرح منطقه ناحیه محله محلهای محلات شهر شهری شهرداری بلوار خیابان میدان خط
    فاز ایستگاه بوستان پارک شماره مجموعه ساماندهی توسعه احداث ساخت تکمیل بهسازی نوسازی
    مرکز مرکزی اصلی جدید کل و در به از با برای تا مسیر جاده کوچه میدانی ساختمان سالن
    ملی عمومی بزرگ کوچک اول دوم سوم غیر سطحی همسطح تقاطع پل
    خرید مالیات مالیاتی شهرداریها پول سهم هزینه بودجه عوارض ارزش افزوده اعتبار
    قرارداد پیمانکار کار عملیات اجرای عمرانی
    """.split()
)

# Words of everyday questions to the bot ("خرید", "میرسه", "چقدر"...). They are derived from the
# training corpus (data/nlu, written by tools/train_intents.py) and never identify a project on
# their own, however rare they are among project names: "خرید ۵ میلیون تومانی" must not name
# "خرید اتوبوس ...". Category words keep their descriptive role even when they are frequent.
QUESTION_WORDS_PATH = Path(__file__).resolve().parent / "resources" / "question_words.txt"
# A name word that is a question word or a generic word counts this much of its IDF weight
# towards a match, so the distinctive words carry it.
QUESTION_WORD_WEIGHT = 0.5


@lru_cache(maxsize=1)
def question_words() -> frozenset[str]:
    """Return the folded common question words shipped with the model (empty if missing)."""
    try:
        text = QUESTION_WORDS_PATH.read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(
        w.translate(_KEY_FOLD)
        for line in text.splitlines()
        if (w := line.strip()) and not w.startswith("#")
    )


# Share of a name's weight that descriptive words alone must cover to identify a project.
STRONG_DESCRIPTIVE_COVER = 0.6

_STOPWORDS = frozenset("و در به از با برای تا را رو که این اون ان یه یک هم".split())

# Everyday synonyms for words used in project names (language knowledge, not dataset facts).
_WORD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "مترو": ("قطار", "شهری"),
    "پارک": ("بوستان",),
    "بوستان": ("پارک",),
    "اطراف": ("پیرامون",),
    "حوالی": ("پیرامون",),
    "دور": ("پیرامون",),
    "پیرامون": ("اطراف",),
    "کتابخونه": ("کتابخانه",),
    "خونه": ("خانه",),
    "زیرگذرش": ("زیرگذر",),
    "brt": ("بیارتی",),
}

_DISTRICT_KEYWORDS: frozenset[str] = frozenset(
    {
        "منطقه",
        "منطقهی",
        "منطقهء",
        "ناحیه",
        "ناحیهی",
        "مناطق",
        "نواحی",
        "mantaghe",
        "mantaqe",
        "mantagheh",
        "mantaqeh",
        "mantaghey",
        "mantaghe'",
        "mantagh",
        "manteghe",
        "nahiye",
        "nahie",
        "district",
        "zone",
    }
)

# Words after which a number word may stand for the digits of a name ("ایستگاه شماره سه").
_NUMBER_KEYWORDS = _DISTRICT_KEYWORDS | frozenset({"شماره", "خط", "فاز", "ایستگاه", "شمارهی"})

_PERSIAN_SKELETON = str.maketrans(
    {
        "ب": "b", "پ": "p", "ت": "t", "ث": "s", "ج": "j", "چ": "C", "ح": "h", "خ": "x",
        "د": "d", "ذ": "z", "ر": "r", "ز": "z", "ژ": "Z", "س": "s", "ش": "S", "ص": "s",
        "ض": "z", "ط": "t", "ظ": "z", "غ": "q", "ف": "f", "ق": "q", "ک": "k", "گ": "g",
        "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "", "ی": "", "ا": "", "آ": "", "ع": "",
        "ء": "", "ئ": "", "ؤ": "", "أ": "", "إ": "", ZWNJ: "", " ": "",
    }
)  # fmt: skip
_LATIN_DIGRAPHS = (
    ("sh", "S"), ("ch", "C"), ("kh", "x"), ("gh", "q"), ("zh", "Z"), ("ph", "f"), ("ck", "k"),
    ("c", "k"), ("w", ""), ("v", ""), ("'", ""),
)  # fmt: skip
_LATIN_VOWELS_RE = re.compile(r"[aeiouy]")
_DOUBLE_RE = re.compile(r"(.)\1+")


# Letters written differently for the same sound: a typo between them is no typo at all.
_SOUND_FOLD = str.maketrans("طصثذضظحغآ", "تسسزززهقا")


def sound_key(word: str) -> str:
    """Return the word with same-sounding letters folded ("طایباد" and "تایباد" meet)."""
    return word.translate(_SOUND_FOLD)


def persian_skeleton(word: str) -> str:
    """Return the consonant skeleton of a Persian word, comparable with `latin_skeleton`."""
    # an initial و is a consonant ("v"), so "ورزش" and "arzesh" stay apart
    head = "v" if word.startswith("و") else ""
    return head + word.translate(_PERSIAN_SKELETON)


def latin_skeleton(word: str) -> str:
    """Return the consonant skeleton of a Finglish word ("neishabour" → "nSbr")."""
    s = word.lower()
    head = "v" if s[:1] in ("v", "w") else ""
    for a, b in _LATIN_DIGRAPHS:
        s = s.replace(a, b)
    s = _LATIN_VOWELS_RE.sub("", s)
    return head + _DOUBLE_RE.sub(r"\1", s)


@dataclass(frozen=True, slots=True)
class Tok:
    """A token of the normalized text: offsets into it and its key (ZWNJ removed)."""

    start: int
    end: int
    text: str
    latin: bool = False
    parts: tuple[str, ...] = ()  # the ZWNJ-separated pieces, when there are several


# Keys fold spellings people mix freely (the same folding as `nlp.normalize.fold`): آ→ا
# ("اتش نشانی" = "آتش‌نشانی"), ۀ→ه, ئ→ی, a standalone hamza dropped.
_KEY_FOLD = str.maketrans({"آ": "ا", "ۀ": "ه", "ئ": "ی", "ء": None})


def fold_key(word: str) -> str:
    """Return the matching key of a word: ZWNJ removed, آ/ۀ/ئ folded (see `_KEY_FOLD`)."""
    return word.replace(ZWNJ, "").translate(_KEY_FOLD)


def tokenize(normalized: str) -> list[Tok]:
    """Split normalized text into letter/digit tokens keyed without ZWNJ, آ folded to ا."""
    out: list[Tok] = []
    for m in _TOKEN_RE.finditer(normalized):
        raw = m.group()
        parts = tuple(p.translate(_KEY_FOLD) for p in raw.split(ZWNJ)) if ZWNJ in raw else ()
        out.append(Tok(m.start(), m.end(), fold_key(raw), raw.isascii() and raw.isalpha(), parts))
    return out


def _squash(text: str) -> str:
    """Return the text's tokens joined with nothing between them (space/ZWNJ-insensitive key)."""
    return "".join(t.text for t in tokenize(normalize(text)))


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer hit: character span, token span and the value it stands for."""

    start: int
    end: int
    tok_start: int
    tok_end: int  # exclusive
    value: str
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class ProjectMatch:
    """The best project mention: one code, or several `codes` when ambiguous."""

    start: int
    end: int
    tok_start: int
    tok_end: int
    codes: tuple[str, ...]
    score: float
    exact: bool = False
    anchored: bool = False  # a distinctive name word matched, not only descriptive ones

    @property
    def weak(self) -> bool:
        """Return True when only descriptive words matched, and not many of them."""
        return not self.exact and not self.anchored and self.score < STRONG_DESCRIPTIVE_COVER

    @property
    def ambiguous(self) -> bool:
        """Return True when several projects fit about equally well."""
        return len(self.codes) > 1


@dataclass(slots=True)
class _ProjectEntry:
    code: str
    words: tuple[str, ...]  # distinct name tokens, in order
    weights: dict[str, float]
    total: float
    anchors: frozenset[str]  # tokens that identify this project on their own
    semi: frozenset[str]  # descriptive tokens (category words): identify only with enough cover
    numbered: dict[str, str]  # "خط ۴" → {"خط": "4"}: a question's "خط ۷" rules the name out


@dataclass(slots=True)
class _PhraseIndex:
    keys: dict[str, str] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    ambiguous: set[str] = field(default_factory=set)

    def add(self, key: str, value: str) -> None:
        if len(key) < 2:
            return
        old = self.keys.get(key)
        if old is not None and old != value:
            self.ambiguous.add(key)
            return
        self.keys[key] = value
        for i in range(1, len(key) + 1):
            self.prefixes.add(key[:i])

    def finalize(self) -> None:
        for key in self.ambiguous:
            self.keys.pop(key, None)


_CACHE_LIMIT = 50_000


def _remember(cache: dict[str, _V], key: str, value: _V) -> None:
    """Store a per-word result, dropping everything when the cache grows too big."""
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()  # user text is unbounded; a rare full reset is cheaper than an LRU
    cache[key] = value


def _strip_suffix(word: str, known: Container[str]) -> tuple[str, bool] | None:
    """Return (stem, plural) when word is a known key plus an inflection suffix."""
    # longest suffix first, so "پل‌هایی" is پل + هایی, not پلهای + ی
    for k in range(min(_MAX_SUFFIX, len(word) - 2), 0, -1):
        suf = word[-k:]
        if suf in _SUFFIX_SET and word[:-k] in known:
            return word[:-k], suf in _PLURAL_SET
    return None


class Gazetteer:
    """Precomputed name indexes over a `GazetteerData`; build once, match many times."""

    def __init__(self, data: GazetteerData) -> None:
        self.data = data
        self.municipality_slugs = tuple(m.slug for m in data.municipalities)
        self.project_codes: dict[str, str] = {}
        self.project_municipality: dict[str, str] = {}
        self.project_category: dict[str, str | None] = {}
        self.project_district: dict[str, str | None] = {}
        self._districts: dict[str, dict[str, str]] = {}  # municipality → {code: code}
        self._district_words: dict[str, str] = {}  # "ثامن" → "samen"
        self._muni = _PhraseIndex()
        self._cat = _PhraseIndex()
        self._muni_fuzzy: dict[str, str] = {}
        self._muni_sound: dict[str, str] = {}
        self._muni_fuzzy_names: list[str] = []
        self._muni_typo_cache: dict[str, str | None] = {}
        self._latin_map: dict[str, str] = {}  # skeleton → Persian token
        self._latin_pairs: dict[str, tuple[str, str]] = {}  # skeleton → two-word place name
        self._latin_map_noh: dict[str, str] = {}
        self._latin_cache: dict[str, str | None] = {}
        self._fuzzy_cache: dict[str, list[tuple[str, float]]] = {}
        self._projects: list[_ProjectEntry] = []
        self._word_index: dict[str, set[str]] = {}  # form → name tokens it stands for
        self._vocab: list[str] = []

    @classmethod
    def build(cls, data: GazetteerData) -> Gazetteer:
        """Precompute every index for the given names."""
        g = cls(data)
        g._build_municipalities()
        g._build_districts()
        g._build_categories()
        g._build_projects()
        g._build_latin()
        return g

    # ----------------------------------------------------------------------------- building

    def _build_municipalities(self) -> None:
        first_words: dict[str, set[str]] = {}
        for m in self.data.municipalities:
            key = _squash(m.name_fa)
            self._muni.add(key, m.slug)
            self._muni.add(m.slug.replace("-", "").lower(), m.slug)
            words = [t.text for t in tokenize(normalize(m.name_fa))]
            if len(words) > 1 and len(words[0]) >= 3:
                first_words.setdefault(words[0], set()).add(m.slug)
            if len(words) == 1 and len(key) >= 4:
                # a same-sound spelling is no typo: even short names ("صرخس") are safe
                self._muni_sound[sound_key(key)] = m.slug
            if len(words) == 1 and len(key) >= 5:
                self._muni_fuzzy[sound_key(key)] = m.slug
        self._muni_fuzzy_names = list(self._muni_fuzzy)
        for word, slugs in first_words.items():
            if len(slugs) == 1 and word not in self._muni.keys:
                self._muni.add(word, next(iter(slugs)))
        self._muni.finalize()

    def _build_districts(self) -> None:
        for d in self.data.districts:
            self._districts.setdefault(d.municipality, {})[d.code] = d.code
            if not d.code.isdigit():
                words = [
                    t.text
                    for t in tokenize(normalize(d.name_fa))
                    if t.text not in _DISTRICT_KEYWORDS
                ]
                if words:
                    self._district_words["".join(words)] = d.code

    def _build_categories(self) -> None:
        for c in self.data.categories:
            for phrase in (c.name_fa, *c.synonyms_fa):
                for variant in _phrase_variants(phrase):
                    self._cat.add(variant, c.slug)
        self._cat.finalize()

    def _build_projects(self) -> None:
        category_words = set(self._cat.keys)
        for c in self.data.categories:
            for phrase in (c.name_fa, *c.synonyms_fa):
                category_words.update(t.text for t in tokenize(normalize(phrase)))
        muni_words = {
            t.text for m in self.data.municipalities for t in tokenize(normalize(m.name_fa))
        }
        # district names ("ثامن") describe where a project is, like a city name does
        muni_words.update(self._district_words)
        names: list[tuple[str, list[str]]] = []
        name_of: dict[str, str] = {}
        df: dict[str, int] = {}
        for p in self.data.projects:
            code = p.code.strip().upper()
            self.project_codes[code.replace("-", "")] = code
            self.project_municipality[code] = p.municipality
            self.project_category[code] = p.category
            self.project_district[code] = p.district
            name_of[code] = p.name_fa
            words: list[str] = []
            for t in tokenize(normalize(p.name_fa)):
                if t.text not in _STOPWORDS and t.text not in words:
                    words.append(t.text)
            names.append((code, words))
            for w in words:
                df[w] = df.get(w, 0) + 1
        n = max(len(names), 1)
        common = question_words()

        def is_common(w: str) -> bool:
            return w in common or _stem(w) in common

        def is_category(w: str) -> bool:
            # "پیاده‌روهای" in a name is the category word "پیاده‌رو", inflected: descriptive
            return (
                w in category_words
                or _stem(w) in category_words
                or _strip_suffix(w, category_words) is not None
            )

        for code, words in names:
            weights = {
                w: math.log(1.0 + (n + 1) / df[w])
                * (
                    QUESTION_WORD_WEIGHT
                    if w in _GENERIC_WORDS or (is_common(w) and not is_category(w))
                    else 1.0
                )
                for w in words
            }
            anchors = frozenset(
                w
                for w in words
                if not w.isdigit()
                and len(w) >= 3
                and w not in _GENERIC_WORDS
                and not is_category(w)
                and not is_common(w)
                and w not in muni_words
            )
            semi = frozenset(
                w
                for w in words
                if not w.isdigit()
                and w not in _GENERIC_WORDS
                and w not in anchors
                and w not in muni_words
                and (is_category(w) or not is_common(w))
            )
            self._projects.append(
                _ProjectEntry(
                    code,
                    tuple(words),
                    weights,
                    sum(weights.values()),
                    anchors,
                    semi,
                    _numbered(tokenize(normalize(name_of[code]))),
                )
            )
            for w in words:
                for form in {w, _stem(w)}:
                    self._word_index.setdefault(form, set()).add(w)
        self._vocab = [w for w in self._word_index if len(w) >= 4 and not w.isdigit()]

    def _build_latin(self) -> None:
        for m in self.data.municipalities:
            parts = [t.text for t in tokenize(normalize(m.name_fa))]
            if len(parts) == 2:
                self._latin_pairs.setdefault(persian_skeleton("".join(parts)), (parts[0], parts[1]))
        words: set[str] = set(self._word_index)
        for key in (*self._muni.keys, *self._cat.keys, *self._district_words):
            if not key.isascii():
                words.add(key)
        words.update(("منطقه", "ناحیه"))
        for w in words:
            if w.isdigit() or w.isascii():
                continue
            sk = persian_skeleton(w)
            if len(sk) >= 3:
                self._latin_map.setdefault(sk, w)
                # Finglish often drops an "h" ("mashad", "tehran" for "tehraan")
                if "h" in sk[1:] and len(sk) >= 4:
                    self._latin_map_noh.setdefault(sk[0] + sk[1:].replace("h", ""), w)

    # ----------------------------------------------------------------------------- tokens

    def tokens(self, normalized: str) -> list[Tok]:
        """Tokenize and replace Finglish tokens that spell a known Persian name."""
        raw = tokenize(normalized)
        out: list[Tok] = []
        i = 0
        while i < len(raw):
            t = raw[i]
            pair = self._latin_pair(raw, i)
            if pair is not None:
                # "torbat jam", "torbate jam", "torbat-e heydariye": a two-word name whose short
                # second word would not be recognised alone
                words, used = pair
                out.append(Tok(raw[i].start, raw[i].end, words[0], latin=True))
                last = raw[i + used - 1]
                out.append(Tok(last.start, last.end, words[1], latin=True))
                i += used
                continue
            if t.latin and len(t.text) >= 3:
                fa = self._latin_word(t.text)
                if fa is not None:
                    t = Tok(t.start, t.end, fa, latin=True)
            out.append(t)
            i += 1
        return out

    def _latin_pair(self, raw: Sequence[Tok], i: int) -> tuple[tuple[str, str], int] | None:
        """Return a two-word place name spelled in Latin at `i` and how many tokens it takes."""
        if not self._latin_pairs or not raw[i].latin:
            return None
        j = i + 1
        if j < len(raw) and raw[j].text == "e":  # the written ezafe of "torbat-e"
            j += 1
        if j >= len(raw) or not raw[j].latin:
            return None
        words = self._latin_pairs.get(latin_skeleton(raw[i].text + raw[j].text))
        return (words, j - i + 1) if words is not None else None

    def _latin_word(self, word: str) -> str | None:
        if word in self._latin_cache:
            return self._latin_cache[word]
        sk = latin_skeleton(word)
        found: str | None = None
        if len(sk) >= 3:
            found = self._latin_map.get(sk) or self._latin_map_noh.get(sk)
            if found is None and len(sk) >= 4:
                hit = process.extractOne(
                    sk, list(self._latin_map), scorer=fuzz.ratio, score_cutoff=84
                )
                if hit is not None and hit[0][0] == sk[0]:
                    found = self._latin_map[hit[0]]
        _remember(self._latin_cache, word, found)
        return found

    # ----------------------------------------------------------------------------- phrases

    def _phrases(
        self, toks: Sequence[Tok], index: _PhraseIndex, blocked: set[int], max_tokens: int = 6
    ) -> list[Match]:
        """Return the longest left-to-right phrase hits of an index (suffix tolerant)."""
        out: list[Match] = []
        i = 0
        n = len(toks)
        while i < n:
            best: tuple[int, str] | None = None
            s = ""
            for j in range(i, min(n, i + max_tokens)):
                if j in blocked:
                    break
                s += toks[j].text
                value = index.keys.get(s)
                if value is None:
                    hit = _strip_suffix(s, index.keys)
                    if hit is not None:
                        value = index.keys[hit[0]]
                if value is not None:
                    best = (j, value)
                if s not in index.prefixes:
                    break
            if best is not None:
                j, value = best
                out.append(Match(toks[i].start, toks[j].end, i, j + 1, value))
                i = j + 1
            else:
                i += 1
        return out

    def find_municipalities(self, toks: Sequence[Tok], blocked: set[int]) -> list[Match]:
        """Return municipality mentions in order (exact, suffixed, Finglish, or one-typo)."""
        hits = self._phrases(toks, self._muni, blocked, max_tokens=3)
        taken = {k for h in hits for k in range(h.tok_start, h.tok_end)}
        if self._muni_sound:
            for k, t in enumerate(toks):
                if k in taken or k in blocked or len(t.text) < 4 or t.text.isdigit():
                    continue
                heard = sound_key(t.text)
                if t.text in self._muni_typo_cache:
                    slug = self._muni_typo_cache[t.text]
                elif heard in self._muni_sound:
                    slug = self._muni_sound[heard]
                elif len(t.text) < 5 or not self._muni_fuzzy:
                    continue
                else:
                    hit = process.extractOne(
                        heard, self._muni_fuzzy_names, scorer=fuzz.ratio, score_cutoff=84
                    )
                    ok = hit is not None and hit[0][0] == heard[0]
                    slug = self._muni_fuzzy[hit[0]] if hit is not None and ok else None
                    _remember(self._muni_typo_cache, t.text, slug)
                if slug is not None:
                    hits.append(Match(t.start, t.end, k, k + 1, slug, 0.9))
        hits.sort(key=lambda m: m.start)
        return hits

    def find_categories(self, toks: Sequence[Tok], blocked: set[int]) -> list[Match]:
        """Return category mentions in order, preferring the longest phrase."""
        return self._phrases(toks, self._cat, blocked, max_tokens=5)

    def has_district(self, municipality: str, code: str) -> bool:
        """Return True when the municipality has a district with this code."""
        return code in self._districts.get(municipality, {})

    def find_districts(
        self, toks: Sequence[Tok], blocked: set[int], municipality: str | None
    ) -> list[Match]:
        """Return district mentions ("منطقه ۹", "ناحیه نهم", "mantaghe 9", "ثامن")."""
        out: list[Match] = []
        n = len(toks)
        k = 0
        while k < n:
            if k in blocked:
                k += 1
                continue
            t = toks[k]
            code = self._district_words.get(t.text)
            if code is not None:
                out.append(Match(t.start, t.end, k, k + 1, code))
                k += 1
                continue
            if not _is_district_keyword(t.text):
                k += 1
                continue
            j = k + 1
            if j < n and toks[j].text == "ی":
                j += 1
            if j >= n or j in blocked:
                k += 1
                continue
            nxt = toks[j].text
            value: str | None = None
            if nxt.isdigit() and len(nxt) <= 2:
                value = str(int(nxt))
            elif nxt in self._district_words:
                value = self._district_words[nxt]
            else:
                number = small_number_word(nxt)
                if number is not None:
                    value = str(number)
            if value is not None and value != "0":
                out.append(Match(t.start, toks[j].end, k, j + 1, value))
                k = j + 1
            else:
                k += 1
        del municipality  # codes are the same strings in every municipality; kept for the API
        return out

    # ----------------------------------------------------------------------------- projects

    def is_category_phrase(self, toks: Sequence[Tok], pm: ProjectMatch) -> bool:
        """Return True when the words of a project match are all a category's name or synonym."""
        window = toks[pm.tok_start : pm.tok_end]
        hits = self._phrases(window, self._cat, set(), max_tokens=5)
        covered = {k for h in hits for k in range(h.tok_start, h.tok_end)}
        return bool(hits) and all(
            k in covered or t.text in _STOPWORDS for k, t in enumerate(window)
        )

    def find_project_codes(self, normalized: str) -> list[Match]:
        """Return explicit project code mentions ("D-113", "d113") that exist in the data."""
        out: list[Match] = []
        for m in _PROJECT_CODE_RE.finditer(normalized):
            code = self.project_codes.get((m.group(1) + m.group(2)).upper())
            if code is not None:
                out.append(Match(m.start(), m.end(), -1, -1, code))
        return out

    def _forms(self, word: str) -> list[tuple[str, float, bool]]:
        """Return the name tokens a question word may stand for: (name token, quality, plural)."""
        out: list[tuple[str, float, bool]] = []
        for w in self._word_index.get(word, ()):
            out.append((w, 1.0 if w == word else 0.95, False))
        if out:
            return out
        hit = _strip_suffix(word, self._word_index)
        if hit is not None:
            stem, plural = hit
            for w in self._word_index[stem]:
                out.append((w, 0.9, plural))
            return out
        syns = _WORD_SYNONYMS.get(word)
        if syns is None:
            # an inflected synonym: "متروی خط ۴", "پارکهای"
            syn_hit = _strip_suffix(word, _WORD_SYNONYMS)
            syns = _WORD_SYNONYMS[syn_hit[0]] if syn_hit is not None else ()
        for syn in syns:
            for w in self._word_index.get(syn, ()):
                out.append((w, 0.9, False))
        if out or len(word) < 4 or word.isdigit() or word in _STOPWORDS:
            return out
        cached = self._fuzzy_cache.get(word)
        if cached is None:
            # one typo, not a different word: close length and (mostly) the same first letter
            cached = [
                (w, score / 100.0)
                for w, score, _ in process.extract(
                    word, self._vocab, scorer=fuzz.ratio, score_cutoff=84, limit=3
                )
                if abs(len(w) - len(word)) <= 1 and (w[0] == word[0] or score >= 90)
            ]
            _remember(self._fuzzy_cache, word, cached)
        for form, q in cached:
            for w in self._word_index[form]:
                out.append((w, 0.85 * q, False))
        return out

    def find_project(
        self, toks: Sequence[Tok], blocked: set[int], soft: Container[int] = ()
    ) -> ProjectMatch | None:
        """Return the best project mention by weighted token overlap, or None.

        `soft` tokens (inside a period, say) may add to a name's cover but never identify a
        project on their own: the match then needs other distinctive words, or the full name.
        """
        if not self._projects:
            return None
        # occurrences: name token → list of (tok_start, tok_end, quality, loose); a loose
        # occurrence (a plural, a soft token) adds cover but does not anchor a match
        occ: dict[str, list[tuple[int, int, float, bool]]] = {}
        n = len(toks)
        for i in range(n):
            if i in blocked:
                continue
            text = toks[i].text
            forms = self._forms(text)
            if not forms:
                # "بوستان‌ارغوان": pieces joined by ZWNJ in the question, separate in the name
                forms = [f for part in toks[i].parts for f in self._forms(part)]
            if not forms and i > 0 and toks[i - 1].text in _NUMBER_KEYWORDS:
                # "منطقه سه", "شماره بیست و سه" for the digits a name is written with
                number = small_number_word(text)
                if number is not None and str(number) in self._word_index:
                    forms = [(str(number), 0.95, False)]
            if not forms:
                # "صد تا اتوبوس" for "خرید ۱۰۰ دستگاه اتوبوس": a number word for a name's
                # number, when the number is big enough to be distinctive
                number = number_word(text)
                if number is not None and number >= 10 and str(number) in self._word_index:
                    forms = [(str(number), 0.9, False)]
            loose = i in soft
            for w, q, plural in forms:
                occ.setdefault(w, []).append((i, i + 1, q, plural or loose))
            # words split by a space in the question but joined in the name ("بی آر تی")
            s = toks[i].text
            for j in range(i + 1, min(n, i + 3)):
                if j in blocked:
                    break
                s += toks[j].text
                for w in self._word_index.get(s, ()):
                    occ.setdefault(w, []).append((i, j + 1, 1.0, False))
        if not occ:
            return None
        asked = _numbered(toks, blocked)
        scored: list[tuple[float, bool, int, int, bool, str]] = []
        for p in self._projects:
            if any(asked.get(key, number) != number for key, number in p.numbered.items()):
                continue  # "خط ۷ مترو" is not "خط ۴ قطار شهری"
            result = _score_project(p, occ)
            if result is not None:
                scored.append((*result, p.code))
        if not scored:
            return None
        scored.sort(key=lambda r: (-r[0], r[2]))
        top = scored[0]
        codes = [top[5]]
        for other in scored[1:]:
            # an exact name beats partial ones, but two projects may share the same name
            if other[0] >= top[0] - 0.08 and other[1] == top[1]:
                codes.append(other[5])
        a, b = top[2], top[3]
        return ProjectMatch(
            toks[a].start, toks[b - 1].end, a, b, tuple(codes), top[0], top[1], top[4]
        )


def _score_project(
    p: _ProjectEntry, occ: dict[str, list[tuple[int, int, float, bool]]]
) -> tuple[float, bool, int, int, bool] | None:
    """Score a project against word occurrences: (cover, exact, start, end, anchored) or None."""
    hits = [(pos, w) for w in p.words for pos in occ.get(w, ())]
    if not hits:
        return None
    hits.sort(key=lambda h: h[0][0])
    max_span = len(p.words) + 3
    best: tuple[float, bool, int, int, bool] | None = None
    for k, ((start, _, _, _), _) in enumerate(hits):
        got: dict[str, tuple[float, bool]] = {}
        end = start + 1
        for (_, e, q, plural), w in hits[k:]:
            if e - start > max_span:
                break
            prev = got.get(w)
            if prev is None or q > prev[0]:
                got[w] = (q, plural)
            end = max(end, e)
        cover = sum(p.weights[w] * q for w, (q, _) in got.items()) / p.total
        solid = {w for w, (q, plural) in got.items() if not plural and q >= 0.8}
        exact = len(got) == len(p.words) and all(q >= 0.95 for q, _ in got.values())
        exact = exact and end - start <= len(p.words) + 1
        # a name's own number with its descriptive word identifies it too ("صد تا اتوبوس")
        numbered = any(w.isdigit() and len(w) >= 2 for w in solid) and bool(solid & p.semi)
        anchored = bool(solid & p.anchors) or numbered
        if exact:
            ok = True
        elif anchored:
            ok = cover >= 0.25
        elif solid & p.semi:
            # descriptive words only ("ایستگاه آتش‌نشانی"): a weak match below WEAK_COVER
            ok = cover >= 0.4
        else:
            ok = False
        if ok and (best is None or cover > best[0]):
            best = (1.0 if exact else cover, exact, start, end, anchored)
    return best


def _numbered(toks: Sequence[Tok], blocked: Container[int] = ()) -> dict[str, str]:
    """Return {keyword: number} for "خط ۴", "شماره ۲۳", "منطقه سه" (first number per keyword)."""
    out: dict[str, str] = {}
    for i in range(1, len(toks)):
        key = _stem(toks[i - 1].text)
        if key not in _NUMBER_KEYWORDS or i in blocked or i - 1 in blocked:
            continue
        text = toks[i].text
        number = int(text) if text.isdigit() and len(text) <= 4 else small_number_word(text)
        if number is not None:
            out.setdefault("منطقه" if key in _DISTRICT_KEYWORDS else key, str(number))
    return out


def _stem(word: str) -> str:
    """Drop an ezafe/indefinite "ی" so "فرهنگسرای" and "فرهنگسرا" meet."""
    if len(word) >= 4 and word.endswith("ی") and not word.endswith("یی"):
        return word[:-1]
    return word


def _is_district_keyword(word: str) -> bool:
    if word in _DISTRICT_KEYWORDS:
        return True
    # one-letter typos ("منظقه") only: the keyword must still be followed by a number
    return 5 <= len(word) <= 6 and not word.isascii() and fuzz.ratio(word, "منطقه") >= 80


def _phrase_variants(phrase: str) -> Iterable[str]:
    """Yield the squashed keys a category phrase is recognised by."""
    words = [t.text for t in tokenize(normalize(phrase))]
    if not words:
        return
    yield "".join(words)
    # ezafe after a vowel is often dropped or unwritten: "فضا سبز" for "فضای سبز"
    bare = [w[:-1] if len(w) >= 4 and w.endswith(("ای", "وی")) else w for w in words[:-1]]
    if len(words) > 1 and bare != words[:-1]:
        yield "".join([*bare, words[-1]])
    content = [w for w in words if w != "و"]
    if len(content) != len(words):
        yield "".join(content)  # "فرهنگی ورزشی" for "فرهنگی و ورزشی"
        # each side of "X و Y" names the category too ("معابر", "تقاطع‌ها"), unless a side is
        # too short to be a word of its own ("حمل و نقل" is one expression)
        sides: list[list[str]] = [[]]
        for w in words:
            if w == "و":
                sides.append([])
            else:
                sides[-1].append(w)
        if len(sides) > 1 and all(len("".join(side)) >= 4 for side in sides):
            yield from ("".join(side) for side in sides)
    if len(content) >= 3:
        yield "".join(words[:-1])  # "حمل و نقل" for "حمل و نقل عمومی"
