"""Elliptical follow-ups: «پارسال چی؟», «نیشابور چطور؟», «اگه ۵ میلیون بود چی؟», «کی تموم میشه؟».

`read_followup` looks at the masked text (entities already replaced by PERIOD, CITY, AMOUNT…)
and says whether the message is only new values for the previous question's slots plus
follow-up words (`elliptical`), what it asks of the previous answer (`focus`: the end date, the
tax part, per person, budget, progress, the other end of a ranking), and how many content words
it has (a short message with none of its own entities can inherit the previous frame).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["FollowUp", "read_followup"]

_MASKS = frozenset({"PERIOD", "CITY", "DISTRICT", "CATEGORY", "AMOUNT", "PROJECT", "TRACKCODE"})
# Words that carry no topic of their own in a follow-up.
_FILLER = frozenset(
    """
    چی چیه چیا چطور چطوره چطوری چطوریه چه چند چقدر چقد چقدره چقدرش چجوری چگونه
    پس و هم همین همون اون آن این اونجا آنجا اینجا حالا الان اگه اگر گر بود بوده بودش باشه باشد
    می میشه میشد شه شد بشه نیز برای برا واسه در تو توی از با رو را به که هست است هستش
    اونوقت آنوقت ببینم بگو بگید بگین بفرما بفرمایید لطفا لطفاً خب خوب مثلا مثلاً یا ها هان
    دیگه دیگر چیزی چطوره؟ کن بکن کنید بکنید بده بدید بدین بگیر ببین جی چیو
    what about and if then how
    """.split()
)
_PUNCT = re.compile(r"[؟?!.,،:؛;«»\"'()\[\]…\-]+")

# What a follow-up asks of the previous answer; each phrase is removed before counting words.
_FOCUS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "end",
        re.compile(
            r"(?:کی|چه (?:زمانی|وقتی|موقع)|تا کی|چه تاریخی) ?(?:\S+ ){0,2}?"
            r"(?:تموم|تمام|تکمیل|افتتاح|آماده|تحویل|بهره ?برداری|اتمام)\S*(?: \S*(?:میشه|می ?شود|"
            r"میشن|می ?شوند|میکنن|می ?کنند|میدن|می ?دهند|شه|بشه))?"
            r"|زمان (?:پایان|اتمام|تحویل|افتتاح)\S*|(?:پایان|اتمام|تحویل)ش کی\S*"
        ),
    ),
    (
        "vat",
        re.compile(
            r"(?:مالیات|مالیاتش|مالیاتشو|ارزش افزوده|ارزش افزودش|ارزش افزوده ?اش|vat)"
            r"(?: ?(?:اش|ش|اون|آن|این|خودش))?(?: (?:چقدر|چقد|چند) ?\S*)?(?: (?:بود|میشه|می ?شود|"
            r"شد|میشد))?"
        ),
    ),
    (
        "per_capita",
        re.compile(r"سرانه\S*|به ازای هر (?:نفر|شهروند)|(?:هر|برای هر) (?:نفر|شهروند)|نفری"),
    ),
    ("budget", re.compile(r"بودجه\S*|بودجش")),
    ("progress", re.compile(r"پیشرفت\S*|چند درصد(?:ش)? (?:پیش رفته|انجام شده|ساخته شده)")),
    ("asc", re.compile(r"کم ?ترین\S*|پایین ?ترین\S*|از همه کمتر|آخری\S*")),
    ("desc", re.compile(r"بیش ?ترین\S*|بالا ?ترین\S*|از همه بیشتر|اولی\S*")),
)


@dataclass(frozen=True, slots=True)
class FollowUp:
    """What a short message asks of the previous question."""

    elliptical: bool  # only slot values (and follow-up words): the previous question stands
    focus: str | None  # what it asks of the previous answer, if anything
    content_words: int  # words left once entities and follow-up words are taken out
    has_entities: bool


def read_followup(masked_text: str) -> FollowUp:
    """Read a masked message as a possible follow-up of the previous question."""
    text = _PUNCT.sub(" ", masked_text.replace("\u200c", " ")).strip()
    focus: str | None = None
    for name, rx in _FOCUS:
        found = rx.search(text)
        if found is not None:
            focus = name
            text = (text[: found.start()] + " " + text[found.end() :]).strip()
            break
    words = text.split()
    has_entities = any(w in _MASKS for w in words)
    content = [w for w in words if w not in _MASKS and w not in _FILLER]
    elliptical = not content and (has_entities or focus is not None)
    return FollowUp(elliptical, focus, len(content), has_entities)
