"""Bale as it really is: the bot against the fake Bot API in its strict Bale mode.

The fake refuses any `parse_mode`, a `setWebhook` with anything but `url` or on a port other than
443 and 88, and edits of messages that carry inline keyboards; it delivers updates in Bale's
shape and records callback queries the bot never answered (see `tests/fakes/bot_api.py`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from pydantic import ValidationError

from backend.config import describe_invalid
from backend.conversation import texts as C
from backend.conversation import texts as F
from backend.reply import Action, Block, Reply
from bot import texts as T
from bot.callbacks import CallbackCodec
from bot.flood import FloodGuard
from bot.platforms import platform_for
from bot.render import Renderer
from shafaf.cli import main
from tests.bot.conftest import STAFF_CHAT, BotHarness, bot_harness
from tests.bot.helpers import buttons, press, text_of
from tests.conftest import make_settings
from tests.fakes.bot_api import parse_bale_markdown
from tests.fakes.updates import (
    callback_update,
    command_update,
    message_update,
)

CITIZEN = 7001
HOSTILE_WORDS = "[ثبت شکایت](https://evil.example/x_y) *فوری* _واقعاً_ snake_case"


@pytest.fixture
async def bale(sample_db_url: str) -> AsyncIterator[BotHarness]:
    """The Bale bot in polling mode over a fresh sample database."""
    async with bot_harness(sample_db_url, platform="bale") as harness:
        yield harness


def bale_renderer() -> Renderer:
    """Return the renderer a Bale bot uses."""
    settings = make_settings("sqlite+aiosqlite://", platform="bale", bot_token="1:x")
    return Renderer(platform_for(settings), CallbackCodec())


async def test_webhook_is_registered_with_url_only_and_the_secret_in_its_path(
    sample_db_url: str,
) -> None:
    async with bot_harness(sample_db_url, platform="bale", mode="webhook") as bot:
        [call] = bot.fake.calls("setWebhook")
        assert set(call.params) == {"url"}  # no secret_token, no allowed_updates
        secret = bot.settings.webhook_secret.get_secret_value()
        assert call.params["url"] == f"{bot.settings.webhook_url}/{secret}"
        assert ":88/" in call.params["url"]
        sent = await bot.roundtrip(message_update(CITIZEN, "سلام"))
        assert len(sent) == 1


@pytest.mark.parametrize(
    "url",
    [
        "https://bot.example:8443/bot/webhook",
        "https://bot.example:8080/bot/webhook",
        "http://bot.example/bot/webhook",  # plain HTTP: refused before its port 80 is read
    ],
)
def test_a_webhook_bale_cannot_deliver_to_is_refused_by_the_settings(url: str) -> None:
    with pytest.raises(ValidationError) as refused:
        make_settings("sqlite+aiosqlite://", platform="bale", webhook_url=url)
    [line] = describe_invalid(refused.value)
    assert line.startswith(f"SHAFAF_WEBHOOK_URL={url!r}: expected ")
    assert ("port 443 or 88" in line) != url.startswith("http://")


@pytest.mark.parametrize(
    "url", ["https://bot.example/bot/webhook", "https://bot.example:88/bot/webhook"]
)
def test_a_webhook_on_443_or_88_is_accepted(url: str) -> None:
    settings = make_settings("sqlite+aiosqlite://", platform="bale", webhook_url=url)
    assert settings.webhook_url == url


def test_shafaf_run_refuses_a_bale_webhook_port_with_exit_code_2(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(str(tmp_path))
    for key, value in {
        "SHAFAF_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/shafaf.db",
        "SHAFAF_BOT_TOKEN": "123456:TEST",
        "SHAFAF_PLATFORM": "bale",
        "SHAFAF_WEBHOOK_URL": "https://bot.example:8443/bot/webhook",
        "SHAFAF_HTTP_PORT": "0",
    }.items():
        monkeypatch.setenv(key, value)
    assert main(["run"]) == 2
    error = capsys.readouterr().err.strip()
    assert "SHAFAF_WEBHOOK_URL" in error and "8443" in error and "443 or 88" in error
    assert "Traceback" not in error


def test_renderer_uses_bale_markers_and_defuses_them_in_untrusted_text() -> None:
    reply = Reply(
        "test",
        blocks=[
            Block("title", "عنوان"),
            Block("text", HOSTILE_WORDS),
            Block("fact", HOSTILE_WORDS, label="برچسب"),
            Block("note", "یادداشت"),
        ],
        actions=[[Action("دکمه", "menu", "main")]],
    )
    [message] = bale_renderer().render(reply).messages
    assert message.parse_mode is None
    shown, entities = parse_bale_markdown(message.text)
    kinds = sorted(e["type"] for e in entities)
    assert kinds == ["bold", "bold", "italic"]  # title, fact label, note: nothing from the text
    assert "evil.example/x_y" in shown  # the words stay readable, the link is not a link
    assert "*" not in message.text.replace("*عنوان*", "").replace("*برچسب:*", "")


async def test_no_parse_mode_no_edits_and_every_callback_answered(bale: BotHarness) -> None:
    start = await bale.roundtrip(command_update(CITIZEN, "start"))
    assert start[0]["parse_mode"] is None and buttons(start[0])
    presses = [
        press(start, C.MENU_WHERE, CITIZEN),
        press(start, C.MENU_SUBSCRIBE, CITIZEN),
        press(start, C.MENU_PROJECTS, CITIZEN),
        callback_update(CITIZEN, "zz:forged", message_id=1),
        callback_update(CITIZEN, "h:0123456789ab", message_id=1),  # expired digest
        callback_update(CITIZEN, "ض" * 40, message_id=1),  # 80 bytes: more than Bale allows
        callback_update(-100_700, "m:main", message_id=1),  # from a group
    ]
    before = len(bale.fake.sent(CITIZEN))
    for update in presses:
        await bale.feed(update)
    await bale.fake.wait_sent(CITIZEN, before + len(presses) - 1, timeout=10)
    await bale.settle(0.4)
    question = await bale.roundtrip(message_update(CITIZEN, "سهم مشهد از مالیات سال ۱۴۰۳"))
    assert question and C.RATE_UP in [b["text"] for m in question for b in buttons(m)]

    everything = bale.fake.sent()
    assert all(m["parse_mode"] is None for m in everything)
    assert not bale.fake.calls("editMessageText") and not bale.fake.calls("editMessageReplyMarkup")
    assert not bale.fake.unanswered_callbacks
    assert not bale.fake.sent(-100_700)  # the group's button press is answered, not replied to
    # Titles are bold by Bale's own markers (the fake renders them as Bale does).
    assert any(e["type"] == "bold" for m in question for e in m.get("entities", []))


async def test_flooded_callbacks_are_answered_too(bale: BotHarness) -> None:
    bale.deps.flood = FloodGuard(limit=2, window=60)
    updates = [callback_update(CITIZEN, "m:main", message_id=1) for _ in range(6)]
    for update in updates:
        await bale.feed(update)
    await bale.fake.wait_for(lambda c: len(bale.fake.answered_callbacks) >= 6, 10)
    assert not bale.fake.unanswered_callbacks
    assert T.FLOOD in text_of(bale.fake.sent(CITIZEN))


async def test_citizens_markers_reach_staff_as_plain_words(bale: BotHarness) -> None:
    kinds = await bale.roundtrip(command_update(CITIZEN, "feedback"))
    project_step = await bale.roundtrip(press(kinds, F.FB_KIND_BUTTONS["complaint"], CITIZEN))
    await bale.roundtrip(press(project_step, F.FB_BTN_GENERAL, CITIZEN))
    attach = await bale.roundtrip(message_update(CITIZEN, HOSTILE_WORDS))
    contact = await bale.roundtrip(press(attach, F.FB_BTN_SKIP, CITIZEN), expect=2)
    summary = await bale.roundtrip(press(contact, F.FB_BTN_NO_CONTACT, CITIZEN))
    await bale.roundtrip(press(summary, F.FB_BTN_SUBMIT, CITIZEN))
    [alert] = await bale.fake.wait_sent(STAFF_CHAT, 1)
    assert "evil.example" in alert["text"]
    assert not [e for e in alert.get("entities", []) if e["type"] == "text_link"]
