"""The router: one chat event and the chat's state in, one `Reply` out, whatever the door.

The bot's handlers, `shafaf chat`, `shafaf ask` and `POST /api/v1/ask` all call `Conversation`;
none of them decides anything about the conversation. Routing rules, in order:

1. A chat with an open flow (state in the database, so it survives restarts) sends its text,
   photos, locations and contacts to that flow; `/cancel` always leaves it.
2. A pending 👎 reason (a tiny pseudo-flow, `rate_reason`) takes the next text message.
3. Otherwise text is cut to `MAX_QUESTION_CHARS` (one limit for every door), understood by
   `AskService.understand` and answered by `Answers`; the few answers that act on the chat
   (feedback, subscription, a tracking code's status) are carried out here.

Every free-text answer is logged when it was not answered or when it carries figures (so 👍/👎 can
refer to it); a 👎 reason is stored with `rate`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import tzinfo
from typing import Any

import jdatetime

from backend.ask import AskService
from backend.conversation import texts as T
from backend.conversation.answers import (
    DEFAULT_PUBLIC_URL,
    DEFAULT_STALE_AFTER_DAYS,
    Answers,
)
from backend.conversation.context import frame_of, resolve
from backend.conversation.flows.base import ChatRef, Flow, FlowInput
from backend.conversation.notices import (
    expired,
    main_menu,
    notice,
    status_reply,
    unknown_command,
)
from backend.conversation.rating import RATE_REASON_FLOW, Ratings
from backend.conversation.staff import StaffTools
from backend.conversation.subscriptions import SubscriptionMenus
from backend.errors import DomainError
from backend.formatting import fa_int
from backend.labels import FEEDBACK_KIND_LABELS
from backend.reply import Action, Block, Reply
from backend.services import Services
from backend.services.feedback import normalize_code
from backend.services.subscriptions import FREQUENCIES
from backend.untrusted import clean_optional, clean_text
from nlp.cues import complaint_kind, feedback_has_substance
from nlp.followup import split_question
from nlp.keywords import narrow_to_one
from nlp.types import QUESTION_INTENTS, Understanding

log = logging.getLogger("shafaf.conversation")

# The NLU reads at most this much, whatever the door; longer messages are cut (and told so).
MAX_QUESTION_CHARS = 2000
# The feedback button's payload for "the complaint you just wrote" (kept in the chat's frame).
HELD = "held"

AlertSink = Callable[[int, str], Awaitable[None]]
Command = Callable[["Conversation", ChatRef, str], Awaitable[Reply]]


@dataclass(frozen=True, slots=True)
class ConversationConfig:
    """What the conversation needs to know about its deployment."""

    zone: tzinfo
    staff_chat_ids: frozenset[int] = frozenset()
    public_url: str = DEFAULT_PUBLIC_URL  # where each figure's data link points
    stale_after_days: int = DEFAULT_STALE_AFTER_DAYS  # older figures say they may be dated


class Conversation:
    """Answer chat events with `Reply`s; a transport only renders and sends them."""

    def __init__(
        self,
        services: Services,
        asker: AskService,
        flows: Mapping[str, Flow],
        config: ConversationConfig,
        alert: AlertSink | None = None,
    ) -> None:
        self.s = services
        self.asker = asker
        self.answers = Answers(services, config.public_url, config.stale_after_days)
        self.flows = dict(flows)
        self.config = config
        self.alert = alert
        self.subscriptions = SubscriptionMenus(services)
        self.staff = StaffTools(services, config.staff_chat_ids, config.zone)
        self.ratings = Ratings(services)

    def today(self) -> jdatetime.date:
        """Return "today" (pinned in demos and tests)."""
        return self.s.today()

    # --- entry points: commands -----------------------------------------------------------------
    async def command(self, chat: ChatRef, name: str, args: str = "") -> Reply:
        """Run a slash command by name (`start`, `status`, …; staff commands for staff chats)."""
        run = COMMANDS.get(name.lower())
        return await run(self, chat, clean_text(args).strip()) if run else unknown_command()

    async def start(self, chat: ChatRef, payload: str = "") -> Reply:
        """Welcome and main menu; `p_<code>` opens that project's card."""
        payload = clean_text(payload)
        if payload.startswith("p_") and len(payload) > 2:
            return await self._card(payload[2:])
        name = T.WELCOME_NAME.format(name=chat.first_name) if chat.first_name else ""
        reply = main_menu()
        reply.blocks = [Block("text", T.WELCOME.format(name=name))]
        return reply

    async def help(self, chat: ChatRef) -> Reply:
        """The assistant's help plus the command list."""
        reply = await self.answers.reply(Understanding("help", 1.0), self.today())
        reply.blocks.append(Block("list", T.HELP_COMMANDS_TITLE, T.HELP_COMMANDS))
        reply.actions.append([Action(T.MENU_BUTTON, "menu", "main")])
        return reply

    def main_menu(self) -> Reply:
        """The main menu as buttons."""
        return main_menu()

    async def cancel(self, chat: ChatRef) -> Reply:
        """Leave the current conversation."""
        had = await self.s.conversations.clear(chat.platform, chat.chat_id)
        reply = main_menu()
        reply.blocks = [Block("text", T.CANCELLED if had else T.NOTHING_TO_CANCEL)]
        return reply

    async def feedback(self, chat: ChatRef, argument: str = "") -> Reply:
        """Open the feedback flow (from /feedback, the menu, a card or the feedback intent).

        `argument` is a project code, or `HELD`: the complaint the chat wrote alongside a
        question, kept so the citizen never types it twice.
        """
        argument = clean_text(argument)
        if argument == HELD:
            frame = await self.s.frames.get(chat.platform, chat.chat_id) or {}
            held = frame.get("held") or {}
            return await self._open_feedback(
                chat,
                str(held.get("project") or ""),
                text=str(held.get("text") or ""),
                kind=held.get("kind"),
            )
        return await self._open_feedback(chat, argument)

    async def status(self, chat: ChatRef, code: str) -> Reply:
        """Show a feedback's status and public replies, only to the chat that sent it."""
        code = clean_text(code)
        if not code.strip():
            return notice(T.STATUS_ASK_CODE)
        try:
            info = await self.s.feedback.for_chat(code, chat.platform, chat.chat_id)
        except DomainError:
            # Same words for "no such code" and "someone else's code": nothing is learned.
            # The code is named back as understood, so a typo is easy to spot.
            missing = notice(T.STATUS_UNKNOWN_CODE.format(code=normalize_code(code)))
            missing.intent = "feedback_status"
            missing.answered = False
            return missing
        return status_reply(info, self.config.zone)

    async def subscription_menu(self, chat: ChatRef) -> Reply:
        """Start or change the subscription: choose weekly or monthly."""
        return await self.subscriptions.subscription_menu(chat)

    async def my_subscription(self, chat: ChatRef) -> Reply:
        """Show the current subscription."""
        return await self.subscriptions.my_subscription(chat)

    async def unsubscribe(self, chat: ChatRef) -> Reply:
        """Stop the digests."""
        return await self.subscriptions.unsubscribe(chat)

    def unknown_command(self) -> Reply:
        """The reply to any command we do not know (and to staff commands from citizens)."""
        return unknown_command()

    # --- entry points: messages -------------------------------------------------------------------
    async def text(self, chat: ChatRef, text: str, *, today: jdatetime.date | None = None) -> Reply:
        """Answer a text message: open flow first, then a pending 👎 reason, then the answers."""
        text = clean_text(text)  # the one door for typed text: make it storable first
        state = await self.s.conversations.get(chat.platform, chat.chat_id)
        if state is not None:
            if state.flow == RATE_REASON_FLOW:
                return await self.ratings.reason(chat, state, text)
            flow = self.flows.get(state.flow)
            if flow is not None:
                return await self._flow(flow, chat, FlowInput("text", text=text))
            # A flow this build no longer has: drop the stale state and answer normally.
            await self.s.conversations.clear(chat.platform, chat.chat_id)
        return await self.ask(chat, text, today=today)

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
                return notice(T.CONTACT_NOT_OWN)
            return await self._flow(flow, chat, event)
        hint = {
            "photo": T.PHOTO_OUTSIDE_FLOW,
            "location": T.LOCATION_OUTSIDE_FLOW,
            "contact": T.CONTACT_OUTSIDE_FLOW,
        }.get(event.kind, T.UNSUPPORTED)
        reply = notice(hint, menu=True)
        if event.kind in ("photo", "location"):
            reply.actions.insert(0, [Action(T.MENU_FEEDBACK, "feedback", "")])
        return reply

    def unsupported(self) -> Reply:
        """Answer stickers, voice, documents and the like."""
        return notice(T.UNSUPPORTED, menu=True)

    async def ask(self, chat: ChatRef, text: str, *, today: jdatetime.date | None = None) -> Reply:
        """Answer a free-text question through the one question path, in the chat's context."""
        truncated = len(text) > MAX_QUESTION_CHARS
        question = text[:MAX_QUESTION_CHARS]
        today = today or self.today()
        frame = await self.s.frames.get(chat.platform, chat.chat_id)
        u = await self.asker.understand(question, today)
        held: dict[str, Any] | None = None
        complaint = complaint_kind(u.normalized_text)
        if complaint in ("complaint", "criticism"):
            # A complaint that ends in a question: answer the question, keep the complaint.
            asked = split_question(question)
            if asked is not None:
                inner = await self.asker.understand(asked, today)
                if inner.intent in QUESTION_INTENTS:
                    u = replace(
                        inner,
                        entities={**u.entities, **inner.entities},
                        extras={**inner.extras, "followup": {}},
                    )
                    held = {"text": question, "kind": complaint}
                    if u.entities.get("project"):
                        held["project"] = u.entities["project"]
        u = await self._single_out(u, frame)
        u = resolve(u, frame)
        reply = await self.answers.reply(u, today)
        if reply.answered:
            acted = await self._act(chat, u, question, today)
            if acted is not None:
                acted.understanding = u
                return acted
        if u.intent in QUESTION_INTENTS:
            remembered = frame_of(u)
            if held is not None:
                remembered["held"] = held
                reply.blocks.append(Block("text", T.FEEDBACK_OFFER))
                reply.actions.insert(0, [Action(T.BTN_FILE_COMPLAINT, "feedback", HELD)])
            await self.s.frames.set(chat.platform, chat.chat_id, remembered)
        elif held is not None:
            await self.s.frames.set(chat.platform, chat.chat_id, {"held": held})
            reply.blocks.append(Block("text", T.FEEDBACK_OFFER))
            reply.actions.insert(0, [Action(T.BTN_FILE_COMPLAINT, "feedback", HELD)])
        await self.ratings.log_and_rate(chat, question, u, reply)
        if truncated:
            reply.blocks.insert(0, Block("note", T.TEXT_TRUNCATED))
        return self._with_follow(reply)

    async def _single_out(self, u: Understanding, frame: dict[str, Any] | None) -> Understanding:
        """«خط ۴ تنهایی چقدر؟» after an answer about several projects: that one project."""
        keyword = ((frame or {}).get("extras") or {}).get("keyword")
        if not keyword or u.entities.get("project") or not u.normalized_text:
            return u
        codes = set(keyword.get("projects", ()))
        projects = (await self.s.catalog.gazetteer_data()).projects
        code = narrow_to_one(
            u.normalized_text, [(p.code, p.name_fa) for p in projects if p.code in codes]
        )
        if code is None:
            return u
        entities = {k: v for k, v in u.entities.items() if k in ("period",)}
        entities["project"] = code
        extras = {**u.extras, "focus": u.extras.get("followup", {}).get("focus") or "funding"}
        return replace(u, intent="project_info", confidence=1.0, entities=entities, extras=extras)

    async def _act(
        self, chat: ChatRef, u: Understanding, question: str, today: jdatetime.date
    ) -> Reply | None:
        """Carry out what only the chat can: open the feedback flow, subscribe, show a status."""
        if u.intent == "feedback":
            kind = complaint_kind(u.normalized_text)
            # A message that already says what the feedback is keeps its words.
            text = question if feedback_has_substance(u.masked_text) else ""
            return await self._open_feedback(
                chat, str(u.entities.get("project") or ""), text=text, kind=kind, today=today
            )
        if u.intent == "subscribe":
            frequency = u.extras.get("frequency")
            if frequency in FREQUENCIES:
                return await self.subscriptions.subscribe_action(chat, str(frequency))
            return await self.subscription_menu(chat)
        if u.intent == "feedback_status" and u.entities.get("tracking_code"):
            return await self.status(chat, str(u.entities["tracking_code"]))
        return None

    async def _open_feedback(
        self,
        chat: ChatRef,
        project: str,
        *,
        text: str = "",
        kind: str | None = None,
        today: jdatetime.date | None = None,
    ) -> Reply:
        flow = self.flows.get("feedback")
        if flow is None:
            return notice(T.FLOW_UNAVAILABLE, menu=True)
        return await flow.start(
            chat, today or self.today(), argument=clean_text(project), text=text, kind=kind
        )

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
            return await self.subscriptions.subscribe_action(chat, payload)
        if kind == "unsubscribe":
            return await self.unsubscribe(chat)
        if kind == "rate":
            return await self.ratings.rate(chat, payload)
        if kind == "flow":
            name, _, choice = payload.partition(":")
            flow = self.flows.get(name)
            if flow is None:
                return expired()
            return await self._flow(flow, chat, FlowInput("action", payload=choice))
        reply = await self.answers.handle_action(kind, payload, self.today())
        if reply is None:
            return expired()
        u = reply.understanding
        if u is not None and u.intent in QUESTION_INTENTS and reply.answered:
            # A pressed button asks a question too: a typed follow-up continues from it.
            await self.s.frames.set(chat.platform, chat.chat_id, frame_of(u))
        return self._with_follow(reply)

    def expired(self) -> Reply:
        """Answer a forged, stale or unknown button."""
        return expired()

    # --- staff ------------------------------------------------------------------------------------
    def is_staff(self, chat: ChatRef) -> bool:
        """Tell whether the chat may use the staff commands."""
        return self.staff.is_staff(chat)

    async def staff_inbox(self, chat: ChatRef, status: str = "") -> Reply:
        """List recent feedback (staff only)."""
        return await self.staff.staff_inbox(chat, status)

    async def staff_show(self, chat: ChatRef, code: str) -> Reply:
        """Show one feedback with its history (staff only)."""
        return await self.staff.staff_show(chat, code)

    async def staff_reply(self, chat: ChatRef, code: str, text: str) -> Reply:
        """Answer a feedback publicly (staff only)."""
        return await self.staff.staff_reply(chat, code, text)

    async def staff_set_status(self, chat: ChatRef, code: str, status: str, note: str) -> Reply:
        """Move a feedback to a new status with a note (staff only)."""
        return await self.staff.staff_set_status(chat, code, status, note)

    # --- flows -----------------------------------------------------------------------------------
    async def _flow(self, flow: Flow, chat: ChatRef, event: FlowInput) -> Reply:
        reply = await flow.handle(chat, event, self.today())
        if flow.name == "feedback":
            await self._maybe_alert(chat, reply)
        return reply

    async def _maybe_alert(self, chat: ChatRef, reply: Reply) -> None:
        """Tell staff about a feedback the flow just submitted.

        The flow marks that reply with intent `feedback:submitted` and carries the tracking code
        as the payload of its `feedback_status` button (see `flows/feedback.py`).
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
            kind=FEEDBACK_KIND_LABELS.get(info.kind, info.kind),
            project=f" — {info.project_name}" if info.project_name else "",
            text=info.text[: T.STAFF_ALERT_MAX_TEXT],
        )
        for staff_chat in sorted(self.config.staff_chat_ids):
            try:
                await self.alert(staff_chat, alert)
            except Exception:  # one unreachable staff chat must not hide the others
                log.warning("could not alert staff chat %s", staff_chat, exc_info=True)

    # --- small helpers ---------------------------------------------------------------------------
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
            return main_menu()
        return expired()

    async def _card(self, code: str) -> Reply:
        return self._with_follow(await self.answers.project_card(code, self.today()))

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


def _staff_reply(c: Conversation, chat: ChatRef, args: str) -> Awaitable[Reply]:
    code, _, text = args.partition(" ")
    return c.staff_reply(chat, code, text)


def _staff_set_status(c: Conversation, chat: ChatRef, args: str) -> Awaitable[Reply]:
    code, _, rest = args.partition(" ")
    status, _, note = rest.strip().partition(" ")
    return c.staff_set_status(chat, code, status, note)


# The contract's commands, then the staff's (which refuse everyone but staff chats alike).
COMMANDS: dict[str, Command] = {
    "start": lambda c, chat, a: c.start(chat, a),
    "help": lambda c, chat, a: c.help(chat),
    "subscribe": lambda c, chat, a: c.subscription_menu(chat),
    "unsubscribe": lambda c, chat, a: c.unsubscribe(chat),
    "mysubscription": lambda c, chat, a: c.my_subscription(chat),
    "feedback": lambda c, chat, a: c.feedback(chat, a),
    "status": lambda c, chat, a: c.status(chat, a),
    "cancel": lambda c, chat, a: c.cancel(chat),
    "inbox": lambda c, chat, a: c.staff_inbox(chat, a),
    "show": lambda c, chat, a: c.staff_show(chat, a),
    "reply": _staff_reply,
    "setstatus": _staff_set_status,
}
CITIZEN_COMMANDS = (
    "start",
    "help",
    "subscribe",
    "unsubscribe",
    "mysubscription",
    "feedback",
    "status",
    "cancel",
)
STAFF_COMMANDS = ("inbox", "show", "reply", "setstatus")
