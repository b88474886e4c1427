"""Score `nlp.understand` on a labelled JSONL file against a folder of contract CSVs.

Usage: .venv/bin/python tools/nlu_dev_eval.py [DATASET_DIR] [FILE.jsonl] [--json] [--timing]
Defaults: ../shared/eval/dataset and ../shared/eval/dev.jsonl (relative to the repo).
"""

from __future__ import annotations

import csv
import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import jdatetime  # noqa: E402

from nlp.evaluate import score  # noqa: E402
from nlp.gazetteer import Gazetteer  # noqa: E402
from nlp.normalize import normalize  # noqa: E402
from nlp.pipeline import understand  # noqa: E402
from nlp.types import (  # noqa: E402
    GazetteerCategory,
    GazetteerData,
    GazetteerDistrict,
    GazetteerMunicipality,
    GazetteerProject,
)

DEFAULT_DATASET = ROOT.parent / "shared" / "eval" / "dataset"
DEFAULT_JSONL = ROOT.parent / "shared" / "eval" / "dev.jsonl"
_SYNONYM_SPLIT = re.compile(r"[؛;]")


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k.strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def load_gazetteer_data(folder: Path) -> GazetteerData:
    """Build GazetteerData from contract CSVs (the backend builds the same from its tables)."""
    return GazetteerData(
        municipalities=tuple(
            GazetteerMunicipality(r["slug"], r["name_fa"])
            for r in _rows(folder / "municipalities.csv")
        ),
        districts=tuple(
            GazetteerDistrict(r["municipality"], normalize(r["code"]), r["name_fa"])
            for r in _rows(folder / "districts.csv")
        ),
        categories=tuple(
            GazetteerCategory(
                r["slug"],
                r["name_fa"],
                tuple(
                    s.strip() for s in _SYNONYM_SPLIT.split(r.get("synonyms_fa", "")) if s.strip()
                ),
            )
            for r in _rows(folder / "categories.csv")
        ),
        projects=tuple(
            GazetteerProject(
                r["code"],
                r["name_fa"],
                r["municipality"],
                normalize(r["district"]) or None,
                r.get("category") or None,
            )
            for r in _rows(folder / "projects.csv")
        ),
    )


def run(
    dataset: Path, jsonl: Path
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[float]]:
    """Return gold frames, predicted frames and per-question latencies (ms) for one file."""
    gaz = Gazetteer.build(load_gazetteer_data(dataset))
    gold = [
        json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    predicted: list[dict[str, Any]] = []
    for g in gold[:20]:  # warm-up: model load, caches
        understand(g["text"], gaz, _today(g))
    times: list[float] = []
    for g in gold:
        t0 = time.perf_counter()
        u = understand(g["text"], gaz, _today(g))
        times.append((time.perf_counter() - t0) * 1000)
        predicted.append(
            {
                "text": g["text"],
                "intent": u.intent,
                "confidence": u.confidence,
                "entities": u.entities,
                "candidates": u.candidates,
            }
        )
    return gold, predicted, times


def _today(frame: dict[str, Any]) -> jdatetime.date:
    y, m, d = (int(x) for x in str(frame.get("today", "1405-01-01")).split("-"))
    return jdatetime.date(y, m, d)


def main(argv: list[str]) -> int:
    """Print the report and the wrong frames."""
    args = [a for a in argv if not a.startswith("--")]
    dataset = Path(args[0]) if args else DEFAULT_DATASET
    jsonl = Path(args[1]) if len(args) > 1 else DEFAULT_JSONL
    gold, predicted, times = run(dataset, jsonl)
    report = score(gold, predicted)
    if "--json" in argv:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return 0
    print(report.format_table())
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"\nlatency ms: p50 {statistics.median(times):.3f}  p99 {p99:.3f}  max {times[-1]:.3f}")
    print(f"\nwrong frames ({len(report.wrong)}):")
    for i in report.wrong:
        g, p = gold[i], predicted[i]
        print(f"- {g['text']}")
        print(f"    gold {g['intent']} {json.dumps(g.get('entities', {}), ensure_ascii=False)}")
        extra = f" cand={p['candidates']}" if p["candidates"] else ""
        print(
            f"    pred {p['intent']} ({p['confidence']:.2f}) "
            f"{json.dumps(p['entities'], ensure_ascii=False)}{extra}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
