"""Turn an `Understanding` into a transport-neutral `Reply`, every figure read from the services.

The answers are split by family (small talk, shares and comparisons, projects, calculator, FAQ and
reports), each a mixin over `AnswerBase`; `Answers` dispatches on the intent.

Decisions a citizen may notice (all said aloud in the reply when they apply):

* Municipality: Mashhad when the question names none (the services' default).
* Period for `vat_share` / `vat_spending` when none is given: the latest *full* Jalali year with
  data (else the last 12 months of data), because a whole year is the figure people compare and
  quote; buttons offer "this year so far" and the latest month.
* A period that runs past the data (امسال while data ends in آبان) is answered for the months that
  have data ("تا پایان آبان ۱۴۰۵"); a period entirely without data gets no figure, only the range
  that exists and buttons to the latest periods.
* `vat_compare` with one period compares it with the same months a year earlier (VAT income is
  seasonal: a Nowruz dip and an Esfand peak make "the previous N months" unfair); with no period,
  the latest full year against the year before. When one side is cut short by the data end, both
  sides are cut to the same months (like for like) and the reply says so.
* `tax_calculator`: the amount is a purchase price unless the text says it *is* the tax
  (`amount_is_tax`), or a button said so (`amount_kind` in the payload).
* `answered` is False whenever the reply does not hold what was asked: fallbacks, out of scope,
  no data, not found, and prompts for a missing detail (which project, what amount).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import jdatetime

from backend.conversation import texts as T
from backend.conversation.answers.calculator import CalculatorAnswers
from backend.conversation.answers.common import AMOUNT_KIND, finish
from backend.conversation.answers.faq import FaqAnswers
from backend.conversation.answers.projects import ProjectAnswers
from backend.conversation.answers.rankings import RankingAnswers
from backend.conversation.answers.shares import ShareAnswers
from backend.conversation.answers.smalltalk import SmallTalkAnswers
from backend.errors import DomainError
from backend.opendata.freshness import FreshnessService, stale_note_fa
from backend.opendata.links import figure_url
from backend.opendata.queries import TABLES
from backend.reply import (
    Action,
    Block,
    Reply,
    intent_payload,
    parse_projects_payload,
    parse_question_payload,
)
from backend.services import Services
from nlp.types import Understanding

DEFAULT_PUBLIC_URL = "http://127.0.0.1:8080"
DEFAULT_STALE_AFTER_DAYS = 45
# Below this confidence (or this close to the runner-up) the assistant asks before answering.
LOW_CONFIDENCE = 0.45
CLOSE_MARGIN = 0.10
# Intents whose reply carries no figure and no side effect: harmless to give even when unsure.
SAFE_WHEN_UNSURE = frozenset({"greeting", "help", "thanks"})
# Questions a limit (a forecast, a cause, money the data does not hold) can stop.
LIMITABLE = frozenset(
    {
        "vat_share",
        "vat_compare",
        "vat_spending",
        "project_info",
        "project_list",
        "report",
        "out_of_scope",
    }
)
# Questions that ask the bot to do something rather than to tell something.
ACTION_INTENTS = frozenset({"feedback", "feedback_status", "subscribe", "unsubscribe"})
# Questions a superlative turns into a ranking.
RANKABLE = frozenset(
    {"vat_share", "vat_compare", "vat_spending", "project_list", "project_info", "out_of_scope"}
)
# Questions about a place, where an unknown place must be named back.
PLACE_INTENTS = frozenset(
    {"vat_share", "vat_compare", "vat_spending", "project_list", "project_info", "report"}
)

Handler = Callable[[Understanding, jdatetime.date], Awaitable[Reply]]


class Answers(
    SmallTalkAnswers,
    ShareAnswers,
    RankingAnswers,
    ProjectAnswers,
    CalculatorAnswers,
    FaqAnswers,
):
    """Answer understood questions with figures from the services."""

    def __init__(
        self,
        services: Services,
        public_url: str = DEFAULT_PUBLIC_URL,
        stale_after_days: int = DEFAULT_STALE_AFTER_DAYS,
    ) -> None:
        self._s = services
        self._public_url = public_url
        self._freshness = FreshnessService(services, stale_after_days)
        self._handlers: dict[str, Handler] = {
            "greeting": self._greeting,
            "help": self._help,
            "thanks": self._thanks,
            "vat_share": self._vat_share,
            "vat_compare": self._vat_compare,
            "vat_spending": self._vat_spending,
            "project_list": self._project_list,
            "project_info": self._project_info,
            "tax_calculator": self._tax_calculator,
            "report": self._report,
            "faq": self._faq,
            "feedback": self._feedback,
            "feedback_status": self._feedback_status,
            "subscribe": self._subscribe,
            "unsubscribe": self._unsubscribe,
            "out_of_scope": self._out_of_scope,
        }

    async def reply(self, u: Understanding, today: jdatetime.date) -> Reply:
        """Answer one understood question (never raises for a citizen's mistake)."""
        handler = self._choose(u)
        if handler is None:
            reply = self._clarify(u)
        else:
            try:
                reply = await handler(u, today)
            except DomainError as exc:
                reply = self._domain_error(u.intent, exc)
            else:
                reply = await self._name_unknown_place(u, reply)
        reply.understanding = u
        if reply.figure is not None and reply.answered:
            # every figure stated links to the public query behind it (page, JSON, CSV)
            link = figure_url(reply.figure, self._public_url)
            reply.actions.append([Action(T.BTN_DATA, "url", link)])
            freshness = await self._freshness.freshness(TABLES[reply.figure.kind])
            stale = stale_note_fa(freshness)
            if stale is not None:  # figures older than the operator allows say so
                reply.blocks.insert(1, Block("note", stale))
        return finish(reply)

    def _choose(self, u: Understanding) -> Handler | None:
        """Pick the answer for a question, or None to ask which was meant."""
        extras = u.extras
        if extras.get("limit") == "personal" and u.intent not in ACTION_INTENTS:
            return self._limit  # one taxpayer's own file: the tax office's business
        if extras.get("limit") and u.intent in LIMITABLE:
            return self._limit  # say what the data cannot tell instead of answering around it
        if extras.get("rank") and u.intent in RANKABLE:
            return self._ranking
        if self._unsure(u) and u.intent not in SAFE_WHEN_UNSURE:
            return None
        keyword = extras.get("keyword")
        if keyword and not u.entities.get("project"):
            if u.intent in ("vat_share", "vat_spending"):
                return self._vat_spending  # «مترو چقدر گرفت»: those projects' money, summed
            if u.intent == "project_info" and extras.get("focus") not in ("end", "budget"):
                return self._vat_spending
        if u.intent == "vat_share" and (u.entities.get("district") or u.entities.get("category")):
            return self._vat_spending  # a district's or a field's "share" is what was spent there
        handler: Handler = self._handlers.get(u.intent, self._out_of_scope)
        return handler

    async def _name_unknown_place(self, u: Understanding, reply: Reply) -> Reply:
        """Say which place we do not know instead of silently answering for the whole city."""
        place = u.extras.get("place")
        if not place or u.intent not in PLACE_INTENTS or u.entities.get("district"):
            return reply
        muni = await self._s.catalog.municipality(u.entities.get("municipality"))
        reply.blocks.insert(
            0, Block("note", T.UNKNOWN_PLACE.format(place=place, name=muni.name_fa))
        )
        reply.answered = False
        return reply

    async def handle_action(self, kind: str, payload: str, today: jdatetime.date) -> Reply | None:
        """Answer a pressed button the assistant owns; None for kinds the bot handles itself."""
        if kind in ("intent", "more"):
            try:
                intent, entities, extras = parse_question_payload(payload)
            except ValueError as exc:
                return self._bad_payload("out_of_scope", exc)
            return await self.reply(Understanding(intent, 1.0, entities, extras=extras), today)
        if kind == "project":
            reply = await self.project_card(payload, today)
            reply.understanding = Understanding("project_info", 1.0, {"project": payload})
            return reply
        if kind == "projects_page":
            try:
                query = parse_projects_payload(payload)
            except ValueError as exc:
                return self._bad_payload("project_list", exc)
            try:
                return finish(await self._projects_page(query))
            except DomainError as exc:
                return self._domain_error("project_list", exc)
        if kind == "faq":
            try:
                return finish(await self._faq_by_slug(payload, today))
            except DomainError as exc:
                return self._domain_error("faq", exc)
        return None

    async def project_card(self, code: str, today: jdatetime.date) -> Reply:
        """Return one project's card (for `/start p_<code>` and project buttons)."""
        try:
            return finish(await self._project_card(code, today))
        except DomainError as exc:
            return self._domain_error("project_info", exc)

    @staticmethod
    def _unsure(u: Understanding) -> bool:
        if u.confidence < LOW_CONFIDENCE:
            return True
        return any(
            name != u.intent and u.confidence - p < CLOSE_MARGIN for name, p in u.alternatives
        )

    def _clarify(self, u: Understanding) -> Reply:
        options = [u.intent] + [name for name, _ in u.alternatives if name != u.intent]
        options = [o for o in dict.fromkeys(options) if o in T.INTENT_LABELS][:3]
        rows = [
            [Action(T.INTENT_LABELS[o], "intent", intent_payload(o, u.entities))] for o in options
        ]
        rows.append([Action(T.BTN_HELP, "intent", "help")])
        return Reply(u.intent, [Block("text", T.CLARIFY)], rows, answered=False)


__all__ = ["AMOUNT_KIND", "Answers"]
