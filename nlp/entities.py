"""Extract the contract's entities (and the spans to mask) from normalized Persian text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import jdatetime

from nlp.gazetteer import Gazetteer, Match, Tok
from nlp.numbers import find_amounts
from nlp.periods import find_periods

# Mask tokens shared with the intent classifier's training data (see nlp/intents.py).
MASK_PROJECT = "PROJECT"
MASK_CITY = "CITY"
MASK_DISTRICT = "DISTRICT"
MASK_CATEGORY = "CATEGORY"
MASK_AMOUNT = "AMOUNT"
MASK_TRACKCODE = "TRACKCODE"
MASK_PERIOD = "PERIOD"

# A Latin-letter-prefixed code is a tracking code wherever it stands ("SH-40213", "FB-1405-0917").
_LETTER_CODE_RE = re.compile(r"(?<![\w-])([a-z]{1,5}(?:[-‐–]\d+)+|[a-z]{1,5}\d{3,})(?![\w-])")
# A bare number is a tracking code only next to words that announce one.
_CODE_WORDS = frozenset(
    "کد کدش کدم کدشو کدمو کدی رهگیری پیگیری پیگیریش شماره شمارش شمارهش code tracking track".split()
)
# What the code stands for: "وضعیت بازخورد ۴۴۱۰۹", "شکایتم 58213 چی شد" (never a year after them).
_CODE_KEYWORDS = _CODE_WORDS | frozenset(
    "بازخورد بازخوردم شکایت شکایتم انتقاد انتقادم پیشنهاد پیشنهادم تیکت".split()
)
_YEAR_RE = re.compile(r"1[34]\d\d")
_AMOUNT_WORDS = frozenset("تومان تومن ریال هزار میلیون میلیارد تومنی تومانی ریالی".split())

# Verb endings, written with or without the ZWNJ/space ("شده‌اند", "شده اند", "شدهاند"):
# passive past ("شده"), active past ("کرده"), colloquial "مونده", and the negated passive.
_PASSIVE = r"(?:شده ?اند|شده ?ان|شدهاند|شده|شدن|شدند|شد)(?!\w)"
_NOT_PASSIVE = r"ن(?:شده ?اند|شدهاند|شده|شدن|شدند|شد)(?!\w)"
_ACTIVE = r"(?:کرده ?اند|کرده ?ان|کرده|کردن|کردند|کردیم|کردین|کردید|کرد)(?!\w)"
_STAYED = r"(?:مونده|مانده|موندن|ماندند|موند|ماند|موندهاند|مانده ?اند)(?!\w)"
_FINISH = r"(?:تکمیل|تموم|تمام|کامل|افتتاح|اتمام)"

_STATUS_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "suspended",
        rf"نیمه ?(?:کاره|تمام|تموم) (?:(?:رها|ول) (?:{_PASSIVE}|{_STAYED})|{_STAYED}|رها|ول)",
    ),
    ("suspended", r"متوقف"),
    ("suspended", r"معلق"),
    ("suspended", r"خوابید(?:ه|ن|ند|هاند)?(?!\w)"),
    ("suspended", rf"تعطیل (?:{_PASSIVE}|{_STAYED})"),
    ("suspended", rf"(?:رها|ول) (?:{_PASSIVE}|{_STAYED})"),
    ("suspended", r"راکد"),
    ("suspended", rf"(?:معطل|بلاتکلیف|بی ?سرانجام) (?:{_STAYED}|هستن|هستند|است|ان)"),
    ("suspended", r"(?:کار|کارش|کارشون|کارها|کاراش) (?:وایساده|ایستاده|خوابیده|متوقف)"),
    ("planned", rf"برنامه ?ریزی {_PASSIVE}"),
    ("planned", rf"(?:شروع|آغاز|اجرا|کلید) {_NOT_PASSIVE}"),
    ("planned", r"(?:شروع|آغاز|کلید) (?:نکرده|نکردن|نکردند|نخورده|نخوردن)(?!\w)"),
    ("planned", rf"کلنگ(?:ش|شون|ش رو|شو|شان)? (?:هنوز )?(?:زنی )?(?:زده )?{_NOT_PASSIVE}"),
    ("planned", r"کلنگ(?:ش|شون|شان)? (?:هنوز )?(?:نخورده|نزدن|نزدند|نزده)(?!\w)"),
    ("planned", r"در (?:دست|مرحله) (?:مطالعه|طراحی)"),
    ("planned", r"(?:قراره|قرار است|قراره که) (?:ساخته|اجرا|شروع|احداث) (?:بشه|بشن|شود|شوند)"),
    ("planned", r"پروژه ?(?:ها|های)? (?:آتی|آینده)"),
    ("planned", r"در دست برنامه ?ریزی"),
    ("in_progress", rf"{_FINISH} {_NOT_PASSIVE}"),  # "هنوز تموم نشده"
    ("completed", rf"{_FINISH} {_PASSIVE}"),
    ("completed", rf"(?:تکمیل|تموم|تمام|افتتاح|تحویل) {_ACTIVE}"),
    ("completed", r"(?:تحویل|افتتاح|تکمیل) (?:داده|دادن|دادند|دادیم|دادین|دادید)(?!\w)"),
    (
        "completed",
        r"به (?:بهره ?برداری|اتمام|پایان|سرانجام) (?:رسیده ?اند|رسیده|رسیدن|رسیدند|رسید)(?!\w)",
    ),
    ("completed", rf"(?:بهره ?برداری|تحویل|آماده) {_PASSIVE}"),
    ("completed", r"(?:خاتمه|پایان) (?:یافته|یافتن|یافتند|یافت)(?!\w)"),
    ("completed", r"(?:ساخته|اجرا) (?:شده|شدن|شدند) ?(?:و|اند)? ?(?:تموم|تمام)"),
    ("in_progress", r"در ?(?:حال|دست) (?:اجرا|ساخت|احداث|انجام|تکمیل|اقدام|پیشرفت|کار)"),
    ("in_progress", r"دارن(?:د)? (?:می ?سازن|ساخته می ?شن|اجرا می ?کنن|می ?سازنش)"),
    ("in_progress", r"(?:ساخته|اجرا) می ?(?:شن|شوند|شود|شه)(?!\w)"),
    ("in_progress", r"نیمه ?(?:کاره|تمام|تموم)"),
    ("in_progress", r"پروژه ?(?:ها|های)? (?:فعال|جاری)"),
    ("in_progress", r"در جریان"),
)
_STATUS_RES = tuple((status, re.compile(p)) for status, p in _STATUS_PATTERNS)


@dataclass(frozen=True, slots=True)
class MaskSpan:
    """A span of the normalized text to replace by a mask token before classification."""

    start: int
    end: int
    label: str


@dataclass(slots=True)
class Extraction:
    """Entities found in one question, with their spans and project candidates."""

    entities: dict[str, Any] = field(default_factory=dict)
    masks: list[MaskSpan] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    project_exact: bool = False  # the project was named by code or by its full name
    # Projects whose name is only a category phrase here ("نوسازی بافت فرسوده"): the text is read
    # as the category, and `understand` may still pick these when the intent is about one project.
    weak_projects: list[str] = field(default_factory=list)
    weak_span: MaskSpan | None = None

    def project_reading(self) -> Extraction:
        """Return this extraction re-read with the weak project match as the project."""
        if self.weak_span is None:
            return self
        w = self.weak_span
        inside = [m for m in self.masks if m.start < w.end and w.start < m.end]
        masks = [m for m in self.masks if m not in inside]
        ents = dict(self.entities)
        ents.pop("category", None)
        # the city or district words of the name belong to the project, when they are the only ones
        for label, key in ((MASK_CITY, "municipality"), (MASK_DISTRICT, "district")):
            if any(m.label == label for m in inside) and not any(m.label == label for m in masks):
                ents.pop(key, None)
        candidates: list[str] = []
        if len(self.weak_projects) == 1:
            ents["project"] = self.weak_projects[0]
        else:
            candidates = list(self.weak_projects)
        return Extraction(ents, [*masks, w], candidates, False)

    def masked(self, normalized: str) -> str:
        """Return the text with each recognised entity replaced by its mask token."""
        parts: list[str] = []
        pos = 0
        for m in sorted(self.masks, key=lambda s: s.start):
            if m.start < pos:
                continue
            parts.append(normalized[pos : m.start])
            parts.append(f" {m.label} ")
            pos = m.end
        parts.append(normalized[pos:])
        return " ".join("".join(parts).split())


def find_status(normalized: str) -> str | None:
    """Return the project status a phrase asks for ("در حال اجرا" → in_progress), or None."""
    text = normalized.replace("\u200c", " ")
    best: tuple[int, int, str] | None = None
    for status, rx in _STATUS_RES:
        m = rx.search(text)
        if m is not None:
            key = (m.start(), -(m.end() - m.start()), status)
            if best is None or key < best:
                best = key
    return best[2] if best is not None else None


def mask_status(text: str) -> str:
    """Replace a project-status phrase («نیمه تموم», «تموم شده»…) by the word STATUS."""
    text = text.replace("\u200c", " ")
    best: tuple[int, int] | None = None
    for _, rx in _STATUS_RES:
        m = rx.search(text)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), m.end())
    if best is None:
        return text
    return f"{text[: best[0]]} STATUS {text[best[1] :]}"


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _by_district(gaz: Gazetteer, toks: list[Tok], blocked: set[int], codes: list[str]) -> list[str]:
    """Narrow equally good project candidates by a district the text names, if that decides."""
    for d in gaz.find_districts(toks, blocked, None):
        fitting = [c for c in codes if gaz.project_district.get(c) == d.value]
        if fitting:
            return fitting
    return codes


def _code_word_after(toks: list[Tok], k: int) -> bool:
    """Return True when "کد رهگیری"/"شماره پیگیری" follows the number ("۹۸۷۶۵ کد پیگیریمه")."""
    nxt = [toks[j].text for j in range(k + 1, min(len(toks), k + 3))]
    if not nxt:
        return False
    if nxt[0].startswith(("کدرهگیری", "کدپیگیری")) or nxt[0] in ("code", "tracking"):
        return True
    return (
        nxt[0] in ("کد", "شماره", "کدم", "کدش")
        and len(nxt) > 1
        and nxt[1].startswith(("رهگیری", "پیگیری"))
    )


def _tracking_codes(
    normalized: str, toks: list[Tok], project_spans: list[tuple[int, int]]
) -> list[Match]:
    """Return tracking-code mentions: letter-prefixed codes, or 4–10 digits after a code word."""
    out: list[Match] = []
    for m in _LETTER_CODE_RE.finditer(normalized):
        if not any(c.isdigit() for c in m.group()) or _overlaps(m.start(), m.end(), project_spans):
            continue
        code = re.sub(r"[‐–]", "-", m.group()).upper()
        out.append(Match(m.start(), m.end(), -1, -1, code))
    taken = [(c.start, c.end) for c in out] + project_spans
    for k, t in enumerate(toks):
        if not t.text.isdigit() or not 4 <= len(t.text) <= 10 or _overlaps(t.start, t.end, taken):
            continue
        before = [toks[j].text for j in range(max(0, k - 3), k)]
        if not any(w in _CODE_KEYWORDS for w in before) and not _code_word_after(toks, k):
            continue
        after = toks[k + 1].text if k + 1 < len(toks) else ""
        if after in _AMOUNT_WORDS or (before and before[-1] in ("سال", "sal", "sale")):
            continue
        # a year-like number ("پیگیری شکایت 1403") needs the code word right before it
        if _YEAR_RE.fullmatch(t.text) and not (before and before[-1] in _CODE_WORDS):
            continue
        # a digit run glued to punctuation (1,200,000) is an amount, not a code
        if t.start > 0 and normalized[t.start - 1] in ",.":
            continue
        if (
            t.end < len(normalized)
            and normalized[t.end : t.end + 1] in (",", ".")
            and (normalized[t.end + 1 : t.end + 2].isdigit())
        ):
            continue
        out.append(Match(t.start, t.end, k, k + 1, t.text))
    out.sort(key=lambda c: c.start)
    return out


def extract(
    normalized: str,
    gaz: Gazetteer,
    today: jdatetime.date,
    *,
    with_projects: bool = True,
) -> Extraction:
    """Find every entity of a normalized question, applying the contract's labelling rules."""
    ex = Extraction()
    ents = ex.entities
    toks = gaz.tokens(normalized)
    blocked: set[int] = set()
    spans: list[tuple[int, int]] = []

    def block(start: int, end: int) -> None:
        spans.append((start, end))
        for k, t in enumerate(toks):
            if t.start < end and start < t.end:
                blocked.add(k)

    # Explicit project codes first: "D-113" is a project, never a tracking code.
    if with_projects:
        for m in gaz.find_project_codes(normalized):
            if "project" not in ents:
                ents["project"] = m.value
                ex.project_exact = True
            ex.masks.append(MaskSpan(m.start, m.end, MASK_PROJECT))
            block(m.start, m.end)

    for m in _tracking_codes(normalized, toks, list(spans)):
        ents.setdefault("tracking_code", m.value)
        ex.masks.append(MaskSpan(m.start, m.end, MASK_TRACKCODE))
        block(m.start, m.end)

    # Money and periods are read before names: an amount's words never belong to a project
    # ("خرید ۵ میلیون تومانی"), and a period's words ("بهار") only add to a name matched by
    # other words or in full.
    all_periods = [
        p for p in find_periods(normalized, today) if not _overlaps(p.start, p.end, spans)
    ]
    period_spans = [(p.start, p.end) for p in all_periods]
    amounts = [
        a
        for a in find_amounts(normalized)
        if not _overlaps(a.start, a.end, spans) and not _overlaps(a.start, a.end, period_spans)
    ]
    amount_toks = {
        k
        for k, t in enumerate(toks)
        if _overlaps(t.start, t.end, [(a.start, a.end) for a in amounts])
    }
    period_toks = {k for k, t in enumerate(toks) if _overlaps(t.start, t.end, period_spans)}

    # A project's name swallows the city, district and category words inside it.
    if with_projects and "project" not in ents:
        pm = gaz.find_project(toks, blocked | amount_toks, period_toks)
        if pm is not None and (
            pm.weak or (not pm.exact and not pm.anchored and gaz.is_category_phrase(toks, pm))
        ):
            ex.weak_projects = list(pm.codes)
            ex.weak_span = MaskSpan(pm.start, pm.end, MASK_PROJECT)
            pm = None
        if pm is not None:
            codes = list(pm.codes)
            if pm.ambiguous:
                codes = _by_district(gaz, toks, blocked, codes)
            if len(codes) > 1:
                ex.candidates = codes
            else:
                ents["project"] = codes[0]
                ex.project_exact = pm.exact
            ex.masks.append(MaskSpan(pm.start, pm.end, MASK_PROJECT))
            block(pm.start, pm.end)

    cities: list[str] = []
    for m in gaz.find_municipalities(toks, blocked):
        if m.value not in cities:
            cities.append(m.value)
        ex.masks.append(MaskSpan(m.start, m.end, MASK_CITY))
        block(m.start, m.end)
    if cities:
        ents["municipality"] = cities[0]
    if len(cities) > 1:
        ents["compare_municipality"] = cities[1]

    for m in gaz.find_districts(toks, blocked, cities[0] if cities else None):
        ents.setdefault("district", m.value)
        ex.masks.append(MaskSpan(m.start, m.end, MASK_DISTRICT))
        block(m.start, m.end)

    for m in gaz.find_categories(toks, blocked):
        ents.setdefault("category", m.value)
        ex.masks.append(MaskSpan(m.start, m.end, MASK_CATEGORY))
        block(m.start, m.end)

    periods = [p for p in all_periods if not _overlaps(p.start, p.end, spans)]
    for p in periods:
        ex.masks.append(MaskSpan(p.start, p.end, MASK_PERIOD))
    if periods:
        ents["period"] = periods[0].as_entity()
    if len(periods) > 1 and periods[1].as_entity() != ents["period"]:
        ents["compare_period"] = periods[1].as_entity()
    spans.extend((p.start, p.end) for p in periods)

    for a in amounts:
        if _overlaps(a.start, a.end, spans):
            continue
        ents.setdefault("amount_rial", a.rial)
        ex.masks.append(MaskSpan(a.start, a.end, MASK_AMOUNT))
        spans.append((a.start, a.end))

    status = find_status(normalized)
    if status is not None:
        ents["status"] = status
    return ex
