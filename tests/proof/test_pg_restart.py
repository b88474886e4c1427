"""PostgreSQL stopped and restarted under a running bot and API: clear errors, then recovery.

Never touches the shared server on 127.0.0.1:5432: a private throwaway cluster is created with
`initdb` (as the `postgres` OS user, since initdb refuses root) on a free port and removed after.
Skipped when the PostgreSQL server binaries or `runuser` are not installed.
"""

from __future__ import annotations

import asyncio
import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import asyncpg
import pytest
from aiohttp import web

from benchmarks._load import free_port
from bot import texts as T
from shafaf.runtime import create_web_app, load_sample_if_empty, open_runtime
from tests.bot.conftest import bot_harness
from tests.conftest import make_settings, need
from tests.fakes.updates import message_update

QUESTION = "سهم مشهد از مالیات سال ۱۴۰۳ چقدر بود؟"
UNREAD_QUESTION = "پروژه‌های منطقه ۹"


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else None


class PrivateCluster:
    """A throwaway PostgreSQL cluster in a temporary directory, run as the `postgres` user."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="shafaf-pg-"))
        shutil.chown(self.dir, "postgres", "postgres")
        self.data = self.dir / "data"
        self.port = free_port()
        self.url = f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/shafaf"

    def _run(self, *args: str) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *args], check=True, capture_output=True, timeout=120
        )

    def init(self) -> None:
        initdb = _bin("initdb")
        assert initdb is not None
        self._run(initdb, "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")

    def start(self) -> None:
        pg_ctl = _bin("pg_ctl")
        assert pg_ctl is not None
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        self._run(
            pg_ctl, "-D", str(self.data), "-o", options, "-l", str(self.dir / "log"), "-w", "start"
        )

    def stop(self) -> None:
        pg_ctl = _bin("pg_ctl")
        assert pg_ctl is not None
        self._run(pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def cluster() -> Iterator[PrivateCluster]:
    """A started private cluster with an empty `shafaf` database."""
    need(
        _bin("initdb") is not None and _bin("pg_ctl") is not None and bool(shutil.which("runuser")),
        "PostgreSQL server binaries (initdb, pg_ctl) and runuser",
        "install Debian's postgresql",
    )
    need(os.geteuid() == 0, "root, to run initdb as the postgres user", "run the tests as root")
    pg = PrivateCluster()
    try:
        pg.init()
        pg.start()

        async def create() -> None:
            conn = await asyncpg.connect(f"postgresql://postgres@127.0.0.1:{pg.port}/postgres")
            try:
                await conn.execute("CREATE DATABASE shafaf")
            finally:
                await conn.close()

        asyncio.run(create())
        yield pg
    finally:
        pg.remove()


@pytest.fixture
async def sample_on_cluster(cluster: PrivateCluster) -> AsyncIterator[PrivateCluster]:
    """The private cluster with the schema and the sample data."""
    async with open_runtime(make_settings(cluster.url)) as runtime:
        await load_sample_if_empty(runtime)
    yield cluster


async def _get(session: aiohttp.ClientSession, url: str) -> tuple[int, dict[str, object]]:
    async with session.get(url) as response:
        return response.status, await response.json()


@pytest.mark.slow
async def test_postgres_restart_under_running_service(sample_on_cluster: PrivateCluster) -> None:
    pg = sample_on_cluster
    async with bot_harness(pg.url) as bot:
        app = create_web_app(bot.runtime)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        api = f"http://127.0.0.1:{runner.addresses[0][1]}/api/v1"
        try:
            async with aiohttp.ClientSession() as http:
                sent = await bot.roundtrip(message_update(9001, QUESTION))
                assert "۱۴۰۳" in sent[0]["text"]
                assert (await _get(http, f"{api}/health"))[0] == 200

                await asyncio.to_thread(pg.stop)
                # Figures already read are answered from memory (they change only on import) ...
                sent = await bot.roundtrip(message_update(9002, QUESTION), timeout=30)
                assert len(sent) == 1 and "۱۴۰۳" in sent[0]["text"]
                # ... anything that needs the database gets the clear "unavailable" reply.
                sent = await bot.roundtrip(message_update(9004, UNREAD_QUESTION), timeout=30)
                assert len(sent) == 1 and sent[0]["text"] == T.UNAVAILABLE
                status, body = await _get(http, f"{api}/health")
                assert status == 503 and body["status"] == "degraded"
                status, body = await _get(http, f"{api}/projects?q=down")
                assert status == 503 and body["error"]["code"] == "unavailable"  # type: ignore[index]

                await asyncio.to_thread(pg.start)
                # pool_pre_ping replaces the dead pooled connections: no restart needed.
                sent = await bot.roundtrip(message_update(9003, QUESTION), timeout=30)
                assert len(sent) == 1 and "۱۴۰۳" in sent[0]["text"]
                assert (await _get(http, f"{api}/health"))[0] == 200
                status, _ = await _get(http, f"{api}/projects?q=up")
                assert status == 200
        finally:
            await runner.cleanup()
