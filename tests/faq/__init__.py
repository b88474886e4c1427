"""The FAQ held-out set (README.md) and how it is scored: the ranker alone and end to end."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from backend.conversation.answers.faq import faq_is_clear
from nlp.faq import FaqLike
from nlp.types import Understanding

HELDOUT = Path(__file__).with_name("heldout.jsonl")

# Entries whose wordings often ask for something another intent does: "how do I subscribe" gets
# the subscription buttons, "where did the money go" the spending figures, a pothole the 137 line.
# Those replies serve the citizen; the strict end-to-end score still counts them as misses.
SERVED_BY: dict[str, frozenset[str]] = {
    "subscribe": frozenset({"subscribe", "unsubscribe"}),
    "feedback": frozenset({"feedback", "feedback_status"}),
    "spending": frozenset({"vat_spending"}),
    "contact-municipality": frozenset({"out_of_scope"}),
    "what-is-shafaf": frozenset({"help"}),
}

Ranker = Callable[[str, Sequence[FaqLike]], Sequence[tuple[FaqLike, float]]]


@dataclass(frozen=True, slots=True)
class FaqScore:
    """Shares of the held-out questions (0..1)."""

    questions: int
    top1: float  # the ranker alone, given the question is an FAQ question
    top3: float  # the right entry among the three the bot would offer as buttons
    answered_alone: float  # the bot answers one entry instead of offering buttons
    right_when_answered: float
    end_to_end: float | None = None  # understood as faq, then the right entry first
    served: float | None = None  # end to end, or the intent that acts on it (SERVED_BY)


def read_heldout(path: Path = HELDOUT) -> list[dict[str, str]]:
    """Read the held-out questions: {"slug", "text"}."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def score_faq(
    rows: Sequence[dict[str, str]],
    entries: Sequence[FaqLike],
    rank: Ranker,
    understand: Callable[[str], Understanding] | None = None,
) -> FaqScore:
    """Score a ranker on labelled questions; with `understand`, end to end as well."""
    top1 = top3 = alone = right_alone = e2e = served = 0
    for row in rows:
        ranked = rank(row["text"], entries)
        slugs = [e.slug for e, _ in ranked[:3]]
        hit = bool(slugs) and slugs[0] == row["slug"]
        top1 += hit
        top3 += row["slug"] in slugs
        if faq_is_clear(ranked):
            alone += 1
            right_alone += hit
        if understand is not None:
            u = understand(row["text"])
            ok = u.intent == "faq" and _first(rank(u.normalized_text, entries)) == row["slug"]
            e2e += ok
            served += ok or u.intent in SERVED_BY.get(row["slug"], frozenset())
    n = len(rows)
    return FaqScore(
        questions=n,
        top1=top1 / n,
        top3=top3 / n,
        answered_alone=alone / n,
        right_when_answered=right_alone / alone if alone else 0.0,
        end_to_end=e2e / n if understand is not None else None,
        served=served / n if understand is not None else None,
    )


def _first(ranked: Sequence[tuple[FaqLike, float]]) -> str | None:
    return ranked[0][0].slug if ranked else None
