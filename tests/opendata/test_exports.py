"""Open data exports: contract CSVs that re-import unchanged, a valid data package, safe cells."""

from __future__ import annotations

import asyncio
import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from backend import importer
from backend.importer import import_files
from backend.opendata.exports import TABLES
from shafaf.runtime import Runtime, create_web_app, open_runtime
from tests.conftest import SAMPLE_DIR, make_settings

Client = TestClient  # type: ignore[type-arg]
EXPORT = "/api/v1/export/"


@pytest.fixture
async def client(sample_runtime: Runtime, aiohttp_client: Any) -> Client:
    return await aiohttp_client(create_web_app(sample_runtime))


async def _export(client: Client, table: str) -> bytes:
    response = await client.get(f"{EXPORT}{table}.csv")
    assert response.status == 200, await response.text()
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{table}.csv"'
    body = await response.read()
    assert body.startswith("\ufeff".encode())
    return body


def test_exports_cover_the_contract_tables_in_their_columns() -> None:
    specs = {spec.table: spec.column_names for spec in importer.SPECS}
    assert [t.name for t in TABLES] == list(specs)
    for table in TABLES:
        assert table.columns == specs[table.name]


async def test_every_table_exports_with_its_freshness(client: Client) -> None:
    for table in TABLES:
        body = await _export(client, table.name)
        header = next(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        assert tuple(header) == table.columns
    response = await client.get(f"{EXPORT}vat_shares.csv")
    assert response.headers["X-Shafaf-Source-Files"] == "vat_shares.csv"
    assert response.headers["X-Shafaf-Stale"] == "false"
    assert response.headers["X-Shafaf-Sample"] == "true"
    assert "X-Shafaf-Imported-At" in response.headers
    assert "Last-Modified" in response.headers
    assert 'rel="describedby"' in response.headers["Link"]
    missing = await client.get(f"{EXPORT}staff_users.csv")
    assert missing.status == 404
    assert (await missing.json())["error"]["code"] == "not_found"


async def test_export_reimports_unchanged_and_round_trips(
    client: Client, sample_runtime: Runtime, empty_db_url: str
) -> None:
    files = {f"{t.name}.csv": await _export(client, t.name) for t in TABLES}
    # Into the database it came from: every row is recognised as unchanged.
    summary = await import_files(sample_runtime.services.sessions, files, origin="cli")
    assert not summary.changed
    assert all(c["inserted"] == c["updated"] == 0 for c in summary.counts.values())
    # Into an empty database, then exported again: the same bytes.
    async with open_runtime(make_settings(empty_db_url), migrate=False) as fresh:
        summary = await import_files(fresh.services.sessions, files, origin="cli")
        assert summary.counts["vat_shares"]["inserted"] == files["vat_shares.csv"].count(b"\n") - 1
        async with _serve(fresh) as again:
            for name, body in files.items():
                response = await again.get(EXPORT + name)
                assert await response.read() == body, name


def _serve(runtime: Runtime) -> Client:
    """Serve a runtime's app on a test server."""
    return TestClient(TestServer(create_web_app(runtime)))


async def test_the_sample_files_survive_the_round_trip(client: Client) -> None:
    """What was imported is what is exported (as the importer normalised it)."""
    for name in ("vat_shares", "project_funding", "districts", "municipalities"):
        exported = (await _export(client, name)).decode("utf-8-sig").splitlines()
        assert exported == _sample_lines(name), name


def _sample_lines(table: str) -> list[str]:
    return (SAMPLE_DIR / f"{table}.csv").read_text(encoding="utf-8-sig").splitlines()


async def test_formula_cells_are_neutralised_numbers_are_not(
    client: Client, sample_runtime: Runtime
) -> None:
    faq = (
        "slug,question_fa,answer_fa,source\n"
        'evil,"=HYPERLINK(""http://evil"")",@SUM(A1),+98 912\n'
        "fine,-2 درصد؟,پاسخ,منبع\n"
    )
    projects = (
        "code,name_fa,municipality,district,category,status,total_budget_rial,start_date,"
        "planned_end_date,progress_percent,lat,lon,description_fa\n"
        "P-9001,طرح جنوبی,mashhad,9,roads,planned,1000,1404-01-01,,0,-33.5,-70.25,=1+1\n"
    )
    await import_files(
        sample_runtime.services.sessions,
        {"faq.csv": faq.encode(), "projects.csv": projects.encode()},
        origin="cli",
    )
    sample_runtime.services.version.invalidate()
    rows = {
        r["slug"]: r
        for r in csv.DictReader(io.StringIO((await _export(client, "faq")).decode("utf-8-sig")))
    }
    assert rows["evil"]["question_fa"] == '\'=HYPERLINK("http://evil")'
    assert rows["evil"]["answer_fa"] == "'@SUM(A1)"
    assert rows["evil"]["source"] == "'+98 912"
    assert rows["fine"]["question_fa"] == "'-2 درصد؟"
    project = next(
        r
        for r in csv.DictReader(
            io.StringIO((await _export(client, "projects")).decode("utf-8-sig"))
        )
        if r["code"] == "P-9001"
    )
    assert (project["lat"], project["lon"]) == ("-33.5", "-70.25")  # numbers stay numbers
    assert project["description_fa"] == "'=1+1"
    assert project["district"] == "9" and project["planned_end_date"] == ""


async def test_unpublished_reports_stay_out(client: Client, sample_runtime: Runtime) -> None:
    reports = (
        "code,title_fa,municipality,period_from,period_to,published_on,summary_fa,url\n"
        "FUTURE-1,گزارش آینده,mashhad,1405-07-01,1405-09-30,1405-10-20,خلاصه,https://x.example/r\n"
    )
    await import_files(
        sample_runtime.services.sessions, {"reports.csv": reports.encode()}, origin="cli"
    )
    sample_runtime.services.version.invalidate()
    assert b"FUTURE-1" not in await _export(client, "reports")


async def test_datapackage_is_valid_under_frictionless(client: Client) -> None:
    import frictionless

    response = await client.get(f"{EXPORT}datapackage.json")
    assert response.status == 200
    package = await response.json()
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert {r["name"] for r in package["resources"]} == {t.name for t in TABLES}
    shares = next(r for r in package["resources"] if r["name"] == "vat_shares")
    amount = next(f for f in shares["schema"]["fields"] if f["name"] == "amount_rial")
    assert (amount["type"], amount["unit"]) == ("integer", "IRR")
    assert shares["sources"] and shares["imported"]["file"] == "vat_shares.csv"
    assert package["model"]["measures"]["vat_share"]["currency"] == "IRR"
    assert package["freshness"]["stale"] is False

    # The validator fetches the descriptor and every CSV over HTTP (relative paths), while
    # this event loop keeps serving them.
    url = str(client.make_url(f"{EXPORT}datapackage.json"))
    report = await asyncio.to_thread(frictionless.validate, url)
    assert report.valid, report.flatten(["type", "message"])[:10]
    assert {t.name: t.stats["rows"] for t in report.tasks}["vat_shares"] == shares["rows"]


async def test_zip_holds_a_valid_package_and_importable_files(
    client: Client, tmp_path: Path, empty_db_url: str
) -> None:
    import frictionless

    response = await client.get(f"{EXPORT}datapackage.zip")
    assert response.status == 200
    assert response.content_type == "application/zip"
    with zipfile.ZipFile(io.BytesIO(await response.read())) as archive:
        archive.extractall(tmp_path)
    report = await asyncio.to_thread(frictionless.validate, str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:10]

    # A broken cell is caught, so the check above is not vacuous.
    shares = tmp_path / "vat_shares.csv"
    lines = shares.read_text(encoding="utf-8-sig").splitlines()
    cells = lines[1].split(",")
    cells[3] = "-5"
    shares.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]), encoding="utf-8")
    broken = await asyncio.to_thread(frictionless.validate, str(tmp_path / "datapackage.json"))
    assert not broken.valid

    # The folder (README-free, descriptor beside the CSVs) is what `shafaf import` reads.
    shares.unlink()
    files = importer.read_paths([tmp_path])
    assert set(files) == {f"{t.name}.csv" for t in TABLES} - {"vat_shares.csv"}
    async with open_runtime(make_settings(empty_db_url), migrate=False) as fresh:
        summary = await import_files(fresh.services.sessions, files, origin="cli")
        assert summary.counts["projects"]["inserted"] == 47
