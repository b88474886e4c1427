"""Freshness: pages, exports and figures say when the data was imported, and flag old data."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import jdatetime
import pytest
from aiohttp.test_utils import TestClient

from backend.opendata.freshness import FreshnessService, answer_stale_note
from shafaf.runtime import Runtime, create_web_app, open_runtime
from tests.conftest import make_settings

Client = TestClient  # type: ignore[type-arg]


@pytest.fixture
async def stale_runtime(sample_db_url: str) -> AsyncIterator[Runtime]:
    """The sample data seen 100 days after it was imported, with a 45-day limit."""
    async with open_runtime(make_settings(sample_db_url), migrate=False) as runtime:
        imported = (await FreshnessService(runtime.services, 45).freshness()).imported_on
    assert imported is not None
    later = imported + jdatetime.timedelta(days=100)
    settings = make_settings(sample_db_url, today=later.strftime("%Y-%m-%d"))
    async with open_runtime(settings, migrate=False) as runtime:
        yield runtime


async def test_fresh_data_has_no_note(sample_runtime: Runtime) -> None:
    service = FreshnessService(sample_runtime.services, 45)
    freshness = await service.freshness(("vat_shares", "projects"))
    assert not freshness.stale
    assert freshness.note_fa() is None
    assert sorted(freshness.files) == ["projects.csv", "vat_shares.csv"]
    assert freshness.is_sample
    assert await answer_stale_note(sample_runtime.services, 45) is None


async def test_old_data_is_flagged_everywhere(stale_runtime: Runtime, aiohttp_client: Any) -> None:
    note = await answer_stale_note(stale_runtime.services, 45, ("vat_shares",))
    assert note is not None and "۱۰۰ روز پیش" in note
    assert await answer_stale_note(stale_runtime.services, 365, ("vat_shares",)) is None

    client = await aiohttp_client(create_web_app(stale_runtime))
    body = await (await client.get("/d/share/mashhad/1403.json")).json()
    assert body["freshness"]["stale"] is True
    assert body["freshness"]["age_days"] == 100
    assert body["freshness"]["note_fa"] == note
    export = await client.get("/api/v1/export/vat_shares.csv")
    assert export.headers["X-Shafaf-Stale"] == "true"
    page = await (await client.get("/share")).text()
    assert 'id="stale-note"' in page and "ممکن است کهنه باشند" in page
    package = await (await client.get("/api/v1/export/datapackage.json")).json()
    assert package["freshness"]["stale"] is True


async def test_never_imported_is_stale(empty_runtime: Runtime) -> None:
    freshness = await FreshnessService(empty_runtime.services, 45).freshness()
    assert freshness.imported_at is None and freshness.stale
    assert freshness.note_fa() == "⚠️ هنوز داده‌ای بارگذاری نشده است."
