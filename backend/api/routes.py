"""Public read endpoints of /api/v1: thin adapters from query parameters to services."""

from __future__ import annotations

from typing import cast

from aiohttp import web

from backend.api import params, serialize
from backend.api.cache import cached
from backend.api.errors import error_response
from backend.api.keys import ASK, SERVICES
from backend.conversation.doors import MAX_CONVERSATION_ID
from backend.errors import InvalidInput
from backend.models import PROJECT_STATUSES
from backend.months import MonthRange
from backend.services.projects import MAX_PER_PAGE, ProjectFilter
from backend.services.vat import GROUPS, Group
from backend.untrusted import clean_text

routes = web.RouteTableDef()

MAX_QUESTION_LENGTH = 10_000
MAX_CODE_LENGTH = 64
MAX_PAGE = 1_000_000


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
    if start and end:
        if end < start:
            # Each month is well formed; together they are not (422, not 400: the document's
            # schemas cannot state this rule, so its own status keeps 400 meaning "not as
            # documented").
            return error_response(422, "invalid_input", "`to` must not be before `from`")
        period = MonthRange(start, end)
    elif start or end:
        # The missing end defaults to the data's, but never crosses the given one: `to=1300-01`
        # alone asks for everything up to then, which is simply nothing, not an error.
        data = await services.vat.data_range(slug)
        if start is not None:
            period = MonthRange(start, max(start, data.end) if data else start)
        elif end is not None:
            period = MonthRange(min(data.start, end) if data else end, end)
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
        page=params.integer(q, "page", 1, 1, MAX_PAGE),
        per_page=params.integer(q, "per_page", 20, 1, MAX_PER_PAGE),
    )
    return web.json_response(serialize.project_page(page))


@routes.get("/api/v1/projects/{code}")
@cached
async def project(request: web.Request) -> web.Response:
    """Return one project with its funding by month."""
    raw = request.match_info["code"]
    code = clean_text(raw).strip()
    if not code or len(raw) > MAX_CODE_LENGTH:
        raise InvalidInput(f"project code must be 1 to {MAX_CODE_LENGTH} characters")
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
    raw = body["text"]
    text = clean_text(raw)
    # The limit counts what the client sent, as the document's maxLength does.
    if not text.strip() or len(raw) > MAX_QUESTION_LENGTH:
        raise InvalidInput(f"`text` must be 1 to {MAX_QUESTION_LENGTH} characters")
    today_value = body.get("today")
    today = None
    if today_value is not None:
        if not isinstance(today_value, str):
            raise InvalidInput("`today` must be a Jalali date YYYY-MM-DD (a string) or null")
        today = params.jalali_date(today_value, "`today`")
    conversation = body.get("conversation")
    if conversation is not None and (
        not isinstance(conversation, str) or not 1 <= len(conversation) <= MAX_CONVERSATION_ID
    ):
        raise InvalidInput(
            f"`conversation` must be a string of 1 to {MAX_CONVERSATION_ID} characters"
        )
    result = await request.app[ASK].ask(text, today, conversation_id=conversation)
    return web.json_response(result.as_json())
