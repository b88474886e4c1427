"""Classify the intent of a normalized, entity-masked Persian question.

The model is multinomial logistic regression over TF-IDF features (character n-grams within
words + word uni/bi-grams), trained by `tools/train_intents.py` with scikit-learn and shipped as
plain numpy arrays in `nlp/resources/intent_model.npz` (no pickle). Here only numpy is needed: the
features are computed by the same functions the trainer used, so train and run time agree exactly.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from nlp.finglish import to_persian
from nlp.normalize import normalize
from nlp.types import INTENTS

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parent / "resources" / "intent_model.npz"
# Only present in a source checkout; an installed package skips the freshness check.
TRAIN_DIR = Path(__file__).resolve().parent.parent / "data" / "nlu"
MODEL_FORMAT = 1

# Placeholders in data/nlu templates -> the mask tokens helper "entities" writes into the text.
PLACEHOLDERS: dict[str, str] = {
    "project": "PROJECT",
    "city": "CITY",
    "district": "DISTRICT",
    "category": "CATEGORY",
    "amount": "AMOUNT",
    "code": "TRACKCODE",
    "period": "PERIOD",
}
MASK_TOKENS: frozenset[str] = frozenset(PLACEHOLDERS.values())

_PLACEHOLDER_RE = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")
# Letters-only runs or digit runs; ZWNJ and punctuation split tokens.
_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+")
_CHAR_NGRAMS = (2, 5)
_MAX_CHARS = 2000

FloatArray = npt.NDArray[np.float32]


def render_template(template: str) -> str:
    """Turn a training template into the masked, normalized text the classifier sees.

    Finglish words are converted the way `nlp.understand` converts a question, over the whole
    template at once (the converter decides from all the Latin words whether the text is Finglish).
    """
    names: list[str] = []

    def protect(m: re.Match[str]) -> str:
        names.append(m.group(1))
        return f"\x00{len(names) - 1}\x00"

    parts = to_persian(_PLACEHOLDER_RE.sub(protect, template)).split("\x00")
    out: list[str] = []
    # protected placeholders alternate with literal text
    for i, part in enumerate(parts):
        out.append(f" {PLACEHOLDERS[names[int(part)]]} " if i % 2 else normalize(part))
    return " ".join("".join(out).split())


def tokens(text: str) -> list[str]:
    """Split masked text into tokens: mask tokens kept, words lower-cased, numbers as '0'."""
    out: list[str] = []
    for tok in _TOKEN_RE.findall(text[:_MAX_CHARS]):
        if tok in MASK_TOKENS:
            out.append(tok)
        elif tok.isdigit():
            out.append("0")
        else:
            out.append(tok.lower())
    return out


def char_features(text: str) -> list[str]:
    """Return character 2..5-grams of each word padded with spaces (like sklearn's char_wb)."""
    return _char_ngrams(tokens(text))


def word_features(text: str) -> list[str]:
    """Return word unigrams, bigrams with sentence edges, and a length bucket."""
    return _word_ngrams(tokens(text))


def _char_ngrams(toks: list[str]) -> list[str]:
    """Return char n-grams of already split tokens."""
    lo, hi = _CHAR_NGRAMS
    feats: list[str] = []
    for tok in toks:
        if tok in MASK_TOKENS or tok == "0":
            continue  # word features carry these; their letters say nothing
        padded = f" {tok} "
        size = len(padded)
        for n in range(lo, hi + 1):
            if size < n:
                break
            feats.extend(padded[i : i + n] for i in range(size - n + 1))
    return feats


def _word_ngrams(toks: list[str]) -> list[str]:
    """Return word n-gram features of already split tokens."""
    feats = list(toks)
    edged = ["<s>", *toks, "</s>"]
    feats.extend(f"{a} {b}" for a, b in itertools.pairwise(edged))
    n = len(toks)
    feats.append(f"<len:{n if n < 4 else '4-7' if n < 8 else '8-15' if n < 16 else '16+'}>")
    return feats


def training_fingerprint(train_dir: Path = TRAIN_DIR) -> str:
    """Hash the training data, the feature code and the normalizer, to detect a stale model."""
    h = hashlib.sha256()
    h.update(f"format={MODEL_FORMAT}".encode())
    for path in sorted(train_dir.glob("*.jsonl")):
        if path.name.startswith("heldout"):
            continue
        h.update(path.name.encode())
        h.update(path.read_bytes())
    for name in ("normalize.py", "finglish.py"):  # both shape the text the model is trained on
        h.update((Path(__file__).resolve().parent / name).read_bytes())
    return h.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class IntentModel:
    """The exported weights: vocabularies, idf, weight matrix and calibration temperature."""

    classes: tuple[str, ...]
    char_vocab: dict[str, int]
    word_vocab: dict[str, int]
    char_idf: FloatArray
    word_idf: FloatArray
    char_weights: FloatArray  # (n_char_features, n_classes)
    word_weights: FloatArray  # (n_word_features, n_classes), word block weight folded in
    bias: FloatArray
    temperature: float
    fingerprint: str

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> IntentModel:
        """Read the model from an .npz file written by tools/train_intents.py."""
        with np.load(path, allow_pickle=False) as z:
            if int(z["format"]) != MODEL_FORMAT:
                raise ValueError(f"{path}: model format {int(z['format'])}, want {MODEL_FORMAT}")
            return cls(
                classes=tuple(str(c) for c in z["classes"]),
                char_vocab={str(t): i for i, t in enumerate(z["char_terms"])},
                word_vocab={str(t): i for i, t in enumerate(z["word_terms"])},
                char_idf=z["char_idf"].astype(np.float32),
                word_idf=z["word_idf"].astype(np.float32),
                char_weights=z["char_weights"].astype(np.float32),
                word_weights=z["word_weights"].astype(np.float32),
                bias=z["bias"].astype(np.float32),
                temperature=float(z["temperature"]),
                fingerprint=str(z["fingerprint"]),
            )


def _block(
    feats: Iterable[str], vocab: dict[str, int], idf: FloatArray
) -> tuple[list[int], FloatArray]:
    """Return indices and L2-normalized sublinear TF-IDF values of one feature block."""
    idx: list[int] = []
    tf: list[float] = []
    # Counter runs in C; looking up only distinct n-grams halves the dict work.
    for f, c in Counter(feats).items():
        j = vocab.get(f)
        if j is not None:
            idx.append(j)
            tf.append(c)
    if not idx:
        return idx, np.zeros(0, dtype=np.float32)
    vals = (np.log(np.array(tf, dtype=np.float32)) + 1.0) * idf[idx]
    norm = float(np.sqrt(vals @ vals))
    return idx, vals / norm if norm > 0 else vals


class IntentClassifier:
    """Score every contract intent for a masked question; probabilities are calibrated."""

    # With no known feature at all the text is noise to us; say so instead of guessing.
    _UNKNOWN_OOS = 0.9

    def __init__(self, model: IntentModel) -> None:
        self.model = model
        self._order = [model.classes.index(i) for i in INTENTS]
        self._oos = INTENTS.index("out_of_scope")

    def probabilities(self, masked_text: str) -> FloatArray:
        """Return probabilities in the order of nlp.types.INTENTS."""
        m = self.model
        toks = tokens(masked_text)
        chars = _char_ngrams(toks)
        if self._unknown(toks, chars):
            p = np.full(len(INTENTS), (1 - self._UNKNOWN_OOS) / (len(INTENTS) - 1), np.float32)
            p[self._oos] = self._UNKNOWN_OOS
            return p
        # An unknown Latin word beside Persian ones is a name ("زیرگذر kolahdooz"): its letter
        # n-grams would only echo the Latin spam the model saw as out of scope.
        known = [t for t in toks if not self._unknown_latin(t)]
        if known and len(known) < len(toks):
            toks, chars = known, _char_ngrams(known)
        ci, cv = _block(chars, m.char_vocab, m.char_idf)
        wi, wv = _block(_word_ngrams(toks), m.word_vocab, m.word_idf)
        logits = m.bias.copy()
        if ci:
            logits += cv @ m.char_weights[ci]
        if wi:
            logits += wv @ m.word_weights[wi]
        z = logits[self._order] / m.temperature
        z = np.exp(z - z.max())
        out: FloatArray = z / z.sum()
        return out

    def _unknown_latin(self, tok: str) -> bool:
        """Return True for a Latin word the model has never seen (a name or foreign text)."""
        return (
            tok.isascii()
            and tok.isalpha()
            and tok not in MASK_TOKENS
            and tok not in self.model.word_vocab
        )

    def _unknown(self, toks: list[str], chars: list[str]) -> bool:
        """Return True when nothing in the text is known: no n-gram, or only unknown Latin words."""
        vocab = self.model.char_vocab
        if not any(t in self.model.word_vocab for t in toks) and not any(f in vocab for f in chars):
            return True
        # Latin left over after Finglish conversion is a name or foreign text; if no word of it
        # is known, shared letter n-grams would only produce a confident guess at random.
        return bool(toks) and all(self._unknown_latin(t) for t in toks)

    def scores(self, masked_text: str) -> list[tuple[str, float]]:
        """Return (intent, probability) for all intents, most likely first, summing to 1."""
        p = self.probabilities(masked_text)
        ranked = sorted(zip(INTENTS, p.tolist(), strict=True), key=lambda kv: -kv[1])
        return [(intent, float(prob)) for intent, prob in ranked]


@lru_cache(maxsize=1)
def load_classifier() -> IntentClassifier:
    """Load the shipped model once; warn if it was trained on other data than data/nlu."""
    model = IntentModel.load()
    if TRAIN_DIR.is_dir() and any(TRAIN_DIR.glob("*.jsonl")):
        current = training_fingerprint()
        if current != model.fingerprint:
            log.warning(
                "intent model %s is stale (data/nlu is %s); run tools/train_intents.py",
                model.fingerprint,
                current,
            )
    return IntentClassifier(model)
