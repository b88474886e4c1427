"""Places a citizen may name that the data does not know: other towns, Mashhad's neighbourhoods.

The gazetteer recognises the municipalities, districts and projects in the database. A question
about «قاسم‌آباد» or «طرقبه» must not silently become a question about the whole city, so
`find_unknown_place` names such a place back when the gazetteer left it unrecognised (it is
still in the masked text). Two sources: a list of well-known places, and a place word
(«محله»، «شهرک»، «روستا») followed by a name.
"""

from __future__ import annotations

import re

__all__ = ["find_unknown_place"]

# Towns of Iran and of Khorasan that a citizen of Mashhad may ask about, and Mashhad's
# neighbourhoods and boulevards people use as places (the data numbers districts only).
_KNOWN_PLACES = (
    "تهران اصفهان شیراز تبریز کرج اهواز قم کرمانشاه رشت کرمان زاهدان یزد اردبیل بندرعباس "
    "همدان قزوین زنجان سنندج گرگان ساری بیرجند بجنورد ارومیه خرم‌آباد سمنان ایلام یاسوج بوشهر "
    "طرقبه شاندیز طرقبه‌شاندیز فریمان سرخس درگز کلات خواف رشتخوار مه‌ولات بردسکن فیض‌آباد "
    "تایباد باخرز جغتای خلیل‌آباد داورزن زاوه جوین فیروزه بینالود گلبهار "
    # (only names that are not also everyday words: «بهمن», «معلم», «سجاد» would misfire)
    "قاسم‌آباد وکیل‌آباد احمدآباد هاشمیه سیدی طلاب کوهسنگی آبکوه ملک‌آباد الهیه شهرک‌غرب "
    "رضاشهر مهرآباد خواجه‌ربیع سرافرازان آزادشهر تلگرد پنجتن قاسم‌آبادی"
).split()
# Spelled with a space as often as with a ZWNJ or joined: قاسم آباد، قاسم‌آباد، قاسماباد.
_FOLD = str.maketrans({"\u200c": "", " ": "", "آ": "ا"})
_INDEX = {name.translate(_FOLD): name for name in _KNOWN_PLACES}
# One search over the text with its spaces taken out tells whether any known place may be there.
_ANY_KNOWN = re.compile("|".join(sorted(_INDEX, key=len, reverse=True)))
_WORD = re.compile(r"[^\W\d_]+(?:\u200c[^\W\d_]+)*")
_PLACE_WORDS = re.compile(
    r"(?<![\w\u200c])(?:محله|محله ?ی|شهرک|روستای|روستا)(?:\u200c)? "
    r"([^\W\d_][^\s،,.؟?!]*(?: آباد| شهر)?)"
)
_NOT_NAMES = frozenset(
    "ما من شما ما ها های خودمون خودمان خودم ما رو را و یا که هم نزدیک بالا پایین جدید قدیمی "
    "مشهد کل همه اصلی".split()
)
_MASKS = frozenset({"PERIOD", "CITY", "DISTRICT", "CATEGORY", "AMOUNT", "PROJECT", "TRACKCODE"})


def find_unknown_place(masked_text: str) -> str | None:
    """Return a place named in the text that the gazetteer did not recognise, as written."""
    if _ANY_KNOWN.search(masked_text.translate(_FOLD)) is None:
        found = _PLACE_WORDS.search(masked_text)
        if found is None:
            return None
    words = _WORD.findall(masked_text)
    for i, word in enumerate(words):
        if word in _MASKS:
            continue
        for size in (2, 1):  # "قاسم آباد" before "قاسم"
            chunk = words[i : i + size]
            if len(chunk) < size or any(w in _MASKS for w in chunk):
                continue
            joined = "".join(chunk).translate(_FOLD)
            for candidate in (joined, joined.removesuffix("ی"), joined.removesuffix("ها")):
                if candidate in _INDEX:
                    return " ".join(chunk)
    found = _PLACE_WORDS.search(masked_text)
    if found is not None:
        name = found.group(1)
        if name not in _MASKS and name not in _NOT_NAMES and not name.isdigit():
            return name
    return None
