"""OpenAPI paths and schemas of the open data, to merge into the /api/v1 document.

`OPENDATA_PATHS` and `OPENDATA_SCHEMAS` follow the staff part's pattern (`STAFF_PATHS`,
`STAFF_SCHEMAS`): spread them into `paths` and `components.schemas`. They refer to the main
document's `Error` schema. Figure links are described once per grammar form (see
`backend/opendata/links.py`) and per format; a link with no ending answers 302 to its page.
"""

from __future__ import annotations

from typing import Any

from backend.api.schema import obj, ref
from backend.opendata.exports import TABLES
from backend.opendata.links import FIGURE_KINDS

_STR = {"type": "string"}
_INT = {"type": "integer"}
_NUM = {"type": "number"}
_NULL_STR = {"type": ["string", "null"]}
_NULL_NUM = {"type": ["number", "null"]}
_YM = {"type": "string", "pattern": r"^\d{4}-\d{2}$", "description": "Jalali month YYYY-MM"}
_PERIOD_ENTITY = {
    "type": "object",
    "properties": {"from": _YM, "to": _YM},
    "required": ["from", "to"],
}
_SLUG = {"type": "string", "pattern": r"^[a-z0-9-]{1,64}$"}
_CODE = {"type": "string", "pattern": r"^[A-Za-z0-9_-]{1,64}$"}
_DISTRICT = {"type": "string", "pattern": r"^[A-Za-z0-9_-]{1,32}$"}
_PERIOD_TOKEN = {
    "type": "string",
    "pattern": r"^1[34]\d{2}(-(0[1-9]|1[0-2])(\.\.1[34]\d{2}-(0[1-9]|1[0-2]))?)?$",
    "description": "YYYY (a Jalali year), YYYY-MM (a month) or YYYY-MM..YYYY-MM (inclusive, "
    "not reversed)",
}
_DAY_TOKEN = {
    "type": "string",
    "pattern": r"^1[34]\d{2}-(0[1-6]-(0[1-9]|[12]\d|3[01])|(0[7-9]|1[01])-(0[1-9]|[12]\d|30)"
    r"|12-(0[1-9]|[12]\d))$",
    "description": "Jalali day YYYY-MM-DD",
}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": ref("Error")}}}


def _csv(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"text/csv": {"schema": _STR}}}


_ERRORS = {
    "400": _error("Not a valid figure link"),
    "404": _error("Unknown municipality, project, category or district"),
    "422": _error(
        "Well formed parts that do not fit together: a period that ends before it "
        "starts, a municipality compared with itself"
    ),
    "503": _error("Temporarily unavailable (database down)"),
}
_FRESHNESS_HEADERS = {
    "X-Shafaf-Imported-At": {"description": "When the newest of these tables was imported"},
    "X-Shafaf-Source-Files": {"description": "The imported files behind this body"},
    "X-Shafaf-Stale": {"description": "true when older than SHAFAF_STALE_AFTER_DAYS"},
}


def _param(name: str, schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": schema,
        "description": description,
    }


_MUNI = _param("municipality", _SLUG, "Municipality slug")
_PERIOD = _param("period", _PERIOD_TOKEN, "Jalali period")

# (path template without ending, summary, parameters)
_FORMS: list[tuple[str, str, list[dict[str, Any]]]] = [
    (
        "/d/share/{municipality}/{period}",
        "A municipality's VAT share over a period",
        [_MUNI, _PERIOD],
    ),
    (
        "/d/compare/{municipality}/{period}/{compare_period}",
        "One municipality's share in two periods (first against second)",
        [_MUNI, _PERIOD, _param("compare_period", _PERIOD_TOKEN, "The period compared with")],
    ),
    (
        "/d/compare/{municipalities}/{period}",
        "Two municipalities' shares over one period",
        [
            _param(
                "municipalities",
                {"type": "string", "pattern": r"^[a-z0-9-]{1,64}\+[a-z0-9-]{1,64}$"},
                "Two different slugs joined by +, e.g. mashhad+neyshabur",
            ),
            _PERIOD,
        ],
    ),
    (
        "/d/spending/{municipality}/{period}",
        "Where the period's VAT money went: by category, district and project",
        [_MUNI, _PERIOD],
    ),
    (
        "/d/spending/{municipality}/{period}/category/{category}",
        "Spending of one category",
        [_MUNI, _PERIOD, _param("category", _SLUG, "Category slug")],
    ),
    (
        "/d/spending/{municipality}/{period}/district/{district}",
        "Spending in one district",
        [_MUNI, _PERIOD, _param("district", _DISTRICT, "District code")],
    ),
    (
        "/d/spending/{municipality}/{period}/category/{category}/district/{district}",
        "Spending of one category in one district",
        [
            _MUNI,
            _PERIOD,
            _param("category", _SLUG, "Category slug"),
            _param("district", _DISTRICT, "District code"),
        ],
    ),
    (
        "/d/project/{code}",
        "One project and its VAT funding",
        [_param("code", _CODE, "Project code")],
    ),
    (
        "/d/project/{code}/{period}",
        "One project and its VAT funding in a period",
        [_param("code", _CODE, "Project code"), _PERIOD],
    ),
    (
        "/d/calc/{municipality}/{amount_kind}/{amount_rial}/{day}",
        "The city's part of a purchase (or of a VAT amount) at the rate in force on a day",
        [
            _MUNI,
            _param("amount_kind", {"enum": ["purchase", "vat"]}, "What the amount is"),
            _param(
                "amount_rial",
                {"type": "string", "pattern": r"^[1-9]\d{0,17}$"},
                "Whole rials, 1 to 10^18",
            ),
            _param("day", _DAY_TOKEN, "The Jalali day whose rate applies"),
        ],
    ),
]


def _figure_paths() -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for template, summary, parameters in _FORMS:
        paths[template + ".json"] = {
            "get": {
                "summary": f"{summary} (JSON: the figure exactly in rials and its rows)",
                "tags": ["open data"],
                "parameters": parameters,
                "responses": {
                    "200": {
                        "description": "OK",
                        "headers": _FRESHNESS_HEADERS,
                        "content": {"application/json": {"schema": ref("Figure")}},
                    },
                    "304": {"description": "Not modified (If-None-Match matched the ETag)"},
                    **_ERRORS,
                },
            }
        }
        paths[template + ".csv"] = {
            "get": {
                "summary": f"{summary} (CSV: breakdown,key,name_fa,amount_rial,percent,note)",
                "tags": ["open data"],
                "parameters": parameters,
                "responses": {
                    "200": {**_csv("UTF-8 with BOM"), "headers": _FRESHNESS_HEADERS},
                    "304": {"description": "Not modified"},
                    **_ERRORS,
                },
            }
        }
    return paths


_ROW = obj(
    {
        "key": _NULL_STR,
        "name_fa": _STR,
        "amount_rial": _INT,
        "percent": _NULL_NUM,
        "note": _NULL_STR,
    }
)

OPENDATA_SCHEMAS: dict[str, Any] = {
    "FigureRow": {
        **_ROW,
        "description": "One row behind a figure; key null = others / no district / rounding",
    },
    "Breakdown": obj(
        {
            "name": _STR,
            "title_fa": _STR,
            "total_rial": _INT,
            "rows": {
                "type": "array",
                "items": ref("FigureRow"),
                "description": "The amounts add up to total_rial",
            },
        }
    ),
    "Freshness": obj(
        {
            "imported_at": {"type": ["string", "null"], "format": "date-time"},
            "imported_on": {"type": ["string", "null"], "description": "Jalali day"},
            "files": {"type": "array", "items": _STR},
            "tables": {
                "type": "array",
                "items": obj({"table": _STR, "file": _STR, "imported_at": _STR, "origin": _STR}),
            },
            "age_days": {"type": ["integer", "null"]},
            "stale_after_days": _INT,
            "stale": {"type": "boolean"},
            "note_fa": _NULL_STR,
        }
    ),
    "FigureQuery": obj(
        {
            "kind": {"enum": list(FIGURE_KINDS)},
            "municipality": _SLUG,
            "compare_municipality": _SLUG,
            "period": _PERIOD_ENTITY,
            "compare_period": _PERIOD_ENTITY,
            "category": _SLUG,
            "district": _DISTRICT,
            "project": _CODE,
            "amount_rial": _INT,
            "amount_kind": {"enum": ["purchase", "vat"]},
            "day": _STR,
        },
        required=["kind"],
    ),
    "Figure": obj(
        {
            "kind": {"enum": list(FIGURE_KINDS)},
            "path": _STR,
            "query": ref("FigureQuery"),
            "title_fa": _STR,
            "value_rial": {**_INT, "description": "The stated figure, exactly, in rials"},
            "value_fa": _STR,
            "unit": {"const": "IRR"},
            "rows": {"type": "array", "items": ref("FigureRow")},
            "breakdowns": {"type": "object", "additionalProperties": ref("Breakdown")},
            "facts": {"type": "object", "description": "What else the answer states, by kind"},
            "sources": {"type": "array", "items": _STR},
            "last_published_on": _NULL_STR,
            "is_sample": {"type": "boolean"},
            "sample_note_fa": _NULL_STR,
            "links": obj({"link": _STR, "page": _STR, "json": _STR, "csv": _STR}),
            "freshness": ref("Freshness"),
            "data_version": _INT,
        }
    ),
}

OPENDATA_PATHS: dict[str, Any] = {
    "/api/v1/export/{table}.csv": {
        "get": {
            "summary": "One public table as contract CSV (UTF-8 with BOM; re-importable)",
            "tags": ["open data"],
            "parameters": [
                _param("table", {"enum": [t.name for t in TABLES]}, "Contract table name")
            ],
            "responses": {
                "200": {**_csv("The table"), "headers": _FRESHNESS_HEADERS},
                "304": {"description": "Not modified"},
                "404": _error("No such public table"),
                "503": _ERRORS["503"],
            },
        }
    },
    "/api/v1/export/datapackage.json": {
        "get": {
            "summary": "Frictionless Tabular Data Package descriptor of the exports",
            "tags": ["open data"],
            "responses": {
                "200": {
                    "description": "datapackage.json (resource paths relative to it)",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                "304": {"description": "Not modified"},
                "503": _ERRORS["503"],
            },
        }
    },
    "/api/v1/export/datapackage.zip": {
        "get": {
            "summary": "The descriptor and every table in one zip",
            "tags": ["open data"],
            "responses": {
                "200": {
                    "description": "zip",
                    "content": {"application/zip": {"schema": {**_STR, "format": "binary"}}},
                },
                "304": {"description": "Not modified"},
                "503": _ERRORS["503"],
            },
        }
    },
    **_figure_paths(),
}


def opendata_openapi() -> dict[str, Any]:
    """Return the open data's part of the OpenAPI document: `paths` and `schemas`."""
    return {"paths": OPENDATA_PATHS, "schemas": OPENDATA_SCHEMAS}
