"""Entity-aware rules applied after the intent classifier, and the frames each intent keeps.

Each rule settles between readings the model already split its belief over, using what the
entities say (an amount, two periods, a named project, a plural category); `prune` keeps only
the entities the contract's frame for the chosen intent carries.
"""

from __future__ import annotations

import re
from typing import Any

from nlp.entities import MASK_CATEGORY, Extraction

# Taxes and fees that are not VAT: the bot has no data on them, so they must not be answered as
# VAT figures even when the classifier is tempted by "مالیات" or "عوارض".
_OTHER_TAX_RE = re.compile(
    r"مالیات(?: بر)? ?(?:درآمد|حقوق|مشاغل|ارث|خودرو|ماشین|ملک|املاک|مستغلات|اجاره|سهام|"
    r"نقل و انتقال|خانه|خونه|مسکن|شرکت|پلاک|تمبر)"
    r"|عوارض (?:نوسازی|خودرو|ماشین|سالیانه|سالانه|ساختمان|پروانه|پسماند|کسب|صدور|پلاک|"
    r"آزادراه|طرح ترافیک)"
    r"|اظهارنامه|طرح ترافیک|(?<!\d)137(?!\d)"
)
_VAT_RE = re.compile(r"ارزش ?\u200c?افز(?:و)?ده|\bvat\b|مالیات (?:بر )?خرید")
# A business's own VAT obligations (filing, refunds, penalties, registration) are the tax office's
# business, even though they say "ارزش افزوده": the bot only knows what reaches the city.
_TAXPAYER_RE = re.compile(
    r"اظهارنامه|استرداد|مودیان|کد اقتصادی|پرونده مالیاتی|صورت ?حساب الکترونیک|"
    r"دیرکرد|جریمه (?:تاخیر|تأخیر)|"
    # a VAT penalty, not "fine the contractor" (feedback)
    r"ارزش ?افزوده(?:ی|ای)? .{0,40}جریم|جریمه (?:\S+ ){0,3}ارزش ?افزوده"
)
# Asking how another tax relates to this one is a question for the FAQ, not for the tax office.
_RELATION_RE = re.compile(r"فرق|تفاوت|ربط|چه ربطی|همون|همان|جزو|یکی(?:ه| است)")
# An amount this small is a purchase or a tax paid, not a city's share (shares run to trillions).
_PERSONAL_AMOUNT_RIAL = 100_000_000_000
# Below this, an out-of-scope verdict with in-domain evidence (a named project, two periods)
# is the model meeting new wording, not an off-topic question.
_UNSURE_OOS = 0.65
_NEVER_WITH_AMOUNT = frozenset(
    {"feedback_status", "greeting", "help", "thanks", "report", "subscribe", "unsubscribe"}
)

# What an amount decides between: the FAQ's "what percent", a share, or the calculator.
_AMOUNT_READINGS = frozenset({"faq", "tax_calculator", "vat_share"})
NO_ENTITY_INTENTS = frozenset({"out_of_scope", "greeting", "help", "thanks"})
_MONEY_OF_ONE_PROJECT = frozenset({"vat_share", "vat_spending"})


def is_other_tax(normalized: str) -> bool:
    """Return True for a non-VAT tax or fee, or a business's own VAT paperwork."""
    text = normalized.replace("\u200c", " ")
    if _TAXPAYER_RE.search(text) is not None:
        return True
    if _RELATION_RE.search(text) is not None and "مالیات" in text:
        return False  # "how is the renewal levy different from this tax?": the FAQ explains
    return _OTHER_TAX_RE.search(text) is not None and _VAT_RE.search(text) is None


def folded_readings(intent: str, top: str, ents: dict[str, Any]) -> set[str]:
    """Return the readings a rule folded into `intent`: none of them is a runner-up to offer."""
    folded = {intent, top}
    if intent == "tax_calculator" and "amount_rial" in ents:
        folded |= _AMOUNT_READINGS
    return folded


def choose_intent(
    scores: list[tuple[str, float]], ex: Extraction, *, many: bool = False
) -> tuple[str, float]:
    """Apply entity-aware corrections to the classifier's top intent.

    `many`: the category was named in the plural ("کتابخونه‌ها"), so no single project is meant.
    """
    intent, conf = scores[0]
    ents = ex.entities
    ranked = [name for name, _ in scores[:3]]
    prob = dict(scores)

    def ruled(new: str) -> tuple[str, float]:
        # the entities decide between two readings the model split its belief over
        return new, min(0.99, conf + prob.get(new, 0.0))

    # A tracking code is only ever quoted to ask about one's own feedback.
    if "tracking_code" in ents and intent == "feedback" and "feedback_status" in ranked:
        return ruled("feedback_status")
    # "What percent reaches the city" with an amount is the calculator, not the FAQ; so is
    # "I paid X, how much reached the city", which reads like a share question.
    # The amount decides between those readings, so the belief in all of them is the calculator's.
    amount = ents.get("amount_rial")
    if amount is not None:
        readings = set(_AMOUNT_READINGS)
        if amount >= _PERSONAL_AMOUNT_RIAL:
            readings.discard("vat_share")
        if intent in readings:
            return "tax_calculator", min(0.99, sum(prob.get(r, 0.0) for r in readings))
        # a sum of money is never a tracking code, a greeting or a report request
        if intent in _NEVER_WITH_AMOUNT and "tax_calculator" in ranked:
            return ruled("tax_calculator")
    # The contract: "what percent of my purchase reaches the city" without an amount is the FAQ.
    if intent == "tax_calculator" and amount is None:
        return ruled("faq")
    # A named project makes an unsure "out of scope" unlikely: the wording is new to the model,
    # the topic is not ("PROJECT تا الان چقدر جلو رفته"). Category and place words prove nothing:
    # "زباله‌های کوچه‌مون" and "چاله منطقه ۹" are service requests for the 137 line.
    if intent == "out_of_scope" and "project" in ents and conf < _UNSURE_OOS:
        intent, conf = next((s for s in scores if s[0] != "out_of_scope"), scores[0])
    # "How much did the libraries get" is about many projects: spending, or a list of them.
    if intent == "project_info" and many and "project" not in ents and not ex.candidates:
        other = next((n for n in ranked if n in ("vat_spending", "project_list")), None)
        if other is not None:
            return ruled(other)
    # The contract: a question about one project's money is project_info, even over two periods.
    if intent in _MONEY_OF_ONE_PROJECT and "project" in ents and "category" not in ents:
        return ruled("project_info")
    if intent == "vat_compare" and "project" in ents and "compare_municipality" not in ents:
        return ruled("project_info")
    # Two cities or two periods asked about together is a comparison, whatever the wording.
    two = "compare_municipality" in ents or "compare_period" in ents
    if two and (
        intent in ("vat_share", "faq")
        or (intent == "out_of_scope" and conf < _UNSURE_OOS and "vat_compare" in ranked)
    ):
        return ruled("vat_compare")
    # An explanation holds for any month; asking it of one period is asking for the figure.
    if intent == "faq" and "period" in ents and "vat_share" in ranked:
        return ruled("vat_share")
    # A city's share of VAT has no category; "the share of green space" is where money went.
    if intent == "vat_share" and "category" in ents and "vat_spending" in ranked:
        return ruled("vat_spending")
    return intent, conf


_PLURAL_END = re.compile(r"(?:ها|های|هایی|هاشون|هارو)$")


def plural_category(normalized: str, ex: Extraction) -> bool:
    """Tell whether a category was named in the plural ("کتابخونه‌ها", "پارک‌های")."""
    return any(
        m.label == MASK_CATEGORY and _PLURAL_END.search(normalized[m.start : m.end]) is not None
        for m in ex.masks
    )


def prune(intent: str, ents: dict[str, Any]) -> dict[str, Any]:
    """Keep only the entities this intent's frame carries (contract labelling rules)."""
    if intent in NO_ENTITY_INTENTS:
        return {}
    out = dict(ents)
    if intent == "faq":
        # an explanation is the same for every project, category and district ("where do I
        # complain about CATEGORY services"); only the city and the period may shape it
        for key in ("project", "category", "district"):
            out.pop(key, None)
    if intent != "project_list":
        out.pop("status", None)  # "کی تکمیل میشه" about one project is not a status filter
    if intent != "tax_calculator":
        out.pop("amount_rial", None)
    if intent != "feedback_status":
        out.pop("tracking_code", None)
    if intent != "vat_compare":
        out.pop("compare_municipality", None)
        other = out.pop("compare_period", None)
        if other is not None and "period" in out:
            # "تو سالای ۱۴۰۳ و ۱۴۰۴" outside a comparison is one stretch covering both
            first = out["period"]
            out["period"] = {
                "from": min(first["from"], other["from"]),
                "to": max(first["to"], other["to"]),
            }
    return out
