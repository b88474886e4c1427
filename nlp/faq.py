"""Rank FAQ entries against a citizen's question (pure; the entries are passed in)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from nlp.normalize import normalize

__all__ = ["FaqLike", "rank_faq"]

_F = TypeVar("_F", bound="FaqLike")


class FaqLike(Protocol):
    """What the ranker reads of an FAQ entry."""

    @property
    def slug(self) -> str: ...
    @property
    def question_fa(self) -> str: ...
    @property
    def answer_fa(self) -> str: ...


# Words in almost every FAQ question: they say nothing about which one is meant.
# Spoken forms of question words, folded to the written form the FAQ uses.
_COLLOQUIAL = {"چیه": "چیست", "کیه": "کیست", "چنده": "چند", "کجاست": "کجا", "چطوری": "چطور"}
FAQ_CONTENT_WEIGHT = 0.7
_FAQ_STOPWORDS = frozenset(
    {
        "مالیات",
        "بر",
        "ارزش",
        "افزوده",
        "را",
        "از",
        "به",
        "در",
        "و",
        "است",
        "چه",
        "چی",
        "که",
        "می",
        "کنم",
        "کرد",
        "شود",
        "میشه",
        "می‌شود",
        "یک",
        "این",
        "آن",
        "با",
        "هست",
        "چیه",
    }
)


def _content_words(text: str) -> str:
    words = _faq_words(text)
    return " ".join(w for w in words if w not in _FAQ_STOPWORDS)


def _faq_words(text: str) -> list[str]:
    words = normalize(text).replace("\u200c", " ").split()
    return [_COLLOQUIAL.get(w, w) for w in words]


def rank_faq(question: str, entries: Sequence[_F]) -> list[tuple[_F, float]]:
    """Rank FAQ entries by similarity to a question, best first (scores 0..100).

    70% of the score compares the distinguishing words (after dropping the words every entry
    shares, such as "مالیات بر ارزش افزوده") with the entry's question, or more weakly with the
    start of its answer; 30% compares the whole questions, which breaks ties such as
    "… چیست؟" between entries.
    """
    from rapidfuzz import fuzz

    whole = " ".join(_faq_words(question))
    query = _content_words(question) or whole
    if not query:
        return []
    scored: list[tuple[_F, float]] = []
    for entry in entries:
        asked = _content_words(entry.question_fa)
        answer = " ".join(_content_words(entry.answer_fa).split()[:25])
        content = max(
            fuzz.token_set_ratio(query, asked),
            0.85 * fuzz.token_sort_ratio(query, asked) + 0.15 * fuzz.partial_ratio(query, asked),
            0.7 * fuzz.token_set_ratio(query, answer),
        )
        overall = fuzz.token_sort_ratio(whole, " ".join(_faq_words(entry.question_fa)))
        scored.append((entry, FAQ_CONTENT_WEIGHT * content + (1 - FAQ_CONTENT_WEIGHT) * overall))
    scored.sort(key=lambda pair: -pair[1])
    return scored
