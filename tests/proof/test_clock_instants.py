"""One clock, at the instants where dates break: everything a citizen or staff member sees agrees.

The wall clock is frozen (time-machine, ticking) at each instant, with `SHAFAF_TODAY` *unset*, so
the process's clock is the only source of "today". At each instant: relative periods in questions,
the monthly digest planned on the 1st of the Jalali month, the retention purge's cut-off, the staff
inbox's date filters and the date on a feedback's status reply must all name the same day.
The expected Jalali values are written out here, not computed by the code under test.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import jdatetime
import pytest
import time_machine
from sqlalchemy import select, update

from backend.clock import Clock, utcnow
from backend.conversation.flows.base import ChatRef
from backend.formatting import date_label
from backend.models import Feedback
from backend.render_plain import render_plain
from backend.retention import purge_contact_details
from backend.schedule import DigestScheduler
from backend.services.feedback import FeedbackDraft
from backend.staff.accounts import StaffIdentity
from backend.staff.inbox import InboxFilter, InboxService
from shafaf.runtime import Runtime, open_runtime
from tests.conftest import make_settings

TEHRAN = ZoneInfo("Asia/Tehran")


@dataclass(frozen=True)
class Instant:
    """A Tehran wall-clock moment given in Jalali, and what "relative" words mean then."""

    name: str
    jalali: tuple[int, int, int, int, int]  # year, month, day, hour, minute in Tehran
    last_year: tuple[str, str]
    last_month: tuple[str, str]
    last_three_months: tuple[str, str]
    next_month_start: tuple[int, int, int]  # the next monthly digest's Jalali day

    def moment(self) -> datetime:
        y, m, d, hh, mm = self.jalali
        g = jdatetime.date(y, m, d).togregorian()
        return datetime(g.year, g.month, g.day, hh, mm, tzinfo=TEHRAN)

    def today(self) -> jdatetime.date:
        return jdatetime.date(*self.jalali[:3])


INSTANTS = [
    Instant(
        "normal-day",
        (1405, 9, 16, 12, 0),
        ("1404-01", "1404-12"),
        ("1405-08", "1405-08"),
        ("1405-06", "1405-08"),
        (1405, 10, 1),
    ),
    Instant(
        "last-minute-of-1405",
        (1405, 12, 29, 23, 59),
        ("1404-01", "1404-12"),
        ("1405-11", "1405-11"),
        ("1405-09", "1405-11"),
        (1406, 1, 1),
    ),
    Instant(
        "first-minute-of-1406",
        (1406, 1, 1, 0, 1),
        ("1405-01", "1405-12"),
        ("1405-12", "1405-12"),
        ("1405-10", "1405-12"),
        (1406, 1, 1),
    ),
    Instant(
        "end-of-31-day-month",
        (1405, 6, 31, 23, 30),
        ("1404-01", "1404-12"),
        ("1405-05", "1405-05"),
        ("1405-03", "1405-05"),
        (1405, 7, 1),
    ),
    Instant(
        "end-of-30-day-month",
        (1405, 7, 30, 23, 30),
        ("1404-01", "1404-12"),
        ("1405-06", "1405-06"),
        ("1405-04", "1405-06"),
        (1405, 8, 1),
    ),
    Instant(
        "29-esfand-of-a-leap-year",
        (1403, 12, 29, 23, 59),
        ("1402-01", "1402-12"),
        ("1403-11", "1403-11"),
        ("1403-09", "1403-11"),
        (1404, 1, 1),
    ),
]


def test_the_instants_are_what_they_claim() -> None:
    """Guard the table: 1405 is a common year, 1403 a leap year, months end where said."""
    day = jdatetime.date
    next_day = jdatetime.timedelta(days=1)
    assert not day(1405, 1, 1).isleap() and day(1403, 1, 1).isleap()
    assert day(1405, 12, 29) + next_day == day(1406, 1, 1)
    assert (day(1403, 12, 29) + next_day).day == 30
    assert day(1405, 6, 31) + next_day == day(1405, 7, 1)
    assert day(1405, 7, 30) + next_day == day(1405, 8, 1)


@pytest.fixture(params=INSTANTS, ids=lambda i: i.name)
def instant(request: pytest.FixtureRequest) -> Iterator[Instant]:
    value: Instant = request.param
    with time_machine.travel(value.moment(), tick=True):
        yield value


@pytest.fixture
async def wall_runtime(instant: Instant, sample_db_url: str) -> AsyncIterator[Runtime]:
    """A runtime whose "today" comes from the (frozen) wall clock: SHAFAF_TODAY unset."""
    async with open_runtime(make_settings(sample_db_url, today=None), migrate=False) as runtime:
        yield runtime


async def test_today_and_relative_periods(instant: Instant, wall_runtime: Runtime) -> None:
    today = wall_runtime.services.today()
    assert today == instant.today()
    assert wall_runtime.clock.jalali_day(utcnow()) == instant.today()
    asker = wall_runtime.asker
    for text, expected in (
        ("سهم شهرداری مشهد از مالیات ارزش افزوده پارسال چقدر بود؟", instant.last_year),
        ("سهم مشهد ماه پیش چقدر بود", instant.last_month),
        ("سهم مشهد در سه ماه اخیر", instant.last_three_months),
    ):
        understanding = await asker.understand(text, today)
        period = understanding.entities.get("period")
        assert period == {"from": expected[0], "to": expected[1]}, text


async def test_monthly_digest_is_planned_on_the_first_of_the_jalali_month(
    instant: Instant, wall_runtime: Runtime
) -> None:
    sessions = wall_runtime.services.sessions
    scheduler = DigestScheduler(sessions, TEHRAN)  # the process clock, nothing injected
    await scheduler.tick()  # the first tick only records where the schedule starts
    due = scheduler.triggers["monthly"].first_at_or_after(utcnow())
    local = due.astimezone(TEHRAN)
    first = jdatetime.date.fromgregorian(date=local.date())
    assert (first.year, first.month, first.day) == instant.next_month_start
    assert (local.hour, local.minute) == (9, 0)
    with time_machine.travel(due + timedelta(minutes=1), tick=True):
        plans = [p for p in await scheduler.tick() if p.key.startswith("monthly")]
        assert [p.key for p in plans] == [f"monthly:{first.year:04d}-{first.month:02d}"]
        assert wall_runtime.services.today() == first


async def test_retention_cut_off_and_inbox_date_filters(
    instant: Instant, wall_runtime: Runtime
) -> None:
    services = wall_runtime.services
    old = await services.feedback.submit(
        FeedbackDraft(
            "telegram", 501, 501, "complaint", "چراغ خیابان خاموش است", contact_phone="09120000000"
        )
    )
    new = await services.feedback.submit(
        FeedbackDraft(
            "telegram", 502, 502, "complaint", "آسفالت خراب است", contact_phone="09120000001"
        )
    )
    async with services.sessions() as session, session.begin():
        await session.execute(
            update(Feedback)
            .where(Feedback.tracking_code == old.tracking_code)
            .values(created_at=utcnow() - timedelta(days=180, minutes=1))
        )
    result = await purge_contact_details(services.sessions, 180)
    assert result.feedback_contacts == 1
    async with services.sessions() as session:
        phones = dict(
            (await session.execute(select(Feedback.tracking_code, Feedback.contact_phone)))
            .tuples()
            .all()
        )
    assert phones == {old.tracking_code: None, new.tracking_code: "09120000001"}

    inbox = InboxService(services.sessions, TEHRAN)
    admin = StaffIdentity(1, "admin", "admin")
    today = instant.today()

    async def codes(**dates: str) -> list[str]:
        page = await inbox.search(InboxFilter(**dates), admin)
        return [item.tracking_code for item in page.items]

    day = today.strftime("%Y-%m-%d")
    tomorrow = (today + jdatetime.timedelta(days=1)).strftime("%Y-%m-%d")
    yesterday = (today - jdatetime.timedelta(days=1)).strftime("%Y-%m-%d")
    assert await codes(date_from=day, date_to=day) == [new.tracking_code]
    assert await codes(date_from=tomorrow) == []
    assert new.tracking_code not in await codes(date_to=yesterday)


async def test_status_reply_shows_the_day_the_feedback_was_filed(
    instant: Instant, wall_runtime: Runtime
) -> None:

    services = wall_runtime.services
    info = await services.feedback.submit(
        FeedbackDraft("telegram", 503, 503, "suggestion", "نیمکت بیشتر در پارک")
    )
    engine = wall_runtime.conversation
    text = render_plain(await engine.status(ChatRef("telegram", 503, 503), info.tracking_code))
    assert date_label(instant.today()) in text


async def test_a_pinned_today_is_the_day_everyone_sees(sample_db_url: str) -> None:
    """`SHAFAF_TODAY` wins over the wall clock for answers, stamps and filters alike."""

    pinned = jdatetime.date(1405, 9, 8)
    with time_machine.travel(INSTANTS[0].moment(), tick=True):  # the wall says 16 Azar
        settings = make_settings(sample_db_url, today="1405-09-08")
        async with open_runtime(settings, migrate=False) as runtime:
            services = runtime.services
            assert services.today() == pinned
            info = await services.feedback.submit(
                FeedbackDraft("telegram", 504, 504, "thanks", "ممنون از پارک جدید")
            )
            assert runtime.clock.jalali_day(info.created_at) == pinned
            engine = runtime.conversation
            text = render_plain(
                await engine.status(ChatRef("telegram", 504, 504), info.tracking_code)
            )
            assert date_label(pinned) in text and date_label(INSTANTS[0].today()) not in text
            page = await InboxService(services.sessions, TEHRAN).search(
                InboxFilter(date_from="1405-09-08", date_to="1405-09-08"),
                StaffIdentity(1, "admin", "admin"),
            )
            assert [i.tracking_code for i in page.items] == [info.tracking_code]


def test_a_pinned_clock_never_runs_backwards_over_midnight() -> None:
    """Past local midnight a pinned clock holds at its day's end instead of starting it again."""
    pinned = jdatetime.date(1405, 9, 8)
    before_midnight = datetime(2026, 12, 7, 23, 59, 50, tzinfo=TEHRAN)
    with time_machine.travel(before_midnight, tick=False) as traveller:
        clock = Clock(TEHRAN, pinned)
        first = clock.now()
        assert clock.jalali_day(first) == pinned
        traveller.shift(timedelta(seconds=30))  # 00:00:20 on the next wall day
        second = clock.now()
        traveller.shift(timedelta(minutes=5))
        third = clock.now()
    assert first < second <= third
    assert clock.jalali_day(second) == clock.jalali_day(third) == pinned == clock.today()
