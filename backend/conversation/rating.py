"""👍/👎 under answers with figures, and the reason a citizen gives for a 👎."""

from __future__ import annotations

import re

from backend.conversation import texts as T
from backend.conversation.flows.base import ChatRef
from backend.conversation.notices import expired, notice
from backend.reply import Action, Reply
from backend.services import Services
from backend.services.conversations import FlowState
from nlp.types import QUESTION_INTENTS, Understanding

RATE_REASON_FLOW = "rate_reason"
# A question's token (or, on buttons older than tokens, its id).
_QUESTION_REF = re.compile(r"[A-Za-z0-9_-]{1,24}")
MAX_REASON_CHARS = 1000


class Ratings:
    """Log answers worth rating, take 👍/👎, and ask for (then store) a 👎's reason."""

    def __init__(self, services: Services) -> None:
        self._s = services

    async def log_and_rate(
        self, chat: ChatRef, question: str, u: Understanding, reply: Reply
    ) -> None:
        data = reply.answered and reply.intent in QUESTION_INTENTS
        if reply.answered and not data:
            return
        qid = await self._s.questions.record(
            chat.platform, chat.chat_id, question, u.intent, u.confidence, reply.answered
        )
        if data:
            # The buttons say it all; a question line would cost the answer a line on a phone.
            reply.actions.append(
                [Action(T.RATE_UP, "rate", f"{qid}:1"), Action(T.RATE_DOWN, "rate", f"{qid}:0")]
            )

    async def rate(self, chat: ChatRef, payload: str) -> Reply:
        qid, _, vote = payload.partition(":")
        if not _QUESTION_REF.fullmatch(qid) or vote not in ("0", "1"):
            return expired()
        helpful = vote == "1"
        rated = await self._s.questions.rate(qid, chat.platform, chat.chat_id, helpful)
        if rated is None:
            return expired()  # a forged or purged question
        if not rated:
            return notice(T.RATE_NOT_YOURS)
        if helpful:
            return notice(T.RATE_THANKS)
        await self._s.conversations.set(
            chat.platform, chat.chat_id, FlowState(RATE_REASON_FLOW, "reason", {"qid": qid})
        )
        return notice(T.RATE_ASK_REASON)

    async def reason(self, chat: ChatRef, state: FlowState, text: str) -> Reply:
        await self._s.conversations.clear(chat.platform, chat.chat_id)
        qid = state.data.get("qid")
        if isinstance(qid, int | str) and _QUESTION_REF.fullmatch(str(qid)):
            await self._s.questions.rate(
                str(qid), chat.platform, chat.chat_id, False, text[:MAX_REASON_CHARS]
            )
        return notice(T.RATE_REASON_THANKS, menu=True)
