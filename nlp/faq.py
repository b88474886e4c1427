"""Rank FAQ entries against a citizen's question (pure; the entries are passed in).

Each entry is the centroid of TF-IDF vectors of its own question, the sentences of its answer
(weighted less: they say more than was asked) and the citizen paraphrases shipped for its slug
(`nlp/resources/faq_paraphrases.jsonl`, copied from `data/nlu/faq/` by `data/nlu/generate.py`).
An entry without paraphrases (a deployment's own FAQ) is ranked by its question and answer alone.

A text becomes three feature blocks, each TF-IDF weighted and L2-normalized on its own:
character 2..5-grams within words (misspellings, joined or split words, suffixes), word uni- and
bigrams, and concept tags from a small lexicon of words citizens use for the same idea ("فاکتور",
"رسید", "فیش" are all an invoice; "چرا", "واسه چی", "به چه دلیل" all ask why), which links a
paraphrase to an entry it shares no letters with. Finglish is converted first. A question's score
for an entry is the cosine between the question's vector and the entry's centroid (0..1).
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol, TypeVar

import numpy as np
import numpy.typing as npt

from nlp.finglish import to_persian
from nlp.normalize import fold

__all__ = [
    "PARAPHRASES_PATH",
    "FaqIndex",
    "FaqLike",
    "concept_tags",
    "faq_text",
    "load_paraphrases",
    "rank_faq",
]

PARAPHRASES_PATH = Path(__file__).resolve().parent / "resources" / "faq_paraphrases.jsonl"

_F = TypeVar("_F", bound="FaqLike")
FloatArray = npt.NDArray[np.float32]


class FaqLike(Protocol):
    """What the ranker reads of an FAQ entry."""

    @property
    def slug(self) -> str: ...
    @property
    def question_fa(self) -> str: ...
    @property
    def answer_fa(self) -> str: ...


# Weights chosen by 5-fold cross-validation over data/nlu/faq/paraphrases.jsonl (never on the
# held-out set): letters carry most of the match, words and concepts sharpen it.
_BLOCK_WEIGHTS = {"c": 1.0, "w": 0.5, "t": 0.7}
# An answer sentence is evidence of what the entry is about, but less than a question is.
_ANSWER_WEIGHT = 0.6
_CHAR_NGRAMS = (2, 5)
_TOKEN_RE = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?؟؛;]+(?:\s|$)")

# Words citizens use for the same idea, by concept. A trailing "~" takes any suffix ("معاف~"
# is also "معافن", "معافیت"). Written as plain Persian; folded like the text before matching.
_CONCEPTS: dict[str, str] = {
    "define": "یعنی چی|یعنی چه|چیه|چیست|چی هست|تعریف~|اسمش|توضیح~",
    "why": "چرا|واسه چی|برای چی|به چه دلیل|دلیل~|علت~|فلسفه~|به چه حقی|چه حقی|به چه علت",
    "who": "چه کسی|چه کسانی|کیه|کدوم اداره~|کدام اداره~|کدام سازمان|کدوم سازمان|چه سازمانی|"
    "چه نهادی|نهاد~|مسئول~",
    "when": "چه موقع|چه زمانی|چند وقت~|هر چند|تناوب|فاصله زمانی|چقد طول|چقدر طول|کی میاد",
    "update": "update~|آپدیت~|به روز~|بروز~|به‌روز~|تازه~|جدید~",
    "where": "کجا~",
    "how": "چطور~|چجوری|چه جوری|چگونه|نحوه|روال|از چه راهی|از چه مسیری|مسیر~|راهش",
    "percent": "درصد~|نرخ~|یک سوم|یه سوم|چقدر~|چقد~|میزان",
    "pay": "میده|میدم|میدیم|میدن|بدم|بده|پرداخت~|بپرداز~|میپرداز~|جیب~|بار مالیات",
    "collect": "جمع~|وصول~|میگیر~|بگیر~|دریافت~|تحویل~|اخذ",
    "buyer": "خریدار~|مشتری~|مصرف کننده~|مصرف‌کننده~|مردم",
    "seller": "فروشنده~|مغازه~|کاسب~|تولیدکننده~|ارائه دهنده~|ارائه‌دهنده~|مودی~|مؤدی~|مودیان",
    "city": "شهرداری~|شهر|شهرها|دهیاری~|محلی",
    "split": "تقسیم~|توزیع~|واریز~|پخش|معیار~|ضابطه|ضوابط|خزانه|استان~",
    "spend": "خرج~|هزینه کرد|هزینه‌کرد|صرف~|مصارف|استفاده~|چیکار میکن~|چه کار~|کجا میره",
    "project": "پروژه~|طرح~|مترو|قطار~|اتوبوس~|پارک~|خیابون~|خیابان~|فضای سبز|آتش نشانی|"
    "آتش‌نشانی|معابر",
    "exempt": "معاف~|معافیت~|نمیخوره|نمیخورن|ندارن|ندارد|نمیگیرن|شامل نمیشه|مشمول~",
    "essentials": "نان|نون|برنج|شیر|دارو~|درمان~|دکتر|ویزیت|خوراکی~|اساسی|آموزش~|مدرسه|"
    "شهریه|بیمارستان",
    "invoice": "فاکتور~|رسید~|فیش~|صورتحساب~|صورت حساب~|قبض~",
    "data": "آمار~|ارقام~|رقم~|رقما|عدد~|داده~|دیتا~|اطلاعات~",
    "source": "منبع~|مرجع~|مأخذ~|از کجا میاد|از کجا آوردی~|از کجا اومده|از کجا گرفتی~|از کجاست",
    "sample": "نمونه~|ساختگی|فیک~|واقعی~|الکی|نمایشی|آزمایشی|استناد~|نقل~|معتبر~",
    "bot": "شفاف|ربات~|بات~|سامانه~|اینجا|تو کی|تو چی",
    "opinion": "نظر~|شکایت~|پیشنهاد~|انتقاد~|بازخورد~|ایراد~|گلایه~",
    "tracking": "پیگیری~|کد رهگیری|وضعیت~",
    "subscription": "اشتراک~|مشترک~|عضو~|خبرنامه|هفتگی|ماهانه|ماهیانه|خودکار|اتوماتیک|لغو|"
    "سابسکرایب~|آنسابسکرایب~",
    "privacy": "حریم~|خصوصی~|شخصی~|ذخیره~|نگه میدار~|نگهداری|کد ملی|لوکیشن~|موقعیت~|پاک~|امن~|"
    "چت آیدی~",
    "phone": "تماس~|تلفن~|شماره~|زنگ~|ارتباط~|آدرس~|سایت~|پاسخگو~|صحبت~",
    "tax_office": "امور مالیاتی|اداره مالیات~|اداره دارایی|دارایی|سازمان مالیاتی|مالیاتی",
    "city_service": "چاله~|آسفالت~|چراغ~|زباله~|رفتگر~|جدول~|پیاده رو|پیاده‌رو|137|روشنایی|"
    "آب جمع|گودال~",
    "other_tax": "نوسازی|درآمد|بردرآمد|حقوق|املاک|ملک|خونه~|خانه~|عوارض سالانه|عوارض سالیانه|"
    "مستغلات",
    "difference": "فرق~|تفاوت~|همون|همان|جزو|قاطی~|ربط~",
}


def _concept_pattern(alternatives: str) -> re.Pattern[str]:
    parts = []
    for alt in alternatives.split("|"):
        word = re.escape(fold(alt.removesuffix("~")).lower())
        parts.append(word + r"\S*" if alt.endswith("~") else word)
    # longest first, so "به چه دلیل" is tried before "دلیل"
    parts.sort(key=len, reverse=True)
    return re.compile(r"(?<!\S)(?:" + "|".join(parts) + r")(?!\S)")


_CONCEPT_PATTERNS = {name: _concept_pattern(alts) for name, alts in _CONCEPTS.items()}


def faq_text(text: str) -> str:
    """Return the loose form the ranker compares: Finglish converted, folded, lower-cased."""
    return fold(to_persian(text)).lower()


def concept_tags(text: str) -> list[str]:
    """Return the concepts a folded text mentions, by name."""
    return [name for name, pattern in _CONCEPT_PATTERNS.items() if pattern.search(text)]


def _features(text: str) -> dict[str, list[str]]:
    """Return the features of a folded text, by block: chars, words, concept tags."""
    toks = _TOKEN_RE.findall(text)
    lo, hi = _CHAR_NGRAMS
    chars: list[str] = []
    for tok in toks:
        padded = f" {tok} "
        for n in range(lo, min(hi, len(padded)) + 1):
            chars.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    words = list(toks)
    words.extend(f"{a} {b}" for a, b in itertools.pairwise(toks))
    return {"c": chars, "w": words, "t": concept_tags(text)}


def _answer_sentences(answer: str) -> list[str]:
    """Split an answer into sentences of at least two words."""
    return [s for s in _SENTENCE_END.split(answer) if len(s.split()) >= 2]


@dataclass(frozen=True, slots=True)
class _Block:
    """One feature block's vocabulary (feature -> column) and smoothed idf."""

    vocab: dict[str, int]
    idf: FloatArray
    offset: int


class FaqIndex:
    """Entry centroids over TF-IDF features; built once per set of entries and paraphrases."""

    def __init__(self, blocks: dict[str, _Block], centroids: FloatArray) -> None:
        self._blocks = blocks
        self._centroids = centroids  # (n_entries, n_features), rows L2-normalized

    @classmethod
    def build(
        cls, entries: Sequence[FaqLike], paraphrases: Mapping[str, Sequence[str]]
    ) -> FaqIndex:
        """Index each entry's question, answer sentences and the paraphrases of its slug."""
        docs: list[dict[str, list[str]]] = []
        owner: list[int] = []
        weight: list[float] = []
        for i, entry in enumerate(entries):
            texts = [(entry.question_fa, 1.0)]
            texts += [(s, _ANSWER_WEIGHT) for s in _answer_sentences(entry.answer_fa)]
            texts += [(p, 1.0) for p in paraphrases.get(entry.slug, ())]
            for text, w in texts:
                docs.append(_features(faq_text(text)))
                owner.append(i)
                weight.append(w)
        blocks: dict[str, _Block] = {}
        offset = 0
        for name in _BLOCK_WEIGHTS:
            df: Counter[str] = Counter()
            for doc in docs:
                df.update(set(doc[name]))
            terms = sorted(df)
            n = len(docs)
            idf = np.array([math.log((1 + n) / (1 + df[t])) + 1 for t in terms], np.float32)
            blocks[name] = _Block({t: j for j, t in enumerate(terms)}, idf, offset)
            offset += len(terms)
        centroids = np.zeros((len(entries), offset), np.float32)
        for doc, i, w in zip(docs, owner, weight, strict=True):
            for name, feats in doc.items():
                idx, vals = _vector(feats, blocks[name])
                centroids[i, idx] += w * _BLOCK_WEIGHTS[name] * vals
        norms = np.linalg.norm(centroids, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return cls(blocks, centroids / norms)

    def scores(self, question: str) -> FloatArray:
        """Return the cosine of the question with each entry's centroid, in entry order."""
        return self._scores(faq_text(question))

    def _scores(self, text: str) -> FloatArray:
        """Score a text already in the ranker's form (`faq_text`)."""
        feats = _features(text)
        idx_parts: list[npt.NDArray[np.intp]] = []
        val_parts: list[FloatArray] = []
        for name, block in self._blocks.items():
            idx, vals = _vector(feats[name], block)
            idx_parts.append(idx)
            val_parts.append(_BLOCK_WEIGHTS[name] * vals)
        idx = np.concatenate(idx_parts)
        vals = np.concatenate(val_parts)
        norm = float(np.sqrt(vals @ vals))
        if norm == 0:
            return np.zeros(self._centroids.shape[0], np.float32)
        out: FloatArray = self._centroids[:, idx] @ (vals / norm)
        return out


def _vector(feats: Iterable[str], block: _Block) -> tuple[npt.NDArray[np.intp], FloatArray]:
    """Return global column indices and L2-normalized sublinear TF-IDF values of a block."""
    idx: list[int] = []
    tf: list[int] = []
    for feat, count in Counter(feats).items():
        j = block.vocab.get(feat)
        if j is not None:
            idx.append(j)
            tf.append(count)
    if not idx:
        return np.zeros(0, np.intp), np.zeros(0, np.float32)
    cols = np.array(idx, np.intp)
    vals = (np.log(np.array(tf, np.float32)) + 1.0) * block.idf[cols]
    return cols + block.offset, vals / np.float32(np.sqrt(vals @ vals))


@lru_cache(maxsize=1)
def load_paraphrases(path: Path = PARAPHRASES_PATH) -> Mapping[str, tuple[str, ...]]:
    """Read the shipped paraphrases once: slug -> texts."""
    out: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                out.setdefault(row["slug"], []).append(row["text"])
    return {slug: tuple(texts) for slug, texts in out.items()}


_IndexKey = tuple[tuple[tuple[str, str, str], ...], object]
_indexes: dict[_IndexKey, FaqIndex] = {}
_MAX_INDEXES = 4


def _index_for(
    entries: Sequence[FaqLike], paraphrases: Mapping[str, Sequence[str]] | None
) -> FaqIndex:
    """Return the index of these entries, building it on first use."""
    texts = tuple((e.slug, e.question_fa, e.answer_fa) for e in entries)
    extra: object = (
        None
        if paraphrases is None
        else tuple(sorted((slug, tuple(ps)) for slug, ps in paraphrases.items()))
    )
    key = (texts, extra)
    index = _indexes.get(key)
    if index is None:
        index = FaqIndex.build(entries, load_paraphrases() if paraphrases is None else paraphrases)
        if len(_indexes) >= _MAX_INDEXES:  # the FAQ rarely changes; keep the last few
            _indexes.pop(next(iter(_indexes)))
        _indexes[key] = index
    return index


def rank_faq(
    question: str,
    entries: Sequence[_F],
    paraphrases: Mapping[str, Sequence[str]] | None = None,
) -> list[tuple[_F, float]]:
    """Rank FAQ entries by similarity to a question, best first (cosine scores 0..1).

    `paraphrases` maps a slug to citizen wordings of that entry; by default the shipped ones.
    Ties keep the entries' order.
    """
    text = faq_text(question)
    if not entries or not text:
        return []
    scores = _index_for(entries, paraphrases)._scores(text).tolist()
    order = sorted(range(len(entries)), key=lambda i: -scores[i])
    return [(entries[i], float(scores[i])) for i in order]
