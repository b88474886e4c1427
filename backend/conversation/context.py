"""Dialogue context: a short follow-up fills its gaps from the chat's last question (its frame).

A frame is the last answered question's intent, slots (municipality, period, district, category,
project, status, amount…) and extras (a ranking, a keyword). `resolve` reads a new message
against it:

1. *Elliptical* — only new slot values and follow-up words («پارسال چی؟», «نیشابور چطور؟»,
   «اگه ۵ میلیون بود چی؟») or a focus on the last answer («کی تموم میشه؟», «مالیاتش چقدر بود؟»,
   «سرانه‌اش؟», «کمترینش؟»): the previous question stands, with the new values in their slots.
2. *Bare* — a short question of another kind with no place, period or thing of its own
   («کجا خرج شد؟», «پروژه‌هاش؟», «کدوماش متوقف شده؟»): it takes the slots that fit it.
3. «مقایسه با پارسال» after a share: the frame's period against the one named.
4. Anything else is a new full question and starts a fresh frame.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from backend.months import MonthRange
from nlp.followup import NOW_WORDS, shift_of_previous
from nlp.types import QUESTION_INTENTS, Understanding

# What a question is about; a message naming none of these has no subject of its own.
SUBJECT_SLOTS = frozenset(
    {
        "municipality",
        "compare_municipality",
        "period",
        "compare_period",
        "district",
        "category",
        "project",
        "amount_rial",
        "tracking_code",
    }
)
# The slots each kind of question can take from the previous one.
FITS: dict[str, frozenset[str]] = {
    "vat_share": frozenset({"municipality", "period"}),
    "vat_compare": frozenset({"municipality", "period", "compare_municipality"}),
    "vat_spending": frozenset({"municipality", "period", "district", "category"}),
    "project_list": frozenset({"municipality", "district", "category", "status", "period"}),
    "project_info": frozenset({"project", "period"}),
    "tax_calculator": frozenset({"municipality", "amount_rial", "amount_kind", "period"}),
    "report": frozenset({"municipality", "period"}),
}
# Extras that belong to the question and travel with its frame.
FRAME_EXTRAS = ("rank", "keyword", "delayed", "price", "focus", "faq")
# Messages the classifier reads as small talk may still be follow-ups («نیشابور چطور؟»).
_WEAK_INTENTS = frozenset({"greeting", "thanks", "help", "out_of_scope"})
BARE_MAX_WORDS = 3
_FUNDING_WORDS = re.compile(r"پول|خرج|هزینه|گرفته|گرفتن|دریافت")


def frame_of(u: Understanding) -> dict[str, Any]:
    """Return what to remember of an answered question."""
    extras = {k: u.extras[k] for k in FRAME_EXTRAS if k in u.extras}
    return {"intent": u.intent, "entities": dict(u.entities), "extras": extras}


def _followup(u: Understanding) -> dict[str, Any]:
    info: dict[str, Any] = u.extras.get("followup") or {}
    return info


def _merge_slots(old: dict[str, Any], new: dict[str, Any], intent: str) -> dict[str, Any]:
    """Put the new values in their slots; what else the old question said still holds."""
    merged = dict(old)
    for key, value in new.items():
        if key == "municipality" and old.get("compare_municipality"):
            merged["compare_municipality"] = value  # «سبزوار چطور؟» after مشهد و نیشابور
            continue
        if key == "period" and intent == "vat_compare":
            merged.pop("compare_period", None)  # the new period against the year before it
        if key == "project":
            merged.pop("period", None)
        merged[key] = value
    if "amount_rial" in new:
        # a new amount is a new purchase unless the message says what kind it is
        merged.pop("amount_kind", None)
    return merged


def _with_focus(intent: str, focus: str | None, frame: dict[str, Any]) -> tuple[str, str | None]:
    """Return the intent a focus asks for (or None when it does not fit the frame)."""
    if focus is None:
        return intent, None
    ents = frame.get("entities", {})
    if focus in ("end", "budget", "progress", "funding"):
        return ("project_info", focus) if ents.get("project") else (intent, None)
    if focus in ("vat", "city"):
        return (intent, focus) if intent == "tax_calculator" else (intent, None)
    if focus == "per_capita":
        return intent, focus
    if focus in ("asc", "desc"):
        return (intent, focus) if frame.get("extras", {}).get("rank") else (intent, None)
    return intent, None


def _shifted(period: dict[str, str], direction: int, months: int) -> dict[str, str]:
    """Move a period by `months` (its own length when 0) in `direction`."""
    current = MonthRange.from_entity(period)
    step = months or len(current)
    return MonthRange(
        current.start.shift(direction * step), current.end.shift(direction * step)
    ).as_entity()


def _carry_extras(
    old: dict[str, Any], new: dict[str, Any], entities: dict[str, Any]
) -> dict[str, Any]:
    """Combine the previous question's extras with what the follow-up itself says."""
    kept = {k: v for k, v in old.items() if k in FRAME_EXTRAS and k != "focus"}
    for key in FRAME_EXTRAS:
        if key in new and key != "focus":
            kept[key] = new[key]
    if "delayed" in new and "status" in entities:
        entities.pop("status")  # «عقب افتاده‌ها؟» after «متوقف‌ها»: the new filter replaces
    return {**new, **kept}


def _faq_followup(u: Understanding, frame: dict[str, Any], info: dict[str, Any]) -> Understanding:
    """«قبلش چند بود؟» after an explanation: the same entry, asked again."""
    slug = frame.get("extras", {}).get("faq")
    short = info.get("content_words", 99) <= BARE_MAX_WORDS and not any(
        k in SUBJECT_SLOTS for k in u.extras.get("seen", {})
    )
    weak = u.intent in _WEAK_INTENTS or u.intent == "faq" or u.confidence < 0.9
    relative = shift_of_previous(u.normalized_text) is not None or info.get("elliptical")
    if slug and short and weak and relative:
        extras = {**u.extras, "faq": slug, "faq_followup": True}
        return replace(u, intent="faq", confidence=1.0, extras=extras)
    return u


def resolve(u: Understanding, frame: dict[str, Any] | None) -> Understanding:
    """Read a message in the light of the chat's last question (see the module docstring)."""
    if not frame or frame.get("intent") not in QUESTION_INTENTS:
        return u
    info = _followup(u)
    focus = info.get("focus")
    old_intent: str = frame["intent"]
    if old_intent == "faq":
        return _faq_followup(u, frame, info)
    old_entities: dict[str, Any] = dict(frame.get("entities", {}))
    old_extras: dict[str, Any] = dict(frame.get("extras", {}))
    # What the text named, even where the classifier's intent dropped it («نیشابور چطور؟» reads
    # as small talk, which carries no entities).
    new_entities = {**u.extras.get("seen", {}), **u.entities}
    own_subject = any(k in SUBJECT_SLOTS for k in new_entities)
    shift = shift_of_previous(u.normalized_text)
    if shift is not None and old_entities.get("period"):
        # «ماه قبلش», «پارسال همین ماه»: relative to the previous question's period, not today
        new_entities["period"] = _shifted(old_entities["period"], *shift)
        new_entities.pop("compare_period", None)
    now = NOW_WORDS.search(u.normalized_text) is not None
    if now and "period" not in new_entities:
        old_entities.pop("period", None)  # «الان بخرم چی؟»: today's rate, not the old period

    # Only slot values and follow-up words: whatever the classifier guessed, the previous
    # question stands with the new values («منطقه ۱۳ چی؟»).
    elliptical = bool(info.get("elliptical", False)) or (now and info.get("content_words", 99) == 0)
    if shift is not None and info.get("content_words", 99) <= BARE_MAX_WORDS:
        elliptical = elliptical or u.intent in _WEAK_INTENTS or u.intent == old_intent
    if elliptical:
        intent, used_focus = _with_focus(old_intent, focus, frame)
        if focus is not None and used_focus is None and not own_subject and shift is None:
            return u  # «کی تموم میشه؟» with no project before: not a follow-up of this frame
        entities = _merge_slots(old_entities, new_entities, intent)
        if intent == "project_info" and old_intent != "project_info":
            entities = {k: v for k, v in entities.items() if k in FITS["project_info"]}
        if "status" in new_entities:
            old_extras.pop("delayed", None)
        if "keyword" in old_extras and any(
            new_entities.get(k) for k in ("category", "district", "project")
        ):
            old_extras.pop("keyword")
        extras = _carry_extras(old_extras, u.extras, entities)
        rank = extras.get("rank")
        if used_focus in ("asc", "desc") and rank:
            extras["rank"] = {**rank, "order": used_focus}
        elif used_focus == "per_capita" and rank:
            extras["rank"] = {**rank, "per_capita": True}
        elif used_focus is not None:
            extras["focus"] = used_focus
        if "rank" in u.extras and "rank" in old_extras and not u.extras["rank"].get("by"):
            extras["rank"] = {**u.extras["rank"], "by": old_extras["rank"].get("by")}
        return replace(u, intent=intent, confidence=1.0, entities=entities, extras=extras)

    if u.intent == "vat_compare" and old_intent in ("vat_share", "vat_compare"):
        period = new_entities.get("period")
        if (
            period
            and "compare_period" not in new_entities
            and old_entities.get("period")
            and info.get("content_words", 99) <= BARE_MAX_WORDS
            and period != old_entities["period"]
        ):
            entities = {
                **{k: v for k, v in old_entities.items() if k in FITS["vat_compare"]},
                **{k: v for k, v in new_entities.items() if k != "period"},
                "period": old_entities["period"],
                "compare_period": period,
            }
            return replace(u, entities=entities)

    rank = u.extras.get("rank")
    if rank is not None and not own_subject:
        # «کدومش بیشتر پول گرفته؟» after a ranking or a list: the same things, ranked anew
        old_rank = old_extras.get("rank") or {}
        by = rank.get("by") or old_rank.get("by")
        if not rank.get("by") and old_rank:
            # the same measure unless this message names another one
            measure = old_rank.get("measure", rank.get("measure"))
            if focus in ("budget", "progress"):
                measure = focus
            elif focus == "funding" or _FUNDING_WORDS.search(u.normalized_text):
                measure = "funding"
            rank = {**rank, "measure": measure}
        if by is None and old_intent == "project_list":
            by = "project"
        if by is None and old_intent == "vat_compare" and old_entities.get("period"):
            by = "year"
        fits = FITS.get(old_intent, frozenset()) | {"status"}
        inherited = {k: v for k, v in old_entities.items() if k in fits and k != "project"}
        extras = {**u.extras, "rank": {**rank, "by": by}}
        if "keyword" in old_extras:
            extras.setdefault("keyword", old_extras["keyword"])
        return replace(u, entities={**inherited, **new_entities}, extras=extras)

    topic = info.get("topic")
    if (
        topic in FITS
        and not own_subject
        and info.get("content_words", 99) <= BARE_MAX_WORDS
        and (u.intent in _WEAK_INTENTS or u.confidence < 0.9 or u.intent != topic)
    ):
        # «همون سهم شهرداری رو بگو», «خب خرج چه پروژه‌هایی شد؟»: the few words name the question
        u = replace(u, intent=topic, confidence=1.0)
    if not own_subject and u.intent in FITS and info.get("content_words", 99) <= BARE_MAX_WORDS:
        inherited = {k: v for k, v in old_entities.items() if k in FITS[u.intent]}
        if u.intent == "project_info" and "project" not in inherited:
            return u
        extras = dict(u.extras)
        if u.intent == old_intent or u.intent == "tax_calculator":
            extras = _carry_extras(old_extras, u.extras, inherited)
        elif "keyword" in old_extras and u.intent in ("vat_spending", "project_list"):
            extras.setdefault("keyword", old_extras["keyword"])
        return replace(u, entities={**inherited, **new_entities}, extras=extras)
    if shift is not None and new_entities != u.entities:
        return replace(u, entities=new_entities)
    return u
