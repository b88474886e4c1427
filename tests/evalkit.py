"""Shared helpers for hand-written NLU evaluation sets over data/sample.

A set's build script puts `tests/` on sys.path, takes the kit's vocabulary with
`from evalkit import *` (the names in `__all__`), calls `E(...)` once per example with symbolic
periods (resolved per CONTRACT.md section 4 against the line's own today) and ends with
`raise SystemExit(main(OUT, TARGET))`. Every line is validated against data/sample, or against
the CSVs a set names with `use_dataset(...)`.

What stays in a build script is only what is its own: the labelled examples, where it writes,
its dataset, its intent mix (TARGET), its todays and any documented departure from the defaults.
The kit does not import the NLU code (`nlp/`): the sets must stay independent of it, so the
contract's intent and entity lists are repeated here on purpose.
"""

from __future__ import annotations

import csv
import difflib
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"  # only used to make sure nothing is copied

__all__ = [
    "DEFAULT_TARGET",
    "DEFAULT_TODAY",
    "HALF",
    "LAST_MONTH",
    "LAST_YEAR",
    "MONTH",
    "MONTHS",
    "QUARTER",
    "THIS_YEAR",
    "T_ESFAND",
    "T_MEHR",
    "T_NOWRUZ",
    "YEAR",
    "YEARS",
    "YEAR_BEFORE_LAST",
    "E",
    "last_n",
    "main",
    "rial",
    "span",
    "toman",
    "use_dataset",
    "use_today",
]

DEFAULT_TODAY = "1405-09-08"

# --------------------------------------------------------------------------- data


def _rows(name: str) -> list[dict]:
    with open(SAMPLE / name, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def use_dataset(directory: Path) -> None:
    """Validate labels against the CSVs in `directory` (data/sample unless a set says otherwise)."""
    global SAMPLE, MUNICIPALITIES, DISTRICTS, CATEGORIES, PROJECTS
    SAMPLE = directory
    MUNICIPALITIES = {r["slug"]: r["name_fa"] for r in _rows("municipalities.csv")}
    DISTRICTS = {(r["municipality"], r["code"]) for r in _rows("districts.csv")}
    CATEGORIES = {
        r["slug"]: [r["name_fa"]]
        + [s.strip() for s in re.split("[؛;]", r["synonyms_fa"]) if s.strip()]
        for r in _rows("categories.csv")
    }
    PROJECTS = {r["code"]: r for r in _rows("projects.csv")}


MUNICIPALITIES: dict[str, str] = {}
DISTRICTS: set[tuple[str, str]] = set()
CATEGORIES: dict[str, list[str]] = {}
PROJECTS: dict[str, dict] = {}
use_dataset(SAMPLE)
STATUSES = {"planned", "in_progress", "completed", "suspended"}

INTENTS = {
    "greeting",
    "help",
    "thanks",
    "vat_share",
    "vat_compare",
    "vat_spending",
    "project_list",
    "project_info",
    "tax_calculator",
    "report",
    "faq",
    "feedback",
    "feedback_status",
    "subscribe",
    "unsubscribe",
    "out_of_scope",
}
NO_ENTITY_INTENTS = {"out_of_scope", "greeting", "help", "thanks", "faq"}
ENTITY_KEYS = {
    "municipality",
    "compare_municipality",
    "period",
    "compare_period",
    "district",
    "category",
    "project",
    "status",
    "amount_rial",
    "tracking_code",
}

DEFAULT_TARGET = {
    "vat_share": 20,
    "project_list": 16,
    "project_info": 16,
    "vat_spending": 12,
    "vat_compare": 12,
    "tax_calculator": 10,
    "faq": 10,
    "out_of_scope": 14,
    "feedback": 9,
    "feedback_status": 5,
    "report": 6,
    "subscribe": 5,
    "unsubscribe": 5,
    "greeting": 4,
    "help": 4,
    "thanks": 4,
}

# ------------------------------------------------------------- period rules (§4)


def _today(s: str) -> tuple[int, int, int]:
    y, m, d = (int(x) for x in s.split("-"))
    return y, m, d


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _shift(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def span(y1: int, m1: int, y2: int, m2: int) -> dict:
    return {"from": _ym(y1, m1), "to": _ym(y2, m2)}


def _year_of(spec, today: str) -> int:
    """Year spec: an absolute int, or 'this' / 'last' / 'before_last' relative to today."""
    ty = _today(today)[0]
    if isinstance(spec, int):
        return spec
    return ty + {"this": 0, "last": -1, "before_last": -2}[spec]


def YEAR(y):  # «۱۴۰۳», «امسال» = YEAR('this'), «پارسال» = YEAR('last')
    return lambda t: span(_year_of(y, t), 1, _year_of(y, t), 12)


THIS_YEAR = YEAR("this")  # امسال
LAST_YEAR = YEAR("last")  # پارسال / سال گذشته
YEAR_BEFORE_LAST = YEAR("before_last")  # پیارسال


def YEARS(y1: int, y2: int):  # «از ۱۴۰۰ تا ۱۴۰۲»
    return lambda t: span(y1, 1, y2, 12)


def last_n(n: int):  # «N ماه گذشته/اخیر»: the N months before this month
    def f(t):
        y, m, _ = _today(t)
        a = _shift(y, m, -n)
        b = _shift(y, m, -1)
        return span(a[0], a[1], b[0], b[1])

    return f


LAST_MONTH = last_n(1)  # ماه گذشته / ماه پیش / ماه قبل


def MONTH(m: int, year=None):
    """A month; without a year: the most recent such month not after today."""

    def f(t):
        ty, tm, _ = _today(t)
        if year is None:
            y = ty if m <= tm else ty - 1
        else:
            y = _year_of(year, t)
        return span(y, m, y, m)

    return f


def QUARTER(q: int, year):  # بهار/فصل اول/سه‌ماهه اول = 1..3, تابستان = 4..6 …
    return lambda t: span(_year_of(year, t), 3 * q - 2, _year_of(year, t), 3 * q)


def HALF(h: int, year):  # نیمه اول = 1..6, نیمه دوم = 7..12
    return lambda t: span(_year_of(year, t), 6 * h - 5, _year_of(year, t), 6 * h)


def MONTHS(m1: int, m2: int, year):  # «از مهر تا آبان امسال»
    return lambda t: span(_year_of(year, t), m1, _year_of(year, t), m2)


# ------------------------------------------------------------------ amounts


def toman(x: int) -> int:
    """Amount said in تومان (or with no currency word): rials = تومان × 10."""
    return int(x) * 10


def rial(x: int) -> int:
    return int(x)


# ------------------------------------------------------------------ examples

EXAMPLES: list[dict] = []
_SET_TODAY = DEFAULT_TODAY


def use_today(today: str) -> None:
    """The today of the examples that do not give their own (DEFAULT_TODAY unless a set says)."""
    global _SET_TODAY
    _SET_TODAY = today


def E(text: str, intent: str, today: str | None = None, **entities) -> None:
    """Record one example; entity values may be period rules (callables of today)."""
    today = _SET_TODAY if today is None else today
    EXAMPLES.append({"text": text, "today": today, "intent": intent, "entities": entities})


T_NOWRUZ = "1405-01-03"  # three days into the new year
T_ESFAND = "1404-12-29"  # last day of the year
T_MEHR = "1404-07-01"  # first day of autumn

# ------------------------------------------------------------------ validation

_PERSIAN = re.compile(r"[\u0600-\u06FF]")
_TRACKING = re.compile(r"^[0-9A-Z]+(?:-[0-9A-Z]+)*$")
_YM = re.compile(r"^(\d{4})-(\d{2})$")


def _fold(s: str) -> str:
    """Arabic ي/ك to Persian, without ZWNJ and tatweel."""
    return s.replace("ي", "ی").replace("ك", "ک").replace("\u200c", "").replace("ـ", "")


def _norm(s: str) -> str:
    """Loose normalisation for the lexical consistency checks only."""
    return re.sub(r"\s+", "", _fold(s))


def _words(s: str) -> str:
    """Like _norm but keeps single spaces, padded, so matches can be anchored at a word start."""
    s = re.sub(r"[^\w]+", " ", _fold(s))
    return " " + re.sub(r"\s+", " ", s).strip() + " "


def _has(text_w: str, phrase: str) -> bool:
    """phrase occurs in text starting at a word start (suffixes like ‹ها›/‹ای› allowed)."""
    p = _words(phrase).strip()
    return (bool(p) and (" " + p) in text_w) or (" " + p.replace(" ", "")) in text_w


def _valid_jalali(s: str) -> bool:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if not m:
        return False
    _y, mo, d = (int(x) for x in m.groups())
    if not 1 <= mo <= 12:
        return False
    return 1 <= d <= (31 if mo <= 6 else 30)


def _check_period(p, where: str, errors: list[str]) -> None:
    if not isinstance(p, dict) or set(p) != {"from", "to"}:
        errors.append(f"{where}: period must be {{from,to}}: {p!r}")
        return
    for k in ("from", "to"):
        m = _YM.match(p[k])
        if not m or not 1 <= int(m.group(2)) <= 12:
            errors.append(f"{where}: bad month {p[k]!r}")
    if p["from"] > p["to"]:
        errors.append(f"{where}: from > to {p!r}")


def resolve(ex: dict) -> dict:
    ents = {}
    for k, v in ex["entities"].items():
        ents[k] = v(ex["today"]) if callable(v) else v
    return {"text": ex["text"], "today": ex["today"], "intent": ex["intent"], "entities": ents}


def validate(
    rows: list[dict], target: dict[str, int], dev_ratio: float | None = 0.75
) -> tuple[list[str], list[str]]:
    """Errors and warnings for `rows`; a line as close as `dev_ratio` (difflib ratio) to a line
    of the dev set counts as copied from it (None: not checked)."""
    errors: list[str] = []
    warnings: list[str] = []
    seen: set[str] = set()
    mun_names = {slug: _norm(name) for slug, name in MUNICIPALITIES.items()}
    for i, r in enumerate(rows, 1):
        where = f"line {i} ({r['text'][:40]}…)"
        text, intent, ents = r["text"], r["intent"], r["entities"]
        if not text.strip():
            errors.append(f"{where}: empty text")
        if text in seen:
            errors.append(f"{where}: duplicate text")
        seen.add(text)
        if not _valid_jalali(r["today"]):
            errors.append(f"{where}: bad today {r['today']}")
        if intent not in INTENTS:
            errors.append(f"{where}: unknown intent {intent}")
        if intent in NO_ENTITY_INTENTS and ents:
            errors.append(f"{where}: {intent} must carry no entities")
        for k, _v in ents.items():
            if k not in ENTITY_KEYS:
                errors.append(f"{where}: unknown entity key {k}")
        for k in ("municipality", "compare_municipality"):
            if k in ents and ents[k] not in MUNICIPALITIES:
                errors.append(f"{where}: unknown {k} {ents[k]}")
        if "municipality" in ents and ents.get("compare_municipality") == ents["municipality"]:
            errors.append(f"{where}: compare_municipality equals municipality")
        if "compare_municipality" in ents and "municipality" not in ents:
            errors.append(f"{where}: compare_municipality without municipality")
        if "compare_period" in ents and "period" not in ents:
            errors.append(f"{where}: compare_period without period")
        if "compare_period" in ents and ents["compare_period"] == ents.get("period"):
            errors.append(f"{where}: compare_period equals period")
        if ("compare_municipality" in ents or "compare_period" in ents) and intent != "vat_compare":
            errors.append(f"{where}: compare_ key outside vat_compare")
        for k in ("period", "compare_period"):
            if k in ents:
                _check_period(ents[k], where, errors)
        if "district" in ents:
            d = ents["district"]
            if not isinstance(d, str):
                errors.append(f"{where}: district must be a string")
            mun = ents.get("municipality", "mashhad")  # default applied later by the bot
            if (mun, d) not in DISTRICTS:
                errors.append(f"{where}: district {d!r} not in {mun}")
        if "category" in ents and ents["category"] not in CATEGORIES:
            errors.append(f"{where}: unknown category {ents['category']}")
        if "status" in ents and ents["status"] not in STATUSES:
            errors.append(f"{where}: unknown status {ents['status']}")
        if "amount_rial" in ents:
            a = ents["amount_rial"]
            if not isinstance(a, int) or isinstance(a, bool) or a <= 0:
                errors.append(f"{where}: amount_rial must be a positive int")
        if intent == "tax_calculator" and "amount_rial" not in ents:
            errors.append(f"{where}: tax_calculator needs an amount (else it is faq)")
        if "tracking_code" in ents and not _TRACKING.match(ents["tracking_code"]):
            errors.append(
                f"{where}: tracking_code not ASCII digits/upper-case: {ents['tracking_code']!r}"
            )
        proj = None
        if "project" in ents:
            proj = PROJECTS.get(ents["project"])
            if proj is None:
                errors.append(f"{where}: unknown project {ents['project']}")
            else:
                pname = _norm(proj["name_fa"])
                # words inside the project's name are not labelled again
                m = ents.get("municipality")
                if m and mun_names[m] in pname:
                    errors.append(f"{where}: municipality {m} is part of the project name")
                d = ents.get("district")
                if (
                    d
                    and d.isdigit()
                    and _norm(f"منطقه {d}".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")))
                    in pname
                ):
                    errors.append(f"{where}: district {d} is part of the project name")
                if "municipality" in ents and ents["municipality"] != proj["municipality"]:
                    errors.append(f"{where}: municipality contradicts project")
        # lexical cross-checks (Persian text only): every labelled municipality/category
        # should be visible in the text; every visible one should be labelled unless it
        # sits inside the labelled project's name or the intent carries no entities.
        nt = _words(text)
        if _PERSIAN.search(text) and intent not in NO_ENTITY_INTENTS:
            pname = _norm(proj["name_fa"]) if proj else ""
            for slug, nm in mun_names.items():
                present = _has(nt, MUNICIPALITIES[slug])
                labelled = slug in (ents.get("municipality"), ents.get("compare_municipality"))
                if present and not labelled and nm not in pname:
                    warnings.append(f"{where}: mentions {slug} but it is not labelled")
                if labelled and not present:
                    warnings.append(f"{where}: {slug} labelled but its name is not in the text")
            for slug, syns in CATEGORIES.items():
                hit = [s for s in syns if _has(nt, s) and _norm(s) not in pname]
                if hit and ents.get("category") != slug and not proj:
                    warnings.append(f"{where}: category word(s) {hit} ({slug}) unlabelled")
                if ents.get("category") == slug and not hit:
                    warnings.append(f"{where}: category {slug} labelled, no listed synonym in text")
    counts = Counter(r["intent"] for r in rows)
    for intent, n in target.items():
        if counts[intent] != n:
            errors.append(f"intent {intent}: {counts[intent]} lines, target {n}")
    # nothing may be copied or closely paraphrased from the dev set
    if dev_ratio is not None and DEV.exists():
        dev = [
            json.loads(line)["text"]
            for line in DEV.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        dn = [_norm(t) for t in dev]
        for r in rows:
            a = _norm(r["text"])
            if len(a) < 8:  # tiny fragments ("hi", "menu") can't be meaningfully compared
                continue
            for t, b in zip(dev, dn, strict=False):
                ratio = difflib.SequenceMatcher(None, a, b).ratio()
                if ratio >= dev_ratio:
                    errors.append(f"too close to dev ({ratio:.2f}): {r['text']!r} ~ {t!r}")
    return errors, warnings


def main(out: Path, target: dict[str, int], *, dev_ratio: float | None = 0.75) -> int:
    """Validate every recorded example; unless --check, write them to `out` as jsonl."""
    rows = [resolve(ex) for ex in EXAMPLES]
    errors, warnings = validate(rows, target, dev_ratio)
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    if errors:
        return 1
    counts = Counter(r["intent"] for r in rows)
    todays = Counter(r["today"] for r in rows)
    finglish = sum(1 for r in rows if not _PERSIAN.search(r["text"]))
    print(f"{len(rows)} lines; todays {dict(todays)}; latin-script lines {finglish}")
    for intent, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {intent:16s} {n}")
    if "--check" not in sys.argv:
        with open(out, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print("wrote", out)
    return 0
