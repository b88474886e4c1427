"""When digests run: weekly and Jalali-monthly triggers, catch-up of missed runs, one sender.

* Triggers (APScheduler 3): `WeeklyTrigger` (a weekday and time, default Saturday 09:00) and
  `JalaliMonthStartTrigger` (the 1st of every Jalali month; cron cannot express it: Jalali months
  have 29 to 31 days and Esfand 30 only in leap years), both in the configured time zone.
* Exactly once: every occurrence is recorded as a `ScheduleRun` with a unique (job, due_at), and
  the digest it plans has a unique key; a second attempt at either is a no-op.
* Missed runs: on start (and whenever this process becomes the sender) the latest occurrence of
  each job that has no finished run is run once; older missed ones are not (one digest carries
  all the news since each subscriber's last one anyway). On the very first start a job records
  its latest occurrence as a baseline instead of sending a digest nobody missed.
* One sender: several `shafaf run` processes may share a PostgreSQL database; only the one that
  holds the advisory lock (`pg_try_advisory_lock`, on a connection it keeps) plans and sends.
  When that process dies its connection closes, the lock is freed, and another takes over. On
  SQLite an exclusive `flock` on a file next to the database plays that role for processes on
  one machine (an in-memory database is one process by definition).
"""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import Any, Literal

import jdatetime
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.base import BaseTrigger
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from backend.clock import aware, utcnow
from backend.db import is_sqlite
from backend.digests import PlanResult, periodic_key, plan_digest
from backend.models import ScheduleRun
from backend.months import Month
from backend.services.base import SessionFactory

log = logging.getLogger("shafaf.schedule")

JobName = Literal["weekly", "monthly"]
SATURDAY = 5  # Python's weekday(): Monday is 0
# An arbitrary, fixed signed 64-bit key ("SHAFAF" + 1): the digest sender's advisory lock.
ADVISORY_LOCK_KEY = 0x5348414641460001


# --- triggers --------------------------------------------------------------------------------


class _DigestTrigger(BaseTrigger):  # type: ignore[misc]
    """A trigger that can also name its latest occurrence (for catching up missed runs)."""

    zone: tzinfo

    def first_at_or_after(self, moment: datetime) -> datetime:
        """Return the first occurrence at or after `moment`."""
        raise NotImplementedError

    def latest_at_or_before(self, moment: datetime) -> datetime:
        """Return the latest occurrence at or before `moment`."""
        raise NotImplementedError

    def get_next_fire_time(
        self, previous_fire_time: datetime | None, now: datetime
    ) -> datetime | None:
        """APScheduler's hook: the next occurrence after the previous one, not before now."""
        start = now
        if previous_fire_time is not None:
            start = max(now, previous_fire_time + timedelta(microseconds=1))
        return self.first_at_or_after(start)


class WeeklyTrigger(_DigestTrigger):
    """Fire every week on one weekday at a wall-clock time in a time zone."""

    def __init__(self, weekday: int, hour: int, minute: int, zone: tzinfo) -> None:
        if not 0 <= weekday <= 6:
            raise ValueError("weekday must be 0 (Monday) .. 6 (Sunday)")
        self.weekday, self.at, self.zone = weekday, time(hour, minute), zone

    def _on(self, day: Any) -> datetime:
        return datetime.combine(day, self.at, tzinfo=self.zone)

    def first_at_or_after(self, moment: datetime) -> datetime:
        """Return the first occurrence at or after `moment`."""
        local = moment.astimezone(self.zone)
        candidate = self._on(local.date() + timedelta(days=(self.weekday - local.weekday()) % 7))
        return candidate if candidate >= moment else self._on(candidate.date() + timedelta(7))

    def latest_at_or_before(self, moment: datetime) -> datetime:
        """Return the latest occurrence at or before `moment`."""
        local = moment.astimezone(self.zone)
        candidate = self._on(local.date() - timedelta(days=(local.weekday() - self.weekday) % 7))
        return candidate if candidate <= moment else self._on(candidate.date() - timedelta(7))

    def __str__(self) -> str:
        return f"weekly[weekday={self.weekday}, at={self.at}, tz={self.zone}]"


def jalali_month_start(month: Month, at: time, zone: tzinfo) -> datetime:
    """Return the moment a Jalali month starts at a wall-clock time in a zone."""
    return datetime.combine(month.first_day().togregorian(), at, tzinfo=zone)


class JalaliMonthStartTrigger(_DigestTrigger):
    """Fire on the 1st of every Jalali month at a wall-clock time in a time zone."""

    def __init__(self, hour: int, minute: int, zone: tzinfo) -> None:
        self.at, self.zone = time(hour, minute), zone

    def _month_of(self, moment: datetime) -> Month:
        local = moment.astimezone(self.zone).date()
        return Month.of(jdatetime.date.fromgregorian(date=local))

    def first_at_or_after(self, moment: datetime) -> datetime:
        """Return the first occurrence at or after `moment`."""
        month = self._month_of(moment)
        candidate = jalali_month_start(month, self.at, self.zone)
        return (
            candidate
            if candidate >= moment
            else jalali_month_start(month.shift(1), self.at, self.zone)
        )

    def latest_at_or_before(self, moment: datetime) -> datetime:
        """Return the latest occurrence at or before `moment`."""
        month = self._month_of(moment)
        candidate = jalali_month_start(month, self.at, self.zone)
        return (
            candidate
            if candidate <= moment
            else jalali_month_start(month.shift(-1), self.at, self.zone)
        )

    def __str__(self) -> str:
        return f"jalali-month-start[at={self.at}, tz={self.zone}]"


@dataclass(frozen=True, slots=True)
class ScheduleConfig:
    """When the digests run (wall-clock times in the configured zone)."""

    weekly_weekday: int = SATURDAY
    weekly_hour: int = 9
    weekly_minute: int = 0
    monthly_hour: int = 9
    monthly_minute: int = 0
    stale_after_days: int = 45  # digests on older data say it may be out of date


def build_triggers(config: ScheduleConfig, zone: tzinfo) -> dict[JobName, _DigestTrigger]:
    """Return the trigger of each digest job."""
    return {
        "weekly": WeeklyTrigger(
            config.weekly_weekday, config.weekly_hour, config.weekly_minute, zone
        ),
        "monthly": JalaliMonthStartTrigger(config.monthly_hour, config.monthly_minute, zone),
    }


# --- the single-sender lock ------------------------------------------------------------------


class SenderLock:
    """Held by at most one process per database: that process plans and sends digests."""

    async def acquire(self) -> bool:
        """Try to take the lock without waiting; return whether this process holds it."""
        return True

    async def is_held(self) -> bool:
        """Tell whether this process (still) holds the lock."""
        return True

    async def release(self) -> None:
        """Give the lock up."""


class PgAdvisoryLock(SenderLock):
    """A session-level PostgreSQL advisory lock on a connection kept out of the pool."""

    def __init__(self, engine: AsyncEngine, key: int = ADVISORY_LOCK_KEY) -> None:
        self._engine, self._key = engine, key
        self._conn: AsyncConnection | None = None

    async def acquire(self) -> bool:
        """Try `pg_try_advisory_lock`; keep the connection while the lock is held."""
        if await self.is_held():
            return True
        conn = await self._engine.connect()
        try:
            # Autocommit: holding the lock must not also hold a transaction open for hours.
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            got = bool(
                await conn.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": self._key})
            )
        except BaseException:
            await conn.close()
            raise
        if not got:
            await conn.close()
            return False
        self._conn = conn
        return True

    async def is_held(self) -> bool:
        """Check that the lock's connection is alive (a lost connection lost the lock)."""
        if self._conn is None:
            return False
        try:
            await self._conn.scalar(text("SELECT 1"))
        except (SQLAlchemyError, OSError):
            log.warning("lost the digest sender lock (database connection closed)")
            await self._drop()
            return False
        return True

    async def release(self) -> None:
        """Unlock and close the connection."""
        if self._conn is None:
            return
        try:
            await self._conn.scalar(text("SELECT pg_advisory_unlock(:key)"), {"key": self._key})
        except (SQLAlchemyError, OSError):
            pass
        await self._drop()

    async def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            # Invalidate, not close: a pooled connection would keep a session lock alive.
            try:
                await conn.invalidate()
            except (SQLAlchemyError, OSError):
                pass
            await conn.close()


class FileLock(SenderLock):
    """An exclusive `flock` on a file: one sender per SQLite database on one machine."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._fd: int | None = None

    async def acquire(self) -> bool:
        """Try to lock the file without waiting."""
        if self._fd is not None:
            return True
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    async def is_held(self) -> bool:
        """Tell whether this process holds the file lock."""
        return self._fd is not None

    async def release(self) -> None:
        """Unlock and close the file."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def sender_lock_for(engine: AsyncEngine) -> SenderLock:
    """Return the right single-sender lock for the database behind `engine`."""
    url = engine.url
    if is_sqlite(url.render_as_string(hide_password=False)):
        database = url.database or ""
        if database in ("", ":memory:") or database.startswith("file::memory:"):
            return SenderLock()
        return FileLock(f"{database}.sender-lock")
    if url.get_backend_name() == "postgresql":
        return PgAdvisoryLock(engine)
    return SenderLock()


# --- the scheduler ---------------------------------------------------------------------------

Clock = Callable[[], datetime]
OnPlanned = Callable[[PlanResult], Awaitable[None] | None]


class DigestScheduler:
    """Run each digest job once per occurrence, catch up missed ones, only while the sender."""

    def __init__(
        self,
        sessions: SessionFactory,
        zone: tzinfo,
        *,
        lock: SenderLock | None = None,
        config: ScheduleConfig | None = None,
        on_planned: OnPlanned | None = None,
        clock: Clock | None = None,
    ) -> None:
        self._sessions = sessions
        self.zone = zone
        self.lock = lock or SenderLock()
        config = config or ScheduleConfig()
        self.triggers = build_triggers(config, zone)
        self._stale_after_days = config.stale_after_days
        self._on_planned = on_planned
        self._clock = clock or utcnow
        self._aps: AsyncIOScheduler | None = None

    def jalali_day(self, moment: datetime) -> jdatetime.date:
        """Return the Jalali date of a moment in the configured zone."""
        return jdatetime.date.fromgregorian(date=moment.astimezone(self.zone).date())

    async def run_occurrence(self, job: JobName, due: datetime) -> PlanResult | None:
        """Plan the digest of one occurrence unless it already ran; return the plan if it ran."""
        due = due.astimezone(UTC)
        try:
            async with self._sessions() as session, session.begin():
                session.add(ScheduleRun(job=job, due_at=due, started_at=utcnow()))
        except IntegrityError:
            async with self._sessions() as session:
                finished = await session.scalar(
                    select(ScheduleRun.finished_at).where(
                        ScheduleRun.job == job, ScheduleRun.due_at == due
                    )
                )
            if finished is not None:
                return None
            # Started but never finished: the process died while planning. Planning is
            # idempotent by digest key, so finishing the job now cannot send twice.
            log.info("resuming %s digest due %s", job, due.isoformat())
        day = self.jalali_day(due)
        plan = await plan_digest(
            self._sessions,
            job,
            periodic_key(job, day),
            day,
            stale_after_days=self._stale_after_days,
        )
        async with self._sessions() as session, session.begin():
            run = await session.scalar(
                select(ScheduleRun).where(ScheduleRun.job == job, ScheduleRun.due_at == due)
            )
            if run is not None:
                run.finished_at, run.outcome, run.digest_key = utcnow(), "ran", plan.key
        log.info(
            "%s digest %s planned: %d to send, %d with nothing new",
            job,
            plan.key,
            plan.pending,
            plan.skipped,
        )
        if self._on_planned is not None:
            result = self._on_planned(plan)
            if result is not None:
                await result
        return plan

    async def tick(self, now: datetime | None = None) -> list[PlanResult]:
        """Run each job's latest occurrence if it has not run (on start, and at fire times)."""
        now = now or self._clock()
        plans = []
        for job, trigger in self.triggers.items():
            due = trigger.latest_at_or_before(now).astimezone(UTC)
            async with self._sessions() as session:
                runs = (
                    await session.execute(
                        select(ScheduleRun.due_at, ScheduleRun.finished_at)
                        .where(ScheduleRun.job == job)
                        .order_by(ScheduleRun.due_at.desc())
                        .limit(1)
                    )
                ).first()
                this = await session.scalar(
                    select(ScheduleRun.finished_at).where(
                        ScheduleRun.job == job, ScheduleRun.due_at == due
                    )
                )
            if runs is None:
                await self._record_baseline(job, due)
                continue
            if this is not None or aware(runs[0]) > due:
                continue  # ran already (or a later one did: never go back in time)
            plan = await self.run_occurrence(job, due)
            if plan is not None:
                plans.append(plan)
        return plans

    async def _record_baseline(self, job: JobName, due: datetime) -> None:
        now = utcnow()
        try:
            async with self._sessions() as session, session.begin():
                session.add(
                    ScheduleRun(
                        job=job, due_at=due, started_at=now, finished_at=now, outcome="baseline"
                    )
                )
        except IntegrityError:
            pass
        log.info("%s digests start with the next occurrence after %s", job, due.isoformat())

    async def _fire(self) -> None:
        if not await self.lock.is_held():
            return  # another process is the sender; it runs the jobs
        try:
            await self.tick()
        except Exception:
            log.exception("digest job failed; it is retried on the next tick or start")

    def start(self) -> None:
        """Register the jobs with an APScheduler on the running event loop."""
        if self._aps is not None:
            return
        self._aps = AsyncIOScheduler(timezone=self.zone)
        for job, trigger in self.triggers.items():
            # coalesce + max_instances: a late or slow run never piles up a second one.
            self._aps.add_job(
                self._fire,
                trigger=trigger,
                id=f"digest-{job}",
                name=job,
                coalesce=True,
                max_instances=1,
                misfire_grace_time=None,
            )
        self._aps.start()

    def next_run_times(self) -> dict[str, datetime | None]:
        """Return when each job fires next (None before `start`)."""
        if self._aps is None:
            return {}
        return {job.name: job.next_run_time for job in self._aps.get_jobs()}

    def shutdown(self) -> None:
        """Stop the APScheduler (running jobs are not waited for)."""
        if self._aps is not None:
            self._aps.shutdown(wait=False)
            self._aps = None
