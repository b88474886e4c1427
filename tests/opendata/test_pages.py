"""Public pages over HTTP: every page renders, states its sources and freshness, refuses junk
politely (a Persian page, never a 5xx), escapes what came from files, and is served from cache."""

from __future__ import annotations

from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from backend.importer import import_files
from backend.opendata.keys import OPENDATA
from shafaf.runtime import Runtime, create_web_app

Client = TestClient  # type: ignore[type-arg]

PAGES = [
    "/",
    "/?municipality=neyshabur",
    "/share",
    "/share?municipality=mashhad&from=1403-01&to=1403-12",
    "/share?from=۱۴۰۳-۰۱",  # Persian digits are read
    "/compare",
    "/compare?municipality2=neyshabur",
    "/compare?from=1404-01&to=1404-03&from2=1403-01&to2=1403-03",
    "/spending",
    "/spending?category=transport&district=9",
    "/projects",
    "/projects?status=completed&category=roads&q=پل",
    "/projects?page=2",
    "/projects/P-1001",
    "/projects/P-1001?from=1403-01&to=1403-12",
    "/calculator",
    "/calculator?amount=1000000&unit=toman&kind=purchase&day=1402-05-01",
    "/calculator?amount=50000&unit=rial&kind=vat",
    "/data",
]


@pytest.fixture
async def client(sample_runtime: Runtime, aiohttp_client: Any) -> Client:
    return await aiohttp_client(create_web_app(sample_runtime))


async def test_every_page_renders_with_provenance(client: Client) -> None:
    for path in PAGES:
        response = await client.get(path)
        assert response.status == 200, (path, await response.text())
        assert response.content_type == "text/html"
        html = await response.text()
        assert 'dir="rtl"' in html and 'lang="fa"' in html
        assert 'id="updated"' in html, path  # when the data was imported, from which files
        assert ".csv" in html, path
        assert "script" not in html.lower().replace("noscript", ""), path
        csp = response.headers["Content-Security-Policy"]
        assert "script-src 'none'" in csp and "frame-ancestors 'none'" in csp


async def test_figure_pages_link_their_data_and_sources(client: Client) -> None:
    html = await (await client.get("/spending?from=1403-01&to=1403-12")).text()
    assert "/d/spending/mashhad/1403.json" in html
    assert "/d/spending/mashhad/1403.csv" in html
    assert "دفتر بودجه شهرداری مشهد (نمونه)" in html  # the source, on the page
    assert "سایر (" in html  # 47 projects: the list is cut, with an "others" row


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/share?municipality=nowhere", 404),
        ("/share?from=1403-13", 400),
        ("/share?from=1404-05&to=1403-01", 400),
        ("/share?from=%00", 200),  # NUL is dropped: the default period
        ("/share?municipality=%00x", 404),
        ("/d/project/%00.json", 400),
        ("/share?municipality=" + "x" * 5000, 400),
        ("/spending?category=nosuch", 400),
        ("/projects?page=0", 400),
        ("/projects?page=abc", 400),
        ("/projects?status=closed", 400),
        ("/projects?q=%27%3B%20DROP%20TABLE%20projects%3B%20--", 200),
        ("/projects/P-0000", 404),
        ("/projects/%00", 404),
        ("/calculator?amount=-5", 400),
        ("/calculator?amount=1e9", 400),
        ("/calculator?amount=" + "9" * 40, 400),
        ("/calculator?amount=1000&day=1405-13-01", 400),
        ("/calculator?amount=1000&unit=dollar", 400),
        ("/d/share/mashhad/1403-13", 400),
    ],
)
async def test_junk_gets_a_persian_page_not_a_5xx(client: Client, path: str, status: int) -> None:
    response = await client.get(path)
    assert response.status == status, await response.text()
    if path.startswith("/d/"):
        assert (await response.json())["error"]["code"] == "invalid_input"
        return
    if status == 200:
        return
    assert response.content_type == "text/html"
    html = await response.text()
    assert 'dir="rtl"' in html and "Traceback" not in html


async def test_names_from_files_are_escaped(client: Client, sample_runtime: Runtime) -> None:
    projects = (
        "code,name_fa,municipality,district,category,status,total_budget_rial,start_date,"
        "planned_end_date,progress_percent,lat,lon,description_fa\n"
        'P-9100,"<script>alert(1)</script>",mashhad,9,roads,planned,1000,1404-01-01,,0,,,'
        "<img src=x onerror=alert(2)>\n"
    )
    await import_files(
        sample_runtime.services.sessions, {"projects.csv": projects.encode()}, origin="cli"
    )
    sample_runtime.services.version.invalidate()
    html = await (await client.get("/projects/P-9100")).text()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html


async def test_pages_are_cached_until_the_data_changes(
    client: Client, sample_runtime: Runtime
) -> None:
    cache = client.app[OPENDATA].cache
    first = await client.get("/share")
    size = len(cache)
    second = await client.get("/share")
    assert await first.read() == await second.read()
    assert len(cache) == size  # answered from the cache
    revalidated = await client.get("/share", headers={"If-None-Match": first.headers["ETag"]})
    assert revalidated.status == 304
    await import_files(
        sample_runtime.services.sessions,
        {
            "municipalities.csv": (
                "slug,name_fa,province_fa,population\nmashhad,مشهد,خراسان رضوی,3400000\n"
            ).encode()
        },
        origin="cli",
    )
    sample_runtime.services.version.invalidate()
    third = await client.get("/share", headers={"If-None-Match": first.headers["ETag"]})
    assert third.status == 200
    assert "۳٬۴۰۰٬۰۰۰ نفر" in await third.text()
