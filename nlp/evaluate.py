"""Score NLU predictions against labelled frames (pure: no I/O, no model)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


def _canonical(value: Any) -> str:
    """Return a comparable form of an entity value: periods by from/to, codes as strings."""
    if isinstance(value, Mapping):
        if "from" in value or "to" in value:
            return json.dumps({"from": str(value.get("from")), "to": str(value.get("to"))})
        return json.dumps({str(k): _canonical(v) for k, v in value.items()}, sort_keys=True)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def entity_pairs(entities: Mapping[str, Any] | None) -> set[tuple[str, str]]:
    """Return the (key, canonical value) pairs of an entity dict, ignoring empty values."""
    if not entities:
        return set()
    return {(str(k), _canonical(v)) for k, v in entities.items() if v is not None and v != ""}


@dataclass(frozen=True, slots=True)
class IntentRow:
    """Precision/recall/F1 of one intent."""

    intent: str
    support: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        """Return correct / predicted."""
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Return correct / support."""
        return self.correct / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        """Return the harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class EvalReport:
    """Scores of one evaluation run."""

    n: int
    intent_correct: int
    entity_tp: int
    entity_fp: int
    entity_fn: int
    frame_correct: int
    per_intent: list[IntentRow] = field(default_factory=list)
    confusions: list[tuple[str, str, int]] = field(default_factory=list)  # gold, pred, count
    wrong: list[int] = field(default_factory=list)  # indexes of frames not exactly right

    @property
    def intent_accuracy(self) -> float:
        """Return the share of questions whose intent is right."""
        return self.intent_correct / self.n if self.n else 0.0

    @property
    def entity_precision(self) -> float:
        """Return entity pair precision (1.0 when nothing was predicted)."""
        denom = self.entity_tp + self.entity_fp
        return self.entity_tp / denom if denom else 1.0

    @property
    def entity_recall(self) -> float:
        """Return entity pair recall (1.0 when nothing was expected)."""
        denom = self.entity_tp + self.entity_fn
        return self.entity_tp / denom if denom else 1.0

    @property
    def entity_f1(self) -> float:
        """Return the harmonic mean of entity precision and recall."""
        p, r = self.entity_precision, self.entity_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def frame_exact(self) -> float:
        """Return the share of questions whose intent and entity dict are both right."""
        return self.frame_correct / self.n if self.n else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON form (`shafaf eval --json`)."""
        return {
            "n": self.n,
            "intent_accuracy": self.intent_accuracy,
            "entity_precision": self.entity_precision,
            "entity_recall": self.entity_recall,
            "entity_f1": self.entity_f1,
            "frame_exact": self.frame_exact,
            "per_intent": {
                r.intent: {
                    "support": r.support,
                    "precision": r.precision,
                    "recall": r.recall,
                    "f1": r.f1,
                }
                for r in self.per_intent
            },
            "confusions": [{"gold": g, "predicted": p, "count": c} for g, p, c in self.confusions],
        }

    def format_table(self) -> str:
        """Return a human-readable report: totals, per-intent table and confusions."""
        lines = [
            f"questions        {self.n}",
            f"intent accuracy  {self.intent_accuracy:.3f}",
            f"entity P/R/F1    {self.entity_precision:.3f} / {self.entity_recall:.3f}"
            f" / {self.entity_f1:.3f}",
            f"frame exact      {self.frame_exact:.3f}",
            "",
            f"{'intent':<16} {'support':>7} {'prec':>6} {'recall':>6} {'f1':>6}",
        ]
        for r in self.per_intent:
            lines.append(
                f"{r.intent:<16} {r.support:>7} {r.precision:>6.2f} {r.recall:>6.2f} {r.f1:>6.2f}"
            )
        if self.confusions:
            lines += ["", "confusions (gold → predicted)"]
            lines += [f"  {g} → {p}: {c}" for g, p, c in self.confusions]
        return "\n".join(lines)


def score(gold: Sequence[Mapping[str, Any]], predicted: Sequence[Mapping[str, Any]]) -> EvalReport:
    """Compare predicted frames with gold frames, position by position."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold frames but {len(predicted)} predictions")
    support: Counter[str] = Counter()
    predicted_count: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    tp = fp = fn = frames = intents_ok = 0
    wrong: list[int] = []
    for i, (g, p) in enumerate(zip(gold, predicted, strict=True)):
        gi, pi = str(g.get("intent")), str(p.get("intent"))
        support[gi] += 1
        predicted_count[pi] += 1
        g_pairs, p_pairs = entity_pairs(g.get("entities")), entity_pairs(p.get("entities"))
        tp += len(g_pairs & p_pairs)
        fp += len(p_pairs - g_pairs)
        fn += len(g_pairs - p_pairs)
        if gi == pi:
            intents_ok += 1
            correct[gi] += 1
        else:
            confusion[(gi, pi)] += 1
        if gi == pi and g_pairs == p_pairs:
            frames += 1
        else:
            wrong.append(i)
    names = sorted(set(support) | set(predicted_count), key=lambda k: (-support[k], k))
    rows = [IntentRow(k, support[k], predicted_count[k], correct[k]) for k in names]
    confusions = [(g, p, c) for (g, p), c in sorted(confusion.items(), key=lambda kv: -kv[1])]
    return EvalReport(len(gold), intents_ok, tp, fp, fn, frames, rows, confusions, wrong)
