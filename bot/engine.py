"""The conversation engine: one chat event in, one `Reply` out, for the bot and `shafaf chat`.

Transport-neutral on purpose (no `telegram` import): the PTB handlers and the terminal chat both
call these methods, so menus, flows, ratings, subscriptions and staff tools behave the same in
both. Routing rules, in order:

1. A chat with an open flow (state in the database, so it survives restarts) sends its text,
   photos, locations and contacts to that flow; `/cancel` always leaves it.
2. A pending 👎 reason (a tiny pseudo-flow, `rate_reason`) takes the next text message.
3. Otherwise text goes through `AskService.understand` and the `Assistant`, exactly like
   `shafaf ask`; a few answers the assistant can only point at (feedback, subscription, status)
   are acted on here because only the transport knows the chat.

Every free-text answer is logged (`QuestionLogService.record`) when it was not answered or when it
carries figures (so 👍/👎 can refer to it); a 👎 reason is stored with `rate`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

import jdatetime

from backend.ask import AskService
from backend.assistant import Assistant
from backend.errors import DomainError
from backend.flows.base import ChatRef, Flow, FlowInput
from backend.formatting import date_label, fa_digits_in_prose, fa_int
from backend.models import FEEDBACK_STATUSES
from backend.reply import Action, Block, ProjectQuery, Reply, projects_payload
from backend.services import Services
from backend.services.conversations import FlowState
from backend.services.feedback import FeedbackInfo, normalize_code
from backend.services.subscriptions import FREQUENCIES, SubscriptionInfo
from backend.untrusted import clean_optional, clean_text
from bot import texts as T
from nlp.types import Understanding

log = logging.getLogger("shafaf.bot")

# Intents whose answers carry figures or facts worth a 👍/👎.
DATA_INTENTS = frozenset(
    {
        "vat_share",
        "vat_compare",
        "vat_spending",
        "project_list",
        "project_info",
        "tax_calculator",
        "report",
        "faq",
    }
)
RATE_REASON_FLOW = "rate_reason"
# The NLU reads at most this much; longer messages are cut (and the reply says so).
MAX_QUESTION_CHARS = 2000
MAX_REASON_CHARS = 1000
TOPIC_BUTTONS_PER_ROW = 3

AlertSink = Callable[[int, str], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class EngineConfig:
    """What the engine needs to know about its deployment."""

    staff_chat_ids: frozenset[int]
    zone: ZoneInfo


class ConversationEngine:
    """Answer chat events with `Reply`s; the transport renders and sends them."""

    def __init__(
        self,
        services: Services,
        asker: AskService,
        flows: Mapping[str, Flow],
        config: EngineConfig,
        alert: AlertSink | None = None,
    ) -> None:
        self.s = services
        self.asker = asker
        self.assistant = Assistant(services)
        self.flows = dict(flows)
        self.config = config
        self.alert = alert

    def today(self) -> jdatetime.date:
        """Return "today" (pinned in demos and tests)."""
        return self.s.today()

    # --- entry points: commands -----------------------------------------------------------------
    async def start(self, chat: ChatRef, payload: str = "") -> Reply:
        """Welcome and main menu; `p_<code>` opens that project's card."""
        payload = clean_text(payload)
        if payload.startswith("p_") and len(payload) > 2:
            return await self._card(payload[2:])
        name = T.WELCOME_NAME.format(name=chat.first_name) if chat.first_name else ""
        reply = self.main_menu()
        reply.blocks = [Block("text", T.WELCOME.format(name=name))]
        return reply

    async def help(self, chat: ChatRef) -> Reply:
        """The assistant's help plus the command list."""
        reply = await self.assistant.reply(Understanding("help", 1.0), self.today())
        reply.blocks.append(Block("list", T.HELP_COMMANDS_TITLE, T.HELP_COMMANDS))
        reply.actions.append([Action(T.MENU_BUTTON, "menu", "main")])
        return reply

    def main_menu(self) -> Reply:
        """The main menu as buttons."""
        rows = [
            [
                Action(T.MENU_VAT_SHARE, "intent", "vat_share"),
                Action(T.MENU_PROJECTS, "projects_page", projects_payload(ProjectQuery())),
            ],
            [
                Action(T.MENU_WHERE, "menu", "where"),
                Action(T.MENU_FEEDBACK, "feedback", ""),
            ],
            [
                Action(T.MENU_REPORTS, "intent", "report"),
                Action(T.MENU_SUBSCRIBE, "subscribe", "menu"),
            ],
        ]
        return Reply("menu", [Block("text", T.MENU_TITLE)], rows)

    async def cancel(self, chat: ChatRef) -> Reply:
        """Leave the current conversation."""
        had = await self.s.conversations.clear(chat.platform, chat.chat_id)
        reply = self.main_menu()
        reply.blocks = [Block("text", T.CANCELLED if had else T.NOTHING_TO_CANCEL)]
        return reply

    async def feedback(self, chat: ChatRef, argument: str = "") -> Reply:
        """Open the feedback flow (from /feedback, the menu, a card or the feedback intent)."""
        argument = clean_text(argument)
        flow = self.flows.get("feedback")
        if flow is None:
            return self._notice(T.FLOW_UNAVAILABLE, menu=True)
        return await flow.start(chat, self.today(), argument=argument)

    async def status(self, chat: ChatRef, code: str) -> Reply:
        """Show a feedback's status and public replies, only to the chat that sent it."""
        code = clean_text(code)
        if not code.strip():
            return self._notice(T.STATUS_ASK_CODE)
        try:
            info = await self.s.feedback.for_chat(code, chat.platform, chat.chat_id)
        except DomainError:
            # Same words for "no such code" and "someone else's code": nothing is learned.
            return self._notice(T.STATUS_NOT_FOUND)
        return self._status_reply(info)

    # --- entry points: messages -------------------------------------------------------------------
    async def text(self, chat: ChatRef, text: str) -> Reply:
        """Answer a text message: open flow first, then a pending 👎 reason, then the assistant."""
        text = clean_text(text)  # the one door for typed text: make it storable first
        state = await self.s.conversations.get(chat.platform, chat.chat_id)
        if state is not None:
            if state.flow == RATE_REASON_FLOW:
                return await self._rate_reason(chat, state, text)
            flow = self.flows.get(state.flow)
            if flow is not None:
                return await self._flow(flow, chat, FlowInput("text", text=text))
            # A flow this build no longer has: drop the stale state and answer normally.
            await self.s.conversations.clear(chat.platform, chat.chat_id)
        return await self.ask(chat, text)

    async def media(self, chat: ChatRef, event: FlowInput) -> Reply:
        """Route a photo, location or contact to the open flow, or explain politely."""
        event = replace(
            event,
            text=clean_text(event.text),
            phone=clean_optional(event.phone),
            contact_name=clean_optional(event.contact_name),
        )
        state = await self.s.conversations.get(chat.platform, chat.chat_id)
        flow = self.flows.get(state.flow) if state is not None else None
        if flow is not None:
            if event.kind == "contact" and not event.phone:
                # Someone else's contact (the transport checked contact.user_id): refuse it.
                return self._notice(T.CONTACT_NOT_OWN)
            return await self._flow(flow, chat, event)
        hint = {
            "photo": T.PHOTO_OUTSIDE_FLOW,
            "location": T.LOCATION_OUTSIDE_FLOW,
            "contact": T.CONTACT_OUTSIDE_FLOW,
        }.get(event.kind, T.UNSUPPORTED)
        reply = self._notice(hint, menu=True)
        if event.kind in ("photo", "location"):
            reply.actions.insert(0, [Action(T.MENU_FEEDBACK, "feedback", "")])
        return reply

    def unsupported(self) -> Reply:
        """Answer stickers, voice, documents and the like."""
        return self._notice(T.UNSUPPORTED, menu=True)

    async def ask(self, chat: ChatRef, text: str) -> Reply:
        """Answer a free-text question through the one question path."""
        truncated = len(text) > MAX_QUESTION_CHARS
        question = text[:MAX_QUESTION_CHARS]
        today = self.today()
        u = await self.asker.understand(question, today)
        reply = await self.assistant.reply(u, today)
        if reply.answered:
            # Answers the assistant can only point at; the transport knows the chat and acts.
            if reply.intent == "feedback":
                return await self.feedback(chat, str(u.entities.get("project") or ""))
            if reply.intent == "subscribe":
                return await self.subscription_menu(chat)
            code = u.entities.get("tracking_code")
            if reply.intent == "feedback_status" and code:
                return await self.status(chat, str(code))
        await self._log_and_rate(chat, question, u, reply)
        if truncated:
            reply.blocks.insert(0, Block("note", T.TEXT_TRUNCATED))
        return self._with_follow(reply)

    async def action(self, chat: ChatRef, kind: str, payload: str) -> Reply:
        """Answer a pressed button (already decoded and validated by the transport)."""
        payload = clean_text(payload)
        if kind == "ask":
            return await self.ask(chat, payload)
        if kind == "menu":
            return self._submenu(payload)
        if kind == "feedback":
            return await self.feedback(chat, payload)
        if kind == "feedback_status":
            return await self.status(chat, payload)
        if kind == "subscribe":
            return await self.subscribe_action(chat, payload)
        if kind == "unsubscribe":
            return await self.unsubscribe(chat)
        if kind == "rate":
            return await self._rate(chat, payload)
        if kind == "flow":
            name, _, choice = payload.partition(":")
            flow = self.flows.get(name)
            if flow is None:
                return self.expired()
            return await self._flow(flow, chat, FlowInput("action", payload=choice))
        reply = await self.assistant.handle_action(kind, payload, self.today())
        return self._with_follow(reply) if reply is not None else self.expired()

    def expired(self) -> Reply:
        """Answer a forged, stale or unknown button."""
        return self._notice(T.EXPIRED, menu=True)

    # --- flows -----------------------------------------------------------------------------------
    async def _flow(self, flow: Flow, chat: ChatRef, event: FlowInput) -> Reply:
        reply = await flow.handle(chat, event, self.today())
        if flow.name == "feedback":
            await self._maybe_alert(chat, reply)
        return reply

    async def _maybe_alert(self, chat: ChatRef, reply: Reply) -> None:
        """Tell staff about a feedback the flow just submitted.

        The flow marks that reply with intent `feedback:submitted` and carries the tracking code
        as the payload of its `feedback_status` button (see `backend/flows/feedback.py`).
        """
        if self.alert is None or not self.config.staff_chat_ids:
            return
        if reply.intent != "feedback:submitted":
            return
        code = next((a.payload for a in reply.all_actions() if a.kind == "feedback_status"), "")
        if not code:
            return
        try:
            info = await self.s.feedback.get(code)
        except DomainError:
            return
        if info.platform != chat.platform or info.chat_id != chat.chat_id:
            return
        alert = T.STAFF_ALERT.format(
            code=info.tracking_code,
            kind=T.FEEDBACK_KIND_LABELS.get(info.kind, info.kind),
            project=f" — {info.project_name}" if info.project_name else "",
            text=info.text[: T.STAFF_ALERT_MAX_TEXT],
        )
        for staff_chat in sorted(self.config.staff_chat_ids):
            try:
                await self.alert(staff_chat, alert)
            except Exception:  # one unreachable staff chat must not hide the others
                log.warning("could not alert staff chat %s", staff_chat, exc_info=True)

    # --- rating ----------------------------------------------------------------------------------
    async def _log_and_rate(
        self, chat: ChatRef, question: str, u: Understanding, reply: Reply
    ) -> None:
        data = reply.answered and reply.intent in DATA_INTENTS
        if reply.answered and not data:
            return
        qid = await self.s.questions.record(
            chat.platform, chat.chat_id, question, u.intent, u.confidence, reply.answered
        )
        if data:
            reply.blocks.append(Block("text", T.RATE_QUESTION))
            reply.actions.append(
                [Action(T.RATE_UP, "rate", f"{qid}:1"), Action(T.RATE_DOWN, "rate", f"{qid}:0")]
            )

    async def _rate(self, chat: ChatRef, payload: str) -> Reply:
        qid_text, _, vote = payload.partition(":")
        if not qid_text.isdigit() or vote not in ("0", "1"):
            return self.expired()
        qid, helpful = int(qid_text), vote == "1"
        if not await self.s.questions.rate(qid, chat.platform, chat.chat_id, helpful):
            return self._notice(T.RATE_NOT_YOURS)
        if helpful:
            return self._notice(T.RATE_THANKS)
        await self.s.conversations.set(
            chat.platform, chat.chat_id, FlowState(RATE_REASON_FLOW, "reason", {"qid": qid})
        )
        return self._notice(T.RATE_ASK_REASON)

    async def _rate_reason(self, chat: ChatRef, state: FlowState, text: str) -> Reply:
        await self.s.conversations.clear(chat.platform, chat.chat_id)
        qid = state.data.get("qid")
        if isinstance(qid, int):
            await self.s.questions.rate(
                qid, chat.platform, chat.chat_id, False, text[:MAX_REASON_CHARS]
            )
        return self._notice(T.RATE_REASON_THANKS, menu=True)

    # --- subscriptions ---------------------------------------------------------------------------
    async def subscription_menu(self, chat: ChatRef) -> Reply:
        """Start or change the subscription: choose weekly or monthly."""
        current = await self.s.subscriptions.get(chat.platform, chat.chat_id)
        blocks = [Block("title", T.SUB_TITLE)]
        if current is not None:
            blocks.append(Block("text", await self._sub_line(T.SUB_CURRENT, current)))
        blocks.append(Block("text", T.SUB_CHOOSE))
        rows = [self._frequency_buttons()]
        if current is not None:
            rows.append([Action(T.SUB_BTN_UNSUBSCRIBE, "unsubscribe", "")])
        return Reply("subscribe", blocks, rows)

    async def my_subscription(self, chat: ChatRef) -> Reply:
        """Show the current subscription."""
        current = await self.s.subscriptions.get(chat.platform, chat.chat_id)
        if current is None:
            return Reply(
                "subscribe",
                [Block("text", T.SUB_NONE)],
                [[Action(T.SUB_BTN_SUBSCRIBE, "subscribe", "menu")]],
            )
        return Reply(
            "subscribe",
            [
                Block("title", T.SUB_TITLE),
                Block("text", await self._sub_line(T.SUB_CURRENT, current)),
            ],
            [
                [Action(T.SUB_BTN_CHANGE, "subscribe", "menu")],
                [Action(T.SUB_BTN_UNSUBSCRIBE, "unsubscribe", "")],
            ],
        )

    async def unsubscribe(self, chat: ChatRef) -> Reply:
        """Stop the digests."""
        stopped = await self.s.subscriptions.unsubscribe(chat.platform, chat.chat_id)
        return self._notice(T.UNSUB_DONE if stopped else T.UNSUB_NONE, menu=True)

    async def subscribe_action(self, chat: ChatRef, payload: str) -> Reply:
        """Handle subscription buttons.

        Payloads: `menu`, `weekly`/`monthly` (keep topics), `td`/`tc` (pick districts or
        categories), `d:<code>`/`c:<slug>` (toggle), `clear`, `f:<project code>` (follow).
        """
        if payload == "menu":
            return await self.subscription_menu(chat)
        key, sep, value = payload.partition(":")
        known = payload in (*FREQUENCIES, "done", "clear", "td", "tc")
        if not known and not (sep and key in ("d", "c", "f") and value):
            return self.expired()
        current = await self.s.subscriptions.get(chat.platform, chat.chat_id)
        if payload in FREQUENCIES:
            topics = current.topics if current else {}
            info = await self.s.subscriptions.subscribe(
                chat.platform, chat.chat_id, payload, topics=topics
            )
            return await self._subscribed(info)
        if payload.startswith("f:"):
            return await self._follow(chat, current, payload[2:])
        if current is None:
            return Reply(
                "subscribe", [Block("text", T.SUB_NEED_FIRST)], [self._frequency_buttons()]
            )
        if payload == "done":
            return await self.my_subscription(chat)
        if payload == "clear":
            info = await self.s.subscriptions.subscribe(
                chat.platform, chat.chat_id, current.frequency, topics={}
            )
            return await self._subscribed(info)
        if payload in ("td", "tc"):
            kind = "districts" if payload == "td" else "categories"
            return await self._topic_picker(current, kind)
        if key in ("d", "c"):
            kind = "districts" if key == "d" else "categories"
            names = await self._topic_names(kind)
            if value not in names:
                return self.expired()
            chosen = list(current.topics.get(kind, []))
            chosen = [v for v in chosen if v != value] if value in chosen else [*chosen, value]
            topics = {**current.topics, kind: chosen}
            info = await self.s.subscriptions.subscribe(
                chat.platform,
                chat.chat_id,
                current.frequency,
                municipality=current.municipality,
                topics=topics,
            )
            return await self._topic_picker(info, kind)
        return self.expired()

    async def _follow(self, chat: ChatRef, current: SubscriptionInfo | None, code: str) -> Reply:
        names = (await self.s.catalog.gazetteer_data()).projects
        name = next((p.name_fa for p in names if p.code == code), None)
        if name is None:
            return self.expired()
        frequency = current.frequency if current else "weekly"
        topics = dict(current.topics) if current else {}
        topics["projects"] = list(dict.fromkeys([*topics.get("projects", []), code]))
        info = await self.s.subscriptions.subscribe(
            chat.platform,
            chat.chat_id,
            frequency,
            municipality=current.municipality if current else None,
            topics=topics,
        )
        text = T.SUB_FOLLOWED.format(name=name, frequency=self._frequency_fa(info.frequency))
        return Reply(
            "subscribe",
            [Block("text", fa_digits_in_prose(text))],
            [[Action(T.SUB_BTN_CHANGE, "subscribe", "menu")]],
        )

    async def _subscribed(self, info: SubscriptionInfo) -> Reply:
        blocks = [
            Block("text", await self._sub_line(T.SUB_DONE, info)),
            Block("text", T.SUB_TOPICS_HINT),
        ]
        rows = [
            [
                Action(T.SUB_BTN_DISTRICTS, "subscribe", "td"),
                Action(T.SUB_BTN_CATEGORIES, "subscribe", "tc"),
            ],
            [Action(T.SUB_BTN_CLEAR, "subscribe", "clear")],
        ]
        return Reply("subscribe", blocks, rows)

    async def _topic_picker(self, info: SubscriptionInfo, kind: str) -> Reply:
        names = await self._topic_names(kind)
        chosen = set(info.topics.get(kind, []))
        buttons = [
            Action(
                T.SUB_PICKED.format(name=name) if key in chosen else name,
                "subscribe",
                f"{'d' if kind == 'districts' else 'c'}:{key}",
            )
            for key, name in names.items()
        ]
        rows = [
            buttons[i : i + TOPIC_BUTTONS_PER_ROW]
            for i in range(0, len(buttons), TOPIC_BUTTONS_PER_ROW)
        ]
        rows.append([Action(T.SUB_BTN_DONE, "subscribe", "done")])
        title = T.SUB_PICK_DISTRICTS if kind == "districts" else T.SUB_PICK_CATEGORIES
        return Reply("subscribe", [Block("text", title)], rows)

    async def _topic_names(self, kind: str) -> dict[str, str]:
        data = await self.s.catalog.gazetteer_data()
        if kind == "districts":
            muni = await self.s.catalog.municipality(None)
            return {
                d.code: fa_digits_in_prose(d.name_fa)
                for d in data.districts
                if d.municipality == muni.slug
            }
        return {c.slug: c.name_fa for c in data.categories}

    async def _sub_line(self, template: str, info: SubscriptionInfo) -> str:
        labels: list[str] = []
        for kind in ("districts", "categories"):
            names = await self._topic_names(kind)
            labels += [names.get(v, v) for v in info.topics.get(kind, [])]
        if info.topics.get("projects"):
            projects = {p.code: p.name_fa for p in (await self.s.catalog.gazetteer_data()).projects}
            labels += [projects.get(c, c) for c in info.topics["projects"]]
        topics = T.SUB_TOPICS.format(topics="، ".join(labels)) if labels else T.SUB_TOPICS_NONE
        return fa_digits_in_prose(
            template.format(frequency=self._frequency_fa(info.frequency), topics=topics)
        )

    @staticmethod
    def _frequency_fa(frequency: str) -> str:
        return T.SUB_WEEKLY if frequency == "weekly" else T.SUB_MONTHLY

    @staticmethod
    def _frequency_buttons() -> list[Action]:
        return [
            Action(T.SUB_BTN_WEEKLY, "subscribe", "weekly"),
            Action(T.SUB_BTN_MONTHLY, "subscribe", "monthly"),
        ]

    # --- staff -----------------------------------------------------------------------------------
    def is_staff(self, chat: ChatRef) -> bool:
        """Tell whether the chat may use the staff commands."""
        return chat.chat_id in self.config.staff_chat_ids

    def unknown_command(self) -> Reply:
        """The reply to any command we do not know (and to staff commands from citizens)."""
        return self._notice(T.UNKNOWN_COMMAND)

    async def staff_inbox(self, chat: ChatRef, status: str = "") -> Reply:
        """List recent feedback (staff only)."""
        if not self.is_staff(chat):
            return self.unknown_command()
        status = status.strip()
        if status and status not in FEEDBACK_STATUSES:
            return self._notice(T.STAFF_USAGE_INBOX.format(statuses=" ".join(FEEDBACK_STATUSES)))
        items = await self.s.feedback.recent(status or None, limit=10)
        label = f" ({T.FEEDBACK_STATUS_LABELS[status]})" if status else ""
        blocks = [Block("title", T.STAFF_INBOX_TITLE.format(status=label))]
        if not items:
            blocks.append(Block("text", T.STAFF_INBOX_EMPTY))
        for info in items:
            blocks.append(
                Block(
                    "text",
                    T.STAFF_INBOX_ITEM.format(
                        code=info.tracking_code,
                        kind=T.FEEDBACK_KIND_LABELS.get(info.kind, info.kind),
                        status=T.FEEDBACK_STATUS_LABELS.get(info.status, info.status),
                        date=self._date(info.created_at),
                        project=f" · {info.project_name}" if info.project_name else "",
                        text=info.text[:300],
                    ),
                )
            )
        return Reply("staff", blocks)

    async def staff_show(self, chat: ChatRef, code: str) -> Reply:
        """Show one feedback with its history (staff only)."""
        if not self.is_staff(chat):
            return self.unknown_command()
        if not code.strip():
            return self._notice(T.STAFF_USAGE_SHOW)
        try:
            info = await self.s.feedback.get(code)
        except DomainError as exc:
            return self._notice(T.STAFF_ERROR.format(message=exc.message_fa))
        reply = self._status_reply(info, staff=True)
        return reply

    async def staff_reply(self, chat: ChatRef, code: str, text: str) -> Reply:
        """Answer a feedback publicly; the citizen gets a notice through the outbox (staff only)."""
        if not self.is_staff(chat):
            return self.unknown_command()
        if not code.strip() or not text.strip():
            return self._notice(T.STAFF_USAGE_REPLY)
        canonical = normalize_code(code)
        notice = T.NOTICE_REPLY.format(code=canonical, text=text.strip())
        try:
            await self.s.feedback.reply(canonical, text, actor=f"bot:{chat.chat_id}", notice=notice)
        except DomainError as exc:
            return self._notice(T.STAFF_ERROR.format(message=exc.message_fa))
        return self._notice(T.STAFF_REPLIED.format(code=canonical))

    async def staff_set_status(self, chat: ChatRef, code: str, status: str, note: str) -> Reply:
        """Move a feedback to a new status with a note (staff only)."""
        if not self.is_staff(chat):
            return self.unknown_command()
        if not code.strip() or status not in FEEDBACK_STATUSES or not note.strip():
            return self._notice(T.STAFF_USAGE_STATUS.format(statuses=" ".join(FEEDBACK_STATUSES)))
        canonical = normalize_code(code)
        label = T.FEEDBACK_STATUS_LABELS[status]
        notice = T.NOTICE_STATUS.format(code=canonical, status=label)
        try:
            await self.s.feedback.set_status(
                canonical, status, actor=f"bot:{chat.chat_id}", note=note, notice=notice
            )
        except DomainError as exc:
            return self._notice(T.STAFF_ERROR.format(message=exc.message_fa))
        return self._notice(T.STAFF_STATUS_SET.format(code=canonical, status=label))

    # --- small helpers ---------------------------------------------------------------------------
    def _status_reply(self, info: FeedbackInfo, *, staff: bool = False) -> Reply:
        title = (T.STAFF_SHOW_TITLE if staff else T.STATUS_TITLE).format(code=info.tracking_code)
        blocks = [
            Block("title", title),
            Block(
                "fact", T.FEEDBACK_STATUS_LABELS.get(info.status, info.status), label=T.STATUS_LINE
            ),
            Block("fact", T.FEEDBACK_KIND_LABELS.get(info.kind, info.kind), label=T.STATUS_KIND),
            Block("fact", self._date(info.created_at), label=T.STATUS_SENT),
        ]
        if info.project_name:
            blocks.append(Block("fact", info.project_name, label=T.STATUS_PROJECT))
        if staff:
            blocks.append(Block("text", info.text))
            events = tuple(
                T.STAFF_EVENT.format(
                    date=self._date(e.at),
                    actor=e.actor,
                    kind=e.kind,
                    status=f" → {e.to_status}" if e.to_status else "",
                    text=f": {e.text}" if e.text else "",
                )
                for e in info.events
            )
            blocks.append(Block("list", T.STAFF_EVENTS, events))
        else:
            replies = tuple(e.text or "" for e in info.public_replies)
            if replies:
                blocks.append(Block("list", T.STATUS_REPLIES, replies))
            else:
                blocks.append(Block("note", T.STATUS_NO_REPLY))
        return Reply("feedback_status", blocks)

    def _date(self, moment: datetime) -> str:
        day = moment.astimezone(self.config.zone).date()
        return date_label(jdatetime.date.fromgregorian(date=day))

    def _submenu(self, which: str) -> Reply:
        if which == "where":
            examples = [
                Action(
                    T.WHERE_EXAMPLE_BUTTON.format(amount=fa_int(n)),
                    "ask",
                    T.WHERE_EXAMPLE_QUESTION.format(amount=fa_int(n)),
                )
                for n in (1, 10)
            ]
            rows = [
                examples,
                [Action(T.WHERE_SPENT_BUTTON, "intent", "vat_spending")],
                [Action(T.MENU_BUTTON, "menu", "main")],
            ]
            return Reply("menu", [Block("title", T.WHERE_TITLE), Block("text", T.WHERE_TEXT)], rows)
        if which == "main":
            return self.main_menu()
        return self.expired()

    async def _card(self, code: str) -> Reply:
        return self._with_follow(await self.assistant.project_card(code, self.today()))

    @staticmethod
    def _with_follow(reply: Reply) -> Reply:
        """Offer "follow this project" under a card (its code rides on the feedback button)."""
        if reply.intent != "project_info" or not reply.answered:
            return reply
        code = next(
            (a.payload for a in reply.all_actions() if a.kind == "feedback" and a.payload), None
        )
        if code:
            reply.actions.append([Action(T.SUB_BTN_FOLLOW, "subscribe", f"f:{code}")])
        return reply

    @staticmethod
    def _notice(text: str, *, menu: bool = False) -> Reply:
        rows = [[Action(T.MENU_BUTTON, "menu", "main")]] if menu else []
        return Reply("notice", [Block("text", text)], rows)
