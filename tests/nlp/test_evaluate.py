"""The NLU scorer: accuracy, entity P/R/F1, frame exact-match, per-intent rows, confusions."""

from __future__ import annotations

import pytest

from nlp.evaluate import entity_pairs, score


def test_perfect_predictions() -> None:
    gold = [{"intent": "vat_share", "entities": {"municipality": "mashhad"}}]
    report = score(gold, gold)
    assert report.as_dict()["intent_accuracy"] == 1.0
    assert report.entity_f1 == 1.0 and report.frame_exact == 1.0


def test_mixed_predictions() -> None:
    gold = [
        {"intent": "vat_share", "entities": {"period": {"from": "1403-01", "to": "1403-12"}}},
        {"intent": "project_list", "entities": {"district": "9", "status": "completed"}},
        {"intent": "greeting", "entities": {}},
    ]
    pred = [
        # period dict with extra key order and an extra field is compared by from/to only
        {"intent": "vat_share", "entities": {"period": {"to": "1403-12", "from": "1403-01"}}},
        {"intent": "project_list", "entities": {"district": 9, "category": "green"}},
        {"intent": "thanks", "entities": {}},
    ]
    r = score(gold, pred)
    assert r.n == 3
    assert r.intent_accuracy == pytest.approx(2 / 3)
    # tp: period, district(9 == "9"); fp: category; fn: status
    assert (r.entity_tp, r.entity_fp, r.entity_fn) == (2, 1, 1)
    assert r.entity_precision == pytest.approx(2 / 3)
    assert r.entity_recall == pytest.approx(2 / 3)
    assert r.frame_exact == pytest.approx(1 / 3)
    assert r.wrong == [1, 2]
    assert r.confusions == [("greeting", "thanks", 1)]
    rows = {row.intent: row for row in r.per_intent}
    assert rows["greeting"].recall == 0.0 and rows["thanks"].precision == 0.0
    d = r.as_dict()
    for key in ("n", "intent_accuracy", "entity_precision", "entity_recall", "entity_f1"):
        assert key in d
    assert 0.0 <= d["frame_exact"] <= 1.0
    table = r.format_table()
    assert "intent accuracy" in table and "greeting → thanks: 1" in table


def test_entity_pairs_canonical_values() -> None:
    assert entity_pairs({"amount_rial": 1500.0}) == {("amount_rial", "1500")}
    assert entity_pairs({"project": None}) == set()
    assert entity_pairs(None) == set()


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        score([{"intent": "help"}], [])


def test_empty_input() -> None:
    r = score([], [])
    assert r.n == 0 and r.intent_accuracy == 0.0 and r.entity_f1 == 1.0
