"""A word that names several projects: «مترو» → the urban-rail projects, «الهیه» → its projects.

Category synonyms lump «مترو» with buses and taxis; a citizen who says «مترو» means the metro.
`keyword_projects` finds a word (or one of its everyday equivalents) inside project names and
returns the word and the projects it names. The gazetteer has already taken whole project names,
so this only reads what it left (the masked text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class _Index:
    """The projects' names, folded once: each group's projects and each name word's projects."""

    groups: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]
    any_group: re.Pattern[str]  # one search says whether any group's word is there at all
    by_word: dict[str, tuple[str, ...]]


_indexes: dict[int, tuple[tuple[GazetteerProject, ...], _Index]] = {}


def _index(projects: tuple[GazetteerProject, ...]) -> _Index:
    """Return the folded index of a dataset's projects (built once per dataset)."""
    hit = _indexes.get(id(projects))
    if hit is not None and hit[0] is projects:
        return hit[1]
    names = [(p.code, _fold(p.name_fa)) for p in projects]
    groups = []
    every = sorted({_fold(w) for g in _EQUIVALENTS for w in g}, key=len, reverse=True)
    any_group = re.compile("|".join(re.escape(w) for w in every))
    for group in _EQUIVALENTS:
        words = sorted({_fold(w) for w in group}, key=len, reverse=True)
        said = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + ")")
        groups.append((said, tuple(code for code, name in names if said.search(name))))
    by_word: dict[str, list[str]] = {}
    for code, name in names:
        for word in dict.fromkeys(name.split()):
            by_word.setdefault(word, []).append(code)
    index = _Index(tuple(groups), any_group, {w: tuple(c) for w, c in by_word.items()})
    _indexes.clear()  # one live dataset at a time; a re-import replaces it
    _indexes[id(projects)] = (projects, index)
    return index


def keyword_projects(
    normalized: str, masked: str, projects: tuple[GazetteerProject, ...]
) -> tuple[str, list[str]] | None:
    """Return `(word, project codes)` when a word of the text names two or more projects.

    The equivalents are looked for in the normalized text (the gazetteer may have read «مترو»
    as the transport category), other shared name words only where the gazetteer saw nothing.
    """
    if "PROJECT" in masked.split():
        return None  # a project was named by its own name: that is the answer's subject
    index = _index(projects)
    full = _fold(normalized)
    if index.any_group.search(full) is not None:
        for said, codes in index.groups:
            found = said.search(full)
            if found is not None and len(codes) >= 2:
                return found.group(0), list(codes)
    # A name-like word that several project names share («الهیه», «طبرسی»).
    for word in _fold(masked).split():
        if word in _MASKS or word in _TOO_COMMON or len(word) < 3:
            continue
        codes = index.by_word.get(word, ())
        if len(codes) >= 2:
            return word, list(codes)
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
