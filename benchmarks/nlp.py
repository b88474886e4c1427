"""NLU latency per question (p50/p99 after warm-up) and start-up time, vs hazm on the same inputs.

Usage: .venv/bin/python benchmarks/nlp.py [QUESTIONS.jsonl] [DATASET_DIR]
Defaults: ../shared/eval/dev.jsonl over ../shared/eval/dataset (the sample data and the
held-out set when the shared folder is absent).
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import jdatetime

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"
ROUNDS = 20

STARTUP = """
import time
t = time.perf_counter()
import jdatetime
from nlp.pipeline import understand
from nlp.gazetteer import Gazetteer
from nlp.intents import load_classifier
from nlp.types import GazetteerData
load_classifier()
understand("سلام", Gazetteer.build(GazetteerData()), jdatetime.date(1405, 9, 8))
print(time.perf_counter() - t)
"""

HAZM_STARTUP = """
import time
t = time.perf_counter()
import hazm
hazm.Normalizer().normalize("سلام")
print(time.perf_counter() - t)
"""


def _startup(code: str, runs: int = 3) -> float:
    """Return the best-of-N wall time of a fresh interpreter running `code`."""
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return min(times)


def _percentiles(samples_ms: list[float]) -> tuple[float, float]:
    ordered = sorted(samples_ms)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def main(argv: list[str]) -> int:
    questions_path = Path(argv[0]) if argv else SHARED / "dev.jsonl"
    dataset = Path(argv[1]) if len(argv) > 1 else SHARED / "dataset"
    if not questions_path.exists():
        questions_path, dataset = REPO / "tests/heldout/heldout_sample.jsonl", REPO / "data/sample"
    sys.path.insert(0, str(REPO))
    import hazm

    from nlp.gazetteer import Gazetteer
    from nlp.pipeline import understand
    from tools.nlu_dev_eval import load_gazetteer_data

    frames = [json.loads(line) for line in questions_path.read_text("utf-8").splitlines() if line]
    gazetteer = Gazetteer.build(load_gazetteer_data(dataset))
    inputs = [
        (f["text"], jdatetime.date(*map(int, f.get("today", "1405-09-08").split("-"))))
        for f in frames
    ]
    normalizer, tokenize = hazm.Normalizer(), hazm.word_tokenize

    for text, today in inputs:  # warm-up: caches, first-call costs
        understand(text, gazetteer, today)
        tokenize(normalizer.normalize(text))

    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(ROUNDS):
        for text, today in inputs:
            started = time.perf_counter()
            understand(text, gazetteer, today)
            ours.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            tokenize(normalizer.normalize(text))
            theirs.append((time.perf_counter() - started) * 1000)

    our_p50, our_p99 = _percentiles(ours)
    hazm_p50, hazm_p99 = _percentiles(theirs)
    our_start, hazm_start = _startup(STARTUP), _startup(HAZM_STARTUP)
    print(
        f"NLU benchmark — {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; "
        f"{len(inputs)} questions from {questions_path.name} × {ROUNDS} rounds after warm-up\n"
    )
    rows = [
        (
            "p50 per question",
            f"{our_p50:.3f} ms",
            f"{hazm_p50:.3f} ms",
            our_p50 / hazm_p50,
            "≤ 1 ms",
        ),
        (
            "p99 per question",
            f"{our_p99:.3f} ms",
            f"{hazm_p99:.3f} ms",
            our_p99 / hazm_p99,
            "≤ 5 ms",
        ),
        (
            "start-up (import + model)",
            f"{our_start:.2f} s",
            f"{hazm_start:.2f} s",
            our_start / hazm_start,
            "≤ 3 s",
        ),
    ]
    print("| measure | nlp.understand | hazm normalize+word_tokenize | ratio | target |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, ours_text, hazm_text, ratio, target in rows:
        print(f"| {name} | {ours_text} | {hazm_text} | {ratio:.2f}× | {target} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
