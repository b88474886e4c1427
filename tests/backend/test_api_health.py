"""Liveness costs no database round trip; readiness costs at most one per interval."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import jsonschema
import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import event, text
from sqlalchemy.engine import make_url

from backend.api.health import DB_PROBE, DatabaseProbe
from backend.api.openapi import openapi_document
from shafaf.runtime import Runtime, create_app, create_web_app, open_runtime
from tests.conftest import make_settings, need

Client = TestClient  # type: ignore[type-arg]


def _check(body: Any, name: str) -> None:
    schema = {
        "$ref": f"#/components/schemas/{name}",
        "components": openapi_document()["components"],
    }
    jsonschema.validate(body, schema)


@pytest.fixture
def statements(sample_runtime: Runtime) -> Iterator[list[str]]:
    """Every SQL statement the runtime's engine executes from now on."""
    seen: list[str] = []

    def record(*args: Any) -> None:
        seen.append(str(args[2]))

    event.listen(sample_runtime.engine.sync_engine, "before_cursor_execute", record)
    yield seen
    event.remove(sample_runtime.engine.sync_engine, "before_cursor_execute", record)


async def test_health_answers_from_memory(
    sample_runtime: Runtime, aiohttp_client: Any, statements: list[str]
) -> None:
    client: Client = await aiohttp_client(create_web_app(sample_runtime))
    statements.clear()  # the start-up check ran; from here on nothing may reach the database
    for _ in range(50):
        response = await client.get("/api/v1/health")
        assert response.status == 200
        body = await response.json()
        assert body == {"status": "ok", "database": "ok"}
        assert response.headers["Cache-Control"] == "no-store"
    _check(body, "Health")
    assert statements == []


async def test_ready_flood_costs_one_round_trip(
    sample_runtime: Runtime, aiohttp_client: Any, statements: list[str]
) -> None:
    app = create_web_app(sample_runtime)
    now = [100.0]  # a clock that stands still: every probe falls in one interval
    app[DB_PROBE] = DatabaseProbe(sample_runtime.services.sessions, clock=lambda: now[0])
    client: Client = await aiohttp_client(app)
    probe = app[DB_PROBE]
    assert probe.checks == 1  # the start-up check
    responses = await asyncio.gather(*(client.get("/api/v1/ready") for _ in range(100)))
    assert {r.status for r in responses} == {200}
    body = await responses[0].json()
    assert body == {"status": "ready", "database": "ok"}
    _check(body, "Ready")
    assert probe.checks == 1
    now[0] += 1.5  # the next interval asks again, once
    await asyncio.gather(*(client.get("/api/v1/ready") for _ in range(20)))
    assert probe.checks == 2
    assert sum("SELECT 1" in s for s in statements) == 2  # start-up + one per interval


@asynccontextmanager
async def _unreachable(url: str, aiohttp_client: Any) -> AsyncIterator[Client]:
    yield await aiohttp_client(create_app(make_settings(url)))
    # aiosqlite stops the thread of a connection that failed to open by posting back to the
    # event loop; wait for those threads while the loop still runs, or they find it closed.
    for thread in threading.enumerate():
        if "_connection_worker_thread" in thread.name:
            await asyncio.to_thread(thread.join, 10)


@pytest.mark.parametrize(
    "url",
    [
        "sqlite+aiosqlite:////nonexistent-dir/for-sure/shafaf.db",
        "postgresql+asyncpg://postgres@127.0.0.1:1/nothing",
    ],
    ids=["sqlite", "postgresql"],
)
async def test_ready_is_503_and_health_degraded_when_the_database_is_down(
    url: str, aiohttp_client: Any
) -> None:
    async with _unreachable(url, aiohttp_client) as client:
        response = await client.get("/api/v1/ready")
        assert response.status == 503
        assert response.headers["Retry-After"] == "1"
        body = await response.json()
        _check(body, "Error")
        assert body["error"]["code"] == "unavailable"
        response = await client.get("/api/v1/health")
        assert response.status == 503  # as health always answered a database outage
        body = await response.json()
        assert body == {"status": "degraded", "database": "unavailable"}
        _check(body, "Health")
        response = await client.get("/api/v1/municipalities")
        assert response.status == 503
        _check(await response.json(), "Error")


class _Sessions:
    """A session factory whose `SELECT 1` fails while `down` is set."""

    def __init__(self) -> None:
        self.down = False
        self.calls = 0
        self.gate: asyncio.Event | None = None

    def __call__(self) -> _Sessions:
        return self

    async def __aenter__(self) -> _Sessions:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    async def execute(self, statement: Any) -> None:
        self.calls += 1
        if self.gate is not None:
            await self.gate.wait()
        if self.down:
            raise OSError("connection refused")


async def test_probe_follows_the_database_down_and_up_again() -> None:
    now = [0.0]
    sessions = _Sessions()
    probe = DatabaseProbe(sessions, clock=lambda: now[0])  # type: ignore[arg-type]
    assert probe.state == "unknown"
    assert await probe.check() == "ok"
    sessions.down = True
    assert await probe.check() == "ok"  # within the interval: the cached answer
    now[0] += 1.0
    assert await probe.check() == "unavailable"
    sessions.down = False
    now[0] += 1.0
    assert await probe.check() == "ok"
    assert sessions.calls == 3


async def test_probe_shares_one_check_in_flight_and_survives_a_cancelled_prober() -> None:
    sessions = _Sessions()
    sessions.gate = asyncio.Event()
    probe = DatabaseProbe(sessions)  # type: ignore[arg-type]
    first = asyncio.create_task(probe.check())
    others = [asyncio.create_task(probe.check()) for _ in range(10)]
    await asyncio.sleep(0)
    first.cancel()  # the first prober hangs up; the check it started goes on
    sessions.gate.set()
    assert await asyncio.gather(*others) == ["ok"] * 10
    assert sessions.calls == 1


async def test_health_refreshes_a_stale_state_in_the_background() -> None:
    now = [0.0]
    sessions = _Sessions()
    probe = DatabaseProbe(sessions, clock=lambda: now[0])  # type: ignore[arg-type]
    await probe.check()
    probe.refresh_soon(max_age=10.0)
    assert sessions.calls == 1  # fresh enough: nothing started
    sessions.down = True
    now[0] += 10.0
    probe.refresh_soon(max_age=10.0)
    probe.refresh_soon(max_age=10.0)  # one check in flight at a time
    await asyncio.sleep(0.01)
    assert sessions.calls == 2
    assert probe.state == "unavailable"
    await probe.close()


class _OutageSwitch:
    """A TCP proxy in front of PostgreSQL that can drop every connection and refuse new ones."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: list[asyncio.StreamWriter] = []

    async def up(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def down(self) -> None:
        assert self._server is not None
        self._server.close()
        for writer in self._writers:
            writer.close()
        self._writers.clear()
        await self._server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        self._writers += [writer, up_writer]

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            try:
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                sink.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


@pytest.fixture
def pg_sample_url(templates: Any) -> str:
    """A fresh PostgreSQL copy of the sample database (this test needs a network database)."""
    need(templates.pg_ok(), "PostgreSQL at 127.0.0.1:5432", "start it (see tests/conftest)")
    url: str = templates.copy("postgresql", with_sample=True)
    return url


async def test_health_hears_of_an_outage_from_other_traffic(
    pg_sample_url: str, aiohttp_client: Any
) -> None:
    """The bot's queries (here: a bare session) tell /health the database went and came back."""
    url = make_url(pg_sample_url)
    switch = _OutageSwitch(url.port or 5432)
    await switch.up()
    proxied = url.set(port=switch.port).render_as_string(hide_password=False)
    async with open_runtime(make_settings(proxied), migrate=False) as runtime:
        app = create_web_app(runtime)
        client: Client = await aiohttp_client(app)
        probe = app[DB_PROBE]
        assert (await client.get("/api/v1/health")).status == 200
        checks = probe.checks

        await switch.down()
        with pytest.raises(Exception):  # noqa: B017 - whatever the driver raises
            async with runtime.services.sessions() as session:
                await session.execute(text("SELECT 1"))
        response = await client.get("/api/v1/health")
        assert response.status == 503
        assert await response.json() == {"status": "degraded", "database": "unavailable"}

        await switch.up()
        async with runtime.services.sessions() as session:
            await session.execute(text("SELECT 1"))
        response = await client.get("/api/v1/health")
        assert response.status == 200
        assert await response.json() == {"status": "ok", "database": "ok"}
        assert probe.checks == checks  # /health asked the database nothing itself
        await client.close()
    await switch.down()
