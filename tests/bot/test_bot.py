"""End to end: the real Application over HTTP against FakeBotApi, on the sample database."""

from __future__ import annotations

import asyncio
import logging

import pytest
from sqlalchemy import update as sql_update

from backend.conversation import texts as C
from backend.formatting import rial_exact, toman
from backend.models import Project
from backend.services.feedback import FeedbackDraft
from bot import texts as T
from bot.flood import FloodGuard
from tests.bot.conftest import STAFF_CHAT, BotHarness
from tests.bot.helpers import (
    buttons,
    find_button,
    municipal_part_rial,
    press,
    project,
    project_funding_rial,
    vat_share_rial,
)
from tests.conftest import SAMPLE_DIR, TODAY
from tests.fakes.updates import (
    callback_update,
    channel_post_update,
    command_update,
    edited_message_update,
    group_message_update,
    location_update,
    message_update,
    photo_update,
    sticker_update,
)

CARD_PROJECT = "P-1001"


async def test_start_shows_welcome_and_main_menu(bot: BotHarness) -> None:
    sent = await bot.roundtrip(command_update(1001, "start"))
    assert len(sent) == 1
    assert "شفاف" in sent[0]["text"]
    labels = [b["text"] for b in buttons(sent[0])]
    for label in (
        C.MENU_VAT_SHARE,
        C.MENU_PROJECTS,
        C.MENU_WHERE,
        C.MENU_FEEDBACK,
        C.MENU_REPORTS,
        C.MENU_SUBSCRIBE,
    ):
        assert label in labels
    registered = bot.fake.calls("setMyCommands")[-1].params["commands"]
    assert [c["command"] for c in registered] == [c for c, _ in T.COMMANDS]
    assert all(c["description"] for c in registered)


async def test_deep_link_opens_project_card_with_exact_figures_and_pin(bot: BotHarness) -> None:
    sent = await bot.roundtrip(command_update(1002, "start", f"p_{CARD_PROJECT}"), expect=2)
    row = project(SAMPLE_DIR, CARD_PROJECT)
    card = sent[0]["text"]
    assert row["name_fa"].split()[0] in card
    assert toman(int(row["total_budget_rial"])) in card
    assert toman(project_funding_rial(SAMPLE_DIR, CARD_PROJECT)) in card
    pins = [m for m in sent if m["method"] == "sendLocation"]
    assert len(pins) == 1
    assert pins[0]["location"]["latitude"] == pytest.approx(float(row["lat"]))
    assert pins[0]["location"]["longitude"] == pytest.approx(float(row["lon"]))
    assert any(C.SUB_BTN_FOLLOW in b["text"] for b in buttons(sent[0]))


async def test_free_text_vat_share_has_exact_figure(bot: BotHarness) -> None:
    sent = await bot.roundtrip(message_update(1003, "سهم مشهد از مالیات سال ۱۴۰۳ چقدر بود؟"))
    assert len(sent) == 1
    total = vat_share_rial(SAMPLE_DIR, "mashhad", "1403-01", "1403-12")
    assert rial_exact(total) in sent[0]["text"]
    assert C.RATE_UP in [b["text"] for b in buttons(sent[0])]


async def test_free_text_tax_calculator_has_municipal_part(bot: BotHarness) -> None:
    sent = await bot.roundtrip(message_update(1004, "از خرید ۵۰۰ هزار تومانی چقدر به شهر می‌رسه؟"))
    expected = municipal_part_rial(SAMPLE_DIR, 5_000_000, TODAY)
    assert toman(expected) in sent[0]["text"]


async def test_project_list_pages_with_next_button(bot: BotHarness) -> None:
    chat = 1005
    first = await bot.roundtrip(message_update(chat, "فهرست پروژه‌های مشهد"))
    assert "۱ از" in first[0]["text"] or "صفحه" in first[0]["text"]
    second = await bot.roundtrip(press(first, "صفحه بعد", chat))
    assert len(second) == 1
    assert second[0]["text"] != first[0]["text"]
    find_button(second, "صفحه قبل")


async def test_thumbs_up_and_down_with_reason_are_logged(bot: BotHarness) -> None:
    chat = 1006
    answer = await bot.roundtrip(message_update(chat, "سهم مشهد از مالیات سال ۱۴۰۴"))
    thanks = await bot.roundtrip(press(answer, C.RATE_UP, chat))
    assert C.RATE_THANKS in thanks[0]["text"]
    answer = await bot.roundtrip(message_update(chat, "سهم مشهد از مالیات سال ۱۴۰۳"))
    ask = await bot.roundtrip(press(answer, C.RATE_DOWN, chat))
    assert ask[0]["text"] == C.RATE_ASK_REASON
    done = await bot.roundtrip(message_update(chat, "رقم ماه آخر را هم می‌خواستم"))
    assert C.RATE_REASON_THANKS in done[0]["text"]
    review = await bot.runtime.services.questions.to_review()
    assert [q.reason for q in review if q.helpful is False] == ["رقم ماه آخر را هم می‌خواستم"]


async def test_unanswered_question_is_logged_for_staff(bot: BotHarness) -> None:
    await bot.roundtrip(message_update(1007, "هوای فردای تهران چطوره؟"))
    review = await bot.runtime.services.questions.to_review()
    assert any(not q.answered and "تهران" in q.text for q in review)


async def test_subscription_by_command_button_and_text(bot: BotHarness) -> None:
    chat, subs = 1008, bot.runtime.services.subscriptions
    menu = await bot.roundtrip(command_update(chat, "subscribe"))
    done = await bot.roundtrip(press(menu, C.SUB_BTN_WEEKLY, chat))
    assert "هفتگی" in done[0]["text"]
    info = await subs.get("telegram", chat)
    assert info is not None and info.frequency == "weekly"
    picker = await bot.roundtrip(press(done, C.SUB_BTN_DISTRICTS, chat))
    _, district = find_button(picker, "منطقه")
    picked = await bot.roundtrip(press(picker, district["text"], chat))
    assert any(b["text"].startswith("✔️") for b in buttons(picked[0]))
    info = await subs.get("telegram", chat)
    assert info is not None and len(info.topics["districts"]) == 1
    # change to monthly by text, keeping the topics
    menu = await bot.roundtrip(message_update(chat, "می‌خواهم مشترک گزارش‌ها بشوم"))
    await bot.roundtrip(press(menu, C.SUB_BTN_MONTHLY, chat))
    info = await subs.get("telegram", chat)
    assert info is not None and info.frequency == "monthly" and info.topics["districts"]
    mine = await bot.roundtrip(command_update(chat, "mysubscription"))
    assert "ماهانه" in mine[0]["text"]
    # follow the project whose card is open
    card = await bot.roundtrip(command_update(chat, "start", f"p_{CARD_PROJECT}"), expect=2)
    await bot.roundtrip(press(card, C.SUB_BTN_FOLLOW, chat))
    info = await subs.get("telegram", chat)
    assert info is not None and info.topics["projects"] == [CARD_PROJECT]
    # unsubscribe by text (confirm button), then by command
    confirm = await bot.roundtrip(message_update(chat, "لغو اشتراک گزارش‌ها"))
    gone = await bot.roundtrip(press(confirm, "لغو اشتراک", chat))
    assert C.UNSUB_DONE in gone[0]["text"]
    assert await subs.get("telegram", chat) is None
    again = await bot.roundtrip(command_update(chat, "unsubscribe"))
    assert C.UNSUB_NONE in again[0]["text"]


async def _submit(bot: BotHarness, chat: int, text: str = "چراغ‌های پارک خاموش است") -> str:
    info = await bot.runtime.services.feedback.submit(
        FeedbackDraft("telegram", chat, chat, "complaint", text)
    )
    return info.tracking_code


async def test_status_only_for_the_chat_that_sent_it(bot: BotHarness) -> None:
    code = await _submit(bot, 1009)
    own = await bot.roundtrip(command_update(1009, "status", code))
    assert code in own[0]["text"] and "در انتظار بررسی" in own[0]["text"]
    other = await bot.roundtrip(command_update(1010, "status", code))
    unknown = await bot.roundtrip(command_update(1010, "status", "SH-000000"))
    # Someone else's code and a code that does not exist read alike: nothing is learned.
    assert other[0]["text"] == C.STATUS_UNKNOWN_CODE.format(code=code)
    assert unknown[0]["text"] == C.STATUS_UNKNOWN_CODE.format(code="SH-000000")
    assert "پارک" not in other[0]["text"]


async def test_staff_commands_refused_for_citizens(bot: BotHarness) -> None:
    code = await _submit(bot, 1011)
    for command, args in (
        ("inbox", ""),
        ("show", code),
        ("reply", f"{code} سلام"),
        ("setstatus", f"{code} closed یادداشت"),
    ):
        sent = await bot.roundtrip(command_update(1012, command, args))
        assert sent[0]["text"] == C.UNKNOWN_COMMAND
    info = await bot.runtime.services.feedback.get(code)
    assert info.status == "new" and not info.public_replies


async def test_staff_reply_reaches_citizen_through_outbox(bot: BotHarness) -> None:
    citizen = 1013
    code = await _submit(bot, citizen, "<b>سطل زباله</b> & نیمکت شکسته")
    inbox = await bot.roundtrip(command_update(STAFF_CHAT, "inbox"))
    assert code in inbox[0]["text"] and "<b>سطل زباله</b> & نیمکت" in inbox[0]["text"]
    shown = await bot.roundtrip(command_update(STAFF_CHAT, "show", code))
    assert "<b>سطل زباله</b> & نیمکت شکسته" in shown[0]["text"]
    before = len(bot.fake.sent(citizen))
    answer = f"{code} ممنون، <i>فردا</i> تعمیر می‌شود"
    done = await bot.roundtrip(command_update(STAFF_CHAT, "reply", answer))
    assert code in done[0]["text"]
    notices = await bot.fake.wait_sent(citizen, before + 1, timeout=8)
    assert "ممنون، <i>فردا</i> تعمیر می‌شود" in notices[-1]["text"]
    status = await bot.roundtrip(command_update(citizen, "status", code))
    assert "<i>فردا</i>" in status[0]["text"] and "پاسخ داده شده" in status[0]["text"]
    await bot.roundtrip(command_update(STAFF_CHAT, "setstatus", f"{code} closed حل شد"))
    notices = await bot.fake.wait_sent(citizen, len(bot.fake.sent(citizen)) + 1, timeout=8)
    assert "بسته شده" in notices[-1]["text"]


async def test_html_special_characters_arrive_intact(bot: BotHarness) -> None:
    name = "پارک <b>نور</b> & باران"
    async with bot.runtime.services.sessions() as session, session.begin():
        await session.execute(
            sql_update(Project).where(Project.code == CARD_PROJECT).values(name_fa=name)
        )
    sent = await bot.roundtrip(command_update(1014, "start", f"p_{CARD_PROJECT}"), expect=2)
    assert sent[0]["parse_mode"] == "HTML"
    assert name in sent[0]["text"]
    assert any(e["type"] == "bold" for e in sent[0].get("entities", []))


async def test_forged_and_stale_buttons_get_expired_notice(bot: BotHarness) -> None:
    for data in (
        "zz:nothing",
        "h:0123456789ab",
        "w:nosuchflow:x",
        "r:abc:1",
        "u:bogus",
        "m:nowhere",
        "no-colon",
    ):
        sent = await bot.roundtrip(callback_update(1015, data, message_id=1))
        assert sent[0]["text"] == C.EXPIRED, data
    assert len(bot.fake.calls("answerCallbackQuery")) >= 7


async def test_odd_updates_never_raise_and_text_gets_one_reply(
    bot: BotHarness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="shafaf")
    chat = 1016
    sticker = await bot.roundtrip(sticker_update(chat))
    assert sticker[0]["text"] == C.UNSUPPORTED
    photo = await bot.roundtrip(photo_update(chat, "photo-1"))
    assert photo[0]["text"] == C.PHOTO_OUTSIDE_FLOW
    pin = await bot.roundtrip(location_update(chat, 36.3, 59.6))
    assert pin[0]["text"] == C.LOCATION_OUTSIDE_FLOW
    long_text = await bot.roundtrip(message_update(chat, "سهم مشهد از مالیات " + "ب" * 10_000))
    assert len(long_text) == 1
    before_all = len(bot.fake.sent())
    await bot.feed(edited_message_update(chat, "ویرایش", message_id=1))
    await bot.feed(group_message_update(-100123, "سلام همه"))
    await bot.feed(channel_post_update(-100456, "خبر تازه"))
    await bot.settle(0.4)
    assert len(bot.fake.sent()) == before_all  # ignored on purpose
    group = await bot.roundtrip(group_message_update(-100123, "/help"), chat_id=-100123)
    assert group[0]["text"] == T.GROUP_NOTICE
    one = await bot.roundtrip(message_update(chat, "سلام"))
    assert len(one) == 1
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_flood_limit_notices_once_then_stays_silent(bot: BotHarness) -> None:
    bot.deps.flood = FloodGuard(limit=3, window=60)
    chat = 1017
    for _ in range(3):
        await bot.roundtrip(message_update(chat, "سلام"))
    notice = await bot.roundtrip(message_update(chat, "سلام"))
    assert notice[0]["text"] == T.FLOOD
    before = len(bot.fake.sent(chat))
    for _ in range(3):
        await bot.feed(message_update(chat, "سلام"))
    await bot.settle(0.4)
    assert len(bot.fake.sent(chat)) == before
    other = await bot.roundtrip(message_update(1018, "سلام"))  # other users are unaffected
    assert len(other) == 1


async def test_outbox_sender_settles_429_and_403(bot: BotHarness) -> None:
    services = bot.runtime.services
    blocked, throttled = 1019, 1020
    code_b = await _submit(bot, blocked)
    code_t = await _submit(bot, throttled)
    bot.fake.block_chat(blocked)
    bot.fake.fail_next(
        "sendMessage",
        status=429,
        description="Too Many Requests: retry after 30",
        retry_after=30,
        chat_id=throttled,
    )
    await services.feedback.reply(code_b, "پاسخ", actor="t", notice="پیام ۱")
    await services.feedback.reply(code_t, "پاسخ", actor="t", notice="پیام ۲")
    await asyncio.sleep(3)
    assert await services.outbox.due("telegram") == []  # one failed for good, one waits 30 s
    assert not bot.fake.sent(throttled) and not bot.fake.sent(blocked)
