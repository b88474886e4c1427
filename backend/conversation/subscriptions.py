"""Digest subscriptions in the chat: choose weekly or monthly, topics, follow a project."""

from __future__ import annotations

from backend.conversation import texts as T
from backend.conversation.flows.base import ChatRef
from backend.conversation.notices import expired, notice
from backend.formatting import fa_digits_in_prose
from backend.reply import Action, Block, Reply
from backend.services import Services
from backend.services.subscriptions import FREQUENCIES, SubscriptionInfo

TOPIC_BUTTONS_PER_ROW = 3


class SubscriptionMenus:
    """Start, change, show and stop a chat's digest subscription."""

    def __init__(self, services: Services) -> None:
        self._s = services

    async def subscription_menu(self, chat: ChatRef) -> Reply:
        """Start or change the subscription: choose weekly or monthly."""
        current = await self._s.subscriptions.get(chat.platform, chat.chat_id)
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
        current = await self._s.subscriptions.get(chat.platform, chat.chat_id)
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
        stopped = await self._s.subscriptions.unsubscribe(chat.platform, chat.chat_id)
        return notice(T.UNSUB_DONE if stopped else T.UNSUB_NONE, menu=True)

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
            return expired()
        current = await self._s.subscriptions.get(chat.platform, chat.chat_id)
        if payload in FREQUENCIES:
            topics = current.topics if current else {}
            info = await self._s.subscriptions.subscribe(
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
            info = await self._s.subscriptions.subscribe(
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
                return expired()
            chosen = list(current.topics.get(kind, []))
            chosen = [v for v in chosen if v != value] if value in chosen else [*chosen, value]
            topics = {**current.topics, kind: chosen}
            info = await self._s.subscriptions.subscribe(
                chat.platform,
                chat.chat_id,
                current.frequency,
                municipality=current.municipality,
                topics=topics,
            )
            return await self._topic_picker(info, kind)
        return expired()

    async def _follow(self, chat: ChatRef, current: SubscriptionInfo | None, code: str) -> Reply:
        names = (await self._s.catalog.gazetteer_data()).projects
        name = next((p.name_fa for p in names if p.code == code), None)
        if name is None:
            return expired()
        frequency = current.frequency if current else "weekly"
        topics = dict(current.topics) if current else {}
        topics["projects"] = list(dict.fromkeys([*topics.get("projects", []), code]))
        info = await self._s.subscriptions.subscribe(
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
        data = await self._s.catalog.gazetteer_data()
        if kind == "districts":
            muni = await self._s.catalog.municipality(None)
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
            projects = {
                p.code: p.name_fa for p in (await self._s.catalog.gazetteer_data()).projects
            }
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
