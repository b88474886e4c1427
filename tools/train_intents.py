"""Train the intent classifier on data/nlu and export nlp/resources/intent_model.npz.

Run: .venv/bin/python tools/train_intents.py            (train and write the model)
     .venv/bin/python tools/train_intents.py --check    (exit 1 if the model is stale)

Only this script (and benchmarks/nlp_cv.py) import scikit-learn; run time needs numpy alone.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.optimize import minimize_scalar
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp import intents as I  # noqa: E402
from nlp.gazetteer import QUESTION_WORDS_PATH, tokenize  # noqa: E402

# Chosen by benchmarks/nlp_cv.py (grouped stratified 5-fold CV); see its table.
C = 20.0
WORD_WEIGHT = 1.0
CHAR_MIN_DF = 2
WORD_MIN_DF = 1
FOLDS = 5
SEED = 7
# A word in at least this many hand-written templates is an everyday question word (see
# nlp.gazetteer.question_words): it never identifies a project by itself.
QUESTION_WORD_MIN_TEMPLATES = 6
# data/nlu/generate.py gives each FAQ paraphrase a group of its own under this prefix.
FAQ_PARAPHRASE_GROUP = "faq-paraphrase:"


@dataclass
class Dataset:
    texts: list[str]
    labels: list[str]
    groups: list[str]


def load_dataset(train_dir: Path = I.TRAIN_DIR) -> Dataset:
    """Read every training jsonl (not heldout*) and render templates to masked text."""
    texts: list[str] = []
    labels: list[str] = []
    groups: list[str] = []
    for path in sorted(train_dir.glob("*.jsonl")):
        if path.name.startswith("heldout"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if row["intent"] not in I.INTENTS:
                raise ValueError(f"{path}:{n}: unknown intent {row['intent']!r}")
            texts.append(I.render_template(row["text"]))
            labels.append(row["intent"])
            groups.append(row.get("group", f"{path.name}:{n}"))
    return Dataset(texts, labels, groups)


class Featurizer:
    """Fit the two TF-IDF blocks (char n-grams, word n-grams) exactly as nlp.intents reads them."""

    def __init__(
        self,
        word_weight: float = WORD_WEIGHT,
        char_min_df: int = CHAR_MIN_DF,
        word_min_df: int = WORD_MIN_DF,
        use_char: bool = True,
        use_word: bool = True,
    ) -> None:
        self.word_weight = word_weight
        self.use_char = use_char
        self.use_word = use_word
        self.char = TfidfVectorizer(
            analyzer=I.char_features, sublinear_tf=True, min_df=char_min_df, dtype=np.float32
        )
        self.word = TfidfVectorizer(
            analyzer=I.word_features, sublinear_tf=True, min_df=word_min_df, dtype=np.float32
        )

    def fit_transform(self, texts: list[str]) -> sp.csr_matrix:
        """Fit both blocks and return the stacked matrix."""
        blocks = []
        if self.use_char:
            blocks.append(self.char.fit_transform(texts))
        if self.use_word:
            blocks.append(self.word.fit_transform(texts) * self.word_weight)
        return sp.hstack(blocks).tocsr()

    def transform(self, texts: list[str]) -> sp.csr_matrix:
        """Return the stacked matrix for new texts."""
        blocks = []
        if self.use_char:
            blocks.append(self.char.transform(texts))
        if self.use_word:
            blocks.append(self.word.transform(texts) * self.word_weight)
        return sp.hstack(blocks).tocsr()


def softmax(z: np.ndarray[Any, Any], t: float = 1.0) -> np.ndarray[Any, Any]:
    """Row-wise softmax of logits divided by temperature t."""
    z = z / t
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)  # type: ignore[no-any-return]


def nll(logits: np.ndarray[Any, Any], y: np.ndarray[Any, Any], t: float) -> float:
    """Mean negative log-likelihood of the true classes at temperature t."""
    p = softmax(logits, t)
    return float(-np.log(np.clip(p[np.arange(len(y)), y], 1e-12, None)).mean())


def fit_temperature(logits: np.ndarray[Any, Any], y: np.ndarray[Any, Any]) -> float:
    """Find the temperature minimising NLL of out-of-fold logits."""
    res = minimize_scalar(lambda t: nll(logits, y, t), bounds=(0.05, 10.0), method="bounded")
    return float(res.x)


def ece(probs: np.ndarray[Any, Any], y: np.ndarray[Any, Any], bins: int = 15) -> float:
    """Expected calibration error of the top-1 probability."""
    conf = probs.max(axis=1)
    correct = probs.argmax(axis=1) == y
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in itertools.pairwise(edges):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            total += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return float(total)


def folds(ds: Dataset, k: int = FOLDS, seed: int = SEED) -> list[tuple[Any, Any]]:
    """Stratified k-fold that keeps every template's variants in one fold."""
    skf = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    return list(skf.split(ds.texts, ds.labels, ds.groups))


def oof_logits(ds: Dataset, c: float = C) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Return out-of-fold logits (class order = sorted intents) and integer labels."""
    classes = sorted(I.INTENTS)
    y = np.array([classes.index(lab) for lab in ds.labels])
    out = np.zeros((len(y), len(classes)))
    texts = np.array(ds.texts, dtype=object)
    for tr, te in folds(ds):
        feat = Featurizer()
        xtr = feat.fit_transform(list(texts[tr]))
        clf = LogisticRegression(C=c, max_iter=3000).fit(xtr, y[tr])
        out[te] = clf.decision_function(feat.transform(list(texts[te])))
    return out, y


def train(ds: Dataset, c: float = C) -> tuple[Featurizer, LogisticRegression]:
    """Fit the featurizer and the classifier on all the data."""
    classes = sorted(I.INTENTS)
    y = np.array([classes.index(lab) for lab in ds.labels])
    feat = Featurizer()
    x = feat.fit_transform(ds.texts)
    clf = LogisticRegression(C=c, max_iter=3000).fit(x, y)
    return feat, clf


def question_words(ds: Dataset, min_templates: int = QUESTION_WORD_MIN_TEMPLATES) -> list[str]:
    """Return the words found in at least `min_templates` templates (first row of each group).

    Only the hand-written template counts, not its generated copies: those carry made-up names
    ("بوستان ولایت") that must stay distinctive. Nor do the FAQ paraphrases: twenty wordings of
    one question repeat its topic words ("چاله", "کوچه"), which are not everyday words for that.
    """
    seen: set[str] = set()
    df: dict[str, int] = {}
    for text, group in zip(ds.texts, ds.groups, strict=True):
        if group in seen or group.startswith(FAQ_PARAPHRASE_GROUP):
            continue
        seen.add(group)
        for w in {t.text for t in tokenize(text)}:
            if w.isdigit() or w in I.MASK_TOKENS or len(w) < 2:
                continue
            df[w] = df.get(w, 0) + 1
    return sorted(w for w, n in df.items() if n >= min_templates)


def write_question_words(words: list[str], path: Path = QUESTION_WORDS_PATH) -> None:
    """Write the question-word list read by nlp.gazetteer."""
    header = "# generated by tools/train_intents.py from data/nlu: everyday question words\n"
    path.write_text(header + "\n".join(words) + "\n", encoding="utf-8")


def export(feat: Featurizer, clf: LogisticRegression, temperature: float, path: Path) -> None:
    """Write the model as plain arrays (np.load with allow_pickle=False reads it)."""
    classes = np.array(sorted(I.INTENTS))
    n_char = len(feat.char.vocabulary_)
    coef = clf.coef_.T.astype(np.float32)  # (features, classes)

    def terms(vec: TfidfVectorizer) -> np.ndarray[Any, Any]:
        arr = np.empty(len(vec.vocabulary_), dtype=object)
        for term, j in vec.vocabulary_.items():
            arr[j] = term
        return arr.astype(str)

    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        format=np.int64(I.MODEL_FORMAT),
        classes=classes,
        char_terms=terms(feat.char),
        word_terms=terms(feat.word),
        char_idf=feat.char.idf_.astype(np.float32),
        word_idf=feat.word.idf_.astype(np.float32),
        char_weights=coef[:n_char],
        word_weights=coef[n_char:] * np.float32(feat.word_weight),
        bias=clf.intercept_.astype(np.float32),
        temperature=np.float64(temperature),
        fingerprint=np.str_(I.training_fingerprint()),
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the shipped model is stale")
    ap.add_argument("--out", type=Path, default=I.MODEL_PATH)
    args = ap.parse_args()
    if args.check:
        model = I.IntentModel.load(args.out)
        current = I.training_fingerprint()
        ok = model.fingerprint == current
        print(f"model {model.fingerprint}, data {current}: {'fresh' if ok else 'STALE'}")
        return 0 if ok else 1
    t0 = time.perf_counter()
    ds = load_dataset()
    logits, y = oof_logits(ds)
    temperature = fit_temperature(logits, y)
    acc = float((logits.argmax(1) == y).mean())
    feat, clf = train(ds)
    export(feat, clf, temperature, args.out)
    if args.out == I.MODEL_PATH:
        write_question_words(question_words(ds))
    print(
        f"{len(ds.texts)} examples, oof accuracy {acc:.3f}, temperature {temperature:.3f}, "
        f"{len(feat.char.vocabulary_)} char + {len(feat.word.vocabulary_)} word features, "
        f"{args.out.stat().st_size / 1024:.0f} KiB, {time.perf_counter() - t0:.1f}s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
