"""The feedback conversation, driven the way the bot drives it: start, inputs, pressed buttons."""

from __future__ import annotations

from datetime import date

import jdatetime
import pytest
from sqlalchemy import select

from backend.clock import utcnow
from backend.conversation import texts as T
from backend.conversation.flows.base import ChatRef, Flow, FlowInput
from backend.conversation.flows.feedback import MAX_PAYLOAD_BYTES, FeedbackFlow, rank_projects
from backend.formatting import fa_int
from backend.models import ChatBlock, Feedback, Project
from backend.reply import CALLBACK_LIMIT_BYTES, Reply
from backend.services.conversations import FlowState
from backend.services.feedback import MAX_FEEDBACK_LENGTH
from shafaf.runtime import Runtime, open_runtime
from tests.conftest import make_settings

CHAT = ChatRef("telegram", 1001, 1001, "Ali")
TODAY = jdatetime.date(1405, 9, 8)


class Walk:
    """Drive one chat through the flow, checking every button it is offered on the way."""

    def __init__(self, flow: FeedbackFlow, chat: ChatRef = CHAT) -> None:
        self.flow = flow
        self.chat = chat
        self.replies: list[Reply] = []

    @property
    def last(self) -> Reply:
        return self.replies[-1]

    def _keep(self, reply: Reply) -> Reply:
        for action in reply.all_actions():
            assert len(action.payload.encode()) <= CALLBACK_LIMIT_BYTES
            if action.kind == "flow":
                assert action.payload.startswith("feedback:")
                assert len(action.payload.encode()) <= MAX_PAYLOAD_BYTES
        self.replies.append(reply)
        return reply

    async def start(self, argument: str = "") -> Reply:
        return self._keep(await self.flow.start(self.chat, TODAY, argument=argument))

    async def send(self, event: FlowInput) -> Reply:
        return self._keep(await self.flow.handle(self.chat, event, TODAY))

    async def text(self, text: str) -> Reply:
        return await self.send(FlowInput("text", text=text))

    async def press(self, choice: str) -> Reply:
        """Press a button the last reply offered (fails if it did not offer it)."""
        assert f"feedback:{choice}" in payloads(self.last), (choice, payloads(self.last))
        return await self.send(FlowInput("action", payload=choice))

    async def forge(self, choice: str) -> Reply:
        """Send a button payload the last reply did not offer (old message, forged data)."""
        return await self.send(FlowInput("action", payload=choice))


def payloads(reply: Reply) -> list[str]:
    return [a.payload for a in reply.all_actions()]


def text_of(reply: Reply) -> str:
    return "\n".join(f"{b.label}: {b.text}" if b.label else b.text for b in reply.blocks)


def facts(reply: Reply) -> dict[str, str]:
    return {b.label: b.text for b in reply.blocks if b.kind == "fact"}


def tracking_code(reply: Reply) -> str:
    """Read the code the way the bot does: the one `feedback_status` action of the reply."""
    assert reply.intent == "feedback:submitted"
    (code,) = [a.payload for a in reply.all_actions() if a.kind == "feedback_status"]
    return code


async def step_of(runtime: Runtime, chat: ChatRef = CHAT) -> str | None:
    state = await runtime.services.conversations.get(chat.platform, chat.chat_id)
    return state.step if state else None


async def stored(runtime: Runtime, code: str) -> Feedback:
    async with runtime.services.sessions() as session:
        row = await session.scalar(select(Feedback).where(Feedback.tracking_code == code))
    assert row is not None
    return row


@pytest.fixture
def flow(sample_runtime: Runtime) -> FeedbackFlow:
    return FeedbackFlow(sample_runtime.services)


def test_the_flow_meets_the_contract(sample_runtime: Runtime) -> None:
    flow: Flow = FeedbackFlow(sample_runtime.services)
    assert flow.name == "feedback"


async def test_whole_flow_to_a_tracking_code(sample_runtime: Runtime, flow: FeedbackFlow) -> None:
    walk = Walk(flow)
    first = await walk.start()
    assert first.intent == "feedback:kind" and T.FB_ASK_KIND in text_of(first)
    assert "feedback:back" not in payloads(first) and "feedback:cancel" in payloads(first)

    reply = await walk.press("k:complaint")
    assert reply.intent == "feedback:project" and "feedback:p:-" in payloads(reply)
    reply = await walk.text("بوستن ملت")  # a typo of «نوسازی بوستان ملت»
    assert payloads(reply)[0] == "feedback:p:P-1016"
    assert "feedback:again" in payloads(reply)
    reply = await walk.press("p:P-1016")
    assert reply.intent == "feedback:text"

    reply = await walk.text("  چمن بوستان خشک شده و آبیاری نمی‌شود.  ")
    assert reply.intent == "feedback:attach" and "feedback:next" in payloads(reply)
    reply = await walk.send(FlowInput("photo", file_id="AgACAgQAAxkBAAIB"))
    assert T.FB_PHOTO_SAVED in text_of(reply) and reply.intent == "feedback:attach"
    reply = await walk.send(FlowInput("location", lat=36.3, lon=59.6))
    assert T.FB_LOCATION_SAVED in text_of(reply)
    reply = await walk.press("next")

    # The contact step is the one where the bot adds its "share my contact" keyboard.
    assert reply.intent == "feedback:contact" and T.FB_ASK_CONTACT in text_of(reply)
    reply = await walk.send(FlowInput("contact", phone="+98 912 123 4567", contact_name="علی"))
    assert reply.intent == "feedback:summary"
    summary = facts(reply)
    assert summary[T.FB_LABEL_KIND] == "شکایت"
    assert summary[T.FB_LABEL_PROJECT] == "نوسازی بوستان ملت"
    assert summary[T.FB_LABEL_TEXT] == "چمن بوستان خشک شده و آبیاری نمی‌شود."
    assert summary[T.FB_LABEL_PHOTO] == T.FB_HAS
    assert summary[T.FB_LABEL_LOCATION] == T.FB_HAS
    assert summary[T.FB_LABEL_CONTACT] == T.FB_HAS

    done = await walk.press("submit")
    code = tracking_code(done)
    assert done.answered and T.FB_TRACKING.format(code=code) in text_of(done)
    assert await step_of(sample_runtime) is None  # the flow is closed

    info = await sample_runtime.services.feedback.for_chat(code, "telegram", 1001)
    assert (info.kind, info.project_code, info.status) == ("complaint", "P-1016", "new")
    assert info.text == "چمن بوستان خشک شده و آبیاری نمی‌شود."
    assert info.has_photo and (info.lat, info.lon) == (36.3, 59.6)
    row = await stored(sample_runtime, code)
    assert (row.contact_phone, row.contact_name, row.user_id) == ("+989121234567", "علی", 1001)

    # A second press of the same "submit" (double tap, old message) does not submit twice.
    again = await walk.send(FlowInput("action", payload="submit"))
    assert again.intent == "feedback:expired"
    assert len(await sample_runtime.services.feedback.recent()) == 1


async def test_project_search_by_part_of_a_name_typo_and_code(flow: FeedbackFlow) -> None:
    walk = Walk(flow)
    await walk.start()
    await walk.press("k:suggestion")
    reply = await walk.text("قطار")
    assert payloads(reply)[:2] == ["feedback:p:P-1001", "feedback:p:P-1002"]
    reply = await walk.press("again")
    assert T.FB_PROJECT_SEARCH_AGAIN in text_of(reply)
    reply = await walk.text("پارکینک زائران")  # «گ» typed as «ک»
    assert payloads(reply)[0] == "feedback:p:P-1022"
    reply = await walk.text("بی آر تی")  # spaced where the name has a ZWNJ
    assert payloads(reply)[0] == "feedback:p:P-1004"
    reply = await walk.text("p-1013")  # a code is an exact answer
    assert [p for p in payloads(reply) if p.startswith("feedback:p:P")] == ["feedback:p:P-1013"]
    reply = await walk.text("xyzzy هیچ")
    assert reply.intent == "feedback:project"
    assert T.FB_PROJECT_NONE_FOUND.format(query="xyzzy هیچ") in text_of(reply)
    matches = [p for p in payloads(reply) if p.startswith("feedback:p:P")]
    assert matches == []
    assert len(rank_projects("بوستان", [(f"C{i}", f"بوستان {i}") for i in range(9)])) == 5


async def test_general_feedback_without_a_project(
    sample_runtime: Runtime, flow: FeedbackFlow
) -> None:
    walk = Walk(flow)
    await walk.start()
    await walk.text("یک پیشنهاد دارم")  # typed instead of pressed
    assert (await walk.text("کلی")).intent == "feedback:text"  # typed «general»
    await walk.press("back")
    await walk.press("p:-")
    await walk.text("کاش گزارش‌ها ماهانه منتشر شوند")
    reply = await walk.press("next")
    reply = await walk.press("none")
    summary = facts(reply)
    assert summary[T.FB_LABEL_KIND] == "پیشنهاد"
    assert summary[T.FB_LABEL_PROJECT] == T.FB_GENERAL
    assert summary[T.FB_LABEL_PHOTO] == summary[T.FB_LABEL_CONTACT] == T.FB_HAS_NOT
    info = await sample_runtime.services.feedback.get(tracking_code(await walk.press("submit")))
    assert (info.kind, info.project_code, info.has_photo, info.lat) == (
        "suggestion",
        None,
        False,
        None,
    )
    assert (await stored(sample_runtime, info.tracking_code)).contact_phone is None


async def _to_summary(walk: Walk, kind: str = "complaint") -> Reply:
    await walk.start()
    await walk.press(f"k:{kind}")
    await walk.text("قطار")
    await walk.press("p:P-1001")
    await walk.text("متن اول")
    await walk.press("next")
    return await walk.press("none")


async def test_edits_from_the_summary_return_to_it(
    sample_runtime: Runtime, flow: FeedbackFlow
) -> None:
    walk = Walk(flow)
    await _to_summary(walk)

    reply = await walk.press("edit:text")
    assert reply.intent == "feedback:text" and "متن اول" in text_of(reply)
    assert "feedback:keep" in payloads(reply) and "feedback:back" in payloads(reply)
    reply = await walk.text("متن دوم، کامل‌تر")
    assert reply.intent == "feedback:summary"
    assert facts(reply)[T.FB_LABEL_TEXT] == "متن دوم، کامل‌تر"

    reply = await walk.press("edit:project")
    assert reply.intent == "feedback:project" and "«خط ۴ قطار شهری مشهد»" in text_of(reply)
    reply = await walk.press("p:-")
    assert reply.intent == "feedback:summary"
    assert facts(reply)[T.FB_LABEL_PROJECT] == T.FB_GENERAL

    reply = await walk.press("edit:kind")
    assert reply.intent == "feedback:kind" and "feedback:back" in payloads(reply)
    reply = await walk.press("k:thanks")
    assert facts(reply)[T.FB_LABEL_KIND] == "قدردانی"

    reply = await walk.press("edit:text")
    reply = await walk.press("back")  # changed their mind: back to the summary, text unchanged
    assert reply.intent == "feedback:summary"
    assert facts(reply)[T.FB_LABEL_TEXT] == "متن دوم، کامل‌تر"

    info = await sample_runtime.services.feedback.get(tracking_code(await walk.press("submit")))
    assert (info.kind, info.project_code, info.text) == ("thanks", None, "متن دوم، کامل‌تر")


async def test_back_and_cancel_at_several_steps(
    sample_runtime: Runtime, flow: FeedbackFlow
) -> None:
    walk = Walk(flow)
    await walk.start()
    await walk.press("k:criticism")
    reply = await walk.press("back")
    assert reply.intent == "feedback:kind"
    await walk.press("k:criticism")
    await walk.forge("p:P-1001")  # a real project code from an older search is still fine
    reply = await walk.press("back")
    assert reply.intent == "feedback:project" and "feedback:keep" in payloads(reply)
    await walk.press("keep")
    await walk.text("اول")
    reply = await walk.press("back")
    assert reply.intent == "feedback:text" and "feedback:keep" in payloads(reply)
    reply = await walk.press("keep")
    assert reply.intent == "feedback:attach"
    await walk.press("next")
    reply = await walk.text("بازگشت")  # typed words work like the buttons
    assert reply.intent == "feedback:attach"

    reply = await walk.press("cancel")
    assert reply.intent == "feedback:cancelled" and T.FB_CANCELLED in text_of(reply)
    assert await step_of(sample_runtime) is None
    assert (await walk.forge("next")).intent == "feedback:expired"

    await walk.start()
    await walk.press("k:thanks")
    reply = await walk.text("انصراف")
    assert reply.intent == "feedback:cancelled" and await step_of(sample_runtime) is None
    assert await sample_runtime.services.feedback.recent() == []


async def test_too_long_text_is_refused_and_nothing_is_lost(
    sample_runtime: Runtime, flow: FeedbackFlow
) -> None:
    walk = Walk(flow)
    await walk.start("P-1012")  # from a project card: the project step is skipped
    reply = await walk.press("k:complaint")
    assert reply.intent == "feedback:text"
    reply = await walk.text("ب" * (MAX_FEEDBACK_LENGTH + 1))
    assert reply.intent == "feedback:text"
    assert f"حداکثر {fa_int(MAX_FEEDBACK_LENGTH)} نویسه" in text_of(reply)
    assert fa_int(MAX_FEEDBACK_LENGTH + 1) in text_of(reply)
    state = await sample_runtime.services.conversations.get("telegram", 1001)
    assert state is not None and state.step == "text"
    assert (state.data["kind"], state.data["project_code"]) == ("complaint", "P-1012")
    assert (await walk.text("   ")).intent == "feedback:text"

    exact = "ب" * MAX_FEEDBACK_LENGTH
    await walk.text(f"  {exact}  ")
    await walk.press("next")
    reply = await walk.press("none")
    reply = await walk.press("edit:text")
    reply = await walk.text("x" * 10_000)  # a second too-long text keeps the first one
    assert reply.intent == "feedback:text"
    reply = await walk.press("keep")
    assert facts(reply)[T.FB_LABEL_TEXT] == exact
    info = await sample_runtime.services.feedback.get(tracking_code(await walk.press("submit")))
    assert info.text == exact and info.project_code == "P-1012"


async def test_hostile_text_is_stored_as_written(
    sample_runtime: Runtime, flow: FeedbackFlow
) -> None:
    hostile = "<script>alert('x')</script> <b>'; DROP TABLE feedback; --</b> &amp; {{ 7*7 }}"
    walk = Walk(flow)
    await walk.start()
    await walk.press("k:complaint")
    await walk.press("p:-")
    await walk.text(f"\n {hostile} \t")
    await walk.press("next")
    await walk.press("none")
    info = await sample_runtime.services.feedback.get(tracking_code(await walk.press("submit")))
    assert info.text == hostile


async def test_blocked_chat_is_refused(sample_runtime: Runtime, flow: FeedbackFlow) -> None:
    async with sample_runtime.services.sessions() as session, session.begin():
        session.add(ChatBlock(platform="telegram", chat_id=666, reason="spam", created_at=utcnow()))
    blocked = Walk(flow, ChatRef("telegram", 666, 666))
    reply = await blocked.start()
    assert reply.intent == "feedback:blocked" and reply.actions == []
    assert await step_of(sample_runtime, blocked.chat) is None
    assert (await blocked.text("شکایت")).intent == "feedback:expired"

    # Blocked while the flow was open: the submission is refused and the flow closed.
    other = Walk(flow, ChatRef("bale", 666, 666))
    await _to_summary(other)
    async with sample_runtime.services.sessions() as session, session.begin():
        session.add(ChatBlock(platform="bale", chat_id=666, reason="spam", created_at=utcnow()))
    reply = await other.press("submit")
    assert reply.intent == "feedback:blocked" and T.FB_BLOCKED in text_of(reply)
    assert await step_of(sample_runtime, other.chat) is None
    assert await sample_runtime.services.feedback.recent() == []


async def test_restart_mid_flow_continues_where_it_was(
    sample_runtime: Runtime, sample_db_url: str
) -> None:
    walk = Walk(FeedbackFlow(sample_runtime.services))
    await walk.start()
    await walk.press("k:suggestion")
    await walk.text("اتوبوس")
    await walk.press("p:P-1003")
    await walk.send(FlowInput("photo", file_id="photo-1", text=""))  # attachment before the text
    reply = await walk.text("ایستگاه‌ها سایبان ندارند")
    assert reply.intent == "feedback:attach"
    await sample_runtime.engine.dispose()  # the old process is gone

    # A new process: new engine, services and flow over the same database.
    async with open_runtime(make_settings(sample_db_url), migrate=False) as runtime:
        resumed = Walk(FeedbackFlow(runtime.services))
        resumed.replies.append(reply)  # the citizen still sees the last message
        reply = await resumed.press("next")
        assert reply.intent == "feedback:contact"
        reply = await resumed.press("none")
        assert facts(reply)[T.FB_LABEL_PHOTO] == T.FB_HAS
        info = await runtime.services.feedback.get(tracking_code(await resumed.press("submit")))
    assert (info.kind, info.project_code, info.text, info.has_photo) == (
        "suggestion",
        "P-1003",
        "ایستگاه‌ها سایبان ندارند",
        True,
    )


async def test_stale_forged_and_odd_inputs_re_ask(
    sample_runtime: Runtime, flow: FeedbackFlow
) -> None:
    walk = Walk(flow)
    assert (await walk.forge("k:complaint")).intent == "feedback:expired"  # no flow open
    await walk.start()
    for odd in (
        FlowInput("action", payload="submit"),
        FlowInput("action", payload="k:bribery"),
        FlowInput("action", payload=""),
        FlowInput("action", payload="back"),  # nothing before the first step
        FlowInput("location", lat=36.3, lon=59.6),
        FlowInput("contact", phone="+989121234567"),
        FlowInput("photo"),
    ):
        reply = await walk.send(odd)
        assert reply.intent == "feedback:kind", odd
    reply = await walk.text("سلام خوبی؟")
    assert T.FB_KIND_NOT_UNDERSTOOD in text_of(reply)
    reply = await walk.text("شکایت و پیشنهاد")  # two kinds: ask rather than guess
    assert reply.intent == "feedback:kind"
    reply = await walk.text("از شهرداری تشکر می‌کنم")
    assert reply.intent == "feedback:project"

    for choice in ("p:NOPE-1", "p:#deadbeef", "p:", "k:thanks", "keep", "next"):
        reply = await walk.forge(choice)
        assert reply.intent == "feedback:project", choice
    assert T.FB_PROJECT_STALE in text_of(await walk.forge("p:P-9999"))
    assert T.FB_STALE in text_of(await walk.forge("submit"))
    await walk.press("p:-")

    reply = await walk.forge("keep")  # no text yet to keep
    assert reply.intent == "feedback:text"
    reply = await walk.send(FlowInput("location", lat=200.0, lon=59.6))
    assert T.FB_LOCATION_INVALID in text_of(reply)
    reply = await walk.send(FlowInput("location", lat=float("nan"), lon=59.6))
    assert T.FB_LOCATION_INVALID in text_of(reply)
    reply = await walk.send(FlowInput("photo", file_id="ph", text="عکس چاله خیابان"))
    assert reply.intent == "feedback:attach"  # a caption answers the text question
    reply = await walk.text("یک توضیح دیگر")
    assert T.FB_ATTACH_ONLY in text_of(reply) and reply.intent == "feedback:attach"
    reply = await walk.send(FlowInput("photo", file_id="ph2", text="و یک عکس دیگر"))
    assert T.FB_CAPTION_ADDED in text_of(reply)
    reply = await walk.text("رد شدن")
    assert reply.intent == "feedback:contact"
    reply = await walk.forge("keep")  # no contact yet to keep
    assert reply.intent == "feedback:contact"
    reply = await walk.press("none")
    for choice in ("k:complaint", "p:P-1001", "next", "none", "edit:everything"):
        assert (await walk.forge(choice)).intent == "feedback:summary", choice
    assert facts(reply)[T.FB_LABEL_TEXT] == "عکس چاله خیابان\n\nو یک عکس دیگر"

    # A state damaged by hand or by an older version is read leniently, never raises.
    await sample_runtime.services.conversations.set(
        "telegram",
        1001,
        FlowState("feedback", "nonsense", {"kind": 5, "lat": "x", "matches": "no", "text": None}),
    )
    reply = await walk.forge("submit")
    assert reply.intent == "feedback:kind"
    await sample_runtime.services.conversations.set(
        "telegram", 1001, FlowState("feedback", "summary", {"kind": "thanks", "text": ""})
    )
    assert (await walk.forge("submit")).intent == "feedback:text"
    # Another flow's state is not this flow's to advance.
    await sample_runtime.services.conversations.set(
        "telegram", 1001, FlowState("subscribe", "topics", {})
    )
    assert (await walk.text("شکایت")).intent == "feedback:expired"
    assert await sample_runtime.services.feedback.recent() == []


async def test_a_typed_phone_number_is_not_a_contact(
    sample_runtime: Runtime, flow: FeedbackFlow
) -> None:
    walk = Walk(flow)
    await walk.start()
    await walk.press("k:complaint")
    await walk.press("p:-")
    await walk.text("متن")
    reply = await walk.press("next")
    assert reply.intent == "feedback:contact"
    for typed in ("09121234567", "۰۹۱۲ ۱۲۳ ۴۵۶۷", "شماره من +98-912-123-4567 است"):
        reply = await walk.text(typed)
        assert reply.intent == "feedback:contact" and T.FB_CONTACT_TYPED in text_of(reply)
    reply = await walk.send(FlowInput("contact", phone="12"))
    assert T.FB_CONTACT_INVALID in text_of(reply)
    reply = await walk.send(FlowInput("contact", phone="989121234567"))
    assert reply.intent == "feedback:summary"
    reply = await walk.press("back")
    assert reply.intent == "feedback:contact" and "feedback:keep" in payloads(reply)
    reply = await walk.text("نه ممنون")  # typed refusal drops the shared number
    assert facts(reply)[T.FB_LABEL_CONTACT] == T.FB_HAS_NOT
    reply = await walk.press("back")
    reply = await walk.send(FlowInput("contact", phone="989121234567", contact_name="Ali"))
    code = tracking_code(await walk.press("submit"))
    assert (await stored(sample_runtime, code)).contact_phone == "989121234567"


async def test_start_with_a_project_argument(sample_runtime: Runtime, flow: FeedbackFlow) -> None:
    walk = Walk(flow)
    reply = await walk.start("P-1014")
    assert "«بوستان ولایت منطقه ۱۲»" in text_of(reply)  # Persian digits in a name
    reply = await walk.press("k:thanks")
    assert reply.intent == "feedback:text"
    reply = await walk.press("back")  # the preset project can still be changed
    assert reply.intent == "feedback:project" and "feedback:keep" in payloads(reply)

    stranger = Walk(flow, ChatRef("bale", 77, 77))
    reply = await stranger.start("NO-SUCH-PROJECT")
    assert T.FB_PROJECT_UNKNOWN in text_of(reply)
    assert (await stranger.press("k:complaint")).intent == "feedback:project"
    reply = await stranger.start("x" * 5000)  # a forged deep link
    assert reply.intent == "feedback:kind"
    # Two chats' flows do not mix.
    assert await step_of(sample_runtime, walk.chat) == "project"


async def test_long_project_codes_fit_in_a_button(
    sample_runtime: Runtime, flow: FeedbackFlow
) -> None:
    long_code = "MASHHAD-" + "9" * 56  # the longest code the schema allows
    async with sample_runtime.services.sessions() as session, session.begin():
        model = await session.scalar(select(Project).where(Project.code == "P-1012"))
        assert model is not None
        session.add(
            Project(
                code=long_code,
                name_fa="بوستان آزمایشی با کد بسیار بلند",
                municipality_id=model.municipality_id,
                district_id=None,
                category_id=model.category_id,
                status="planned",
                total_budget_rial=1,
                start_date=date(2025, 1, 1),
                planned_end_date=None,
                progress_percent=0,
                lat=None,
                lon=None,
                description_fa=None,
                updated_at=utcnow(),
            )
        )
    walk = Walk(flow)  # Walk checks every payload's size
    await walk.start()
    await walk.press("k:suggestion")
    reply = await walk.text("آزمایشی با کد")
    (choice,) = [p for p in payloads(reply) if p.startswith("feedback:p:#")]
    reply = await walk.press(choice.removeprefix("feedback:"))
    assert reply.intent == "feedback:text"
    await walk.text("متن")
    await walk.press("next")
    await walk.press("none")
    info = await sample_runtime.services.feedback.get(tracking_code(await walk.press("submit")))
    assert info.project_code == long_code
