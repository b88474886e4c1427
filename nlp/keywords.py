"""A word that names several projects: «مترو» → the urban-rail projects, «الهیه» → its projects.

Category synonyms lump «مترو» with buses and taxis; a citizen who says «مترو» means the metro.
`keyword_projects` finds a word (or one of its everyday equivalents) inside project names and
returns the word and the projects it names. The gazetteer has already taken whole project names,
so this only reads what it left (the masked text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from nlp.digits import to_ascii_digits
from nlp.types import GazetteerProject

__all__ = ["keyword_projects", "narrow_to_one"]

# Everyday words and the words project names use for the same thing.
_EQUIVALENTS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split("|"))
    for group in (
        "مترو|قطار شهری|قطارشهری|خط قطار|قطار",
        "بی آر تی|بی‌آرتی|بی ارتی|اتوبوس تندرو|brt",
        "اتوبوس|اتوبوس شهری|اتوبوس‌رانی|اتوبوسرانی",
        "پارک|بوستان",
        "آتش نشانی|آتش‌نشانی|آتشنشانی",
        "زیرگذر|زیر گذر",
        "روگذر|رو گذر|پل",
        "کتابخانه|کتابخونه",
        "فرهنگسرا|فرهنگ سرا|فرهنگ‌سرا",
        "پسماند|زباله|بازیافت",
        "پارکینگ|پارکینگ طبقاتی",
        "زائر|زائران|زوار|زائرین",
        "چمن مصنوعی|زمین چمن",
        "آب‌های سطحی|آبهای سطحی|آب سطحی|آبگرفتگی|آب گرفتگی",
    )
)
_FOLD = str.maketrans({"\u200c": " ", "آ": "ا", "ي": "ی", "ك": "ک"})
_MASKS = frozenset({"PERIOD", "CITY", "DISTRICT", "CATEGORY", "AMOUNT", "PROJECT", "TRACKCODE"})
# Words too common in project names to name a group of them on their own.
_TOO_COMMON = frozenset(
    "پروژه طرح خط ایستگاه محله منطقه بلوار خیابان شهری شهر مشهد خرید تکمیل نوسازی بهسازی "
    "مرکز خدمات ساماندهی سامانه مجتمع شماره فاز های ها ای برای از به در با و یا تا که "
    "این آن دستگاه عمومی ویژه".split()
)


def _fold(text: str) -> str:
    return " ".join(to_ascii_digits(text).translate(_FOLD).split())


def _contains(haystack: str, needle: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(needle)}", haystack) is not None


def keyword_projects(
    normalized: str, masked: str, projects: Iterable[GazetteerProject]
) -> tuple[str, list[str]] | None:
    """Return `(word, project codes)` when a word of the text names two or more projects.

    The equivalents are looked for in the normalized text (the gazetteer may have read «مترو»
    as the transport category), other shared name words only where the gazetteer saw nothing.
    """
    if "PROJECT" in masked.split():
        return None  # a project was named by its own name: that is the answer's subject
    full = _fold(normalized)
    names = [(p.code, _fold(p.name_fa)) for p in projects]
    for group in _EQUIVALENTS:
        by_length = sorted(group, key=len, reverse=True)
        said = next((w for w in by_length if _contains(full, _fold(w))), None)
        if said is None:
            continue
        codes = [code for code, name in names if any(_contains(name, _fold(w)) for w in group)]
        if len(codes) >= 2:
            return said, codes
    # A name-like word that several project names share («الهیه», «طبرسی»).
    for word in _fold(masked).split():
        if word in _MASKS or word in _TOO_COMMON or len(word) < 3:
            continue
        codes = [code for code, name in names if word in name.split()]
        if len(codes) >= 2:
            return word, codes
    return None


def narrow_to_one(normalized: str, candidates: Iterable[tuple[str, str]]) -> str | None:
    """Return the one candidate project a short message singles out («خط ۴ تنهایی»), else None.

    `candidates` are `(code, name)` of the projects the previous answer named; the message's
    words are scored against each name and a unique best match wins.
    """
    words = {w for w in _fold(normalized).split() if w not in _TOO_COMMON or w.isdigit()}
    scored: list[tuple[int, str]] = []
    for code, name in candidates:
        name_words = set(_fold(name).split())
        scored.append((len(words & name_words), code))
    scored.sort(reverse=True)
    if not scored or scored[0][0] == 0:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]
