"""Checks tests/dialogues/dialogues.json is well-formed (reads only the JSON and the sample CSVs).

python3 tests/dialogues/validate_dialogues.py
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/, for the eval kit's copy of the contract's intents

from evalkit import INTENTS  # noqa: E402

SAMPLE = HERE.parent.parent / "data" / "sample"

TAGS = {"context", "ranking", "details", "limits", "faq", "keep-text", "short"}
MINIMUM = {
    "context": 12,
    "ranking": 8,
    "details": 8,
    "limits": 5,
    "faq": 4,
    "keep-text": 4,
    "short": 4,
}
KINDS = {
    "ask",
    "intent",
    "project",
    "projects_page",
    "faq",
    "menu",
    "url",
    "feedback",
    "feedback_status",
    "subscribe",
    "unsubscribe",
    "flow",
    "rate",
    "more",
}
COMMANDS = {
    "/start",
    "/help",
    "/subscribe",
    "/unsubscribe",
    "/mysubscription",
    "/feedback",
    "/status",
    "/cancel",
}
EXPECT_KEYS = {
    "intent": str,
    "figures_rial": list,
    "headline_rial": int,
    "contains": list,
    "contains_any": list,
    "not_contains": list,
    "in_order": list,
    "max_lines": int,
    "buttons_any": list,
    "button_kinds": list,
    "answered": bool,
    "offers_alternative": bool,
    "tracking_code": bool,
    "no_sample_note": bool,
    "sample_note": bool,
    "asks_for_text": bool,
}
DIALOGUE_KEYS = {"id", "covers", "today", "note", "turns"}
PLACEHOLDERS = {
    "{code}",
    "{code_nodash}",
    "{code_lower}",
    "{code_fa}",
    "{code_number}",
    "{code_number_fa}",
}
JALALI = re.compile(r"^1[34]\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def main() -> int:
    errors: list[str] = []
    warnings: list[str] = []
    path = HERE / "dialogues.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    faq_text = " ".join(
        r["answer_fa"] + " " + r["question_fa"]
        for r in csv.DictReader(open(SAMPLE / "faq.csv", encoding="utf-8-sig"))
    )
    project_names = {
        r["name_fa"] for r in csv.DictReader(open(SAMPLE / "projects.csv", encoding="utf-8-sig"))
    }
    project_names |= {
        r["name_fa"] for r in csv.DictReader(open(SAMPLE / "categories.csv", encoding="utf-8-sig"))
    }
    project_names |= {
        r["name_fa"]
        for r in csv.DictReader(open(SAMPLE / "municipalities.csv", encoding="utf-8-sig"))
    }

    def err(d, msg):
        errors.append(f"{d.get('id', '?')}: {msg}")

    if not isinstance(data, list):
        print("top level must be a list")
        return 1
    ids = Counter(d.get("id") for d in data)
    for i, n in ids.items():
        if n > 1:
            errors.append(f"duplicate id {i}")
    tags: Counter[str] = Counter()
    turns_total = 0
    for d in data:
        for k in d:
            if k not in DIALOGUE_KEYS:
                err(d, f"unknown key {k}")
        if not isinstance(d.get("id"), str) or not KEBAB.match(d["id"]):
            err(d, "id must be kebab-case")
        covers = d.get("covers")
        if not covers or not isinstance(covers, list) or not set(covers) <= TAGS:
            err(d, f"bad covers {covers}")
        else:
            tags.update(set(covers))
        if "today" in d and not JALALI.match(d["today"]):
            err(d, "bad today")
        if not isinstance(d.get("note"), str) or not d["note"].strip():
            err(d, "note missing")
        turns = d.get("turns")
        if not isinstance(turns, list) or not 2 <= len(turns) <= 6:
            err(d, "2..6 turns expected")
            continue
        turns_total += len(turns)
        seen_code = False
        for j, t in enumerate(turns):
            where = f"turn {j}"
            actions = [k for k in ("say", "press", "command") if k in t]
            if len(actions) != 1:
                err(d, f"{where}: exactly one of say/press/command")
                continue
            for k in t:
                if k not in ("say", "press", "command", "expect"):
                    err(d, f"{where}: unknown turn key {k}")
            text = ""
            if "say" in t:
                text = t["say"]
                if not isinstance(text, str) or not text.strip():
                    err(d, f"{where}: empty say")
            elif "command" in t:
                text = t["command"]
                if text.split()[0] not in COMMANDS:
                    err(d, f"{where}: unknown command {text}")
            else:
                p = t["press"]
                if (
                    not isinstance(p, dict)
                    or len(p) != 1
                    or not (set(p) <= {"label_contains", "kind"})
                ):
                    err(d, f"{where}: press needs exactly one of label_contains/kind")
                elif "kind" in p and p["kind"] not in KINDS:
                    err(d, f"{where}: unknown kind {p['kind']}")
                if j == 0:
                    err(d, f"{where}: a press needs a previous reply")
            for ph in re.findall(r"\{[a-z_]+\}", text):
                if ph not in PLACEHOLDERS:
                    err(d, f"{where}: unknown placeholder {ph}")
                if not seen_code:
                    err(d, f"{where}: {ph} used before any tracking code was given")
            e = t.get("expect", {})
            if not isinstance(e, dict):
                err(d, f"{where}: expect must be an object")
                continue
            for k, v in e.items():
                if k not in EXPECT_KEYS:
                    err(d, f"{where}: unknown expect key {k}")
                    continue
                typ = EXPECT_KEYS[k]
                if typ is int and (not isinstance(v, int) or isinstance(v, bool)):
                    err(d, f"{where}: {k} must be an integer")
                elif not isinstance(v, typ):
                    err(d, f"{where}: {k} must be {typ.__name__}")
                if k == "figures_rial" and not all(
                    isinstance(x, int) and not isinstance(x, bool) and x > 0 for x in v
                ):
                    err(d, f"{where}: figures_rial must be positive integers")
                if k in (
                    "contains",
                    "contains_any",
                    "not_contains",
                    "in_order",
                    "buttons_any",
                ) and not all(isinstance(x, str) and x for x in v):
                    err(d, f"{where}: {k} must be non-empty strings")
                if k == "in_order" and len(v) < 2:
                    err(d, f"{where}: in_order needs at least 2 items")
                if k == "button_kinds" and not set(v) <= KINDS:
                    err(d, f"{where}: unknown button kind in {v}")
                if k == "intent" and v not in INTENTS:
                    err(d, f"{where}: unknown intent {v}")
                if k == "max_lines" and v < 1:
                    err(d, f"{where}: max_lines must be positive")
                if k in ("contains", "not_contains", "contains_any", "in_order"):
                    for s in v:
                        if (
                            re.search(r"\d", s)
                            and re.search(r"[0-9]", s)
                            and not re.search(r"[A-Za-z]", s)
                        ):
                            if not s.isascii():
                                err(d, f"{where}: mixes ASCII digits into Persian text: {s}")
            if e.get("sample_note") and e.get("no_sample_note"):
                err(d, f"{where}: sample_note and no_sample_note both set")
            if (
                "contains" in e
                and "not_contains" in e
                and set(e["contains"]) & set(e["not_contains"])
            ):
                err(d, f"{where}: same string in contains and not_contains")
            if e.get("intent") == "faq":
                for s in e.get("contains", []):
                    if s not in faq_text:
                        err(d, f"{where}: faq phrase not in faq.csv: {s}")
            if e.get("tracking_code"):
                seen_code = True
        # Project names used in contains/not_contains/in_order that look like project names must exist.
        for t in turns:
            for k in ("contains", "not_contains", "in_order"):
                for s in t.get("expect", {}).get(k, []):
                    if (
                        len(s) > 12
                        and " " in s
                        and s not in project_names
                        and s not in faq_text
                        and not s.startswith("{")
                    ):
                        # long multi-word strings are project names or FAQ phrases in this file
                        if not any(s in n for n in project_names):
                            warnings.append(
                                f"{d['id']}: '{s}' is not a project name or FAQ phrase (free text: check spelling)"
                            )
    print(f"{len(data)} dialogues, {turns_total} turns")
    for tag in sorted(TAGS):
        flag = "" if tags[tag] >= MINIMUM[tag] else f"  < {MINIMUM[tag]} required"
        print(f"  {tag:10s} {tags[tag]}{flag}")
        if tags[tag] < MINIMUM[tag]:
            errors.append(f"tag {tag}: {tags[tag]} < {MINIMUM[tag]}")
    if len(data) < 45:
        errors.append(f"only {len(data)} dialogues (need 45)")
    for w in sorted(set(warnings)):
        print("note", w)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
