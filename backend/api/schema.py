"""Small builders for the OpenAPI document, shared by its public, staff and open-data parts."""

from __future__ import annotations

from typing import Any


def obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    """An object schema; every property is required unless `required` says otherwise."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
    }


def ref(name: str) -> dict[str, str]:
    """A reference to a schema in `components.schemas`."""
    return {"$ref": f"#/components/schemas/{name}"}


def json_content(schema: dict[str, Any], description: str) -> dict[str, Any]:
    """A response (or request body) carrying JSON of this schema."""
    return {"description": description, "content": {"application/json": {"schema": schema}}}
