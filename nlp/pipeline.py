"""Turn one citizen question into an `Understanding`: intent, entities, candidates, alternatives."""

from __future__ import annotations

from typing import Any

import jdatetime

from nlp.cues import amount_is_tax, asks_delayed, price_basis, subscription_frequency
from nlp.entities import extract, mask_status
from nlp.finglish import to_persian
from nlp.followup import read_followup
from nlp.gazetteer import Gazetteer
from nlp.intents import load_classifier
from nlp.keywords import keyword_projects
from nlp.limits import find_limit
from nlp.normalize import normalize
from nlp.places import find_unknown_place
from nlp.rules import (
    NO_ENTITY_INTENTS,
    choose_intent,
    folded_readings,
    is_other_tax,
    plural_category,
    prune,
)
from nlp.superlatives import find_rank
from nlp.types import GazetteerData, Understanding

# Below this probability, or this close to the runner-up, the bot should offer `alternatives`.
LOW_CONFIDENCE = 0.55
SMALL_MARGIN = 0.15

_ABOUT_ONE_PROJECT = frozenset({"project_info", "feedback"})

_gazetteer_cache: dict[int, tuple[GazetteerData, Gazetteer]] = {}


def gazetteer_for(data: GazetteerData) -> Gazetteer:
    """Return a built Gazetteer for this data object, reusing the last build of the same object."""
    hit = _gazetteer_cache.get(id(data))
    if hit is not None and hit[0] is data:
        return hit[1]
    gaz = Gazetteer.build(data)
    _gazetteer_cache.clear()  # one live dataset at a time; a re-import replaces it
    _gazetteer_cache[id(data)] = (data, gaz)
    return gaz


def understand(text: str, gazetteer: Gazetteer, today: jdatetime.date) -> Understanding:
    """Understand one question: normalize, extract and mask entities, classify, apply rules."""
    normalized = normalize(to_persian(text))
    if not normalized or is_other_tax(normalized):
        return Understanding("out_of_scope", 1.0, normalized_text=normalized)
    classifier = load_classifier()
    ex = extract(normalized, gazetteer, today)
    scores = classifier.scores(ex.masked(normalized))
    if ex.weak_span is not None and "project" not in ex.entities:
        # Words that name a kind of place and, loosely, some projects ("ایستگاه آتش‌نشانی"):
        # read as a category unless the question is clearly about one project.
        as_project = ex.project_reading()
        project_scores = classifier.scores(as_project.masked(normalized))
        top, conf = scores[0]
        p_top, p_conf = project_scores[0]
        about_one = top in _ABOUT_ONE_PROJECT or top == "out_of_scope" or conf < LOW_CONFIDENCE
        if about_one and p_top in _ABOUT_ONE_PROJECT and (top != p_top or p_conf >= conf):
            ex, scores = as_project, project_scores
    intent, confidence = choose_intent(scores, ex, many=plural_category(normalized, ex))
    if ex.candidates and intent in ("project_list", "vat_spending"):
        # An ambiguous kind-of-place in a list question is a category filter, not a project.
        ex = extract(normalized, gazetteer, today, with_projects=False)
    entities = prune(intent, ex.entities)
    candidates = [] if intent in NO_ENTITY_INTENTS else list(ex.candidates)
    alternatives: list[tuple[str, float]] = []
    # after a rule, the runner-up is the best reading that the rule did not fold into its choice
    folded = folded_readings(intent, scores[0][0], ex.entities)
    runner_up = max((p for name, p in scores if name not in folded), default=0.0)
    if confidence < LOW_CONFIDENCE or confidence - runner_up < SMALL_MARGIN:
        alternatives = [(name, p) for name, p in scores if name != intent and p >= 0.05][:3]
    masked = ex.masked(normalized)
    return Understanding(
        intent=intent,
        confidence=float(confidence),
        entities=entities,
        candidates=candidates,
        alternatives=alternatives,
        normalized_text=normalized,
        masked_text=masked,
        extras={**read_extras(normalized, masked, gazetteer), "seen": dict(ex.entities)},
    )


def read_extras(normalized: str, masked: str, gazetteer: Gazetteer) -> dict[str, Any]:
    """Read what the question says beyond the contract's entities (see `Understanding.extras`)."""
    extras: dict[str, Any] = {}
    rank = find_rank(normalized)
    if rank is not None:
        extras["rank"] = rank
    if asks_delayed(normalized):
        extras["delayed"] = True
    frequency = subscription_frequency(normalized)
    if frequency is not None:
        extras["frequency"] = frequency
    basis = price_basis(normalized)
    if basis is None and amount_is_tax(normalized):
        basis = "vat"
    if basis is not None:
        extras["price"] = basis
    keyword = keyword_projects(normalized, masked, gazetteer.data.projects)
    if keyword is not None:
        extras["keyword"] = {"word": keyword[0], "projects": keyword[1]}
    else:
        place = find_unknown_place(masked)
        if place is not None:
            extras["place"] = place
    limit = find_limit(normalized)
    if limit is not None:
        extras["limit"] = limit
    follow = read_followup(mask_status(masked))
    extras["followup"] = {
        "elliptical": follow.elliptical,
        "focus": follow.focus,
        "content_words": follow.content_words,
        "topic": follow.topic,
    }
    return extras
