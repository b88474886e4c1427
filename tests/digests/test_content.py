"""What each subscriber is told: new VAT figures, changes of followed projects, new reports,
nothing when nothing is new (weekly) or one line (monthly), always an unsubscribe button."""

from __future__ import annotations

import jdatetime
from sqlalchemy import select, update

from backend import digest_texts as texts
from backend.digests import (
    NOTHING_NEW,
    plan_digest,
    preview_digest,
    queue_report_digest,
    reply_from_json,
)
from backend.models import Delivery, DigestMessage, Municipality, Project, VatShare
from backend.reply import Reply
from backend.services.base import SessionFactory
from shafaf.runtime import Runtime
from tests.digests.helpers import add_subscribers

TODAY = jdatetime.date(1405, 9, 8)


async def replies_by_chat(sessions: SessionFactory, digest_id: int) -> dict[int, Reply | None]:
    """Each chat's digest (None when it was skipped)."""
    async with sessions() as session:
        rows = await session.execute(
            select(Delivery.chat_id, DigestMessage.reply)
            .outerjoin(DigestMessage, DigestMessage.id == Delivery.message_id)
            .where(Delivery.digest_id == digest_id)
        )
        return {int(chat): reply_from_json(r) if r else None for chat, r in rows}


async def mark_all_sent(sessions: SessionFactory) -> None:
    """Pretend the broadcast engine delivered everything pending."""
    async with sessions() as session, session.begin():
        await session.execute(
            update(Delivery).where(Delivery.status == "pending").values(status="sent")
        )


def text_of(reply: Reply) -> str:
    return "\n".join([b.text for b in reply.blocks] + [i for b in reply.blocks for i in b.items])


def assert_unsubscribe(reply: Reply) -> None:
    assert any(a.kind == "unsubscribe" for a in reply.all_actions())


async def test_first_weekly_digest_has_the_newest_month_with_changes(
    sample_runtime: Runtime,
) -> None:
    sessions = sample_runtime.services.sessions
    chats = await add_subscribers(sessions, 3)
    plan = await plan_digest(sessions, "weekly", "weekly:t1", TODAY)
    assert (plan.created, plan.pending, plan.skipped, plan.messages) == (True, 3, 0, 1)
    replies = await replies_by_chat(sessions, plan.digest_id)
    reply = replies[chats[0]]
    assert reply is not None
    body = text_of(reply)
    assert "آبان ۱۴۰۵" in body and "نسبت به ماه قبل" in body and "نسبت به آبان ۱۴۰۴" in body
    assert "میلیارد تومان" in body
    assert reply.sample and texts.SAMPLE_NOTE in body  # sample data says so
    assert reply.chart is not None and len(reply.chart.period) == 24
    assert str(reply.chart.period.end) == "1405-08"
    assert_unsubscribe(reply)
    # the same key again: nothing planned twice
    again = await plan_digest(sessions, "weekly", "weekly:t1", TODAY)
    assert (again.created, again.digest_id) == (False, plan.digest_id)


async def test_nothing_new_means_no_weekly_message_and_one_monthly_line(
    sample_runtime: Runtime,
) -> None:
    sessions = sample_runtime.services.sessions
    weekly = await add_subscribers(sessions, 2)
    monthly = await add_subscribers(sessions, 2, first_chat=900_000, frequency="monthly")
    await plan_digest(sessions, "weekly", "weekly:a", TODAY)
    await plan_digest(sessions, "monthly", "monthly:a", TODAY)
    await mark_all_sent(sessions)
    second_weekly = await plan_digest(sessions, "weekly", "weekly:b", TODAY)
    assert (second_weekly.pending, second_weekly.skipped, second_weekly.messages) == (0, 2, 0)
    async with sessions() as session:
        errors = set(
            await session.scalars(
                select(Delivery.error).where(Delivery.digest_id == second_weekly.digest_id)
            )
        )
    assert errors == {NOTHING_NEW}
    second_monthly = await plan_digest(sessions, "monthly", "monthly:b", TODAY)
    assert second_monthly.pending == 2
    reply = (await replies_by_chat(sessions, second_monthly.digest_id))[monthly[0]]
    assert reply is not None and reply.chart is None
    assert texts.NO_CHANGE_MONTHLY in text_of(reply)
    assert_unsubscribe(reply)
    assert set(await replies_by_chat(sessions, second_weekly.digest_id)) == set(weekly)


async def test_project_changes_reach_only_their_followers(sample_runtime: Runtime) -> None:
    sessions = sample_runtime.services.sessions
    [follower] = await add_subscribers(sessions, 1, topics={"districts": ["3"]})
    [other] = await add_subscribers(
        sessions, 1, first_chat=700_000, topics={"categories": ["green"]}
    )
    [project_fan] = await add_subscribers(
        sessions, 1, first_chat=800_000, topics={"projects": ["P-1004"]}
    )
    await plan_digest(sessions, "weekly", "weekly:a", TODAY)
    await mark_all_sent(sessions)
    async with sessions() as session, session.begin():
        await session.execute(
            update(Project)
            .where(Project.code == "P-1004")
            .values(progress_percent=55, status="suspended")
        )
    plan = await plan_digest(sessions, "weekly", "weekly:b", TODAY)
    replies = await replies_by_chat(sessions, plan.digest_id)
    assert replies[other] is None  # green spaces did not change
    for chat in (follower, project_fan):
        reply = replies[chat]
        assert reply is not None
        body = text_of(reply)
        assert "بی‌آرتی" in body and "۴۱٪" in body and "۵۵٪" in body and "متوقف" in body
        assert reply.chart is None  # no new VAT figure this week
        assert_unsubscribe(reply)
    assert plan.messages == 1  # the two followers share one stored message


async def test_a_new_vat_month_is_reported_with_month_and_year_changes(
    sample_runtime: Runtime,
) -> None:
    sessions = sample_runtime.services.sessions
    [chat] = await add_subscribers(sessions, 1)
    await plan_digest(sessions, "weekly", "weekly:a", TODAY)
    await mark_all_sent(sessions)
    async with sessions() as session, session.begin():
        muni = await session.scalar(select(Municipality.id).where(Municipality.slug == "mashhad"))
        assert muni is not None
        session.add(
            VatShare(
                municipality_id=muni,
                year=1405,
                month=9,
                amount_rial=4_800_000_000_000,
                published_on=jdatetime.date(1405, 10, 5).togregorian(),
                source="آزمون (نمونه)",
            )
        )
    before = await plan_digest(sessions, "weekly", "weekly:b", TODAY)  # not yet published
    assert before.pending == 0
    plan = await plan_digest(sessions, "weekly", "weekly:c", jdatetime.date(1405, 10, 6))
    reply = (await replies_by_chat(sessions, plan.digest_id))[chat]
    assert reply is not None and reply.chart is not None
    body = text_of(reply)
    assert "آذر ۱۴۰۵" in body and "آبان ۱۴۰۵" not in body
    assert "۴۸۰ میلیارد تومان" in body and "بیشتر" in body


async def test_report_digest_goes_to_that_city_once_and_is_not_repeated(
    sample_runtime: Runtime,
) -> None:
    sessions = sample_runtime.services.sessions
    mashhad = await add_subscribers(sessions, 2, frequency="monthly")
    [ney] = await add_subscribers(
        sessions, 1, first_chat=600_000, municipality="neyshabur", frequency="monthly"
    )
    plan = await queue_report_digest(sessions, "NEY-1405-Q2", TODAY)
    assert (plan.created, plan.pending) == (True, 1)
    assert (await queue_report_digest(sessions, "NEY-1405-Q2", TODAY)).created is False
    reply = (await replies_by_chat(sessions, plan.digest_id))[ney]
    assert reply is not None
    assert any(a.kind == "url" for a in reply.all_actions())
    assert_unsubscribe(reply)
    await mark_all_sent(sessions)
    [late] = await add_subscribers(
        sessions, 1, first_chat=650_000, municipality="neyshabur", frequency="monthly"
    )
    monthly = await plan_digest(sessions, "monthly", "monthly:x", TODAY)
    replies = await replies_by_chat(sessions, monthly.digest_id)
    ney_reply, late_reply = replies[ney], replies[late]
    assert ney_reply is not None and late_reply is not None and replies[mashhad[0]] is not None
    assert texts.REPORTS_HEADING not in text_of(ney_reply)  # pushed already on publication
    assert texts.REPORTS_HEADING in text_of(late_reply)  # subscribed after the push


async def test_preview_shows_text_and_chart(sample_runtime: Runtime) -> None:
    preview = await preview_digest(sample_runtime.services.sessions, "monthly", TODAY)
    assert preview.text.startswith("📬 خلاصه ماهانه شفاف")
    assert texts.BUTTON_UNSUBSCRIBE in preview.text
    assert preview.png is not None and preview.png.startswith(b"\x89PNG")
    async with sample_runtime.services.sessions() as session:
        assert (await session.scalar(select(Delivery.id).limit(1))) is None


async def test_a_digest_on_old_data_says_so(sample_runtime: Runtime) -> None:
    """Figures older than SHAFAF_STALE_AFTER_DAYS carry a note in the digest too."""
    from backend.digests import preview_digest
    from backend.opendata.texts import STALE_NOTE

    stale = STALE_NOTE.split("{")[0]
    sessions = sample_runtime.services.sessions
    fresh = await preview_digest(sessions, "monthly", jdatetime.date(1405, 9, 8))
    assert fresh.text and stale not in fresh.text
    # imported on the tests' pinned 8 Azar 1405: 83 days old on the first of Esfand
    old = await preview_digest(sessions, "monthly", jdatetime.date(1405, 12, 1))
    assert old.text and stale in old.text
    assert (
        stale
        not in (await preview_digest(sessions, "monthly", jdatetime.date(1405, 12, 1), 90)).text
    )
