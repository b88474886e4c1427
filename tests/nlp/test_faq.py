"""Tests for the FAQ ranker (nlp/faq.py) on its own, over the sample FAQ.

The questions here were written for these tests; none comes from the paraphrases it learns from
(data/nlu/faq) or from the held-out set (tests/faq, scored in tests/faq/test_heldout.py).
"""

from __future__ import annotations

import csv
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from nlp.faq import PARAPHRASES_PATH, concept_tags, faq_text, load_paraphrases, rank_faq

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True, slots=True)
class Entry:
    slug: str
    question_fa: str
    answer_fa: str


def sample_entries() -> list[Entry]:
    with (ROOT / "data" / "sample" / "faq.csv").open(encoding="utf-8") as f:
        return [Entry(r["slug"], r["question_fa"], r["answer_fa"]) for r in csv.DictReader(f)]


# A deployment's own entry: no paraphrase was ever written for it.
PARKING = Entry(
    "street-parking",
    "هزینه پارک حاشیه‌ای خودرو چطور محاسبه می‌شود؟",
    "پارک حاشیه‌ای در خیابان‌های مرکزی با پارکومتر و بر اساس ساعت توقف حساب می‌شود.",
)


def best(question: str, entries: list[Entry] | None = None) -> str:
    return rank_faq(question, entries or sample_entries())[0][0].slug


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("sazmane maliati ro chejoori mishe tamas gereft", "contact-tax-office"),
        ("shafaf dadehash az koja miad", "data-sources"),
        ("kharidar maliat mide ya foroshande", "who-pays"),
    ],
)
def test_finglish_finds_the_entry(question: str, slug: str) -> None:
    assert best(question) == slug


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("مالیت ارزش افزده رو کی میپردازه", "who-pays"),
        ("معافیتهای مالیات ارزشافزوده کدومن", "exempt-goods"),
        ("شفاف چی هس", "what-is-shafaf"),
        ("فاکتورم کجاش ارزش افزودس", "vat-on-invoice"),
    ],
)
def test_misspelled_and_joined_words_find_the_entry(question: str, slug: str) -> None:
    assert best(question) == slug


def test_synonyms_link_words_the_entry_never_uses() -> None:
    # "رسید" and "فیش" are invoices; "واسه چی" asks why: the entry's text has neither word.
    assert best("تو رسید سوپرمارکت مالیاتش کدوم خطه") == "vat-on-invoice"
    assert best("واسه چی شهرداری از این پول سهم داره") == "why-city-gets-share"
    assert concept_tags(faq_text("تو فیش خرید")) == ["invoice"]


def test_an_entry_without_paraphrases_ranks_by_its_own_text() -> None:
    entries = [*sample_entries(), PARKING]
    assert "street-parking" not in load_paraphrases()
    assert best("پول پارک کنار خیابون چجوری حساب میشه", entries) == "street-parking"
    assert best("پارکومتر ساعتی چقدره", entries) == "street-parking"
    # and the entries that have paraphrases do not crowd it out of its own wording
    assert best(PARKING.question_fa, entries) == "street-parking"


def test_every_entry_ranks_first_for_its_own_question_without_any_paraphrase() -> None:
    entries = sample_entries()
    for entry in entries:
        top = rank_faq(entry.question_fa, entries, paraphrases={})[0][0]
        assert top.slug == entry.slug


def test_paraphrases_passed_in_are_used_for_their_slug() -> None:
    entries = [*sample_entries(), PARKING]
    question = "ماشین جلو مغازه وایسه باید پول بده؟"
    assert best(question, entries) != "street-parking"
    taught = {**load_paraphrases(), "street-parking": ("ماشینمو جلو مغازه نگه دارم پول میدم؟",)}
    assert rank_faq(question, entries, paraphrases=taught)[0][0].slug == "street-parking"


def test_scores_are_cosines_best_first_and_ties_keep_the_entries_order() -> None:
    twin = Entry("twin", PARKING.question_fa, PARKING.answer_fa)
    ranked = rank_faq("پارک حاشیه‌ای", [*sample_entries(), PARKING, twin])
    scores = [s for _, s in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 + 1e-6 for s in scores)
    (first, s1), (second, s2) = ranked[:2]
    assert (first.slug, second.slug) == ("street-parking", "twin") and s1 == pytest.approx(s2)


@pytest.mark.parametrize("question", ["", "   ", "!!! ؟؟", "🙂"])
def test_a_question_with_no_words_ranks_nothing(question: str) -> None:
    assert rank_faq(question, sample_entries()) == []


def test_no_entries_rank_nothing() -> None:
    assert rank_faq("مالیات بر ارزش افزوده چیست", list[Entry]()) == []


def test_shipped_paraphrases_are_the_ones_in_data_nlu() -> None:
    source = ROOT / "data" / "nlu" / "faq" / "paraphrases.jsonl"
    if not source.exists():
        pytest.skip("not a source checkout")
    written = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    shipped = [
        json.loads(line)
        for line in PARAPHRASES_PATH.read_text(encoding="utf-8").split("\n")
        if line
    ]
    assert shipped == [{"slug": r["slug"], "text": r["text"]} for r in written], (
        "run data/nlu/generate.py"
    )


def test_every_sample_entry_has_at_least_ten_paraphrases() -> None:
    paraphrases = load_paraphrases()
    assert all(len(paraphrases.get(e.slug, ())) >= 10 for e in sample_entries())


def test_train_jsonl_holds_the_paraphrases_generate_writes() -> None:
    script = ROOT / "data" / "nlu" / "generate.py"
    if not script.exists():
        pytest.skip("not a source checkout")
    spec = importlib.util.spec_from_file_location("nlu_generate", script)
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    written = script.with_name("train.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in written] == generate.generate(), "run generate.py"
