"""Health from memory; readiness from the database, asked at most once per short interval.

`GET /api/v1/health` must stay cheap however often a load balancer or an orchestrator calls it,
so it never waits on the database. It answers from what the process already knows: the engine
reports every connection it hands out (the database answered) and every one it must throw away
because the database went (pool events), so the bot's and the jobs' traffic keep the state
current for free; when nothing was heard for a while, a background check refreshes it.
`GET /api/v1/ready` asks the database itself, but a flood of probes shares one round trip per
`READY_TTL_SECONDS` (one check in flight at a time, its answer reused).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
import time
from collections.abc import Callable
from typing import Literal

from aiohttp import web
from sqlalchemy import event
from sqlalchemy import text as sql
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import Pool

from backend.services.base import SessionFactory

log = logging.getLogger(__name__)

DatabaseState = Literal["ok", "unavailable", "unknown"]

# Probes a second apart (Kubernetes' tightest default is 1 s) each see a fresh answer, while a
# flood costs one query per second.
READY_TTL_SECONDS = 1.0
# A database that hangs (a dead host behind a firewall) must not hang the probe with it.
CHECK_TIMEOUT_SECONDS = 2.0
# /health refreshes the state it reports in the background when it is older than this.
HEALTH_REFRESH_SECONDS = 10.0


class DatabaseProbe:
    """Know whether the database answers, asking it at most once per `ttl` seconds."""

    def __init__(
        self,
        sessions: SessionFactory,
        *,
        ttl: float = READY_TTL_SECONDS,
        timeout: float = CHECK_TIMEOUT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sessions = sessions
        self._ttl = ttl
        self._timeout = timeout
        self._clock = clock
        self.state: DatabaseState = "unknown"
        self.checks = 0  # database round trips so far (tests count them)
        self._checked_at = -math.inf
        self._running: asyncio.Task[DatabaseState] | None = None
        self._pool: Pool | None = None

    def age(self) -> float:
        """Return the seconds since the last answer (infinite before the first)."""
        return self._clock() - self._checked_at

    async def check(self) -> DatabaseState:
        """Return the database state, asking the database only when the last answer is stale."""
        if self.age() < self._ttl:
            return self.state
        # Shielded: a prober that hangs up must not cancel the check others are waiting on.
        return await asyncio.shield(self._start())

    def refresh_soon(self, max_age: float = HEALTH_REFRESH_SECONDS) -> None:
        """Start a check in the background (not awaited) when the last answer is older."""
        if self.age() >= max_age:
            self._start()

    def saw_outage(self) -> None:
        """Record that a request just failed because the database is unreachable."""
        self._seen("unavailable")

    def watch(self, engine: AsyncEngine) -> None:
        """Learn the database state from the engine's own traffic (whoever uses it)."""
        pool = engine.sync_engine.pool
        if self._pool is None:
            event.listen(pool, "checkout", self._on_checkout)
            event.listen(pool, "invalidate", self._on_invalidate)
            self._pool = pool

    def unwatch(self) -> None:
        """Stop listening to the engine (on application cleanup)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            event.remove(pool, "checkout", self._on_checkout)
            event.remove(pool, "invalidate", self._on_invalidate)

    def _on_checkout(self, *_: object) -> None:
        # A connection handed out has passed the pool's pre-ping: the database answers.
        if self.state != "ok":
            self._seen("ok")
        else:
            self._checked_at = self._clock()

    def _on_invalidate(self, _connection: object, _record: object, exc: object) -> None:
        # Thrown away because of an error: a failed pre-ping, a dropped connection. (The error
        # is the driver's own class here, not SQLAlchemy's; the pool invalidates only on
        # disconnects, and the next connection handed out says "ok" again anyway.)
        if exc is not None:
            self._seen("unavailable")

    def _seen(self, state: DatabaseState) -> None:
        if state != self.state:
            if state == "unavailable":
                log.warning("database unreachable")
            elif self.state == "unavailable":
                log.info("database reachable again")
        self.state, self._checked_at = state, self._clock()

    async def close(self) -> None:
        """Cancel a check still in flight (on application cleanup)."""
        task, self._running = self._running, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def _start(self) -> asyncio.Task[DatabaseState]:
        if self._running is None:
            self._running = asyncio.create_task(self._ask(), name="database-probe")
        return self._running

    async def _ask(self) -> DatabaseState:
        state: DatabaseState
        try:
            self.checks += 1
            async with asyncio.timeout(self._timeout), self._sessions() as session:
                await session.execute(sql("SELECT 1"))
            state = "ok"
        except Exception as exc:  # any failure at all means "not ready"
            log.debug("readiness check failed: %s", type(exc).__name__)
            state = "unavailable"
        finally:
            self._running = None
        self._seen(state)
        return state


DB_PROBE = web.AppKey("database_probe", DatabaseProbe)

# The three possible /health bodies, encoded once.
_HEALTH_BODIES: dict[DatabaseState, bytes] = {
    state: json.dumps(
        {"status": "degraded" if state == "unavailable" else "ok", "database": state}
    ).encode()
    for state in ("ok", "unavailable", "unknown")
}
_READY_BODY = json.dumps({"status": "ready", "database": "ok"}).encode()
_NOT_READY_BODY = json.dumps(
    {"error": {"code": "unavailable", "message": "The database is unreachable."}}
).encode()
# Probe answers describe this instant; no proxy or client may reuse them.
_NO_STORE = {"Cache-Control": "no-store"}


async def health(request: web.Request) -> web.Response:
    """Report liveness and the last known database state (503 while it is known to be down)."""
    probe = request.app[DB_PROBE]
    probe.refresh_soon()
    return web.Response(
        body=_HEALTH_BODIES[probe.state],
        status=503 if probe.state == "unavailable" else 200,
        content_type="application/json",
        headers=_NO_STORE,
    )


async def ready(request: web.Request) -> web.Response:
    """Report readiness: 200 when the database answers, else 503 in the error shape."""
    state = await request.app[DB_PROBE].check()
    if state == "ok":
        return web.Response(body=_READY_BODY, content_type="application/json", headers=_NO_STORE)
    return web.Response(
        body=_NOT_READY_BODY,
        status=503,
        content_type="application/json",
        headers={**_NO_STORE, "Retry-After": "1"},
    )


def add_health_routes(app: web.Application, sessions: SessionFactory) -> None:
    """Serve /health and /ready, and check the database once as the application starts."""
    app[DB_PROBE] = DatabaseProbe(sessions)

    # Looked up when called, not captured: a test may swap in a probe with its own clock.
    async def first_check(app: web.Application) -> None:
        probe = app[DB_PROBE]
        engine = sessions.kw.get("bind")
        if isinstance(engine, AsyncEngine):
            probe.watch(engine)
        await probe.check()

    async def stop(app: web.Application) -> None:
        probe = app[DB_PROBE]
        probe.unwatch()
        await probe.close()

    app.on_startup.append(first_check)
    app.on_cleanup.append(stop)
    app.router.add_get("/api/v1/health", health)
    app.router.add_get("/api/v1/ready", ready)
