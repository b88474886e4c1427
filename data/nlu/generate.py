"""Render the hand-written templates into data/nlu/train.jsonl, deterministically.

Also adds the FAQ paraphrases (data/nlu/faq/paraphrases.jsonl) to train.jsonl under the intent
each one asks for (`faq` unless the line says otherwise), and ships them for the FAQ ranker as
nlp/resources/faq_paraphrases.jsonl.

Run: .venv/bin/python data/nlu/generate.py
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

import jdatetime

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FAQ_PARAPHRASES = HERE / "faq" / "paraphrases.jsonl"
SHIPPED_PARAPHRASES = ROOT / "nlp" / "resources" / "faq_paraphrases.jsonl"
# Paraphrases name real places and periods; they are masked as nlp.understand masks them over the
# bundled sample data, on a fixed day so the output never changes.
MASK_DATASET = ROOT / "data" / "sample"
MASK_TODAY = (1405, 9, 8)
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import templates_a as A  # noqa: E402
import templates_b as B  # noqa: E402
import templates_d as D  # noqa: E402
import templates_oos as O  # noqa: E402

from nlp.entities import extract  # noqa: E402
from nlp.finglish import to_persian  # noqa: E402
from nlp.gazetteer import Gazetteer  # noqa: E402
from nlp.intents import PLACEHOLDERS  # noqa: E402
from nlp.normalize import normalize  # noqa: E402
from tools.nlu_dev_eval import load_gazetteer_data  # noqa: E402

# Part D was written later by another author: long messages, formal letters, fragments.
TEMPLATES: dict[str, list[str]] = {
    "greeting": B.GREETING + D.GREETING,
    "help": B.HELP + D.HELP,
    "thanks": B.THANKS + D.THANKS,
    "vat_share": A.VAT_SHARE + D.VAT_SHARE,
    "vat_compare": A.VAT_COMPARE + D.VAT_COMPARE,
    "vat_spending": A.VAT_SPENDING + D.VAT_SPENDING,
    "project_list": A.PROJECT_LIST + D.PROJECT_LIST,
    "project_info": A.PROJECT_INFO + D.PROJECT_INFO,
    "tax_calculator": B.TAX_CALCULATOR + D.TAX_CALCULATOR,
    "report": B.REPORT + D.REPORT,
    "faq": B.FAQ + D.FAQ,
    "feedback": B.FEEDBACK + D.FEEDBACK,
    "feedback_status": B.FEEDBACK_STATUS + D.FEEDBACK_STATUS,
    "subscribe": B.SUBSCRIBE + D.SUBSCRIBE,
    "unsubscribe": B.UNSUBSCRIBE + D.UNSUBSCRIBE,
    "out_of_scope": O.OUT_OF_SCOPE + D.OUT_OF_SCOPE,
}

# Surface forms the entity extractor is likely to MISS (unknown names, colloquial periods,
# partial matches), so the classifier also learns the unmasked shape of each slot.
# "{category}" inside a project surface models a project name whose category word was masked
# but whose full name was not recognised.
SURFACE: dict[str, list[str]] = {
    "project": [
        "پل عابر پیاده چهارراه خیام",
        "بوستان ولایت",
        "مجتمع فرهنگی امام رضا",
        "تونل بلوار توس",
        "پارکینگ طبقاتی احمدآباد",
        "بازارچه محلی قاسم آباد",
        "استخر سرپوشیده شهید رجایی",
        "خیابان سازی بلوار سجاد",
        "{category} ولایت",
        "{category} شماره ۱۲",
        "{category} بلوار معلم",
        "{category} محله ما",
        "پروژه شماره ۴۱",
        "پروژه x-۲۰۴",
        "خط ۴ {category}",
        "زمین چمن محله ما",
        "سالن همایش شهرداری",
        "میدان ۱۵ خرداد",
        "پیاده راه بلوار سناباد",
        "{category} golestan",
        "{category} نسترن",
        "{category} razavi",
        "{category} بهاران",
    ],
    "city": ["گناباد", "چناران", "فریمان", "شهرمون", "شهر ما", "اینجا", "mashhad", "torbat"],
    "district": ["ناحیه ۲", "محله ما", "قاسم آباد", "وکیل آباد", "منطقه خودمون", "مناطق محروم"],
    "category": [
        "کتابخونه",
        "استخر",
        "پیاده رو",
        "جدول کشی",
        "روشنایی معابر",
        "سرویس بهداشتی",
        "پارکینگ",
        "فضای بازی بچه ها",
        "خط ویژه",
        "آسفالت کوچه ها",
    ],
    "period": [
        "این فصل",
        "ماه پیش",
        "چند ماه اخیر",
        "سالای قبل",
        "زمستون",
        "اول سال",
        "این چند وقت",
        "سال قبلش",
        "تابستون پارسال",
    ],
    "amount": ["یه میلیون", "صد تومن", "دویست تومن", "۳۰ تومن", "یک و نیم تومن", "۴۰ تا"],
    "code": ["۴۵۸۸۱", "ab-33", "کد ۹۹۱", "fb22"],
}

SLOT = re.compile(r"\{(project|city|district|category|amount|code|period)\}")
NO_PREFIX = {"greeting", "thanks", "help"}
TYPO_CANDIDATE = re.compile(r"[\u0600-\u06FF]{5,}")


def surface(template: str, rng: random.Random) -> str:
    """Replace some placeholders by surface words the extractor would miss."""

    def pick(m: re.Match[str]) -> str:
        if rng.random() < 0.4:
            return m.group(0)
        value = rng.choice(SURFACE[m.group(1)])
        return SLOT.sub(lambda _m: "{category}", value)

    return SLOT.sub(pick, template)


def noisy(text: str, intent: str, rng: random.Random) -> str:
    """Apply one realistic chat mutation: dropped punctuation/ZWNJ, a typo, a colloquial form."""
    choice = rng.randrange(6)
    if choice == 0:
        out = text.replace("\u200c", "").replace("؟", "").replace("?", "")
    elif choice == 1:
        words = [m for m in TYPO_CANDIDATE.finditer(text) if not SLOT.search(m.group(0))]
        if not words:
            return text
        m = rng.choice(words)
        i = rng.randrange(m.start() + 1, m.end() - 1)
        out = (
            text[:i] + text[i + 1 :]
            if rng.random() < 0.6
            else (text[:i] + text[i + 1] + text[i] + text[i + 2 :])
        )
    elif choice == 2:
        out = (
            text.replace("چقدر", "چقد")
            .replace("میخوام", "میخام")
            .replace("است", "ه")
            .replace("شده", "شده")
            .replace("را ", "رو ")
            .replace("هستند", "هستن")
        )
    elif choice == 3 and intent not in NO_PREFIX:
        out = rng.choice(["سلام ", "ببخشید ", "سلام وقت بخیر، ", "یه سوال داشتم، "]) + text
    elif choice == 4 and intent not in NO_PREFIX:
        out = text + rng.choice([" لطفا", " ممنون میشم", " مرسی", " بی زحمت", "؟؟"])
    else:
        out = text.replace("ی", "ي").replace("ک", "ك")  # Arabic keyboard
    return out


def generate() -> list[dict[str, str]]:
    """Build the training rows: each template once, plus seeded surface and noisy copies."""
    rows: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(text: str, intent: str, group: str) -> None:
        key = (text, intent)
        if key not in seen:
            seen.add(key)
            rows.append({"text": text, "intent": intent, "group": group})

    for intent, templates in TEMPLATES.items():
        for i, template in enumerate(templates):
            # Copies share the group so cross-validation never splits a template's variants.
            group = f"{intent}:{i}"
            # seeded by the template itself, so adding a template leaves the others' copies alone
            rng = random.Random(f"1405:{intent}:{template}")
            add(template, intent, group)
            if SLOT.search(template) and rng.random() < 0.45:
                add(surface(template, rng), intent, group)
            if rng.random() < 0.35:
                add(noisy(template, intent, rng), intent, group)
    # Citizens' own wordings, already colloquial and misspelled: added once each, one group each.
    mask = paraphrase_masker()
    nth: dict[str, int] = {}
    for i, row in enumerate(faq_paraphrases()):
        intent = row.get("intent", "faq")
        n = nth[row["slug"]] = nth.get(row["slug"], -1) + 1
        if intent == "out_of_scope":
            # Street problems ("چاله", "زباله") mask as categories: as out-of-scope examples they
            # would teach "a category means out of scope"; the city-service templates cover them.
            continue
        if intent == "faq" and n % 2 == 0:
            # Every other wording of each entry is enough to learn that it asks for an
            # explanation; all of them would weigh faq twice as much as before among the intents.
            # (Odd rather than even: with the even half one only-scored set lost a question.)
            continue
        add(mask(row["text"]), intent, f"faq-paraphrase:{row['slug']}:{i}")
    return rows


def paraphrase_masker() -> Callable[[str], str]:
    """Return a function that puts placeholders where nlp.understand would mask an entity."""
    gaz = Gazetteer.build(load_gazetteer_data(MASK_DATASET))
    today = jdatetime.date(*MASK_TODAY)
    slot_of = {token: "{" + slot + "}" for slot, token in PLACEHOLDERS.items()}
    tokens = re.compile(r"\b(" + "|".join(slot_of) + r")\b")

    def mask(text: str) -> str:
        normalized = normalize(to_persian(text))
        ex = extract(normalized, gaz, today)
        if not ex.masks:
            return text
        return tokens.sub(lambda m: slot_of[m.group(1)], ex.masked(normalized))

    return mask


def faq_paraphrases(path: Path = FAQ_PARAPHRASES) -> list[dict[str, str]]:
    """Read the FAQ paraphrases: {"slug", "text"}, plus "intent" when another intent serves it."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def shipped_paraphrases(rows: list[dict[str, str]]) -> str:
    """Return the ranker's copy: every paraphrase, whatever its intent, as {"slug", "text"}."""
    return "".join(
        json.dumps({"slug": r["slug"], "text": r["text"]}, ensure_ascii=False) + "\n" for r in rows
    )


def main() -> None:
    rows = generate()
    out = HERE / "train.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["intent"]] = counts.get(row["intent"], 0) + 1
    print(f"wrote {len(rows)} rows to {out}")
    SHIPPED_PARAPHRASES.write_text(shipped_paraphrases(faq_paraphrases()), encoding="utf-8")
    print(f"wrote {SHIPPED_PARAPHRASES}")
    for intent, n in counts.items():
        print(f"  {intent:16s} {n}")


if __name__ == "__main__":
    main()
