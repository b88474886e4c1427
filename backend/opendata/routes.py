"""HTTP adapters of the open data: figure links (`/d/…`) and exports (`/api/v1/export/…`).

A figure link answers in the format its ending (or `?format=`) asks for: `.json` the figure with
its rows, `.csv` the rows, and no ending a redirect to the public page showing the same filters.
CSV bodies stay pure data (re-importable); when and from which files the data was imported,
and whether it is older than the configured age, travel in `X-Shafaf-*` headers and in the
data package descriptor.
"""

from __future__ import annotations

import json
from email.utils import format_datetime

from aiohttp import web

from backend.errors import InvalidInput
from backend.opendata.cache import BodyCache, cached_by_version
from backend.opendata.datapackage import descriptor_bytes
from backend.opendata.freshness import Freshness
from backend.opendata.keys import OPENDATA
from backend.opendata.links import FORMATS, page_path, parse_figure_path, split_format
from backend.services import Services

EXPORT_PREFIX = "/api/v1/export/"
JSON_TYPE = "application/json"
CSV_TYPE = "text/csv"


def _services(request: web.Request) -> Services:
    return request.app[OPENDATA].services


def _cache(request: web.Request) -> BodyCache:
    return request.app[OPENDATA].cache


cached = cached_by_version(_services, _cache)


def freshness_headers(freshness: Freshness) -> dict[str, str]:
    """Say when and from which files the data was imported, and whether it is old."""
    headers = {
        "X-Shafaf-Stale": "true" if freshness.stale else "false",
        "X-Shafaf-Stale-After-Days": str(freshness.stale_after_days),
        "X-Shafaf-Source-Files": ", ".join(freshness.files),
        "X-Shafaf-Sample": "true" if freshness.is_sample else "false",
    }
    at = freshness.imported_at
    if at is not None:
        headers["X-Shafaf-Imported-At"] = at.isoformat()
        headers["Last-Modified"] = format_datetime(at, usegmt=True)
    return headers


def _csv_response(body: bytes, filename: str, freshness: Freshness) -> web.Response:
    headers = freshness_headers(freshness)
    headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    headers["Link"] = f'<{EXPORT_PREFIX}datapackage.json>; rel="describedby"'
    return web.Response(body=body, content_type=CSV_TYPE, charset="utf-8", headers=headers)


@cached
async def figure(request: web.Request) -> web.StreamResponse:
    """Serve a figure link as JSON, CSV or a redirect to its page."""
    path, fmt = split_format(request.path)
    asked = request.query.get("format")
    if asked is not None:
        if asked not in FORMATS:
            raise InvalidInput(f"format must be one of {', '.join(FORMATS)}")
        fmt = asked
    query = parse_figure_path(path)
    opendata = request.app[OPENDATA]
    if fmt == "page":
        raise web.HTTPFound(page_path(query))
    if fmt == "csv":
        body, freshness = await opendata.figure_csv(query)
        name = path.removeprefix("/d/").replace("/", "_").replace("..", "_") + ".csv"
        return _csv_response(body, name, freshness)
    document = await opendata.figure_json(query)
    return web.json_response(document, dumps=_dumps)


@cached
async def export_csv(request: web.Request) -> web.StreamResponse:
    """Serve one public table as contract CSV."""
    opendata = request.app[OPENDATA]
    export = await opendata.export(request.match_info["table"])
    freshness = await opendata.freshness((export.table.name,))
    return _csv_response(export.body, export.table.file, freshness)


@cached
async def package_json(request: web.Request) -> web.StreamResponse:
    """Serve the data package descriptor."""
    opendata = request.app[OPENDATA]
    body = descriptor_bytes(await opendata.package())
    return web.Response(
        body=body,
        content_type=JSON_TYPE,
        charset="utf-8",
        headers=freshness_headers(await opendata.freshness()),
    )


@cached
async def package_zip(request: web.Request) -> web.StreamResponse:
    """Serve the descriptor and every table as one zip."""
    opendata = request.app[OPENDATA]
    headers = freshness_headers(await opendata.freshness())
    headers["Content-Disposition"] = 'attachment; filename="shafaf-data.zip"'
    return web.Response(
        body=await opendata.package_zip(), content_type="application/zip", headers=headers
    )


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def add_routes(app: web.Application) -> None:
    """Register the figure links and the exports on the main application."""
    app.router.add_get(EXPORT_PREFIX + "datapackage.json", package_json, name="datapackage")
    app.router.add_get(EXPORT_PREFIX + "datapackage.zip", package_zip, name="datapackage_zip")
    app.router.add_get(EXPORT_PREFIX + "{table:[a-z_]+}.csv", export_csv, name="export")
    app.router.add_get("/d/{tail:.+}", figure, name="figure")
