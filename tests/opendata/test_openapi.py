"""The open data's OpenAPI part: merged into the main document it is valid, and the served
figure links and exports conform to it under schemathesis (no 5xx, bodies match the schemas)."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import Case
from schemathesis.specs.openapi.checks import positive_data_acceptance

from backend.api.openapi import openapi_document
from backend.opendata.openapi import OPENDATA_PATHS, opendata_openapi
from tests.proof.test_api_schema import Served, served_api

__all__ = ["served_api"]  # the fixture, shared with the main document's schemathesis test

EXAMPLES = 25


def merged_document() -> dict[str, Any]:
    """Return the main OpenAPI document with the open data's paths and schemas spread in."""
    document = copy.deepcopy(openapi_document())
    part = opendata_openapi()
    document["paths"].update(part["paths"])
    document["components"]["schemas"].update(part["schemas"])
    return document


def _operations() -> list[Any]:
    schema = schemathesis.openapi.from_dict(merged_document())
    return [op for op in (r.ok() for r in schema.get_all_operations()) if op.path in OPENDATA_PATHS]


def _label(operation: Any) -> str:
    return f"{operation.method.upper()} {operation.path}"


def test_merged_document_is_valid() -> None:
    labels = {_label(o) for o in _operations()}
    assert "GET /api/v1/export/{table}.csv" in labels
    assert "GET /d/share/{municipality}/{period}.json" in labels
    assert len(labels) == len(OPENDATA_PATHS)


@pytest.mark.parametrize("label", [_label(o) for o in _operations()])
def test_operation_conforms(served_api: Served, label: str) -> None:
    operation = next(o for o in _operations() if _label(o) == label)
    failures: list[str] = []
    session = requests.Session()
    # A reversed period or a municipality compared with itself matches the patterns and is
    # rightly refused with 400: a rule between parameters that a JSON Schema cannot state.
    excluded = [positive_data_acceptance] if label.startswith("GET /d/") else None

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
    )
    @given(case=operation.as_strategy())
    def check(case: Case) -> None:
        response = case.call(base_url=served_api.url, session=session, timeout=30)
        if response.status_code >= 500:
            failures.append(f"{response.status_code} for {case.as_curl_command()}")
            return
        try:
            case.validate_response(response, excluded_checks=excluded)
        except (Exception, ExceptionGroup) as exc:
            failures.append(f"{type(exc).__name__}: {str(exc)[:1500]}")

    check()
    assert not failures, "\n\n".join(failures[:5])


def test_real_figures_match_the_figure_schema(served_api: Served) -> None:
    document = merged_document()
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
