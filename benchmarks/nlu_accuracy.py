"""Print `nlp.understand`'s scores on every labelled set, with how each set has been used.

Run: .venv/bin/python benchmarks/nlu_accuracy.py

A set that was studied to fix errors says little about unseen questions; the "use" column says
which sets were only ever scored. Each set is read against its own dataset's CSVs (no database).
Targets (issue 3): intent ≥ 0.95, entity F1 ≥ 0.93, frame exact ≥ 0.85.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.evaluate import score  # noqa: E402
from tools.nlu_dev_eval import run  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"
SAMPLE = ROOT / "data" / "sample"
TESTS = ROOT / "tests"
# (name, questions, dataset, how the set has been used)
SETS = [
    ("dev (shared)", SHARED / "dev.jsonl", SHARED / "dataset", "studied"),
    ("heldout", TESTS / "heldout" / "heldout_sample.jsonl", SAMPLE, "studied"),
    ("blind", TESTS / "blind" / "blind_sample.jsonl", SAMPLE, "studied"),
    ("fresh/set_b", TESTS / "fresh" / "set_b.jsonl", SAMPLE, "studied"),
    (
        "otherdata",
        TESTS / "otherdata" / "questions.jsonl",
        TESTS / "otherdata" / "dataset",
        "studied",
    ),
    (
        "otherdata3",
        TESTS / "otherdata3" / "questions.jsonl",
        TESTS / "otherdata3" / "dataset",
        "studied",
    ),
    ("fresh/set_a", TESTS / "fresh" / "set_a.jsonl", SAMPLE, "only scored"),
    (
        "otherdata2",
        TESTS / "otherdata2" / "questions.jsonl",
        TESTS / "otherdata2" / "dataset",
        "only scored",
    ),
    (
        "otherdata4 (dev-style)",
        TESTS / "otherdata4" / "questions.jsonl",
        TESTS / "otherdata4" / "dataset",
        "only scored",
    ),
]
_PERSIAN = re.compile(r"[\u0600-\u06FF]")


def main() -> int:
    print("| set | use | questions | intent | entity F1 | frame exact | Latin-script lines |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for name, questions, dataset, use in SETS:
        if not questions.exists() or not dataset.is_dir():
            print(f"| {name} | {use} | missing | | | | |")
            continue
        gold, predicted, _ = run(dataset, questions)
        report = score(gold, predicted)
        latin = [i for i, g in enumerate(gold) if not _PERSIAN.search(g["text"])]
        right = sum(gold[i]["intent"] == predicted[i]["intent"] for i in latin)
        print(
            f"| {name} | {use} | {len(gold)} | {report.intent_accuracy:.3f} | "
            f"{report.entity_f1:.3f} | {report.frame_exact:.3f} | {right}/{len(latin)} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
