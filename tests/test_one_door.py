"""One conversation behind every door: the same texts in the same state give the same replies
from the bot (over HTTP, against the local Bot API server), `shafaf chat`, `shafaf ask` and
`POST /api/v1/ask` — including follow-ups that lean on the chat's context, a ranking, an honest
limit, and a complaint that opens the feedback flow with its text kept."""

from __future__ import annotations

import html
import re
from typing import Any

import aiohttp
from aiohttp import web

from backend.render_plain import CHOICES, numbered_actions, render_plain
from shafaf.chat import CLI_CHAT
from shafaf.runtime import create_web_app
from tests.bot.conftest import bot_harness
from tests.bot.helpers import buttons
from tests.fakes.updates import message_update

SCRIPT = (
    "سهم مشهد از ارزش افزوده سال ۱۴۰۳ چقدر بود؟",
    "پارسال چی؟",
    "نیشابور چطور؟",
    "کدوم شهر پارسال بیشترین سهم رو گرفت؟",
    "سرانه چی؟",
    "سال بعد چقدر میگیره؟",
    "شکایت دارم: کارگاه کانال آب‌های سطحی بلوار نماز شبا تا ساعت ۱۲ سر و صدا داره",
)
_TAG = re.compile(r"<[^>]+>")


def _plain_of_html(text: str) -> str:
    return html.unescape(_TAG.sub("", text))


def _split(plain: str) -> tuple[str, list[str]]:
    """Split `render_plain` output into the answer and the button labels."""
    body, _, choices = plain.partition("\n" + CHOICES + "\n")
    labels = [re.sub(r"^[۰-۹]+\) ", "", line).split(": http")[0] for line in choices.splitlines()]
    return body.strip(), [label for label in labels if label]


async def test_same_text_same_state_same_reply_from_every_door(sample_db_url: str) -> None:
    transcripts: dict[str, list[tuple[str, list[str]]]] = {}
    async with bot_harness(sample_db_url) as bot:
        runtime = bot.runtime
        # the bot, over HTTP: HTML stripped to its text, buttons by label
        chat = 7_001
        seen: list[tuple[str, list[str]]] = []
        for text in SCRIPT:
            sent = [
                m
                for m in await bot.roundtrip(message_update(chat, text))
                if m["method"] == "sendMessage"
            ]
            body = "\n\n".join(_plain_of_html(m["text"]) for m in sent)
            seen.append((body.strip(), [b["text"] for m in sent for b in buttons(m)]))
        transcripts["bot"] = seen

        # `shafaf chat`: the conversation itself, rendered as the terminal shows it
        seen = []
        for text in SCRIPT:
            reply = await runtime.conversation.text(CLI_CHAT, text)
            seen.append(_split(render_plain(reply)))
            assert [a.label for a in numbered_actions(reply)] == seen[-1][1]
        transcripts["chat"] = seen

        # `shafaf ask --conversation ID`
        seen = []
        for text in SCRIPT:
            result = await runtime.cli_door.ask(text, conversation_id="one-door")
            seen.append(_split(result.answer))
        transcripts["ask"] = seen

        # POST /api/v1/ask with a conversation id, over HTTP
        app = create_web_app(runtime)
        server = web.AppRunner(app, access_log=None)
        await server.setup()
        site = web.TCPSite(server, "127.0.0.1", 0)
        await site.start()
        port = server.addresses[0][1]
        seen = []
        try:
            async with aiohttp.ClientSession() as client:
                for text in SCRIPT:
                    body: dict[str, Any] = {"text": text, "conversation": "one-door-api"}
                    async with client.post(
                        f"http://127.0.0.1:{port}/api/v1/ask", json=body
                    ) as response:
                        assert response.status == 200
                        seen.append(_split((await response.json())["answer"]))
        finally:
            await server.cleanup()
        transcripts["api"] = seen

    reference = transcripts["chat"]
    for door, seen in transcripts.items():
        for turn, (text, (body, labels)) in enumerate(zip(SCRIPT, seen, strict=True)):
            expected_body, expected_labels = reference[turn]
            assert body == expected_body, f"{door}, turn {turn + 1} «{text}»"
            assert labels == expected_labels, f"{door}, turn {turn + 1} «{text}»"
    # and the context really carried: the follow-ups were answered, not refused
    assert "۱۴۰۴" in reference[1][0] and "نیشابور" in reference[2][0]
    assert reference[4][0].count("برای هر نفر") >= 5
    assert "ثبت" in " ".join(reference[6][1])
