"""Triggers (weekly, Jalali month start incl. Esfand of leap years), exactly-once runs,
catch-up of missed runs, and the single-sender lock."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import jdatetime
import pytest
from sqlalchemy import func, select

from backend.db import create_engine
from backend.models import Digest, ScheduleRun
from backend.schedule import (
    SATURDAY,
    DigestScheduler,
    FileLock,
    JalaliMonthStartTrigger,
    PgAdvisoryLock,
    WeeklyTrigger,
    sender_lock_for,
)
from backend.services.base import SessionFactory
from shafaf.runtime import Runtime
from tests.digests.helpers import add_subscribers

TEHRAN = ZoneInfo("Asia/Tehran")


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A Jalali wall-clock moment in Tehran."""
    g = jdatetime.date(year, month, day).togregorian()
    return datetime(g.year, g.month, g.day, hour, minute, tzinfo=TEHRAN)


def jalali(moment: datetime) -> tuple[int, int, int, int, int]:
    local = moment.astimezone(TEHRAN)
    j = jdatetime.date.fromgregorian(date=local.date())
    return j.year, j.month, j.day, local.hour, local.minute


# --- triggers ----------------------------------------------------------------------------------


def test_esfand_of_a_leap_year_rolls_over_to_farvardin_first() -> None:
    assert jdatetime.date(1403, 1, 1).isleap()  # 1403 has a 30th of Esfand
    trigger = JalaliMonthStartTrigger(9, 0, TEHRAN)
    for moment in (
        at(1403, 12, 2),
        at(1403, 12, 29, 23, 59),
        at(1403, 12, 30, 9, 0),
        at(1403, 12, 30, 23, 59),
    ):
        assert jalali(trigger.first_at_or_after(moment)) == (1404, 1, 1, 9, 0)
    # the 30th of Esfand is a day of Esfand, not a month start
    assert jalali(trigger.latest_at_or_before(at(1403, 12, 30, 12))) == (1403, 12, 1, 9, 0)
    assert jalali(trigger.latest_at_or_before(at(1404, 1, 1, 8, 59))) == (1403, 12, 1, 9, 0)
    assert jalali(trigger.latest_at_or_before(at(1404, 1, 1, 9, 0))) == (1404, 1, 1, 9, 0)


def test_esfand_of_a_common_year_has_29_days() -> None:
    assert not jdatetime.date(1404, 1, 1).isleap()
    trigger = JalaliMonthStartTrigger(9, 0, TEHRAN)
    assert jalali(trigger.first_at_or_after(at(1404, 12, 29, 10))) == (1405, 1, 1, 9, 0)
    assert (at(1405, 1, 1, 9) - at(1404, 12, 1, 9)) == timedelta(days=29)
    assert (at(1404, 1, 1, 9) - at(1403, 12, 1, 9)) == timedelta(days=30)


def test_apscheduler_sees_every_jalali_month_start_once() -> None:
    trigger = JalaliMonthStartTrigger(9, 0, TEHRAN)
    fire: datetime | None = None
    now = at(1402, 12, 15)
    seen = []
    for _ in range(30):  # what APScheduler does: next fire after the previous one
        fire = trigger.get_next_fire_time(fire, now)
        assert fire is not None
        seen.append(jalali(fire))
        now = fire
    expected = [(y, m, 1, 9, 0) for y in (1403, 1404, 1405) for m in range(1, 13)]
    assert seen == expected[:30]
    assert len(set(seen)) == len(seen)


def test_weekly_trigger_fires_saturday_nine_in_tehran() -> None:
    trigger = WeeklyTrigger(SATURDAY, 9, 0, TEHRAN)
    moment = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)  # a Sunday
    nxt = trigger.first_at_or_after(moment).astimezone(TEHRAN)
    assert nxt.weekday() == SATURDAY and (nxt.hour, nxt.minute) == (9, 0)
    assert timedelta(0) < nxt - moment <= timedelta(days=7)
    prev = trigger.latest_at_or_before(moment)
    assert nxt - prev == timedelta(days=7)
    assert trigger.first_at_or_after(nxt) == nxt  # "at or after"
    assert trigger.get_next_fire_time(nxt, nxt) == nxt + timedelta(days=7)


# --- exactly once --------------------------------------------------------------------------------


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def count(sessions: SessionFactory, model: type, *where: object) -> int:
    async with sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


async def test_jalali_month_start_triggers_exactly_once(sample_runtime: Runtime) -> None:
    sessions = sample_runtime.services.sessions
    await add_subscribers(sessions, 3, frequency="monthly")
    clock = Clock(at(1403, 12, 20, 12))
    scheduler = DigestScheduler(sessions, TEHRAN, clock=clock)

    async def monthly(s: DigestScheduler) -> list[str]:
        return [p.key for p in await s.tick() if p.key.startswith("monthly") and p.created]

    assert await monthly(scheduler) == []  # first start: a baseline, nobody missed anything
    clock.now = at(1403, 12, 30, 23, 59)  # the leap day: still Esfand
    assert await monthly(scheduler) == []
    clock.now = at(1404, 1, 1, 9, 0)
    assert await monthly(scheduler) == ["monthly:1404-01"]
    assert await monthly(scheduler) == []
    restarted = DigestScheduler(sessions, TEHRAN, clock=clock)
    clock.now = at(1404, 1, 5)
    assert await monthly(restarted) == []
    # two schedulers racing at the next month start: one plan between them
    clock.now = at(1404, 2, 1, 9, 1)
    racing = await asyncio.gather(monthly(scheduler), monthly(restarted))
    assert sorted(racing[0] + racing[1]) == ["monthly:1404-02"]
    assert await count(sessions, Digest, Digest.kind == "monthly") == 2
    assert (
        await count(
            sessions, ScheduleRun, ScheduleRun.job == "monthly", ScheduleRun.outcome == "ran"
        )
        == 2
    )


async def test_missed_weekly_run_executes_once_on_start(sample_runtime: Runtime) -> None:
    sessions = sample_runtime.services.sessions
    await add_subscribers(sessions, 2)
    trigger = WeeklyTrigger(SATURDAY, 9, 0, TEHRAN)
    now = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    missed = trigger.latest_at_or_before(now)
    # The process last ran the digest three weeks ago, then was down for two occurrences.
    async with sessions() as session, session.begin():
        session.add(
            ScheduleRun(
                job="weekly",
                due_at=missed - timedelta(days=21),
                started_at=now,
                finished_at=now,
                outcome="ran",
            )
        )
    scheduler = DigestScheduler(sessions, TEHRAN, clock=Clock(now))
    plans = [p for p in await scheduler.tick() if p.key.startswith("weekly")]
    day = jdatetime.date.fromgregorian(date=missed.astimezone(TEHRAN).date())
    assert [p.key for p in plans] == [f"weekly:{day.year}-{day.month:02d}-{day.day:02d}"]
    assert plans[0].pending == 2
    # started again (another start, a later tick): never a second time
    assert (
        await DigestScheduler(sessions, TEHRAN, clock=Clock(now + timedelta(hours=1))).tick() == []
    )
    assert await count(sessions, Digest, Digest.kind == "weekly") == 1


async def test_a_run_cut_short_while_planning_is_finished_once(sample_runtime: Runtime) -> None:
    sessions = sample_runtime.services.sessions
    trigger = WeeklyTrigger(SATURDAY, 9, 0, TEHRAN)
    now = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    due = trigger.latest_at_or_before(now).astimezone(UTC)
    async with sessions() as session, session.begin():
        session.add(ScheduleRun(job="weekly", due_at=due, started_at=now))  # never finished
    scheduler = DigestScheduler(sessions, TEHRAN, clock=Clock(now))
    assert [p.key.split(":")[0] for p in await scheduler.tick()] == ["weekly"]
    assert await scheduler.tick() == []
    assert await count(sessions, Digest) == 1


async def test_scheduler_registers_both_jobs(empty_runtime: Runtime) -> None:
    scheduler = DigestScheduler(empty_runtime.services.sessions, TEHRAN)
    scheduler.start()
    try:
        times = scheduler.next_run_times()
    finally:
        scheduler.shutdown()
    weekly, monthly = times["weekly"], times["monthly"]
    assert weekly is not None and monthly is not None
    assert weekly.astimezone(TEHRAN).weekday() == SATURDAY
    assert jalali(monthly)[2:] == (1, 9, 0)


# --- one sender ----------------------------------------------------------------------------------


async def test_file_lock_admits_one_holder(tmp_path: Path) -> None:
    first, second = FileLock(str(tmp_path / "x.lock")), FileLock(str(tmp_path / "x.lock"))
    assert await first.acquire()
    assert not await second.acquire()
    await first.release()
    assert await second.acquire()
    await second.release()


async def test_postgres_advisory_lock_admits_one_process(empty_db_url: str) -> None:
    if not empty_db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only (SQLite uses the file lock)")
    engines = [create_engine(empty_db_url), create_engine(empty_db_url)]
    try:
        locks = [sender_lock_for(e) for e in engines]
        assert all(isinstance(lock, PgAdvisoryLock) for lock in locks)
        got = await asyncio.gather(*(lock.acquire() for lock in locks))
        assert sorted(got) == [False, True]
        holder = locks[got.index(True)]
        other = locks[got.index(False)]
        assert await holder.acquire() and await holder.is_held()
        assert isinstance(holder, PgAdvisoryLock) and holder._conn is not None
        await holder._conn.invalidate()  # the holder's connection dies (as with its process)…
        assert not await holder.is_held()
        assert await other.acquire()  # …and the other takes over
        await other.release()
    finally:
        for engine in engines:
            await engine.dispose()
