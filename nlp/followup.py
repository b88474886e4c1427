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

__all__ = ["NOW_WORDS", "FollowUp", "read_followup", "shift_of_previous", "split_question"]

_MASKS = frozenset(
    {"PERIOD", "CITY", "DISTRICT", "CATEGORY", "AMOUNT", "PROJECT", "TRACKCODE", "STATUS"}
)
# Words that carry no topic of their own in a follow-up.
_FILLER = frozenset(
    """
    چی چیه چیا چطور چطوره چطوری چطوریه چه چند چقدر چقد چقدره چقدرش چجوری چگونه
    پس و هم همین همون اون آن این اونجا آنجا اینجا حالا الان اگه اگر گر بود بوده بودش باشه باشد
    می میشه میشد شه شد بشه نیز برای برا واسه در تو توی از با رو را به که هست است هستش
    اونوقت آنوقت ببینم بگو بگید بگین بفرما بفرمایید لطفا لطفاً خب خوب مثلا مثلاً یا ها هان
    دیگه دیگر چیزی چطوره؟ کن بکن کنید بکنید بده بدید بدین بگیر ببین جی چیو خود خودش اش ش
    اون اونا آنها اونها کل همه فقط تنها تنهایی کلا کلاً باشه اوکی ok خب خوب آره بله نه
    کدوما کدوماش کدومش کدوم کدام کدامش هاش هاشو ان هستن هستند اونایی آنهایی اونی آنکه
    شده شدن شدند شدہ هنوز دیگه بخرم بخریم بخری بخره خرید خریدم بود؟ قبلش قبلیش بعدش
    بعدیش همون همین پس اینا اینها ببخشید لطفا ارزش افزوده مالیات تا
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
            r"(?:خود |خودِ )?(?:مالیاتش|مالیاتشو|ارزش افزودش|ارزش افزوده ?اش|"
            r"مالیات (?:اون|آن|این|خودش)|مالیات(?= (?:چقدر|چقد|چند)))"
            r"(?: (?:چقدر|چقد|چند) ?\S*)?(?: (?:بود|میشه|می ?شود|شد|میشد))?"
        ),
    ),
    (
        "per_capita",
        re.compile(r"سرانه\S*|به ازای هر (?:نفر|شهروند)|(?:هر|برای هر) (?:نفر|شهروند)|نفری"),
    ),
    (
        "funding",
        re.compile(
            r"خرجش\S*|براش خرج\S*|برای (?:این|اون|آن) پروژه خرج\S*|خرج (?:این|اون|آن) پروژه\S*|"
            r"پول (?:گرفته|گرفت)|چقدر (?:پول )?گرفته"
        ),
    ),
    (
        "city",
        re.compile(r"چقدرش (?:به )?(?:شهر|شهرداری)\S*(?: \S*(?:رسید|میرسه|می ?رسد|رسیده))?"),
    ),
    ("budget", re.compile(r"بودجه\S*|بودجش")),
    ("progress", re.compile(r"پیشرفت\S*|چند درصد(?:ش)? (?:پیش رفته|انجام شده|ساخته شده)")),
    ("asc", re.compile(r"کم ?ترین\S*|پایین ?ترین\S*|از همه کمتر|آخری\S*")),
    ("desc", re.compile(r"بیش ?ترین\S*|بالا ?ترین\S*|از همه بیشتر|اولی\S*")),
)


# A few words name what a short message asks for, whatever the classifier makes of it
# («همون سهم رو بگو», «خب خرج چه پروژه‌هایی شد؟»); earlier topics win.
_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("vat_spending", re.compile(r"^(?:خرج|هزینه|صرف)\S*$")),
    ("vat_compare", re.compile(r"^(?:مقایسه|رشد)\S*$")),
    ("vat_share", re.compile(r"^سهم\S*$")),
    ("project_list", re.compile(r"^پروژه\S*$")),
    ("report", re.compile(r"^گزارش\S*$")),
)
# Words that only say who the share belongs to («سهم شهرداری»): not a topic of their own.
_OWNER = frozenset({"شهرداری", "شهر", "شهرداریه"})


@dataclass(frozen=True, slots=True)
class FollowUp:
    """What a short message asks of the previous question."""

    elliptical: bool  # only slot values (and follow-up words): the previous question stands
    focus: str | None  # what it asks of the previous answer, if anything
    content_words: int  # words left once entities and follow-up words are taken out
    has_entities: bool
    topic: str | None = None  # the kind of question its few words name, if any


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
    topic = next(
        (name for name, rx in _TOPICS if any(rx.match(w) for w in content)),
        None,
    )
    if topic is not None and all(
        w in _OWNER or any(rx.match(w) for _, rx in _TOPICS) for w in content
    ):
        content = [w for w in content if w not in _OWNER]
    return FollowUp(elliptical, focus, len(content), has_entities, topic)


# «ماه قبلش»، «سال قبلش»، «قبلش»: the period before (or after) the previous question's.
_SHIFT = re.compile(
    r"(?:(ماه|سال|فصل|سه ?ماه) ?)?(قبل|پیش|بعد)(?:ش|یش|ترش|ی ?اش)(?![\w\u200c])"
    r"|(?:(ماه|سال|فصل) )?(قبل|بعد) از (?:اون|آن)(?![\w\u200c])"
)
_SAME_LAST_YEAR = re.compile(
    r"(?:پارسال|سال قبل|سال گذشته|سال پیش) (?:همین|همون) (?:ماه|موقع|فصل|دوره|وقت)"
    r"|(?:همین|همون) (?:ماه|موقع|فصل|دوره|وقت) (?:پارسال|سال قبل|سال گذشته|سال پیش)"
)
_UNIT_MONTHS = {"ماه": 1, "سال": 12, "فصل": 3, "سه ماه": 3, "سهماه": 3}
# Words that move a question to now («الان بخرم چی؟»): the previous period no longer holds.
NOW_WORDS = re.compile(r"(?<![\w\u200c])(?:الان|حالا|اکنون|امروز|این روزا|این روزها)(?![\w\u200c])")


def shift_of_previous(normalized: str) -> tuple[int, int] | None:
    """Return `(direction, months)` for a period said relative to the previous one.

    «ماه قبلش» is (-1, 1), «سال قبلش» and «پارسال همین ماه» (-1, 12); «قبلش» alone is (-1, 0):
    by the previous period's own length. None when the text says no such thing.
    """
    text = normalized.replace("\u200c", " ")
    if _SAME_LAST_YEAR.search(text):
        return -1, 12
    found = _SHIFT.search(text)
    if found is None:
        return None
    unit = (found.group(1) or found.group(3) or "").replace(" ", "")
    way = found.group(2) or found.group(4)
    return (1 if way == "بعد" else -1), _UNIT_MONTHS.get(unit, 0)


_SENTENCE_END = re.compile(r"(?<=[.!؟?])\s+")
_QUESTION_WORDS = re.compile(
    r"(?<![\w\u200c])(?:کی|چقدر|چقد|چند|کجا|چرا|چطور|چگونه|چی|چه|کدوم|کدام|آیا)(?![\w\u200c])"
)


def split_question(text: str) -> str | None:
    """Return the last sentence of a longer message when it is a question, else None.

    A complaint that ends in a question («… آخه این پروژه کی تموم میشه؟») gets that question
    answered, and the whole text kept for the complaint.
    """
    parts = [p.strip() for p in _SENTENCE_END.split(text.strip()) if p.strip()]
    if len(parts) < 2:
        return None
    last = parts[-1]
    if not (last.endswith(("؟", "?")) or _QUESTION_WORDS.search(last)):
        return None
    return last
