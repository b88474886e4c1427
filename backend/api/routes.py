"""Public read endpoints of /api/v1: thin adapters from query parameters to services."""

from __future__ import annotations

from typing import cast

from aiohttp import web

from backend.api import params, serialize
from backend.api.cache import cached
from backend.api.keys import ASK, SERVICES
from backend.config import parse_jalali_date
from backend.errors import InvalidInput
from backend.models import PROJECT_STATUSES
from backend.months import MonthRange
from backend.services.projects import MAX_PER_PAGE, ProjectFilter
from backend.services.vat import GROUPS, Group
from backend.untrusted import clean_text

routes = web.RouteTableDef()

MAX_QUESTION_LENGTH = 10_000


@routes.get("/api/v1/municipalities")
@cached
async def municipalities(request: web.Request) -> web.Response:
    """List municipalities."""
    items = await request.app[SERVICES].catalog.municipalities()
    return web.json_response({"items": [serialize.municipality(m) for m in items]})


@routes.get("/api/v1/vat-shares")
@cached
async def vat_shares(request: web.Request) -> web.Response:
    """Sum a municipality's VAT share per month, quarter or year."""
    q = request.query
    services = request.app[SERVICES]
    slug = params.text(q, "municipality")
    group = cast(Group, params.choice(q, "group", GROUPS, "month"))
    start, end = params.month(q, "from"), params.month(q, "to")
    period = None
    if start or end:
        data = await services.vat.data_range(slug)
        start = start or (data.start if data else end)
        end = end or (data.end if data else start)
        assert start is not None and end is not None
        if end < start:
            raise InvalidInput("`to` must not be before `from`")
        period = MonthRange(start, end)
    series = await services.vat.series(slug, period, group)
    return web.json_response(serialize.vat_series(series))


@routes.get("/api/v1/projects")
@cached
async def projects(request: web.Request) -> web.Response:
    """List projects matching filters, paged."""
    q = request.query
    filters = ProjectFilter(
        municipality=params.text(q, "municipality"),
        district=params.text(q, "district"),
        category=params.text(q, "category"),
        status=params.choice(q, "status", PROJECT_STATUSES, None),
        query=params.text(q, "q"),
    )
    page = await request.app[SERVICES].projects.search(
        filters,
        page=params.integer(q, "page", 1, 1, 1_000_000),
        per_page=params.integer(q, "per_page", 20, 1, MAX_PER_PAGE),
    )
    return web.json_response(serialize.project_page(page))


@routes.get("/api/v1/projects/{code}")
@cached
async def project(request: web.Request) -> web.Response:
    """Return one project with its funding by month."""
    code = clean_text(request.match_info["code"]).strip()
    if not code or len(code) > 64:
        raise InvalidInput("project code must be 1 to 64 characters")
    detail = await request.app[SERVICES].projects.detail(code)
    return web.json_response(serialize.project_detail(detail))


@routes.get("/api/v1/reports")
@cached
async def reports(request: web.Request) -> web.Response:
    """List published reports."""
    items = await request.app[SERVICES].catalog.reports(params.text(request.query, "municipality"))
    return web.json_response({"items": [serialize.report(r) for r in items]})


@routes.post("/api/v1/ask")
async def ask(request: web.Request) -> web.Response:
    """Answer one question exactly as the bot would."""
    try:
        body = await request.json()
    except ValueError:
        raise InvalidInput('body must be JSON: {"text": "…", "today": "YYYY-MM-DD"?}') from None
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        raise InvalidInput("`text` (a string) is required")
    text = clean_text(body["text"])
    if not text.strip() or len(text) > MAX_QUESTION_LENGTH:
        raise InvalidInput(f"`text` must be 1 to {MAX_QUESTION_LENGTH} characters")
    today_value = body.get("today")
    if today_value is None:
        today = request.app[SERVICES].today()
    else:
        try:
            today = parse_jalali_date(str(today_value))
        except ValueError:
            raise InvalidInput("`today` must be a Jalali date YYYY-MM-DD") from None
    result = await request.app[ASK].ask(text, today)
    return web.json_response(result.as_json())
