"""The one clock: every "now" and "today" in Shafaf is read here.

A `Clock` knows the operator's time zone and, when `SHAFAF_TODAY` is set, a pinned Jalali date.
Pinning moves the *date* of every instant to the pinned day and keeps the wall clock's time of
day, so a feedback filed in a pinned demo is stamped on the same day the answers speak of, and
the staff panel's date filters agree with what citizens were told. Should the wall clock pass
local midnight while a pinned clock runs, its instants stay at the pinned day's last moment
rather than start the day again: time never runs backwards, so "the latest import" and the
order of events stay true. (A pinned clock is for demos, evaluation and tests, not production.)

The composition root installs the runtime's clock (`install`); code that stamps rows calls
`utcnow()`. Tests freeze the wall clock itself (time-machine), so nothing else needs a seam.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, tzinfo
from zoneinfo import ZoneInfo

import jdatetime

DEFAULT_ZONE = ZoneInfo("Asia/Tehran")


@dataclass(frozen=True, slots=True)
class Clock:
    """Wall time in a zone, optionally with its date pinned to one Jalali day."""

    zone: tzinfo = DEFAULT_ZONE
    pinned: jdatetime.date | None = None
    # The wall clock's local date when this clock was made: a later date means local midnight
    # has passed since, and a pinned clock then holds at its day's end.
    started_on: date = field(init=False, compare=False)
    _pinned_day: date | None = field(init=False, compare=False, repr=False)  # pinned, Gregorian

    def __post_init__(self) -> None:
        object.__setattr__(self, "started_on", datetime.now(UTC).astimezone(self.zone).date())
        day = self.pinned.togregorian() if self.pinned is not None else None
        object.__setattr__(self, "_pinned_day", day)

    def now(self) -> datetime:
        """Return the current instant (UTC, aware), on the pinned day if there is one."""
        wall = datetime.now(UTC)
        day = self._pinned_day
        if day is None:
            return wall
        local = wall.astimezone(self.zone)
        if local.date() > self.started_on:
            return datetime.combine(day, time.max, self.zone).astimezone(UTC)
        return datetime.combine(day, local.timetz()).astimezone(UTC)

    def local_now(self) -> datetime:
        """Return the current instant in the clock's zone."""
        return self.now().astimezone(self.zone)

    def today(self) -> jdatetime.date:
        """Return today's Jalali date in the clock's zone (the pinned one if set)."""
        if self.pinned is not None:
            return self.pinned
        return self.jalali_day(datetime.now(UTC))

    def jalali_day(self, moment: datetime) -> jdatetime.date:
        """Return the Jalali date an instant falls on in the clock's zone."""
        return jdatetime.date.fromgregorian(date=aware(moment).astimezone(self.zone).date())


_current = Clock()


def install(clock: Clock) -> Clock:
    """Make `clock` the process's clock; return the one it replaces (to restore later)."""
    global _current
    previous, _current = _current, clock
    return previous


def current() -> Clock:
    """Return the process's clock."""
    return _current


def utcnow() -> datetime:
    """Return "now" from the process's clock (UTC, aware): the time to stamp rows with."""
    return _current.now()


def aware(value: datetime) -> datetime:
    """Treat naive timestamps read back from SQLite as UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
