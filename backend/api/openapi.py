"""The OpenAPI 3.1 document of /api/v1; tests validate real responses against these schemas."""

from __future__ import annotations

from functools import cache
from typing import Any

from backend.api import params
from backend.api.routes import MAX_CODE_LENGTH, MAX_PAGE, MAX_QUESTION_LENGTH
from backend.api.schema import json_content, obj, ref
from backend.api.staff_openapi import STAFF_PATHS, STAFF_SCHEMAS, STAFF_SECURITY_SCHEMES
from backend.conversation.doors import MAX_CONVERSATION_ID
from backend.opendata.openapi import OPENDATA_PATHS, OPENDATA_SCHEMAS
from backend.services.projects import MAX_PER_PAGE
from backend.untrusted import NON_BLANK_PATTERN

_STR = {"type": "string"}
_INT = {"type": "integer"}
_NULL_STR = {"type": ["string", "null"]}
_JDATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "Jalali date"}
_NULL_JDATE = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_YM = {"type": "string", "pattern": r"^\d{4}-\d{2}$", "description": "Jalali month YYYY-MM"}
# What the server accepts, exactly (backend.api.params enforces these very patterns and limits),
# so generated requests (schemathesis) and clients know the limits.
_TEXT_PARAM = {"type": "string", "maxLength": params.MAX_PARAM_LENGTH}
_YM_PARAM = {
    "type": "string",
    "pattern": params.MONTH_PATTERN,
    "description": "Jalali month YYYY-MM, years 1300-1499 (ASCII, Persian or Arabic digits)",
}
_JDATE_PARAM = {
    "type": "string",
    "pattern": params.DATE_PATTERN,
    "description": "A Jalali day YYYY-MM-DD that exists, years 1300-1499 (Esfand 30 only in "
    "leap years; ASCII, Persian or Arabic digits)",
}
_NON_BLANK = NON_BLANK_PATTERN  # at least one character the server's strip() keeps


def _query(name: str, description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """Describe an optional query parameter; empty (`?name=`) means absent, as on the server."""
    return {
        "name": name,
        "in": "query",
        "required": False,
        "allowEmptyValue": True,
        "description": description,
        "schema": schema or _TEXT_PARAM,
    }


_ERRORS = {
    "400": json_content(ref("Error"), "Invalid parameters"),
    "404": json_content(ref("Error"), "Not found"),
    "503": json_content(ref("Error"), "Temporarily unavailable (database down)"),
}
_PARAM_ERRORS = {"400": _ERRORS["400"], "503": _ERRORS["503"]}

_SCHEMAS: dict[str, Any] = {
    "Error": obj({"error": obj({"code": _STR, "message": _STR})}),
    "Health": obj(
        {
            "status": {
                "enum": ["ok", "degraded"],
                "description": "ok, or degraded when the database was last seen unreachable",
            },
            "database": {
                "enum": ["ok", "unavailable", "unknown"],
                "description": "The database state the process last saw (unknown before the "
                "first check)",
            },
        }
    ),
    "Ready": obj({"status": {"const": "ready"}, "database": {"const": "ok"}}),
    "Municipality": obj({"slug": _STR, "name_fa": _STR, "province_fa": _STR, "population": _INT}),
    "VatGroup": obj(
        {"key": _STR, "from": _YM, "to": _YM, "amount_rial": _INT, "months_with_data": _INT}
    ),
    "VatShares": obj(
        {
            "municipality": ref("Municipality"),
            "from": _YM,
            "to": _YM,
            "group": {"enum": ["month", "quarter", "year"]},
            "unit": {"const": "rial"},
            "items": {"type": "array", "items": ref("VatGroup")},
            "total_rial": _INT,
            "months_with_data": _INT,
            "missing_months": {"type": "array", "items": _YM},
            "sources": {"type": "array", "items": _STR},
            "last_published_on": _NULL_JDATE,
            "is_sample": {"type": "boolean"},
        }
    ),
    "ProjectSummary": obj(
        {
            "code": _STR,
            "name_fa": _STR,
            "municipality": _STR,
            "municipality_fa": _STR,
            "district": _NULL_STR,
            "district_fa": _NULL_STR,
            "category": _STR,
            "category_fa": _STR,
            "status": {"enum": ["planned", "in_progress", "completed", "suspended"]},
            "progress_percent": {"type": "integer", "minimum": 0, "maximum": 100},
            "total_budget_rial": _INT,
            "vat_funding_rial": _INT,
            "start_date": _JDATE,
            "planned_end_date": _NULL_JDATE,
            "lat": {"type": ["number", "null"]},
            "lon": {"type": ["number", "null"]},
        }
    ),
    "ProjectPage": obj(
        {
            "items": {"type": "array", "items": ref("ProjectSummary")},
            "total": _INT,
            "page": _INT,
            "per_page": _INT,
            "pages": _INT,
        }
    ),
    "ProjectDetail": {
        "allOf": [
            ref("ProjectSummary"),
            obj(
                {
                    "description_fa": _NULL_STR,
                    "funding": {
                        "type": "array",
                        "items": obj({"month": _YM, "amount_rial": _INT, "source": _STR}),
                    },
                    "updated_on": _JDATE,
                    "is_sample": {"type": "boolean"},
                }
            ),
        ]
    },
    "Report": obj(
        {
            "code": _STR,
            "title_fa": _STR,
            "municipality": _STR,
            "municipality_fa": _STR,
            "period_from": _JDATE,
            "period_to": _JDATE,
            "published_on": _JDATE,
            "summary_fa": _STR,
            "url": _STR,
        }
    ),
    "AskRequest": obj(
        {
            "text": {
                "type": "string",
                "minLength": 1,
                "maxLength": MAX_QUESTION_LENGTH,
                "pattern": _NON_BLANK,
            },
            "today": {
                "anyOf": [_JDATE_PARAM, {"type": "null"}],
                "description": "Resolve relative periods against this Jalali day (default: today)",
            },
            "conversation": {
                "anyOf": [
                    {"type": "string", "minLength": 1, "maxLength": MAX_CONVERSATION_ID},
                    {"type": "null"},
                ],
                "description": "any id the caller keeps: the chat's context carries over between "
                "questions with the same id (null or absent: each question stands alone)",
            },
        },
        required=["text"],
    ),
    "AskResponse": obj(
        {
            "intent": _STR,
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "entities": {"type": "object"},
            "answer": _STR,
            "figure": {
                "anyOf": [
                    obj(
                        {
                            "amount_rial": _INT,
                            "link": {
                                "type": "string",
                                "description": "the figure's public page; add .json or .csv "
                                "for its rows",
                            },
                        }
                    ),
                    {"type": "null"},
                ],
                "description": "the headline figure the answer states, exactly, and its link",
            },
        }
    ),
}


@cache
def openapi_document() -> dict[str, Any]:
    """Return the OpenAPI document (built once)."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Shafaf public API",
            "version": "1.0.0",
            "description": "VAT share of municipalities and the projects it funds. "
            "Money in whole rials; dates and months are Jalali. A query parameter may be given "
            "at most once, and an empty one (`?from=`) means it is absent. A method a path "
            "does not list is answered 405 with an `Allow` header.",
        },
        "paths": {
            "/api/v1/health": {
                "get": {
                    "summary": "Liveness and the last known database state, answered from memory",
                    "description": "Never waits on the database: the state is what the process "
                    "last saw (its own queries, the bot's, readiness checks; refreshed in the "
                    "background when older than 10 s). Use /api/v1/ready to ask the database now.",
                    "responses": {
                        "200": json_content(ref("Health"), "Alive; the database was last seen up"),
                        "503": json_content(
                            ref("Health"), "Alive, but the database was last seen down"
                        ),
                    },
                }
            },
            "/api/v1/ready": {
                "get": {
                    "summary": "Readiness: whether the database answers",
                    "description": "The database is asked at most once a second, however many "
                    "probes arrive; every probe within that second shares the answer.",
                    "responses": {
                        "200": json_content(ref("Ready"), "Ready to serve"),
                        "503": json_content(ref("Error"), "The database is unreachable"),
                    },
                }
            },
            "/api/v1/municipalities": {
                "get": {
                    "summary": "List municipalities",
                    "responses": {
                        "200": json_content(
                            obj({"items": {"type": "array", "items": ref("Municipality")}}), "OK"
                        ),
                        "503": _ERRORS["503"],
                    },
                }
            },
            "/api/v1/vat-shares": {
                "get": {
                    "summary": "VAT share sums per month, quarter or year",
                    "parameters": [
                        _query("municipality", "Municipality slug (default: mashhad)"),
                        _query("from", "First month (default: first with data)", _YM_PARAM),
                        _query(
                            "to",
                            "Last month, not before `from` (default: last with data)",
                            _YM_PARAM,
                        ),
                        _query("group", "Grouping", {"enum": ["month", "quarter", "year"]}),
                    ],
                    "description": "Given both, `to` must not be before `from` (422 otherwise: "
                    "a rule the parameter schemas cannot state). Given one, the other defaults "
                    "to the data's first or last month, without crossing the given one.",
                    "responses": {
                        "200": json_content(ref("VatShares"), "OK"),
                        "422": json_content(ref("Error"), "`to` is before `from`"),
                        **_ERRORS,
                    },
                }
            },
            "/api/v1/projects": {
                "get": {
                    "summary": "Projects matching filters, paged",
                    "parameters": [
                        _query("municipality", "Municipality slug"),
                        _query("district", "District code, e.g. 9 or samen"),
                        _query("category", "Category slug"),
                        _query(
                            "status",
                            "Project status",
                            {"enum": ["planned", "in_progress", "completed", "suspended"]},
                        ),
                        _query("q", "Free text in name, code or description"),
                        _query(
                            "page",
                            "Page number",
                            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
                        ),
                        _query(
                            "per_page",
                            "Page size",
                            {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
                        ),
                    ],
                    "responses": {"200": json_content(ref("ProjectPage"), "OK"), **_ERRORS},
                }
            },
            "/api/v1/projects/{code}": {
                "get": {
                    "summary": "One project with its VAT funding by month",
                    "parameters": [
                        {
                            "name": "code",
                            "in": "path",
                            "required": True,
                            "schema": {
                                "type": "string",
                                "maxLength": MAX_CODE_LENGTH,
                                "pattern": _NON_BLANK,
                            },
                        }
                    ],
                    "responses": {"200": json_content(ref("ProjectDetail"), "OK"), **_ERRORS},
                }
            },
            "/api/v1/reports": {
                "get": {
                    "summary": "Published financial reports",
                    "parameters": [_query("municipality", "Municipality slug")],
                    "responses": {
                        "200": json_content(
                            obj({"items": {"type": "array", "items": ref("Report")}}), "OK"
                        ),
                        **_PARAM_ERRORS,
                    },
                }
            },
            "/api/v1/ask": {
                "post": {
                    "summary": "Answer one Persian question exactly as the bot would",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": ref("AskRequest")}},
                    },
                    "responses": {"200": json_content(ref("AskResponse"), "OK"), **_ERRORS},
                }
            },
            **STAFF_PATHS,
            **OPENDATA_PATHS,
        },
        "components": {
            "schemas": {**_SCHEMAS, **STAFF_SCHEMAS, **OPENDATA_SCHEMAS},
            "securitySchemes": STAFF_SECURITY_SCHEMES,
        },
    }
