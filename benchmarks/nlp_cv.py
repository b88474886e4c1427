"""Compare intent classifiers by grouped stratified k-fold CV on data/nlu and print tables.

Run: .venv/bin/python benchmarks/nlp_cv.py [--quick]

Folds keep each template's variants together (StratifiedGroupKFold), so a paraphrase of a training
line never leaks into its own test fold. Calibration: ECE (15 bins) of the top-1 probability, raw
and after temperature scaling fitted on the out-of-fold logits. Also: the shipped model on the dev
file and on the held-out Finglish file through the real pipeline, latency and start-up time.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.naive_bayes import ComplementNB
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp import intents as I  # noqa: E402
from tools.train_intents import (  # noqa: E402
    Dataset,
    Featurizer,
    ece,
    fit_temperature,
    folds,
    load_dataset,
    nll,
    softmax,
)

DATA_INTENTS = {
    "vat_share",
    "vat_compare",
    "vat_spending",
    "project_list",
    "project_info",
    "tax_calculator",
    "report",
    "feedback",
    "feedback_status",
    "subscribe",
    "unsubscribe",
}
CLASSES = sorted(I.INTENTS)
Model = Callable[[Any, np.ndarray[Any, Any]], Callable[[Any], np.ndarray[Any, Any]]]


def lr(c: float) -> Model:
    def fit(x: Any, y: np.ndarray[Any, Any]) -> Callable[[Any], np.ndarray[Any, Any]]:
        return LogisticRegression(C=c, max_iter=3000).fit(x, y).decision_function

    return fit


def svm(c: float) -> Model:
    def fit(x: Any, y: np.ndarray[Any, Any]) -> Callable[[Any], np.ndarray[Any, Any]]:
        return LinearSVC(C=c).fit(x, y).decision_function

    return fit


def cnb(alpha: float) -> Model:
    def fit(x: Any, y: np.ndarray[Any, Any]) -> Callable[[Any], np.ndarray[Any, Any]]:
        m = ComplementNB(alpha=alpha).fit(x, y)
        return lambda z: m.predict_log_proba(z)

    return fit


METHODS: list[tuple[str, dict[str, Any], Model]] = [
    ("LR char+word C=20 (shipped)", {}, lr(20)),
    ("LR char+word C=5", {}, lr(5)),
    ("LR char+word C=60", {}, lr(60)),
    ("LR char+word, word x0.6", {"word_weight": 0.6}, lr(20)),
    ("LR char only C=20", {"use_word": False}, lr(20)),
    ("LR word only C=20", {"use_char": False}, lr(20)),
    ("LinearSVC char+word C=1 (+T)", {}, svm(1.0)),
    ("ComplementNB char+word a=0.1", {}, cnb(0.1)),
]


def cross_validate(ds: Dataset, feat_kw: dict[str, Any], model: Model) -> dict[str, float]:
    """Return CV metrics for one featurizer setting and model."""
    y = np.array([CLASSES.index(lab) for lab in ds.labels])
    logits = np.zeros((len(y), len(CLASSES)))
    texts = np.array(ds.texts, dtype=object)
    t0 = time.perf_counter()
    for tr, te in folds(ds):
        feat = Featurizer(**feat_kw)
        predict = model(feat.fit_transform(list(texts[tr])), y[tr])
        logits[te] = predict(feat.transform(list(texts[te])))
    elapsed = time.perf_counter() - t0
    t = fit_temperature(logits, y)
    p1, pt = softmax(logits), softmax(logits, t)
    pred = logits.argmax(1)
    oos = CLASSES.index("out_of_scope")
    data_idx = [CLASSES.index(c) for c in DATA_INTENTS]
    is_oos = y == oos
    oos_leak = float(
        ((np.isin(pred, data_idx)) & (pt.max(1) > 0.5) & is_oos).sum() / max(1, is_oos.sum())
    )
    return {
        "acc": float((pred == y).mean()),
        "f1": float(f1_score(y, pred, average="macro")),
        "ece": ece(p1, y),
        "nll": nll(logits, y, 1.0),
        "T": t,
        "ece_T": ece(pt, y),
        "nll_T": nll(logits, y, t),
        "oos_leak": oos_leak,
        "sec": elapsed,
    }


def per_intent(ds: Dataset) -> list[tuple[str, int, float, float]]:
    """Return (intent, n, recall, precision) of the shipped setting's out-of-fold predictions."""
    y = np.array([CLASSES.index(lab) for lab in ds.labels])
    logits = np.zeros((len(y), len(CLASSES)))
    texts = np.array(ds.texts, dtype=object)
    for tr, te in folds(ds):
        feat = Featurizer()
        logits[te] = lr(20)(feat.fit_transform(list(texts[tr])), y[tr])(
            feat.transform(list(texts[te]))
        )
    pred = logits.argmax(1)
    rows = []
    for i, c in enumerate(CLASSES):
        n = int((y == i).sum())
        rec = float((pred[y == i] == i).mean()) if n else 0.0
        prec = float((y[pred == i] == i).mean()) if (pred == i).any() else 0.0
        rows.append((c, n, rec, prec))
    return rows


def pipeline_eval() -> None:
    """Score the shipped classifier on dev.jsonl and heldout_finglish.jsonl via the pipeline."""
    try:
        import jdatetime

        from nlp.entities import extract
        from nlp.finglish import to_persian
        from nlp.gazetteer import Gazetteer
        from nlp.normalize import normalize
        from nlp.pipeline import understand
        from tools.nlu_dev_eval import DEFAULT_DATASET, DEFAULT_JSONL, load_gazetteer_data
    except ImportError as exc:  # the other helpers' modules may be missing in a partial tree
        print(f"(pipeline evaluation skipped: {exc})")
        return
    if not DEFAULT_DATASET.is_dir():
        print("(pipeline evaluation skipped: no shared eval dataset)")
        return
    gaz = Gazetteer.build(load_gazetteer_data(DEFAULT_DATASET))
    today = jdatetime.date(1405, 9, 8)
    clf = I.load_classifier()
    files = [
        ("dev.jsonl (shared)", DEFAULT_JSONL),
        ("heldout_finglish.jsonl", I.TRAIN_DIR / "heldout_finglish.jsonl"),
    ]
    print("\nShipped model through the pipeline (to_persian → normalize → mask → classify)")
    print(f"{'file':26s} {'n':>4s} {'classifier':>10s} {'no finglish':>11s} {'understand()':>12s}")
    for name, path in files:
        if not path.exists():
            continue
        gold = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        hits = raw_hits = full_hits = 0
        wrong: list[str] = []
        for g in gold:
            norm = normalize(to_persian(g["text"]))
            masked = extract(norm, gaz, today).masked(norm)
            top = clf.scores(masked)[0][0]
            hits += top == g["intent"]
            raw_norm = normalize(g["text"])
            raw_hits += (
                clf.scores(extract(raw_norm, gaz, today).masked(raw_norm))[0][0] == g["intent"]
            )
            full = understand(g["text"], gaz, today).intent
            full_hits += full == g["intent"]
            if top != g["intent"]:
                wrong.append(f"    {g['intent']:>15s} → {top:15s} {masked}")
        n = len(gold)
        print(f"{name:26s} {n:4d} {hits / n:10.3f} {raw_hits / n:11.3f} {full_hits / n:12.3f}")
        for line in wrong[:40]:
            print(line)


def latency() -> None:
    """Print scores() latency and cold start-up time of the classifier."""
    ds = load_dataset()
    clf = I.load_classifier()
    texts = ds.texts[:800]
    for t in texts[:50]:
        clf.scores(t)
    times = []
    for t in texts:
        t0 = time.perf_counter()
        clf.scores(t)
        times.append((time.perf_counter() - t0) * 1e3)
    times.sort()
    code = (
        "import time; t0 = time.perf_counter(); from nlp.intents import load_classifier; "
        "load_classifier(); print(time.perf_counter() - t0)"
    )
    starts = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    ]
    size = I.MODEL_PATH.stat().st_size / 1024
    print(
        f"\nscores(): p50 {statistics.median(times):.3f} ms, "
        f"p95 {times[int(len(times) * 0.95)]:.3f}"
        f" ms over {len(times)} texts; import+load {min(starts) * 1e3:.0f} ms (best of 3); "
        f"model file {size:.0f} KiB"
    )


def main() -> None:
    ds = load_dataset()
    counts = {c: ds.labels.count(c) for c in I.INTENTS}
    print(f"data/nlu: {len(ds.texts)} examples, {len(set(ds.groups))} template groups")
    print("  " + ", ".join(f"{c} {n}" for c, n in counts.items()))
    quick = "--quick" in sys.argv
    print(f"\nGrouped stratified 5-fold CV{' (quick)' if quick else ''}")
    head = (
        f"{'method':32s} {'acc':>6s} {'macroF1':>7s} {'ECE':>6s} {'NLL':>6s} {'T':>5s} "
        f"{'ECE@T':>6s} {'NLL@T':>6s} {'OOS→data>.5':>11s} {'sec':>5s}"
    )
    print(head)
    print("-" * len(head))
    for name, kw, model in METHODS[:2] if quick else METHODS:
        r = cross_validate(ds, kw, model)
        print(
            f"{name:32s} {r['acc']:6.3f} {r['f1']:7.3f} {r['ece']:6.3f} {r['nll']:6.3f} "
            f"{r['T']:5.2f} {r['ece_T']:6.3f} {r['nll_T']:6.3f} {r['oos_leak']:11.3f} "
            f"{r['sec']:5.1f}"
        )
    print("\nPer intent (shipped setting, out-of-fold)")
    for c, n, rec, prec in per_intent(ds):
        print(f"  {c:16s} n={n:4d} recall {rec:.2f} precision {prec:.2f}")
    pipeline_eval()
    latency()


if __name__ == "__main__":
    main()
