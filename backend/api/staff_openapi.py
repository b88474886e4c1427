"""OpenAPI paths and schemas of the staff endpoints (merged into the /api/v1 document)."""

from __future__ import annotations

from typing import Any

from backend.api.schema import json_content, obj, ref
from backend.api.staff import DRY_RUN_VALUES, MAX_UPLOAD_FILES
from backend.services.feedback import MAX_FEEDBACK_LENGTH
from backend.staff.inbox import MAX_PER_PAGE, SORTS
from backend.staff.workflow import MAX_NOTE_LENGTH
from backend.untrusted import NON_BLANK_PATTERN

_STR = {"type": "string"}
_INT = {"type": "integer"}
_NULL_STR = {"type": ["string", "null"]}
_STATUSES = ["new", "in_review", "answered", "closed", "rejected", "hidden"]
_KINDS = ["complaint", "criticism", "suggestion", "thanks"]
_SECURITY: list[dict[str, list[str]]] = [{"staffToken": []}]
# The server strips texts and refuses empty ones: say so, so clients (and schemathesis) know.
_NOTE = {
    "type": "string",
    "minLength": 1,
    "maxLength": MAX_NOTE_LENGTH,
    "pattern": NON_BLANK_PATTERN,
}
_REPLY = {**_NOTE, "maxLength": MAX_FEEDBACK_LENGTH}


def _query(name: str, description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    """Describe an optional query parameter; empty means absent, as on the server."""
    return {
        "name": name,
        "in": "query",
        "required": False,
        "allowEmptyValue": True,
        "description": description,
        "schema": schema or _STR,
    }


_CODE = {"name": "code", "in": "path", "required": True, "schema": _STR}
_AUTH_ERRORS = {
    "401": json_content(ref("Error"), "No or invalid bearer token"),
    "403": json_content(ref("Error"), "The token's role may not do this"),
}
_ITEM_ERRORS = {
    **_AUTH_ERRORS,
    "400": json_content(ref("Error"), "Invalid input (e.g. a transition that is not allowed)"),
    "404": json_content(ref("Error"), "No such item, or outside the staff member's scope"),
}

STAFF_SCHEMAS: dict[str, Any] = {
    "StaffFeedback": obj(
        {
            "tracking_code": _STR,
            "kind": {"enum": _KINDS},
            "status": {"enum": _STATUSES},
            "text": {**_STR, "description": "Redacted text unless the caller is an admin"},
            "redacted": {"type": "boolean"},
            "project": _NULL_STR,
            "district": _NULL_STR,
            "category": _NULL_STR,
            "has_photo": {"type": "boolean"},
            "created_at": {"type": "string", "format": "date-time"},
            "updated_at": {"type": "string", "format": "date-time"},
            "assignee": _NULL_STR,
        }
    ),
    "StaffFeedbackPage": obj(
        {
            "items": {"type": "array", "items": ref("StaffFeedback")},
            "total": _INT,
            "page": _INT,
            "per_page": _INT,
            "pages": _INT,
            "counts": {"type": "object", "additionalProperties": _INT},
            "ignored_filters": {
                "type": "array",
                "items": _STR,
                "description": "Filters whose value can match nothing (the page is empty)",
            },
        }
    ),
    "StaffFeedbackDetail": {
        "allOf": [
            ref("StaffFeedback"),
            obj(
                {
                    "original_text": _NULL_STR,
                    "platform": _STR,
                    "lat": {"type": ["number", "null"]},
                    "lon": {"type": ["number", "null"]},
                    "contact": {
                        "type": ["object", "null"],
                        "description": "Admins only; null for reviewers",
                    },
                    "transitions": {"type": "array", "items": {"enum": _STATUSES}},
                    "events": {
                        "type": "array",
                        "items": obj(
                            {
                                "at": _STR,
                                "actor": _STR,
                                "kind": {"enum": ["created", "status", "reply", "note"]},
                                "from_status": _NULL_STR,
                                "to_status": _NULL_STR,
                                "text": _NULL_STR,
                                "public": {"type": "boolean"},
                            }
                        ),
                    },
                }
            ),
        ]
    },
    "ImportProblem": obj(
        {"file": _STR, "line": _INT, "column": _STR, "reason_fa": _STR, "reason_en": _STR}
    ),
    "ImportResult": obj(
        {
            "ok": {"type": "boolean"},
            "dry_run": {"type": "boolean"},
            "files": {"type": "array", "items": _STR},
            "counts": {
                "type": "object",
                "description": "{table: {inserted, updated, unchanged}}",
            },
            "problems": {"type": "array", "items": ref("ImportProblem")},
        }
    ),
    "PublishResult": obj(
        {
            "code": _STR,
            "published_on": {"type": "string", "description": "Jalali date"},
            "date_changed": {"type": "boolean"},
            "digest_queued": {"type": "boolean"},
        }
    ),
    "Broadcasts": obj(
        {
            "items": {
                "type": "array",
                "items": obj(
                    {
                        "key": _STR,
                        "kind": _STR,
                        "created_at": _STR,
                        "finished_at": _NULL_STR,
                        "counts": {"type": "object", "additionalProperties": _INT},
                        "total": _INT,
                        "done_percent": {"type": "number"},
                    }
                ),
            }
        }
    ),
}

STAFF_SECURITY_SCHEMES: dict[str, Any] = {
    "staffToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "A staff token from `shafaf staff token USERNAME` or the panel",
    }
}


def _body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


STAFF_PATHS: dict[str, Any] = {
    "/api/v1/feedback": {
        "get": {
            "summary": "Staff: feedback matching filters, paged (within the caller's scope)",
            "description": "Filters never fail, as in the panel: a value that can match "
            "nothing (an unknown status or kind, a malformed date, has_photo other than 0/1) "
            "gives an empty page and is named in `ignored_filters`; an unknown sort means "
            "newest; a page that is not a number means the first, and pages past the last "
            "show the last. Text filters are cut at 200 characters.",
            "security": _SECURITY,
            "parameters": [
                _query("status", f"One of {', '.join(_STATUSES)} (default: all but hidden)"),
                _query("kind", f"One of {', '.join(_KINDS)}"),
                _query("project", "Project code"),
                _query("district", "District code of the project"),
                _query("category", "Category slug of the project"),
                _query("from", "First Jalali day, YYYY-MM-DD"),
                _query("to", "Last Jalali day, YYYY-MM-DD (inclusive)"),
                _query("has_photo", "1 = with photo, 0 = without"),
                _query("q", "Words in the text, or a tracking code"),
                _query("assignee", "Username of the assigned staff member"),
                _query("sort", f"Order: {', '.join(SORTS)} (default: newest)"),
                _query("page", "Page number (default: 1)"),
                _query("per_page", f"Page size, 1 to {MAX_PER_PAGE} (default: 25)"),
            ],
            "responses": {
                "200": json_content(ref("StaffFeedbackPage"), "OK"),
                "400": json_content(ref("Error"), "A parameter is given more than once"),
                **_AUTH_ERRORS,
            },
        }
    },
    "/api/v1/feedback/{code}": {
        "get": {
            "summary": "Staff: one feedback item with its history",
            "security": _SECURITY,
            "parameters": [_CODE],
            "responses": {"200": json_content(ref("StaffFeedbackDetail"), "OK"), **_ITEM_ERRORS},
        }
    },
    "/api/v1/feedback/{code}/status": {
        "post": {
            "summary": "Staff: change the status with a note (the citizen is notified)",
            "description": "The item's present status decides which statuses it may move to "
            "(its `transitions`); another one is refused with 400, a rule the body's schema "
            "cannot state.",
            "security": _SECURITY,
            "parameters": [_CODE],
            "requestBody": _body(obj({"status": {"enum": _STATUSES}, "note": _NOTE})),
            "responses": {
                "200": json_content(ref("StaffFeedbackDetail"), "OK"),
                **_ITEM_ERRORS,
            },
        }
    },
    "/api/v1/feedback/{code}/reply": {
        "post": {
            "summary": "Staff: public reply, delivered to the citizen's chat by the bot",
            "security": _SECURITY,
            "parameters": [_CODE],
            "requestBody": _body(obj({"text": _REPLY})),
            "responses": {"200": json_content(ref("StaffFeedbackDetail"), "OK"), **_ITEM_ERRORS},
        }
    },
    "/api/v1/feedback/{code}/note": {
        "post": {
            "summary": "Staff: internal note (never shown to the citizen)",
            "security": _SECURITY,
            "parameters": [_CODE],
            "requestBody": _body(obj({"text": _NOTE})),
            "responses": {"200": json_content(ref("StaffFeedbackDetail"), "OK"), **_ITEM_ERRORS},
        }
    },
    "/api/v1/import": {
        "post": {
            "summary": "Admin: import contract CSV files (all or nothing); dry_run=1 previews",
            "security": _SECURITY,
            "parameters": [
                _query(
                    "dry_run",
                    "1, true or yes = validate and count only",
                    {"enum": list(DRY_RUN_VALUES)},
                )
            ],
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "files": {
                                    "type": "array",
                                    "minItems": 1,
                                    "maxItems": MAX_UPLOAD_FILES,
                                    "items": {"type": "string", "format": "binary"},
                                }
                            },
                            "required": ["files"],
                            "additionalProperties": False,
                        }
                    }
                },
            },
            "responses": {
                "200": json_content(ref("ImportResult"), "Imported (or would import)"),
                "422": json_content(
                    ref("ImportResult"),
                    "Rejected by the data contract (file names, columns, values); problems by "
                    "file, line and column. Nothing was written.",
                ),
                "400": json_content(
                    ref("Error"),
                    "Not a multipart upload, no file, a file name given twice, or more than "
                    "15 MB in all",
                ),
                **_AUTH_ERRORS,
            },
        }
    },
    "/api/v1/reports/{code}/publish": {
        "post": {
            "summary": "Admin: publish a report and queue its digest",
            "security": _SECURITY,
            "parameters": [_CODE],
            "responses": {"200": json_content(ref("PublishResult"), "OK"), **_ITEM_ERRORS},
        }
    },
    "/api/v1/broadcasts": {
        "get": {
            "summary": "Staff: progress of the latest digest broadcasts",
            "security": _SECURITY,
            "responses": {"200": json_content(ref("Broadcasts"), "OK"), **_AUTH_ERRORS},
        }
    },
}
