"""Shared fixtures: a fresh, migrated database per test on SQLite and on PostgreSQL.

Each backend gets two templates built once per session (empty schema; schema + sample data);
every test then gets its own copy (a file copy on SQLite, `CREATE DATABASE … TEMPLATE` on
PostgreSQL), so tests are isolated and still fast.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg
import jdatetime
import pytest

from backend.config import Settings, load_settings
from shafaf.runtime import Runtime, load_sample_if_empty, open_runtime

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EVAL_DATASET = SHARED / "eval" / "dataset"
DEV_SET = SHARED / "eval" / "dev.jsonl"
SAMPLE_DIR = REPO / "data" / "sample"
TODAY = "1405-09-08"

# Every server a test talks to is on loopback: never send it through a proxy the shell may set
# for the package registries (the Bot API clients honour HTTP(S)_PROXY).
for _name in ("NO_PROXY", "no_proxy"):
    os.environ[_name] = ",".join(filter(None, (os.environ.get(_name), "127.0.0.1,localhost")))

# Marks a skip that means "this machine lacks something", so the run's summary can say so loudly.
MISSING = "MISSING:"


def need(ok: bool, what: str, fix: str) -> None:
    """Skip a test whose environment lacks `what`, visibly; under CI that is a failure."""
    if ok:
        return
    message = f"{MISSING} {what} — {fix}"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI must provide it)")
    pytest.skip(message)


def need_shared_eval() -> None:
    """Skip (or fail under CI) when ../shared/eval is not beside the repository."""
    need(
        DEV_SET.exists() and EVAL_DATASET.is_dir(),
        "../shared/eval (the labelled dev set and its dataset)",
        "put the shared folder beside the repository",
    )


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """End the run with one loud line per missing tool, so a green run can't hide a skip."""
    missing: Counter[str] = Counter()
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        if MISSING in reason:
            missing[reason.split(MISSING, 1)[1].strip()] += 1
    if missing:
        terminalreporter.section("NOT TESTED on this machine", sep="!", red=True, bold=True)
        for what, count in sorted(missing.items()):
            terminalreporter.write_line(f"{count} test(s) skipped: {what}", red=True, bold=True)


# `SHAFAF_TEST_NOW=2027-03-20T20:31:00+00:00 make test` runs the whole suite with the wall clock
# moved to that instant (and ticking): nothing may depend on the day the suite runs.
_TRAVEL: Any = None


def pytest_configure(config: pytest.Config) -> None:
    global _TRAVEL
    frozen = os.environ.get("SHAFAF_TEST_NOW")
    if frozen:
        import time_machine

        _TRAVEL = time_machine.travel(datetime.fromisoformat(frozen), tick=True)
        _TRAVEL.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    if _TRAVEL is not None:
        _TRAVEL.stop()


def pytest_report_header(config: pytest.Config) -> str | None:
    frozen = os.environ.get("SHAFAF_TEST_NOW")
    return f"wall clock moved to {frozen} (SHAFAF_TEST_NOW)" if frozen else None


PG_ADMIN_DSN = os.environ.get("SHAFAF_TEST_PG_DSN", "postgresql://postgres@127.0.0.1:5432/test")


def _pg_url(database: str) -> str:
    base = PG_ADMIN_DSN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+asyncpg://", 1)
    return f"{base}/{database}"


async def _pg_admin(*statements: str) -> None:
    conn = await asyncpg.connect(PG_ADMIN_DSN, timeout=5)
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


def _pg_available() -> bool:
    try:
        asyncio.run(_pg_admin("SELECT 1"))
    except (OSError, asyncpg.PostgresError, TimeoutError):
        return False
    return True


def make_settings(database_url: str, **overrides: object) -> Settings:
    """Settings for a test: a pinned "today", no bot, an ephemeral port."""
    values: dict[str, object] = {
        "database_url": database_url,
        "today": TODAY,
        "bot_token": None,
        "http_port": 0,
    }
    values.update(overrides)
    return load_settings(**values)


async def _build_template(url: str, with_sample: bool) -> None:
    async with open_runtime(make_settings(url)) as runtime:
        if with_sample:
            await load_sample_if_empty(runtime)


class _Templates:
    """Build each template once per session and hand out copies."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.run_id = uuid.uuid4().hex[:8]
        self.built: set[tuple[str, bool]] = set()
        self.pg_databases: list[str] = []
        self._pg_ok: bool | None = None

    def pg_ok(self) -> bool:
        if self._pg_ok is None:
            self._pg_ok = _pg_available()
        return self._pg_ok

    def _sqlite_template(self, with_sample: bool) -> Path:
        path = self.tmp / f"template-{'sample' if with_sample else 'empty'}.db"
        if ("sqlite", with_sample) not in self.built:
            asyncio.run(_build_template(f"sqlite+aiosqlite:///{path}", with_sample))
            self.built.add(("sqlite", with_sample))
        return path

    def _pg_template(self, with_sample: bool) -> str:
        name = f"shafaf_tpl_{self.run_id}_{'sample' if with_sample else 'empty'}"
        if ("pg", with_sample) not in self.built:
            asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
            self.pg_databases.append(name)
            asyncio.run(_build_template(_pg_url(name), with_sample))
            self.built.add(("pg", with_sample))
        return name

    def copy(self, backend: str, with_sample: bool) -> str:
        """Return the URL of a fresh copy of a template."""
        if backend == "sqlite":
            target = self.tmp / f"test-{uuid.uuid4().hex}.db"
            shutil.copyfile(self._sqlite_template(with_sample), target)
            return f"sqlite+aiosqlite:///{target}"
        template = self._pg_template(with_sample)
        name = f"shafaf_t_{self.run_id}_{uuid.uuid4().hex[:10]}"
        asyncio.run(_pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        self.pg_databases.append(name)
        return _pg_url(name)

    def drop_all(self) -> None:
        if not self.pg_databases:
            return
        asyncio.run(
            _pg_admin(*(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)' for n in self.pg_databases))
        )


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Templates]:
    t = _Templates(tmp_path_factory.mktemp("db"))
    yield t
    t.drop_all()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_name(request: pytest.FixtureRequest, templates: _Templates) -> str:
    """Run the test on each database backend (PostgreSQL is required in CI)."""
    name: str = request.param
    if name == "postgresql":
        need(
            templates.pg_ok(),
            "PostgreSQL at 127.0.0.1:5432",
            "start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
        )
    return name


@pytest.fixture
def empty_db_url(backend_name: str, templates: _Templates) -> str:
    """A fresh database with the newest schema and no rows."""
    return templates.copy(backend_name, with_sample=False)


@pytest.fixture
def sample_db_url(backend_name: str, templates: _Templates) -> str:
    """A fresh database holding the bundled sample data."""
    return templates.copy(backend_name, with_sample=True)


@pytest.fixture
async def sample_runtime(sample_db_url: str) -> AsyncIterator[Runtime]:
    """A runtime over a fresh copy of the sample database."""
    async with open_runtime(make_settings(sample_db_url), migrate=False) as runtime:
        yield runtime


@pytest.fixture
async def empty_runtime(empty_db_url: str) -> AsyncIterator[Runtime]:
    """A runtime over a fresh empty database."""
    async with open_runtime(make_settings(empty_db_url), migrate=False) as runtime:
        yield runtime


@pytest.fixture
def today() -> jdatetime.date:
    """The pinned "today" of the tests."""
    return jdatetime.date(1405, 9, 8)
