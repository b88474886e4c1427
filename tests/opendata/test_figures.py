"""Figure links over HTTP: each kind's JSON states exactly what the bot's service returns.

These are the checks the bot's "📊 جزئیات و داده" button will lean on: for the same parameters,
`value_rial` equals the service figure, the rows add up, the CSV carries the same rows, and a
link without an ending lands on the page with the same filters.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import jdatetime
import pytest
from aiohttp.test_utils import TestClient

from backend.importer import import_files
from backend.months import Month, MonthRange
from backend.opendata.links import FigureQuery, figure_path, page_path
from backend.opendata.queries import Breakdown, FigureRow, _cut
from shafaf.runtime import Runtime, create_web_app

Client = TestClient  # type: ignore[type-arg]
Y1403 = MonthRange.year(1403)
SUMMER = MonthRange(Month(1404, 4), Month(1404, 6))
TODAY = jdatetime.date(1405, 9, 8)


@pytest.fixture
async def client(sample_runtime: Runtime, aiohttp_client: Any) -> Client:
    return await aiohttp_client(create_web_app(sample_runtime))


async def _json(client: Client, q: FigureQuery) -> dict[str, Any]:
    response = await client.get(figure_path(q, "json"))
    assert response.status == 200, await response.text()
    assert response.content_type == "application/json"
    body: dict[str, Any] = await response.json()
    assert body["kind"] == q.kind
    assert body["path"] == figure_path(q)
    assert body["unit"] == "IRR"
    for breakdown in body["breakdowns"].values():
        assert sum(r["amount_rial"] for r in breakdown["rows"]) == breakdown["total_rial"]
    return body


async def test_vat_share_equals_the_service(client: Client, sample_runtime: Runtime) -> None:
    services = sample_runtime.services
    for slug, period in [("mashhad", Y1403), ("mashhad", SUMMER), ("neyshabur", Y1403)]:
        q = FigureQuery.vat_share(slug, period)
        body = await _json(client, q)
        series = await services.vat.series(slug, period, "month")
        assert body["value_rial"] == series.total_rial
        assert [r["key"] for r in body["rows"]] == [str(m) for m in period.months()]
        assert [r["amount_rial"] for r in body["rows"]] == [g.amount_rial for g in series.groups]
        assert body["sources"] == series.sources
        assert body["breakdowns"]["years"]["total_rial"] == series.total_rial
        assert body["is_sample"] is True
        assert body["links"]["link"] == "http://127.0.0.1:8080" + figure_path(q)


async def test_missing_months_are_rows_with_a_note(client: Client) -> None:
    q = FigureQuery.vat_share("mashhad", MonthRange(Month(1405, 7), Month(1405, 10)))
    body = await _json(client, q)
    assert body["facts"]["missing_months"] == ["1405-09", "1405-10"]
    assert [r["note"] is not None for r in body["rows"]] == [False, False, True, True]


async def test_comparisons_equal_the_service(client: Client, sample_runtime: Runtime) -> None:
    vat = sample_runtime.services.vat
    first, second = MonthRange.year(1404), Y1403
    body = await _json(client, FigureQuery.compare_periods("mashhad", first, second))
    expected = await vat.compare_periods("mashhad", first, second)
    assert body["value_rial"] == expected.first.total_rial
    assert body["facts"]["compare_value_rial"] == expected.second.total_rial
    assert body["facts"]["change_rial"] == expected.change_rial
    assert body["facts"]["change_percent"] == expected.change_percent

    body = await _json(client, FigureQuery.compare_municipalities("mashhad", "neyshabur", Y1403))
    munis = await vat.compare_municipalities("mashhad", "neyshabur", Y1403)
    assert body["value_rial"] == munis.first.total_rial
    assert body["facts"]["compare_value_rial"] == munis.second.total_rial
    assert body["facts"]["ratio"] == munis.ratio
    assert body["facts"]["per_capita_rial"]["first"] == munis.per_capita_first


async def test_spending_equals_the_service(client: Client, sample_runtime: Runtime) -> None:
    spending = sample_runtime.services.spending
    cases = [
        (None, None),
        ("transport", None),
        (None, "9"),
        ("roads", "9"),
    ]
    for category, district in cases:
        q = FigureQuery.spending("mashhad", Y1403, category=category, district=district)
        body = await _json(client, q)
        # Exactly the call the bot makes for "where did the money go" (default top projects).
        expected = await spending.breakdown("mashhad", Y1403, category, district=district)
        assert body["value_rial"] == expected.spent_on_projects_rial
        assert body["facts"]["received_rial"] == expected.received.total_rial
        names = body["breakdowns"]
        assert [r["key"] for r in names["categories"]["rows"]] == [
            c.slug for c in expected.by_category
        ]
        assert [r["amount_rial"] for r in names["projects"]["rows"][:5]] == [
            p.amount_rial for p in expected.top_projects
        ]
        assert names["districts"]["total_rial"] == body["value_rial"]
    unfiltered = await _json(client, FigureQuery.spending("mashhad", Y1403))
    city_wide = [r for r in unfiltered["breakdowns"]["districts"]["rows"] if r["key"] is None]
    assert city_wide and city_wide[0]["name_fa"] == "سطح شهر (بدون منطقه)"


async def test_unknown_filters_are_404_not_empty_figures(client: Client) -> None:
    for path in (
        "/d/spending/mashhad/1403/category/nosuch.json",
        "/d/spending/mashhad/1403/district/99.json",
        "/d/share/nowhere/1403.json",
        "/d/project/P-0000.json",
    ):
        response = await client.get(path)
        assert response.status == 404, path
        assert (await response.json())["error"]["code"] == "not_found"
    response = await client.get("/d/share/mashhad/1403-13.json")
    assert response.status == 400
    assert (await response.json())["error"]["code"] == "invalid_input"


async def test_project_equals_the_service(client: Client, sample_runtime: Runtime) -> None:
    detail = await sample_runtime.services.projects.detail("P-1001")
    body = await _json(client, FigureQuery.project_funding("P-1001"))
    assert body["value_rial"] == detail.summary.vat_funding_rial
    assert [r["amount_rial"] for r in body["rows"]] == [f.amount_rial for f in detail.funding]
    assert body["facts"]["project"]["progress_percent"] == detail.summary.progress_percent
    assert body["facts"]["status_history"] is None  # not recorded by the data model
    body = await _json(client, FigureQuery.project_funding("P-1001", Y1403))
    assert body["value_rial"] == sum(f.amount_rial for f in detail.funding if f.month in Y1403)
    assert {r["key"] for r in body["rows"]} <= {str(m) for m in Y1403.months()}


async def test_calculator_equals_the_service(client: Client, sample_runtime: Runtime) -> None:
    calculator = sample_runtime.services.calculator
    for amount, kind, day in [
        (10_000_000, "purchase", TODAY),
        (1_234_567, "purchase", jdatetime.date(1402, 5, 1)),
        (99_999, "vat", TODAY),
    ]:
        q = FigureQuery.calculator("mashhad", amount, kind, day)  # type: ignore[arg-type]
        body = await _json(client, q)
        result = await calculator.calculate(amount, kind=kind, day=day, municipality="mashhad")  # type: ignore[arg-type]
        assert body["value_rial"] == result.municipal_rial
        assert body["facts"]["vat_rial"] == result.vat_rial
        assert body["facts"]["rate"]["vat_rate_percent"] == result.rate.vat_rate_percent
        parts = [r for r in body["rows"] if r["key"] is not None]
        assert [r["amount_rial"] for r in parts] == [p.amount_rial for p in result.split]
        assert sum(r["amount_rial"] for r in body["rows"]) == result.municipal_rial


async def test_csv_carries_the_same_rows(client: Client) -> None:
    q = FigureQuery.spending("mashhad", Y1403)
    body = await _json(client, q)
    response = await client.get(figure_path(q, "csv"))
    assert response.status == 200
    assert response.content_type == "text/csv"
    raw = await response.read()
    assert raw.startswith("\ufeff".encode())
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    by_breakdown: dict[str, int] = {}
    for row in rows:
        by_breakdown[row["breakdown"]] = by_breakdown.get(row["breakdown"], 0) + int(
            row["amount_rial"]
        )
    assert by_breakdown == {name: body["value_rial"] for name in body["breakdowns"]}
    same = await client.get(figure_path(q), params={"format": "csv"})
    assert await same.read() == raw


async def test_a_link_without_ending_lands_on_its_page(client: Client) -> None:
    q = FigureQuery.spending("mashhad", Y1403, category="transport")
    response = await client.get(figure_path(q), allow_redirects=False)
    assert response.status == 302
    assert response.headers["Location"] == page_path(q)
    page = await client.get(figure_path(q))
    assert page.status == 200
    assert page.content_type == "text/html"
    html = await page.text()
    assert figure_path(q, "json") in html


async def test_cached_by_data_version(client: Client, sample_runtime: Runtime) -> None:
    q = FigureQuery.vat_share("mashhad", MonthRange(Month(1404, 12), Month(1404, 12)))
    first = await client.get(figure_path(q, "json"))
    etag = first.headers["ETag"]
    assert "max-age" in first.headers["Cache-Control"]
    again = await client.get(figure_path(q, "json"), headers={"If-None-Match": etag})
    assert again.status == 304
    before = (await first.json())["value_rial"]

    # A committed import moves the data version: the cached body is not served any more.
    csv_text = (
        "municipality,year,month,amount_rial,published_on,source\n"
        "mashhad,1404,12,123456789,1405-01-20,بازبینی (نمونه)\n"
    )
    await import_files(
        sample_runtime.services.sessions, {"vat_shares.csv": csv_text.encode()}, origin="cli"
    )
    sample_runtime.services.version.invalidate()
    after = await client.get(figure_path(q, "json"), headers={"If-None-Match": etag})
    assert after.status == 200
    body = await after.json()
    assert body["value_rial"] == 123456789 != before
    [shares] = [t for t in body["freshness"]["tables"] if t["table"] == "vat_shares"]
    assert shares["origin"] == "cli"


def test_a_long_breakdown_is_cut_with_an_others_row() -> None:
    rows = [FigureRow(f"P-{i}", f"p{i}", 100 - i) for i in range(60)]
    total = sum(r.amount_rial for r in rows)
    cut = _cut(rows, total, limit=10)
    assert len(cut) == 11
    assert cut[-1].key is None and "سایر" in cut[-1].name_fa
    assert sum(r.amount_rial for r in cut) == total
    Breakdown("projects", "t", total, cut)  # checks the sum itself
    with pytest.raises(AssertionError):
        Breakdown("projects", "t", total + 1, cut)
