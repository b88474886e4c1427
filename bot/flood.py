"""A per-user flood limit: N updates per sliding window, a polite notice once, then silence."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from enum import Enum


class Verdict(Enum):
    """What to do with one incoming update."""

    ALLOW = "allow"
    NOTICE = "notice"  # over the limit for the first time in this window: say so once
    DROP = "drop"  # still over the limit: stay silent


class FloodGuard:
    """Count each user's updates in a sliding window (in memory; a restart forgives)."""

    def __init__(
        self,
        limit: int = 20,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        max_users: int = 100_000,
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._max_users = max_users
        self._hits: dict[int, deque[float]] = {}
        self._noticed: dict[int, float] = {}  # user → when the notice was sent

    def check(self, user_id: int) -> Verdict:
        """Record one update from `user_id` and return the verdict."""
        now = self._clock()
        hits = self._hits.get(user_id)
        if hits is None:
            if len(self._hits) >= self._max_users:
                self._forget_idle(now)
            hits = self._hits[user_id] = deque()
        while hits and now - hits[0] >= self.window:
            hits.popleft()
        if len(hits) < self.limit:
            hits.append(now)
            self._noticed.pop(user_id, None)
            return Verdict.ALLOW
        # Over the limit: rejected updates are not counted, so the window drains on its own.
        noticed = self._noticed.get(user_id)
        if noticed is not None and now - noticed < self.window:
            return Verdict.DROP
        self._noticed[user_id] = now
        return Verdict.NOTICE

    def _forget_idle(self, now: float) -> None:
        for user_id in [u for u, h in self._hits.items() if not h or now - h[-1] >= self.window]:
            del self._hits[user_id]
            self._noticed.pop(user_id, None)
