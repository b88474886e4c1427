"""The public API over HTTP: figures equal the CSV sums, errors are JSON, bodies match the spec."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from aiohttp.test_utils import TestClient

from backend.api.openapi import openapi_document
from backend.importer import import_files, read_paths
from shafaf.runtime import Runtime, create_web_app
from tests.conftest import EVAL_DATASET, SAMPLE_DIR, need_shared_eval

Client = TestClient  # type: ignore[type-arg]


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _yearly_sums(folder: Path, municipality: str) -> dict[str, int]:
    sums: dict[str, int] = defaultdict(int)
    for row in _csv_rows(folder / "vat_shares.csv"):
        if row["municipality"] == municipality:
            sums[row["year"]] += int(row["amount_rial"])
    return dict(sums)


def _check(body: Any, name: str, *, many: bool = False) -> None:
    """Validate a body against a component schema (or `{"items": [schema…]}` when `many`)."""
    ref = {"$ref": f"#/components/schemas/{name}"}
    schema: dict[str, Any] = (
        {
            "type": "object",
            "properties": {"items": {"type": "array", "items": ref}},
            "required": ["items"],
        }
        if many
        else ref
    )
    jsonschema.validate(body, {**schema, "components": openapi_document()["components"]})


@pytest.fixture
async def client(sample_runtime: Runtime, aiohttp_client: Any) -> Client:
    return await aiohttp_client(create_web_app(sample_runtime))


async def test_health(client: Client) -> None:
    response = await client.get("/api/v1/health")
    assert response.status == 200
    body = await response.json()
    assert body == {"status": "ok", "database": "ok"}
    _check(body, "Health")


async def test_vat_shares_by_year_equal_the_sample_csv(client: Client) -> None:
    response = await client.get(
        "/api/v1/vat-shares", params={"municipality": "mashhad", "group": "year"}
    )
    assert response.status == 200
    body = await response.json()
    _check(body, "VatShares")
    got = {item["key"]: item["amount_rial"] for item in body["items"]}
    assert got == _yearly_sums(SAMPLE_DIR, "mashhad")
    assert body["is_sample"] is True
    assert body["total_rial"] == sum(got.values())


async def test_vat_shares_quarter_and_range(client: Client) -> None:
    response = await client.get(
        "/api/v1/vat-shares",
        params={
            "municipality": "neyshabur",
            "from": "۱۴۰۳-۰۴",
            "to": "1404-03",
            "group": "quarter",
        },
    )
    body = await response.json()
    assert response.status == 200, body
    _check(body, "VatShares")
    assert [item["key"] for item in body["items"]] == ["1403-Q2", "1403-Q3", "1403-Q4", "1404-Q1"]
    expected = sum(
        int(r["amount_rial"])
        for r in _csv_rows(SAMPLE_DIR / "vat_shares.csv")
        if r["municipality"] == "neyshabur"
        and "1403-04" <= f"{r['year']}-{int(r['month']):02d}" <= "1404-03"
    )
    assert body["total_rial"] == expected


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"group": "week"}, 400, "invalid_input"),
        ({"from": "1403-13"}, 400, "invalid_input"),
        ({"from": "1404-05", "to": "1403-01"}, 422, "invalid_input"),
        ({"from": "abc"}, 400, "invalid_input"),
        ({"municipality": "tehran"}, 404, "not_found"),
        ({"municipality": "x' OR 1=1 --"}, 404, "not_found"),
    ],
)
async def test_vat_shares_rejects_bad_parameters(
    client: Client, params: dict[str, str], status: int, code: str
) -> None:
    response = await client.get("/api/v1/vat-shares", params=params)
    assert response.status == status
    body = await response.json()
    _check(body, "Error")
    assert body["error"]["code"] == code


async def test_projects_filters_and_paging(client: Client) -> None:
    rows = [r for r in _csv_rows(SAMPLE_DIR / "projects.csv") if r["status"] == "in_progress"]
    response = await client.get(
        "/api/v1/projects", params={"status": "in_progress", "per_page": "5"}
    )
    body = await response.json()
    assert response.status == 200
    _check(body, "ProjectPage")
    assert body["total"] == len(rows)
    assert len(body["items"]) == min(5, len(rows))
    assert body["pages"] == -(-len(rows) // 5)
    codes = set()
    for page in range(1, body["pages"] + 1):
        more = await (
            await client.get(
                "/api/v1/projects",
                params={"status": "in_progress", "per_page": "5", "page": str(page)},
            )
        ).json()
        codes |= {item["code"] for item in more["items"]}
    assert codes == {r["code"] for r in rows}


async def test_projects_by_district_category_and_text(client: Client) -> None:
    rows = _csv_rows(SAMPLE_DIR / "projects.csv")
    district = next(r["district"] for r in rows if r["district"])
    body = await (
        await client.get("/api/v1/projects", params={"district": district, "per_page": "100"})
    ).json()
    assert {i["code"] for i in body["items"]} == {
        r["code"] for r in rows if r["district"] == district
    }
    word = rows[0]["name_fa"].split()[-1]
    body = await (
        await client.get("/api/v1/projects", params={"q": word, "per_page": "100"})
    ).json()
    assert rows[0]["code"] in {i["code"] for i in body["items"]}
    body = await (await client.get("/api/v1/projects", params={"q": "%_"})).json()
    assert body["total"] == 0  # LIKE wildcards are escaped, not interpreted


async def test_project_detail_has_funding_by_month(client: Client) -> None:
    funding = _csv_rows(SAMPLE_DIR / "project_funding.csv")
    code = funding[0]["project_code"]
    response = await client.get(f"/api/v1/projects/{code}")
    body = await response.json()
    assert response.status == 200
    _check(body, "ProjectDetail")
    expected = {
        f"{r['year']}-{int(r['month']):02d}": int(r["amount_rial"])
        for r in funding
        if r["project_code"] == code
    }
    assert {f["month"]: f["amount_rial"] for f in body["funding"]} == expected
    assert body["vat_funding_rial"] == sum(expected.values())


async def test_unknown_project_and_route_are_json_404(client: Client) -> None:
    for path in ("/api/v1/projects/NOPE-1", "/api/v1/nothing-here"):
        response = await client.get(path)
        assert response.status == 404
        _check(await response.json(), "Error")
    response = await client.delete("/api/v1/projects")
    assert response.status == 405
    _check(await response.json(), "Error")


async def test_reports_are_published_only(client: Client) -> None:
    body = await (await client.get("/api/v1/reports")).json()
    _check(body, "Report", many=True)
    published = {
        r["code"]
        for r in _csv_rows(SAMPLE_DIR / "reports.csv")
        if r["published_on"] <= "1405-09-08"
    }
    assert {r["code"] for r in body["items"]} == published


async def test_municipalities_and_openapi(client: Client) -> None:
    body = await (await client.get("/api/v1/municipalities")).json()
    _check(body, "Municipality", many=True)
    assert {m["slug"] for m in body["items"]} == {
        r["slug"] for r in _csv_rows(SAMPLE_DIR / "municipalities.csv")
    }
    doc = await (await client.get("/api/v1/openapi.json")).json()
    assert doc["openapi"].startswith("3.")
    assert "/api/v1/vat-shares" in doc["paths"]


async def test_eval_dataset_import_then_api_sums_equal_csv(
    empty_runtime: Runtime, aiohttp_client: Any
) -> None:
    need_shared_eval()
    await import_files(empty_runtime.services.sessions, read_paths([EVAL_DATASET]), origin="test")
    client = await aiohttp_client(create_web_app(empty_runtime))
    for muni in {r["slug"] for r in _csv_rows(EVAL_DATASET / "municipalities.csv")}:
        body = await (
            await client.get("/api/v1/vat-shares", params={"municipality": muni, "group": "year"})
        ).json()
        _check(body, "VatShares")
        assert {i["key"]: i["amount_rial"] for i in body["items"]} == _yearly_sums(
            EVAL_DATASET, muni
        )


async def test_cached_reads_follow_a_new_import(
    sample_runtime: Runtime, aiohttp_client: Any
) -> None:
    client = await aiohttp_client(create_web_app(sample_runtime))
    params = {"municipality": "kashmar", "from": "1404-01", "to": "1404-01"}
    before = await (await client.get("/api/v1/vat-shares", params=params)).json()
    again = await (await client.get("/api/v1/vat-shares", params=params)).json()
    assert again == before
    row = next(
        r
        for r in _csv_rows(SAMPLE_DIR / "vat_shares.csv")
        if r["municipality"] == "kashmar" and r["year"] == "1404" and r["month"] == "1"
    )
    header = ",".join(row)
    changed = {**row, "amount_rial": str(int(row["amount_rial"]) + 1000)}
    csv_text = header + "\n" + ",".join(changed[k] for k in row) + "\n"
    await import_files(
        sample_runtime.services.sessions, {"vat_shares.csv": csv_text.encode()}, origin="test"
    )
    sample_runtime.services.version.invalidate()
    after = await (await client.get("/api/v1/vat-shares", params=params)).json()
    assert after["total_rial"] == before["total_rial"] + 1000
