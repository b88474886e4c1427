"""Tests of the fake Bot API server, driven by a real python-telegram-bot Application and Bot."""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import re
import socket
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web
from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyParameters,
    Update,
)
from telegram.error import (
    BadRequest,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import Application, ContextTypes, MessageHandler, filters

from tests.fakes import FakeBotApi, parse_html
from tests.fakes import updates as u
from tests.fakes.bot_api import SECRET_HEADER, ApiError, local_request

TOKEN = "123456:TEST"
CHAT = 1001
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
async def fake() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi(TOKEN) as server:
        yield server


def make_bot(fake: FakeBotApi, token: str = TOKEN) -> Bot:
    """Build a plain PTB Bot aimed at the fake, with short timeouts."""
    return Bot(
        token,
        base_url=fake.base_url,
        base_file_url=fake.file_url,
        request=local_request(read_timeout=2.0, connect_timeout=2.0),
        get_updates_request=local_request(read_timeout=2.0, connect_timeout=2.0),
    )


@pytest.fixture
async def bot(fake: FakeBotApi) -> AsyncIterator[Bot]:
    async with make_bot(fake) as client:
        yield client


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Echo the text back as bold HTML."""
    message = update.effective_message
    assert message is not None and message.text is not None
    await message.reply_html(f"<b>{html.escape(message.text)}</b>")


def build_app(fake: FakeBotApi) -> Application:  # type: ignore[type-arg]
    app = fake.application_builder().build()
    app.add_handler(MessageHandler(filters.TEXT, echo))
    return app


# -- end to end through a real Application ------------------------------------------------------


async def test_polling_echo_round_trip(fake: FakeBotApi) -> None:
    app = build_app(fake)
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=1)
        fake.push_update(u.message_update(CHAT, "سلام & خوش آمدید"))
        fake.push_update(u.command_update(CHAT, "start", "x"))
        sent = await fake.wait_sent(CHAT, count=2)
        await app.updater.stop()
        await app.stop()
    assert [m["text"] for m in sent] == ["سلام & خوش آمدید", "/start x"]
    assert sent[0]["parse_mode"] == "HTML"
    assert sent[0]["entities"] == [{"type": "bold", "offset": 0, "length": 16}]
    assert sent[0]["from"]["id"] == 123456
    assert sent[1]["message_id"] == sent[0]["message_id"] + 1
    methods = [c.method for c in fake.requests]
    assert methods[:2] == ["getMe", "deleteWebhook"]
    # The updater confirmed both updates on the way out, so nothing is pending.
    assert fake.pending_updates == []


async def test_webhook_delivery_with_secret(fake: FakeBotApi) -> None:
    app = build_app(fake)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    port = listener.getsockname()[1]
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_webhook(
            url_path="hook",
            webhook_url=f"http://127.0.0.1:{port}/hook",
            secret_token="s3cret-token",
            unix=listener,
        )
        assert fake.webhook["url"] == f"http://127.0.0.1:{port}/hook"
        assert fake.webhook["secret_token"] == "s3cret-token"
        assert await fake.post_webhook(u.message_update(CHAT, "وب‌هوک")) == 200
        assert await fake.post_webhook(u.message_update(CHAT, "x"), secret="wrong") == 403
        sent = await fake.wait_sent(CHAT)
        await app.updater.stop()
        await app.stop()
    assert [m["text"] for m in sent] == ["وب‌هوک"]


async def test_get_updates_long_poll_times_out_with_nothing(fake: FakeBotApi, bot: Bot) -> None:
    assert await bot.get_updates(timeout=dt.timedelta(seconds=0.2)) == ()
    fake.push_update(u.message_update(CHAT, "یک"))
    second = fake.push_update(u.message_update(CHAT, "دو"))
    got = await bot.get_updates(limit=1)
    assert len(got) == 1 and got[0].message is not None and got[0].message.text == "یک"
    got = await bot.get_updates(offset=second)
    assert [x.update_id for x in got] == [second]
    assert await bot.get_updates(offset=second + 1, timeout=0) == ()


async def test_get_updates_honours_allowed_updates(fake: FakeBotApi, bot: Bot) -> None:
    fake.push_update(u.message_update(CHAT, "پیام"))
    fake.push_update(u.callback_update(CHAT, "vat:1", message_id=5))
    got = await bot.get_updates(allowed_updates=["callback_query"])
    assert [x.callback_query is not None for x in got] == [True]


async def test_get_updates_conflicts_with_webhook(fake: FakeBotApi, bot: Bot) -> None:
    await bot.set_webhook("http://127.0.0.1:9/hook")
    with pytest.raises(Exception, match=r"(?i)Conflict: can't use getUpdates"):
        await bot.get_updates()


# -- fault injection ----------------------------------------------------------------------------


async def test_429_raises_retry_after(
    fake: FakeBotApi, bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without PTB_TIMEDELTA, PTB 22 warns (an error here) whenever it builds a RetryAfter.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    fake.fail_next(
        "sendMessage", status=429, description="Too Many Requests: retry after 7", retry_after=7
    )
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(CHAT, "سلام")
    assert caught.value.retry_after == dt.timedelta(seconds=7)
    assert fake.calls("sendMessage")[0].response == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 7",
        "parameters": {"retry_after": 7},
    }
    await bot.send_message(CHAT, "سلام")  # the fault was for one call only
    assert [c.status for c in fake.calls("sendMessage")] == [429, 200]


async def test_fault_can_target_one_chat(fake: FakeBotApi, bot: Bot) -> None:
    fake.fail_next("sendMessage", status=502, description="Bad Gateway", chat_id=7, times=2)
    await bot.send_message(8, "ok")
    with pytest.raises(NetworkError):
        await bot.send_message(7, "no")


async def test_blocked_chat_is_forbidden(fake: FakeBotApi, bot: Bot) -> None:
    fake.block_chat(CHAT)
    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await bot.send_message(CHAT, "سلام")
    fake.unblock_chat(CHAT)
    await bot.send_message(CHAT, "سلام")


async def test_dropped_connection_is_network_error(fake: FakeBotApi, bot: Bot) -> None:
    fake.drop_connection_next("sendMessage")
    with pytest.raises(NetworkError):
        await bot.send_message(CHAT, "سلام")
    assert fake.sent(CHAT) == []
    await bot.send_message(CHAT, "سلام")
    assert len(fake.sent(CHAT)) == 1


async def test_delay_provokes_client_timeout(fake: FakeBotApi, bot: Bot) -> None:
    fake.delay_next("sendMessage", 1.0)
    with pytest.raises(TimedOut):
        await bot.send_message(CHAT, "سلام", read_timeout=0.2)


async def test_wrong_token_and_unknown_method(fake: FakeBotApi) -> None:
    wrong = make_bot(fake, "999:WRONG")
    with pytest.raises(InvalidToken):
        await wrong.initialize()
    await wrong.shutdown()
    async with make_bot(fake) as good:
        with pytest.raises(EndPointNotFound):
            await good.do_api_request("sendTelepathy", api_kwargs={"chat_id": CHAT})
    assert fake.calls("getMe")[0].status == 401
    assert fake.calls("sendTelepathy")[0].response == {
        "ok": False,
        "error_code": 404,
        "description": "Not Found: method not found",
    }


# -- validation like Telegram -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<div>x</div>", 'Unsupported start tag "div" at byte offset 0'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("R&D", 'Unsupported HTML entity "&"'),
        ("&nbsp;", 'Unsupported HTML entity "&nbsp;"'),
        ('<span class="x">s</span>', 'Tag "span" must have class "tg-spoiler"'),
    ],
)
async def test_bad_html_cannot_parse_entities(bot: Bot, text: str, reason: str) -> None:
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities") as caught:
        await bot.send_message(CHAT, text, parse_mode="HTML")
    assert reason.lower() in caught.value.message.lower()


def test_parse_html_entities_and_offsets() -> None:
    text, entities = parse_html(
        '<b>مالیات</b> &amp; <a href="https://x.ir/?a=1&amp;b=2">عوارض</a> 😀 <i>it&#x27;s</i>'
        '<pre><code class="language-python">x</code></pre><tg-spoiler>s</tg-spoiler>'
    )
    assert text == "مالیات & عوارض 😀 it'sxs"
    assert entities == [
        {"type": "bold", "offset": 0, "length": 6},
        {"type": "text_link", "offset": 9, "length": 5, "url": "https://x.ir/?a=1&b=2"},
        {"type": "italic", "offset": 18, "length": 4},  # the emoji is two UTF-16 units
        {"type": "pre", "offset": 22, "length": 1, "language": "python"},
        {"type": "spoiler", "offset": 23, "length": 1},
    ]
    assert parse_html("R&D", strict=False) == ("R&D", [])


async def test_text_length_and_emptiness(bot: Bot) -> None:
    await bot.send_message(CHAT, "ب" * 4096)
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(CHAT, "ب" * 4097)
    # Tags do not count towards the limit; only the parsed text does.
    await bot.send_message(CHAT, "<b>" + "ب" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(CHAT, "<b> </b>", parse_mode="HTML")


async def test_callback_data_is_limited_to_64_bytes(fake: FakeBotApi, bot: Bot) -> None:
    ok = InlineKeyboardMarkup([[InlineKeyboardButton("ب", callback_data="پ" * 32)]])
    message = await bot.send_message(CHAT, "انتخاب کنید", reply_markup=ok)
    assert message.reply_markup == ok
    assert fake.sent(CHAT)[0]["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "پ" * 32
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("ب", callback_data="a" * 65)]])
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(CHAT, "انتخاب کنید", reply_markup=too_long)


async def test_bale_refuses_every_parse_mode_and_renders_its_own_markers() -> None:
    async with FakeBotApi(TOKEN, platform="bale") as fake, make_bot(fake) as bale:
        for mode in ("HTML", "Markdown", "MarkdownV2"):
            with pytest.raises(BadRequest, match=r"(?i)parse_mode"):
                await bale.send_message(CHAT, "<b>x</b>", parse_mode=mode)
        await bale.send_message(CHAT, "*پررنگ* و _کج_ و [پیوند](https://shafaf.example/a_b)")
        sent = fake.sent(CHAT)[-1]
        assert sent["text"] == "پررنگ و کج و پیوند"
        kinds = [(e["type"], e.get("url")) for e in sent["entities"]]
        assert kinds == [
            ("bold", None),
            ("italic", None),
            ("text_link", "https://shafaf.example/a_b"),
        ]


@pytest.mark.parametrize(
    ("url", "extra", "error"),
    [
        ("https://bot.example:8443/hook", {}, "ports 443 or 88"),
        ("http://bot.example/hook", {}, "ports 443 or 88"),
        ("https://bot.example/hook", {"secret_token": "abc"}, "secret_token"),
        ("https://bot.example/hook", {"allowed_updates": ["message"]}, "allowed_updates"),
        ("https://bot.example/hook", {"max_connections": 10}, "max_connections"),
    ],
)
async def test_bale_set_webhook_takes_only_url_on_443_or_88(
    url: str, extra: dict[str, object], error: str
) -> None:
    async with FakeBotApi(TOKEN, platform="bale") as fake, make_bot(fake) as bale:
        with pytest.raises(BadRequest, match=re.escape(error)):
            await bale.set_webhook(url, **extra)  # type: ignore[arg-type]
        assert fake.webhook["url"] == ""
        for good in ("https://bot.example/hook", "https://bot.example:88/hook/s3cret"):
            assert await bale.set_webhook(good)
            assert fake.webhook["url"] == good and fake.webhook["secret_token"] is None


async def test_bale_webhook_is_forwarded_and_carries_no_secret_header() -> None:
    received: list[str | None] = []

    async def hook(request: web.Request) -> web.Response:
        received.append(request.headers.get(SECRET_HEADER))
        return web.Response()

    app = web.Application()
    app.router.add_post("/hook/s3cret", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    port = runner.addresses[0][1]
    try:
        async with FakeBotApi(TOKEN, platform="bale") as fake, make_bot(fake) as bale:
            fake.forward_webhooks("https://bot.example:88", f"http://127.0.0.1:{port}")
            await bale.set_webhook("https://bot.example:88/hook/s3cret")
            assert await fake.post_webhook(u.message_update(CHAT, "سلام")) == 200
    finally:
        await runner.cleanup()
    assert received == [None]


async def test_bale_updates_lack_the_fields_bale_does_not_have() -> None:
    async with FakeBotApi(TOKEN, platform="bale") as fake:
        fake.push_update(u.callback_update(CHAT, "p:P-1", message_id=1))
        fake.push_update(u.sticker_update(CHAT))
        query, sticker = fake.pending_updates
        assert "chat_instance" not in query["callback_query"]
        assert query["callback_query"]["data"] == "p:P-1"
        assert not {"is_animated", "is_video"} & sticker["message"]["sticker"].keys()
        assert fake.unanswered_callbacks == [query["callback_query"]["id"]]


async def test_bale_refuses_to_edit_a_message_with_an_inline_keyboard() -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("یک", callback_data="1")]])
    async with FakeBotApi(TOKEN, platform="bale") as fake, make_bot(fake) as bale:
        keyboard = await bale.send_message(CHAT, "با دکمه", reply_markup=markup)
        plain = await bale.send_message(CHAT, "بی دکمه")
        with pytest.raises(BadRequest, match=r"(?i)keyboard"):
            await bale.edit_message_text("تازه", chat_id=CHAT, message_id=keyboard.message_id)
        with pytest.raises(BadRequest, match=r"(?i)keyboard"):
            await bale.edit_message_reply_markup(CHAT, keyboard.message_id, reply_markup=None)
        edited = await bale.edit_message_text("تازه", chat_id=CHAT, message_id=plain.message_id)
        assert isinstance(edited, Message) and edited.text == "تازه"


async def test_unanswered_callbacks_are_listed_until_answered(fake: FakeBotApi) -> None:
    async with make_bot(fake) as client:
        fake.push_update(u.callback_update(CHAT, "x", message_id=1, callback_id="cb-a"))
        fake.push_update(u.callback_update(CHAT, "y", message_id=1, callback_id="cb-b"))
        assert fake.unanswered_callbacks == ["cb-a", "cb-b"]
        await client.answer_callback_query("cb-a")
        assert fake.unanswered_callbacks == ["cb-b"]


async def test_telegram_webhook_sends_secret_header() -> None:
    received: list[str | None] = []

    async def hook(request: web.Request) -> web.Response:
        received.append(request.headers.get(SECRET_HEADER))
        return web.Response()

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        async with FakeBotApi(TOKEN) as fake, make_bot(fake) as client:
            await client.set_webhook(
                f"http://127.0.0.1:{runner.addresses[0][1]}/hook", secret_token="abc"
            )
            assert await fake.post_webhook(u.message_update(CHAT, "سلام")) == 200
            info = await client.get_webhook_info()
            assert info.url.endswith("/hook")
            with pytest.raises(BadRequest, match=r"(?i)secret token"):
                await client.set_webhook("http://127.0.0.1:1/hook", secret_token="bad token!")
    finally:
        await runner.cleanup()
    assert received == ["abc"]


# -- editing, callbacks, files, commands --------------------------------------------------------


async def test_edit_callback_and_delete(fake: FakeBotApi, bot: Bot) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("بعدی", callback_data="next")]])
    message = await bot.send_message(CHAT, "صفحه ۱", reply_markup=keyboard)
    fake.push_update(
        u.callback_update(CHAT, "next", message_id=message.message_id, callback_id="q1")
    )
    assert await bot.answer_callback_query("q1", text="باشه")
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query("q1")
    edited = await bot.edit_message_text("صفحه ۲", CHAT, message.message_id, reply_markup=keyboard)
    assert edited.text == "صفحه ۲"  # type: ignore[union-attr]
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text("صفحه ۲", CHAT, message.message_id, reply_markup=keyboard)
    await bot.edit_message_reply_markup(CHAT, message.message_id)  # removes the keyboard
    assert [m["method"] for m in fake.sent(CHAT)] == [
        "sendMessage",
        "editMessageText",
        "editMessageReplyMarkup",
    ]
    assert "reply_markup" not in fake.sent(CHAT)[-1]
    assert await bot.delete_message(CHAT, message.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", CHAT, message.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(CHAT, message.message_id)


async def test_user_messages_cannot_be_edited(fake: FakeBotApi, bot: Bot) -> None:
    fake.push_update(u.message_update(CHAT, "پیام کاربر", message_id=40))
    with pytest.raises(BadRequest, match=r"(?i)message can't be edited"):
        await bot.edit_message_text("x", CHAT, 40)


async def test_photo_upload_download_and_location(fake: FakeBotApi, bot: Bot) -> None:
    sent = await bot.send_photo(
        CHAT, PNG_1X1, filename="chart.png", caption="<i>نمودار</i>", parse_mode="HTML"
    )
    assert sent.photo[-1].width == 1 and sent.caption == "نمودار"
    upload = fake.calls("sendPhoto")[0].files["photo"]
    assert upload.size == len(PNG_1X1) and upload.content_type == "image/png"
    with pytest.raises(BadRequest, match=r"(?i)IMAGE_PROCESS_FAILED"):
        await bot.send_photo(CHAT, b"not an image")
    again = await bot.send_photo(CHAT, sent.photo[-1].file_id)
    assert again.photo[-1].file_id == sent.photo[-1].file_id

    fake.push_update(u.photo_update(CHAT, "citizen-photo", caption="چاله"))
    fake.add_file("citizen-photo", b"\xff\xd8jpeg-bytes")
    file = await bot.get_file("citizen-photo")
    assert bytes(await file.download_as_bytearray()) == b"\xff\xd8jpeg-bytes"
    with pytest.raises(BadRequest, match=r"(?i)invalid file_id"):
        await bot.get_file("nope")

    where = await bot.send_location(CHAT, 36.2972, 59.6067)
    assert where.location is not None and where.location.latitude == pytest.approx(36.2972)
    doc = await bot.send_document(CHAT, b"a,b\n1,2\n", filename="vat.csv")
    assert doc.document is not None and doc.document.file_name == "vat.csv"
    assert await bot.send_chat_action(CHAT, "typing")
    assert [m["method"] for m in fake.sent(CHAT)] == [
        "sendPhoto",
        "sendPhoto",
        "sendLocation",
        "sendDocument",
    ]


async def test_commands_menu_chat_and_me(fake: FakeBotApi, bot: Bot) -> None:
    assert bot.username == "shafaf_test_bot"
    await bot.set_my_commands([("start", "شروع"), ("help", "راهنما")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([("Start-Now", "شروع")])
    await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()
    assert await bot.set_chat_menu_button()
    fake.push_update(u.group_message_update(-100200, "سلام"))
    chat = await bot.get_chat(-100200)
    assert chat.type == "supergroup" and chat.title == "گروه آزمایشی"
    assert await bot.close() and await bot.log_out()


def test_factories_are_valid_updates() -> None:
    bot = Bot(TOKEN, request=local_request(), get_updates_request=local_request())
    samples = [
        u.message_update(CHAT, "سلام"),
        u.command_update(CHAT, "start", "mashhad"),
        u.callback_update(CHAT, "d", message_id=3),
        u.photo_update(CHAT, "f1", caption="c"),
        u.location_update(CHAT, 36.3, 59.6),
        u.contact_update(CHAT, "+989120000000"),
        u.sticker_update(CHAT),
        u.edited_message_update(CHAT, "ویرایش", message_id=3),
        u.channel_post_update(-100300, "خبر"),
        u.group_message_update(-100200, "/start@shafaf_test_bot"),
    ]
    parsed = [Update.de_json(sample, bot) for sample in samples]
    assert len({p.update_id for p in parsed}) == len(parsed)
    command = parsed[1].message
    assert command is not None and command.parse_entities() == {command.entities[0]: "/start"}
    contact = parsed[5].message
    assert contact is not None and contact.contact is not None
    assert contact.contact.user_id == contact.from_user.id  # type: ignore[union-attr]
    assert parsed[8].channel_post is not None and parsed[8].effective_user is None


def test_api_error_payload() -> None:
    error = ApiError(429, "Too Many Requests: retry after 3", retry_after=3)
    assert error.payload() == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 3",
        "parameters": {"retry_after": 3},
    }


async def test_callback_carries_the_stored_message(fake: FakeBotApi, bot: Bot) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("جزئیات", callback_data="more")]])
    sent = await bot.send_message(CHAT, "پروژه‌ها", reply_markup=keyboard)
    fake.push_update(u.message_update(CHAT, "بعدی", message_id=sent.message_id))  # id clash
    fake.push_update(u.callback_update(CHAT, "more", message_id=sent.message_id))
    user_message, callback = (Update.de_json(x, bot) for x in fake.pending_updates)
    assert user_message.message is not None
    assert user_message.message.message_id == sent.message_id + 1  # renumbered, as the server
    query = callback.callback_query
    assert query is not None and isinstance(query.message, Message)
    assert query.message.text == "پروژه‌ها" and query.message.reply_markup == keyboard


async def test_replies_quote_known_messages_only(fake: FakeBotApi, bot: Bot) -> None:
    fake.push_update(u.group_message_update(-100200, "سؤال", message_id=9))
    answer = await bot.send_message(-100200, "پاسخ", reply_parameters=ReplyParameters(9))
    assert answer.reply_to_message is not None and answer.reply_to_message.text == "سؤال"
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(-100200, "پاسخ", reply_parameters=ReplyParameters(999))


async def test_accepts_query_form_and_json_params(fake: FakeBotApi) -> None:
    url = f"{fake.base_url}{TOKEN}/sendMessage"
    markup = '{"inline_keyboard": [[{"text": "x", "callback_data": "y"}]]}'
    async with aiohttp.ClientSession() as session:
        async with session.get(url, params={"chat_id": "5", "text": "123"}) as response:
            assert (await response.json())["result"]["text"] == "123"
        form = {"chat_id": "5", "text": "فرم", "reply_markup": markup}
        async with session.post(url, data=form) as response:
            assert response.status == 200
        body = {"chat_id": 5, "text": "جیسون", "reply_markup": markup}
        async with session.post(url, json=body) as response:
            result = (await response.json())["result"]
            assert result["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "y"
        async with session.post(url, data={"chat_id": "5", "text": "x", "reply_markup": "{"}) as r:
            assert r.status == 400
    assert [c.params["text"] for c in fake.calls("sendMessage")] == ["123", "فرم", "جیسون", "x"]


async def test_stop_ends_pending_long_poll(fake: FakeBotApi, bot: Bot) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=30, read_timeout=40))
    call = await fake.wait_for(lambda c: c.method == "getUpdates", answered=False)
    assert call.status is None
    started = asyncio.get_running_loop().time()
    await fake.stop()
    assert await poll == ()
    assert asyncio.get_running_loop().time() - started < 1.0
