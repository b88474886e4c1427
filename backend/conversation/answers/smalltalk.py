"""Small talk, help, out of scope, and the pointers to feedback and subscriptions."""

from __future__ import annotations

import jdatetime

from backend.conversation import texts as T
from backend.conversation.answers.common import (
    AnswerBase,
)
from backend.formatting import month_label
from backend.reply import (
    Action,
    Block,
    Reply,
    intent_payload,
)
from nlp.cues import is_city_service, is_non_vat_tax
from nlp.types import Understanding


class SmallTalkAnswers(AnswerBase):
    """Small talk, help, out of scope, and the pointers to feedback and subscriptions."""

    async def _greeting(self, u: Understanding, today: jdatetime.date) -> Reply:
        rows = [[Action(q, "ask", q)] for q in T.HELP_EXAMPLES[:3]]
        rows.append([Action(T.BTN_HELP, "intent", "help")])
        return Reply(u.intent, [Block("text", T.GREETING)], rows)

    async def _help(self, u: Understanding, today: jdatetime.date) -> Reply:
        blocks = [
            Block("title", T.HELP_TITLE),
            Block("text", T.HELP_TEXT),
            Block("list", items=T.HELP_ITEMS),
        ]
        return Reply(u.intent, blocks, [[Action(q, "ask", q)] for q in T.HELP_EXAMPLES])

    async def _thanks(self, u: Understanding, today: jdatetime.date) -> Reply:
        return Reply(u.intent, [Block("text", T.THANKS)], [[Action(T.BTN_HELP, "intent", "help")]])

    async def _out_of_scope(self, u: Understanding, today: jdatetime.date) -> Reply:
        text = u.normalized_text.replace("\u200c", " ")
        rows = [[Action(q, "ask", q)] for q in T.HELP_EXAMPLES[:2]]
        if is_non_vat_tax(text) or u.extras.get("limit") == "personal":
            lead = T.OUT_OF_SCOPE_TAX
        elif is_city_service(text):
            lead = T.OUT_OF_SCOPE_CITY
            rows.insert(0, [Action(T.BTN_FEEDBACK, "feedback", "")])
        else:
            lead = T.OUT_OF_SCOPE
        rows.append([Action(T.BTN_HELP, "intent", "help")])
        return Reply(u.intent, [Block("text", lead)], rows, answered=False)

    async def _limit(self, u: Understanding, today: jdatetime.date) -> Reply:
        """Say in one line what the data cannot tell, and offer the nearest thing it can."""
        reason = u.extras["limit"]
        if reason == "personal":
            return await self._out_of_scope(u, today)
        data, slug, _ = await self._data_range(u.entities.get("municipality"))
        last = month_label(data.end) if data is not None else "—"
        text = {
            "forecast": T.LIMIT_FORECAST.format(last=last),
            "why": T.LIMIT_WHY,
            "other_money": T.LIMIT_OTHER_MONEY,
            "daily": T.LIMIT_DAILY.format(last=last),
            "total_collected": T.LIMIT_TOTAL_COLLECTED,
        }.get(reason, T.OUT_OF_SCOPE)
        rows: list[list[Action]] = []
        if data is not None:
            if reason in ("why", "forecast"):
                rows.append(
                    [Action(T.BTN_COMPARE_PREVIOUS_YEAR, "intent", intent_payload("vat_compare"))]
                )
            rows.append(self._latest_buttons("vat_share", slug, data))
        if reason == "other_money":
            rows.append([Action(T.BTN_WHERE_SPENT, "intent", intent_payload("vat_spending"))])
        intent = u.intent if u.intent != "out_of_scope" else "vat_share"
        return Reply(intent, [Block("text", text)], rows, answered=False)

    async def _feedback(self, u: Understanding, today: jdatetime.date) -> Reply:
        blocks = [Block("title", T.FEEDBACK_TITLE), Block("text", T.FEEDBACK_TEXT)]
        code = u.entities.get("project")
        payload = ""
        if code:
            names = await self._names()
            if code in names.projects:
                payload = str(code)
                blocks.append(Block("text", T.FEEDBACK_PROJECT.format(name=names.projects[code])))
        return Reply(u.intent, blocks, [[Action(T.BTN_FEEDBACK, "feedback", payload)]])

    async def _feedback_status(self, u: Understanding, today: jdatetime.date) -> Reply:
        # TODO(bot issue): look the code up in the feedback tables once they exist; until then the
        # bot's /status command (scoped to the sending chat) is the only way to read a status.
        code = u.entities.get("tracking_code")
        blocks = [Block("title", T.FEEDBACK_STATUS_TITLE)]
        if not code:
            blocks.append(Block("text", T.FEEDBACK_STATUS_ASK))
            return Reply(u.intent, blocks, [])
        blocks.append(Block("text", T.FEEDBACK_STATUS_CODE.format(code=code)))
        rows = [[Action(T.BTN_FEEDBACK_STATUS.format(code=code), "feedback_status", str(code))]]
        return Reply(u.intent, blocks, rows)

    async def _subscribe(self, u: Understanding, today: jdatetime.date) -> Reply:
        blocks = [Block("title", T.SUBSCRIBE_TITLE), Block("text", T.SUBSCRIBE_TEXT)]
        rows = [
            [
                Action(T.BTN_SUBSCRIBE_WEEKLY, "subscribe", "weekly"),
                Action(T.BTN_SUBSCRIBE_MONTHLY, "subscribe", "monthly"),
            ]
        ]
        return Reply(u.intent, blocks, rows)

    async def _unsubscribe(self, u: Understanding, today: jdatetime.date) -> Reply:
        blocks = [Block("title", T.UNSUBSCRIBE_TITLE), Block("text", T.UNSUBSCRIBE_TEXT)]
        return Reply(u.intent, blocks, [[Action(T.BTN_UNSUBSCRIBE, "unsubscribe", "")]])
