"""The `datapackage.json` descriptor of the exports (Frictionless Tabular Data Package).

Resources point at their CSV by a relative path, so the descriptor works both where it is
served (`/api/v1/export/datapackage.json` → `/api/v1/export/vat_shares.csv`) and inside the zip
next to the files. Each field has a Persian title, an English description, a type, constraints
and, for amounts, the unit (`IRR`); keys and references are declared so a validator checks that
every project's category exists and every funding row names a project. The money columns are
also described the Fiscal Data Package way (`model`: measures with their currency, dimensions).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Sequence
from typing import Any

from backend.opendata.exports import TableExport
from backend.opendata.freshness import Freshness

NAME = "shafaf-municipal-vat"
TITLE = "شفاف — سهم شهرداری‌ها از مالیات بر ارزش افزوده و هزینهٔ آن"
DESCRIPTION = (
    "The municipal share of value-added tax (VAT) received by each municipality per Jalali month, "
    "the VAT rate and municipal share in force, the urban projects that money funds and their "
    "monthly funding, published reports and the FAQ — the data behind every figure the Shafaf "
    "bot and site state. Amounts are whole Iranian rials (IRR); dates and months are Jalali "
    "(Solar Hijri). Each CSV can be re-imported with `shafaf import`."
)
SAMPLE_DESCRIPTION = (
    " These are the bundled SAMPLE figures (invented, labelled «نمونه» in every source), "
    "not official data."
)
LICENSES = [
    {
        "name": "CC-BY-4.0",
        "path": "https://creativecommons.org/licenses/by/4.0/",
        "title": "Creative Commons Attribution 4.0",
    }
]
KEYWORDS = [
    "VAT",
    "value-added tax",
    "municipal finance",
    "fiscal transparency",
    "Mashhad",
    "مالیات بر ارزش افزوده",
    "شفافیت مالی",
    "شهرداری",
]
DESCRIPTOR_FILE = "datapackage.json"


def _resource(export: TableExport, freshness: Freshness | None) -> dict[str, Any]:
    table = export.table
    schema: dict[str, Any] = {
        "fields": [f.schema() for f in table.fields],
        "primaryKey": list(table.primary_key),
        "missingValues": [""],
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(own), "reference": {"resource": other, "fields": list(theirs)}}
            for own, other, theirs in table.foreign_keys
        ]
    resource: dict[str, Any] = {
        "name": table.name,
        "path": table.file,
        "title": table.title_fa,
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "profile": "tabular-data-resource",
        "schema": schema,
        "rows": export.row_count,
    }
    if export.sources:
        resource["sources"] = [{"title": source} for source in export.sources]
    if freshness is not None and freshness.imports:
        last = freshness.imports[-1]
        resource["imported"] = {
            "at": last.imported_at.isoformat(),
            "file": last.file,
            "origin": last.origin,
        }
    return resource


def _model() -> dict[str, Any]:
    """Describe the money columns as Fiscal Data Package measures and dimensions."""
    return {
        "measures": {
            "vat_share": {
                "resource": "vat_shares",
                "source": "amount_rial",
                "currency": "IRR",
                "title": "VAT money received by the municipality",
            },
            "project_funding": {
                "resource": "project_funding",
                "source": "amount_rial",
                "currency": "IRR",
                "title": "VAT money spent on a project",
            },
        },
        "dimensions": {
            "date": {
                "dimensionType": "datetime",
                "attributes": {
                    "year": {"source": "year", "title": "Jalali year"},
                    "month": {"source": "month", "title": "Jalali month"},
                },
                "primaryKey": ["year", "month"],
            },
            "municipality": {
                "dimensionType": "entity",
                "attributes": {"municipality": {"source": "municipality"}},
                "primaryKey": ["municipality"],
            },
            "project": {
                "dimensionType": "activity",
                "attributes": {"project_code": {"source": "project_code"}},
                "primaryKey": ["project_code"],
            },
        },
    }


def descriptor(
    exports: Sequence[TableExport],
    freshness_by_table: dict[str, Freshness],
    overall: Freshness,
    *,
    base_url: str,
    data_version: int,
) -> dict[str, Any]:
    """Build the package descriptor for the given table exports."""
    sources = list(dict.fromkeys(s for e in exports for s in e.sources))
    at = overall.imported_at
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": TITLE,
        "description": DESCRIPTION + (SAMPLE_DESCRIPTION if overall.is_sample else ""),
        "homepage": base_url + "/",
        "version": f"1.0.{data_version}",
        "licenses": LICENSES,
        "keywords": KEYWORDS,
        "sources": [{"title": s} for s in sources],
        "resources": [_resource(e, freshness_by_table.get(e.table.name)) for e in exports],
        "model": _model(),
        "freshness": overall.as_json(),
    }
    if at is not None:
        package["created"] = at.isoformat()
    return package


# Entries carry a fixed timestamp so one data version always packs to the same bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def zip_package(exports: Sequence[TableExport], package: dict[str, Any]) -> bytes:
    """Pack the descriptor and every CSV into one zip (paths as in the descriptor)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        entries = [(DESCRIPTOR_FILE, descriptor_bytes(package))]
        entries += [(e.table.file, e.body) for e in exports]
        for name, body in entries:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, body)
    return out.getvalue()


def descriptor_bytes(package: dict[str, Any]) -> bytes:
    """Write the descriptor as readable UTF-8 JSON (Persian unescaped)."""
    return json.dumps(package, ensure_ascii=False, indent=2).encode("utf-8")
