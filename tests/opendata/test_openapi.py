"""The open data's part of the OpenAPI document: it is in the main document (so the suite's
schemathesis run, tests/proof/test_api_schema.py, covers every figure link and export with
`--checks all`), real figures match the Figure schema, and the status rules it declares hold."""

from __future__ import annotations

import jsonschema
import requests
import schemathesis

from backend.api.openapi import openapi_document
from backend.opendata.openapi import opendata_openapi
from tests.proof.test_api_schema import Served, served_api

__all__ = ["served_api"]  # the fixture, shared with the main document's schemathesis test


def test_the_main_document_describes_every_open_data_operation() -> None:
    schema = schemathesis.openapi.from_dict(openapi_document())
    labels = {f"{r.ok().method.upper()} {r.ok().path}" for r in schema.get_all_operations()}
    wanted = {f"GET {path}" for path in opendata_openapi()["paths"]}
    assert "GET /api/v1/export/{table}.csv" in wanted
    assert "GET /d/share/{municipality}/{period}.json" in wanted
    assert wanted <= labels


def test_parts_that_do_not_fit_together_answer_422(served_api: Served) -> None:
    for path in ("/d/share/mashhad/1403-05..1403-02.json", "/d/compare/mashhad+mashhad/1403.csv"):
        response = requests.get(served_api.url + path, timeout=30)
        assert response.status_code == 422, path
        assert response.json()["error"]["code"] == "invalid_input"
    assert (
        requests.get(served_api.url + "/d/share/mashhad/14x3.json", timeout=30).status_code == 400
    )


def test_real_figures_match_the_figure_schema(served_api: Served) -> None:
    document = openapi_document()
    schema = {"$ref": "#/components/schemas/Figure", "components": document["components"]}
    for path in (
        "/d/share/mashhad/1403.json",
        "/d/compare/mashhad/1404/1403.json",
        "/d/compare/mashhad+neyshabur/1403.json",
        "/d/spending/mashhad/1403/category/transport/district/9.json",
        "/d/project/P-1001/1403.json",
        "/d/calc/mashhad/purchase/10000000/1405-09-08.json",
    ):
        response = requests.get(served_api.url + path, timeout=30)
        assert response.status_code == 200, path
        jsonschema.validate(response.json(), schema)
