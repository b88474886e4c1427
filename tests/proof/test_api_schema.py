"""`schemathesis run …/openapi.json --checks all`, inside the suite, on SQLite and PostgreSQL.

The run an outside tool would make: every operation of the document (public and staff, the
staff ones with an admin's bearer token), every check schemathesis has (server errors, status
codes and bodies as declared, schema-valid requests accepted, schema-invalid ones refused,
undeclared methods answered 405 with `Allow`, authentication not ignored, …), the coverage
phase's boundary values and the fuzzing phase's random ones. The configuration is the
repository's `schemathesis.toml`, the same file `schemathesis run` reads, plus a bounded number
of examples so each backend runs in well under a minute.

schemathesis' ASGI/WSGI transports do not fit aiohttp, so the real HTTP app (public API, staff
API and panel, composed as `shafaf run` does) is served on 127.0.0.1 and a random port from a
thread with its own event loop, while schemathesis (blocking `requests`) calls it from the test.
One feedback item is seeded under a fixed tracking code, so the staff item operations reach
their real work (status changes, replies, notes) instead of answering 404 every time.
"""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import jdatetime
import pytest
import requests
import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.core.parameters import ParameterLocation
from sqlalchemy import update

from backend.api import params
from backend.api.openapi import openapi_document
from backend.errors import InvalidInput
from backend.models import Feedback
from backend.services.feedback import FeedbackDraft
from tests.conftest import REPO, _Templates, make_settings, need

EXAMPLES_PER_OPERATION = 30
FEEDBACK_CODE = "SH-424242"
# The staff item operations act on the seeded item; the others keep their generated codes.
_TEST_TOP = "seed = 20261207\n"  # the same cases on every run
_TEST_CONFIG = f"""
[generation]
max-examples = {EXAMPLES_PER_OPERATION}
database = "none"

[[operations]]
include-path-regex = '^/api/v1/feedback/\\{{code\\}}'
parameters = {{ "path.code" = "{FEEDBACK_CODE}" }}
"""


def _config() -> SchemathesisConfig:
    shared = (REPO / "schemathesis.toml").read_text(encoding="utf-8")
    config = SchemathesisConfig.from_str(_TEST_TOP + shared + _TEST_CONFIG)
    config.projects.override.checks.update(included_check_names=["all"])  # `--checks all`
    return config


schema = schemathesis.openapi.from_dict(openapi_document(), config=_config())


@dataclass
class Served:
    """A served app: its base URL and an admin's bearer token."""

    url: str
    token: str


class _ServerThread(threading.Thread):
    """Serve `create_web_app` over a runtime in a private event loop until told to stop."""

    def __init__(self, db_url: str) -> None:
        super().__init__(daemon=True, name="api-under-test")
        self.db_url = db_url
        self.ready = threading.Event()
        self.served: Served | None = None
        self.error: BaseException | None = None
        self._halt: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # reported to the test through `error`
            self.error = exc
            self.ready.set()

    async def _main(self) -> None:
        from aiohttp import web

        from backend.staff.cli import staff_add, staff_token
        from shafaf.runtime import create_web_app, open_runtime

        self._loop = asyncio.get_running_loop()
        self._halt = asyncio.Event()
        async with open_runtime(make_settings(self.db_url), migrate=False) as runtime:
            sessions = runtime.services.sessions
            await staff_add(sessions, "fuzz-admin", "a long fuzzing password", role="admin")
            token = await staff_token(sessions, "fuzz-admin", "schemathesis")
            info = await runtime.services.feedback.submit(
                FeedbackDraft("telegram", 4242, 4242, "complaint", "چراغ‌های پارک خاموش است")
            )
            async with sessions() as session, session.begin():
                await session.execute(
                    update(Feedback)
                    .where(Feedback.tracking_code == info.tracking_code)
                    .values(tracking_code=FEEDBACK_CODE)
                )
            runner = web.AppRunner(create_web_app(runtime), access_log=None)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            port = runner.addresses[0][1]
            self.served = Served(f"http://127.0.0.1:{port}", token)
            self.ready.set()
            try:
                await self._halt.wait()
            finally:
                await runner.cleanup()

    def stop(self) -> None:
        if self._loop is not None and self._halt is not None:
            self._loop.call_soon_threadsafe(self._halt.set)
        self.join(timeout=30)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served_api(request: pytest.FixtureRequest, templates: _Templates) -> Iterator[Served]:
    """The HTTP app over a fresh sample database, served from a thread (one per backend)."""
    if request.param == "postgresql":
        need(templates.pg_ok(), "PostgreSQL at 127.0.0.1:5432", "start it (see tests/conftest)")
    thread = _ServerThread(templates.copy(request.param, with_sample=True))
    thread.start()
    thread.ready.wait(timeout=60)
    if thread.error is not None:
        raise thread.error
    assert thread.served is not None
    try:
        yield thread.served
    finally:
        thread.stop()


def test_document_is_valid_openapi() -> None:
    labels = {f"{r.ok().method.upper()} {r.ok().path}" for r in schema.get_all_operations()}
    assert len(labels) >= 16
    assert {"GET /api/v1/health", "GET /api/v1/ready", "POST /api/v1/ask"} <= labels


@schema.parametrize()
def test_operation_conforms(case: schemathesis.Case, served_api: Served) -> None:
    headers = {"Authorization": f"Bearer {served_api.token}"}
    if _tests_a_missing_authorization(case):
        headers = {}  # the case is about the header's absence: adding it would undo the case
    case.call_and_validate(base_url=served_api.url, headers=headers, timeout=30)


def _tests_a_missing_authorization(case: schemathesis.Case) -> bool:
    return (
        case.meta is not None
        and case.meta.is_negative_at(ParameterLocation.HEADER)
        and "Authorization" not in (case.headers or {})
    )


def test_undeclared_methods_get_405_with_allow(served_api: Served) -> None:
    for method, path in (("TRACE", "/api/v1/health"), ("DELETE", "/api/v1/projects")):
        response = requests.request(method, served_api.url + path, timeout=30)
        assert response.status_code == 405
        assert "GET" in response.headers["Allow"]
        assert response.json()["error"]["code"] == "method_not_allowed"


def test_hostile_query_strings_never_5xx(served_api: Served) -> None:
    hostile = ["\x00", "%00", "\ufffd", "'; DROP TABLE projects; --", "٠١", "9" * 5000, "<b>"]
    for value in hostile:
        for path, name in (
            ("/api/v1/projects", "q"),
            ("/api/v1/projects", "district"),
            ("/api/v1/vat-shares", "municipality"),
            ("/api/v1/reports", "municipality"),
            ("/api/v1/projects", "page"),
            ("/api/v1/vat-shares", "from"),
        ):
            response = requests.get(f"{served_api.url}{path}", params={name: value}, timeout=30)
            assert response.status_code < 500, (path, name, value, response.text[:300])
            assert "error" in response.json() or response.status_code == 200
    for body in (
        '{"text": "\\ud800 سهم مشهد"}',
        '{"text": "\\u0000\\u0000"}',
        '{"text": "سلام", "today": "\\ud800"}',
        "[1,",
        '{"text": 5}',
    ):
        response = requests.post(
            f"{served_api.url}/api/v1/ask",
            data=body.encode(),
            headers={"Content-Type": "application/json"},
            timeout=30,
        )
        assert response.status_code < 500, (body, response.text[:300])


def test_date_pattern_accepts_exactly_the_days_that_exist() -> None:
    pattern = re.compile(params.DATE_PATTERN)
    for year in range(params.MIN_YEAR - 1, params.MAX_YEAR + 2):
        for month in range(0, 14):
            for day in range(0, 33):
                text = f"{year:04d}-{month:02d}-{day:02d}"
                try:
                    jdatetime.date(year, month, day)
                    exists = params.MIN_YEAR <= year <= params.MAX_YEAR
                except ValueError:
                    exists = False
                assert bool(pattern.search(text)) is exists, text
    assert pattern.search("۱۴۰۳-۱۲-۳۰") and not pattern.search("۱۴۰۴-۱۲-۳۰")
    assert pattern.search("1405-9-8") and not pattern.search(" 1405-09-08")


def test_month_pattern_and_parser_agree() -> None:
    pattern = re.compile(params.MONTH_PATTERN)
    for value, ok in [
        ("1403-07", True),
        ("۱۴۰۳-۰۷", True),
        ("١٤٠٣-٧", True),
        ("1403-13", False),
        ("1403-00", False),
        ("1500-01", False),
        ("1299-12", False),
        ("1403-07-01", False),
        ("१४०३-०७", False),  # Devanagari digits: Python's \d would take them
    ]:
        assert bool(pattern.search(value)) is ok, value
        query: dict[str, Any] = {"from": value}
        if ok:
            assert params.month(query, "from") is not None
        else:
            with pytest.raises(InvalidInput):
                params.month(query, "from")
