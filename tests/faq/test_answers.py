"""How the FAQ answer uses the ranking: one answer when it is clear, three buttons otherwise."""

from __future__ import annotations

import jdatetime

from backend.conversation.answers import Answers
from backend.conversation.answers.faq import (
    FAQ_CHOICES,
    FAQ_MIN_MARGIN,
    FAQ_MIN_SCORE,
    faq_is_clear,
)
from backend.services.catalog import FaqEntry
from nlp.types import Understanding
from shafaf.runtime import Runtime

TODAY = jdatetime.date(1405, 9, 8)
A = FaqEntry("a", "پرسش الف؟", "پاسخ الف.", "منبع")
B = FaqEntry("b", "پرسش ب؟", "پاسخ ب.", "منبع")


def faq(text: str) -> Understanding:
    return Understanding("faq", 0.9, normalized_text=text)


def test_a_clear_lead_is_answered_alone() -> None:
    assert faq_is_clear([(A, 0.5), (B, 0.5 - FAQ_MIN_MARGIN)])
    assert faq_is_clear([(A, FAQ_MIN_SCORE)])


def test_a_tie_or_a_weak_best_is_not() -> None:
    assert not faq_is_clear([(A, 0.5), (B, 0.5)])
    assert not faq_is_clear([(A, 0.5), (B, 0.5 - FAQ_MIN_MARGIN / 2)])
    assert not faq_is_clear([(A, FAQ_MIN_SCORE / 2), (B, 0.0)])
    assert not faq_is_clear([])


async def test_a_clear_question_gets_one_answer(sample_runtime: Runtime) -> None:
    reply = await Answers(sample_runtime.services).reply(
        faq("مالیات بر ارزش افزوده یعنی چی"), TODAY
    )
    assert reply.answered and reply.blocks[0].text == "مالیات بر ارزش افزوده چیست؟"


async def test_a_question_like_no_entry_gets_the_top_three_as_buttons(
    sample_runtime: Runtime,
) -> None:
    reply = await Answers(sample_runtime.services).reply(faq("زرافه"), TODAY)
    assert not reply.answered
    assert [a.kind for a in reply.all_actions()] == ["faq"] * FAQ_CHOICES


async def test_two_entries_equally_close_become_buttons(sample_runtime: Runtime) -> None:
    services = sample_runtime.services
    parking = FaqEntry(
        "street-parking",
        "هزینه پارک حاشیه‌ای چطور حساب می‌شود؟",
        "با پارکومتر و بر اساس ساعت توقف.",
        "شهرداری (نمونه)",
    )
    # the same entry twice under two slugs, neither with paraphrases: an exact tie
    twin = FaqEntry("street-parking-2", parking.question_fa, parking.answer_fa, parking.source)
    entries = [*(await services.catalog.faq()), parking, twin]

    async def with_twins() -> list[FaqEntry]:
        return entries

    services.catalog.faq = with_twins  # type: ignore[method-assign]
    reply = await Answers(services).reply(faq("پول پارک کنار خیابون چطوری حساب میشه"), TODAY)
    assert not reply.answered
    offered = [a.payload for a in reply.all_actions() if a.kind == "faq"]
    assert offered[:2] == ["street-parking", "street-parking-2"] and len(offered) == FAQ_CHOICES
