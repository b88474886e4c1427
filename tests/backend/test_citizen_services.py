"""Feedback, outbox, subscriptions, conversation state and the question log."""

from __future__ import annotations

import pytest

from backend.errors import InvalidInput, NotFound
from backend.services.conversations import FlowState
from backend.services.feedback import FeedbackDraft, normalize_code
from shafaf.runtime import Runtime


def _draft(**changes: object) -> FeedbackDraft:
    values: dict[str, object] = {
        "platform": "telegram",
        "chat_id": 1001,
        "user_id": 1001,
        "kind": "complaint",
        "text": "کار این پروژه خیلی کند پیش می‌رود <script>alert(1)</script>",
        "project_code": "P-1001",
    }
    values.update(changes)
    return FeedbackDraft(**values)  # type: ignore[arg-type]


async def test_feedback_lifecycle_reaches_the_citizen_through_the_outbox(
    sample_runtime: Runtime,
) -> None:
    services = sample_runtime.services
    item = await services.feedback.submit(_draft())
    assert item.tracking_code.startswith("SH-") and item.status == "new"
    assert item.project_code == "P-1001" and item.text.endswith("</script>")  # stored as written

    mine = await services.feedback.for_chat(item.tracking_code.lower(), "telegram", 1001)
    assert mine.tracking_code == item.tracking_code
    with pytest.raises(NotFound):  # another chat learns nothing, not even that it exists
        await services.feedback.for_chat(item.tracking_code, "telegram", 2002)

    await services.feedback.set_status(
        item.tracking_code, "in_review", actor="reviewer", note="بررسی شد", notice="در حال بررسی"
    )
    answered = await services.feedback.reply(
        item.tracking_code, "ممنون از گزارش شما", actor="reviewer", notice="پاسخ کارشناس: ممنون"
    )
    assert answered.status == "answered"
    assert [r.text for r in answered.public_replies] == ["ممنون از گزارش شما"]

    due = await services.outbox.due("telegram")
    assert [(m.chat_id, m.kind) for m in due] == [
        (1001, "feedback_status"),
        (1001, "feedback_reply"),
    ]
    await services.outbox.mark_sent(due[0].id)
    await services.outbox.mark_failed(due[1].id, "timeout")
    assert await services.outbox.due("telegram") == []  # backing off, not lost
    with pytest.raises(InvalidInput):
        await services.feedback.set_status(
            item.tracking_code, "new", actor="x", note="n", notice=None
        )
    with pytest.raises(InvalidInput):
        await services.feedback.set_status(
            item.tracking_code, "closed", actor="x", note=" ", notice=None
        )
    assert (await services.feedback.counts())["answered"] == 1


async def test_feedback_rejects_bad_input(sample_runtime: Runtime) -> None:
    feedback = sample_runtime.services.feedback
    for bad in (_draft(text="   "), _draft(kind="rant"), _draft(text="x" * 5000)):
        with pytest.raises(InvalidInput):
            await feedback.submit(bad)
    general = await feedback.submit(_draft(project_code=None))
    assert general.project_code is None


def test_normalize_code() -> None:
    assert normalize_code(" sh-۴۰۲۱۳ ") == "SH-40213"


async def test_subscriptions(sample_runtime: Runtime) -> None:
    subs = sample_runtime.services.subscriptions
    assert await subs.get("telegram", 5) is None
    await subs.subscribe("telegram", 5, "weekly", topics={"districts": ["9", "9"], "projects": []})
    info = await subs.subscribe("telegram", 5, "monthly", topics={"categories": ["green"]})
    assert info.frequency == "monthly" and info.topics == {"categories": ["green"]}
    assert (await subs.get("telegram", 5)) == info
    assert await subs.unsubscribe("telegram", 5) is True
    assert await subs.unsubscribe("telegram", 5) is False
    assert await subs.get("telegram", 5) is None
    with pytest.raises(InvalidInput):
        await subs.subscribe("telegram", 5, "daily")
    with pytest.raises(InvalidInput):
        await subs.subscribe("telegram", 5, "weekly", topics={"weather": ["x"]})


async def test_conversation_state_survives_a_new_runtime(sample_runtime: Runtime) -> None:
    store = sample_runtime.services.conversations
    await store.set("telegram", 7, FlowState("feedback", "text", {"kind": "complaint"}))
    await store.set(
        "telegram", 7, FlowState("feedback", "confirm", {"kind": "complaint", "text": "x"})
    )
    state = await store.get("telegram", 7)
    assert state == FlowState("feedback", "confirm", {"kind": "complaint", "text": "x"})
    assert await store.clear("telegram", 7) is True
    assert await store.get("telegram", 7) is None


async def test_question_log(sample_runtime: Runtime) -> None:
    log = sample_runtime.services.questions
    qid = await log.record("telegram", 9, "هوا چطوره", "out_of_scope", 0.9, answered=False)
    ok = await log.record("telegram", 9, "سهم پارسال", "vat_share", 0.95, answered=True)
    assert await log.rate(ok, "telegram", 10, helpful=False) is False  # not their question
    assert await log.rate("no-such-token", "telegram", 9, helpful=False) is None
    assert await log.rate(ok, "telegram", 9, helpful=False, reason="رقم قدیمی است") is True
    # queued rows are written within moments, and a rating never waits on them
    review = await log.to_review()
    assert {q.text for q in review} == {"هوا چطوره", "سهم پارسال"}
    assert qid != ok
