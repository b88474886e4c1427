"""Public pages: thin adapters from GET parameters to a `FigureQuery`, the open data, a template.

Each page shows one figure the way its link (`/d/…`) computes it, and links to that figure's
JSON and CSV; filters are plain GET forms, so every view is a shareable URL and needs no script.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import aiohttp_jinja2
import jdatetime
from aiohttp import web

from backend.db import is_database_outage
from backend.errors import DomainError, InvalidInput, NoData, NotFound
from backend.formatting import fa_digits, fa_int, month_label, month_name, range_label
from backend.models import PROJECT_STATUSES
from backend.months import Month, MonthRange
from backend.opendata.cache import cached_by_version
from backend.opendata.keys import OPENDATA
from backend.opendata.links import (
    AMOUNT_KINDS,
    FigureQuery,
    figure_path,
)
from backend.opendata.queries import TABLES as FIGURE_TABLES
from backend.opendata.service import OpenData
from backend.public import svg
from backend.public import texts as T
from backend.public.keys import JINJA
from backend.services.calculator import MAX_AMOUNT_RIAL, split_basis
from backend.services.projects import ProjectFilter
from backend.services.vat import VatSeries
from backend.untrusted import clean_text
from nlp.digits import to_ascii_digits

log = logging.getLogger("shafaf.public")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
routes = web.RouteTableDef()

PER_PAGE = 20
PAGE_ROWS = 10  # rows of a long breakdown shown before "others"
MAX_PARAM = 64
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; "
    "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
_AMOUNT = re.compile(r"[0-9][0-9,٬]*")
_SLUG = re.compile(r"[a-z0-9-]{1,64}")
_CODE = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _opendata(request: web.Request) -> OpenData:
    return request.app[OPENDATA]


_cached = cached_by_version(lambda r: _opendata(r).services, lambda r: _opendata(r).cache)


def _secure(response: web.StreamResponse) -> web.StreamResponse:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    return response


def public_page(handler: Handler) -> Handler:
    """Cache a page by data version, show errors as Persian pages, add security headers."""
    inner = _cached(handler)

    @functools.wraps(handler)
    async def wrapper(request: web.Request) -> web.StreamResponse:
        try:
            return _secure(await inner(request))
        except NotFound as exc:
            return _secure(await error_page(request, 404, exc.message_fa))
        except NoData as exc:
            return _secure(await error_page(request, 404, exc.message_fa))
        except DomainError as exc:
            return _secure(await error_page(request, 400, exc.message_fa))
        except web.HTTPException as exc:
            if exc.status < 400:
                raise
            return _secure(await error_page(request, exc.status, None))
        except Exception as exc:
            if is_database_outage(exc):
                log.warning("database unavailable while serving %s", request.path)
                return _secure(await error_page(request, 503, None, bare=True))
            log.exception("unhandled error serving %s", request.path)
            return _secure(await error_page(request, 500, None, bare=True))

    return wrapper


# --------------------------------------------------------------------------- parameters


def _param(query: Mapping[str, str], name: str) -> str | None:
    value = query.get(name)
    if value is None:
        return None
    # NUL and lone surrogates would reach the database driver (PostgreSQL refuses them).
    value = to_ascii_digits(clean_text(value).strip())
    if len(value) > MAX_PARAM:
        raise InvalidInput(f"{name} is too long", message_fa=T.BAD_CHOICE.format(name=name))
    return value or None


def _month(query: Mapping[str, str], name: str) -> Month | None:
    value = _param(query, name)
    if value is None:
        return None
    try:
        month = Month.parse(value)
    except ValueError:
        raise InvalidInput(f"{name} must be YYYY-MM", message_fa=T.BAD_MONTH) from None
    if not 1300 <= month.year <= 1499:
        raise InvalidInput(f"{name} out of range", message_fa=T.BAD_MONTH)
    return month


def _choice(query: Mapping[str, str], name: str, options: tuple[str, ...]) -> str | None:
    value = _param(query, name)
    if value is not None and value not in options:
        raise InvalidInput(f"{name} not allowed", message_fa=T.BAD_CHOICE.format(name=name))
    return value


async def _municipality(request: web.Request, name: str = "municipality") -> tuple[str, str]:
    """Return the slug and Persian name of the requested (or default) municipality."""
    slug = _param(request.query, name)
    if slug is not None and not _SLUG.fullmatch(slug):
        raise NotFound(f"unknown municipality {slug!r}", message_fa=T.NO_MUNICIPALITY)
    muni = await _opendata(request).services.catalog.municipality(slug)
    return muni.slug, muni.name_fa


async def _data_range(request: web.Request, slug: str, name_fa: str) -> MonthRange:
    data = await _opendata(request).services.vat.data_range(slug)
    if data is None:
        raise NoData(f"no figures for {slug}", message_fa=T.NO_DATA.format(name=name_fa))
    return data


def _period(
    query: Mapping[str, str], data: MonthRange, start: str = "from", end: str = "to"
) -> MonthRange | None:
    """Read a month range; one end given takes the other from the data; none gives None."""
    first, last = _month(query, start), _month(query, end)
    if first is None and last is None:
        return None
    first = first or min(data.start, last or data.start)
    last = last or max(data.end, first)
    if last < first:
        raise InvalidInput("range reversed", message_fa=T.RANGE_REVERSED)
    return MonthRange(first, last)


# --------------------------------------------------------------------------- rendering


async def render(
    request: web.Request,
    template: str,
    context: dict[str, Any],
    *,
    tables: tuple[str, ...],
    query: FigureQuery | None = None,
    status: int = 200,
) -> web.Response:
    """Render a page with the common context: navigation, freshness, sources, data links."""
    opendata = _opendata(request)
    freshness = await opendata.freshness(tables)
    base: dict[str, Any] = {
        "t": T,
        "nav": T.NAV,
        "current": request.match_info.route.name,
        "freshness": freshness,
        "links": opendata.links(query) if query is not None else None,
        "short_path": figure_path(query) if query is not None else None,
        "sources": [],
        "is_sample": freshness.is_sample,
    }
    base.update(context)
    return aiohttp_jinja2.render_template(template, request, base, app_key=JINJA, status=status)


async def error_page(
    request: web.Request, status: int, detail: str | None, *, bare: bool = False
) -> web.Response:
    """Render a Persian error page (no freshness lookup when the database may be down)."""
    context = {"status": status, "error": T.ERRORS.get(status, T.ERRORS[400]), "detail": detail}
    if bare:
        # The database is out of reach: render without asking it anything.
        base = {"t": T, "nav": T.NAV, "current": None, "freshness": None, "links": None}
        base.update({"short_path": None, "sources": [], "is_sample": False, **context})
        return aiohttp_jinja2.render_template(
            "error.html", request, base, app_key=JINJA, status=status
        )
    return await render(request, "error.html", context, tables=(), status=status)


def month_bars(series: VatSeries) -> list[svg.Bar]:
    """Turn a series' groups into chart columns (month names, or years)."""
    one_year = series.requested.start.year == series.requested.end.year
    bars = []
    for g in series.groups:
        start = g.period.start
        if series.group != "month":
            label = fa_int(start.year)
        elif one_year:
            label = month_name(start.month)
        else:
            label = fa_digits(f"{start.year % 100:02d}/{start.month}")
        bars.append(svg.Bar(label, range_label(g.period), g.amount_rial, not g.months_with_data))
    return bars


def _month_options(data: MonthRange) -> list[tuple[str, str]]:
    return [(str(m), month_label(m)) for m in reversed(list(data.months()))]


def _year_links(data: MonthRange, path_of: Callable[[MonthRange], str]) -> list[tuple[int, str]]:
    """Return each year of the data (newest first) with the link of the same view for it."""
    return [(y, path_of(MonthRange.year(y))) for y in range(data.end.year, data.start.year - 1, -1)]


# --------------------------------------------------------------------------- pages


@routes.get("/", name="home")
@public_page
async def home(request: web.Request) -> web.StreamResponse:
    """Show a municipality's share by year, its latest month, and the ways in."""
    opendata = _opendata(request)
    services = opendata.services
    slug, name = await _municipality(request)
    data = await _data_range(request, slug, name)
    years = await services.vat.series(slug, data, "year")
    latest_year = split_basis(data)
    query = FigureQuery.vat_share(slug, latest_year)
    figure = await opendata.figure(query)
    latest_month = await services.vat.series(slug, MonthRange(data.end, data.end), "month")
    return await render(
        request,
        "home.html",
        {
            "municipality": slug,
            "name": name,
            "municipalities": await services.catalog.municipalities(),
            "years": years,
            "year_rows": [
                (g, figure_path(FigureQuery.vat_share(slug, g.period))) for g in years.groups
            ],
            "chart": svg.column_chart(month_bars(years), T.CHART_YEARS.format(name=name)),
            "figure": figure,
            "latest_month": latest_month,
            "latest_path": figure_path(FigureQuery.vat_share(slug, MonthRange(data.end, data.end))),
            "spending_path": figure_path(FigureQuery.spending(slug, latest_year)),
            "sources": list(dict.fromkeys(years.sources)),
            "data": data,
        },
        tables=FIGURE_TABLES["vat_share"],
        query=query,
    )


@routes.get("/share", name="share")
@public_page
async def share(request: web.Request) -> web.StreamResponse:
    """Show a municipality's share over a period: by month and by year, chart and table."""
    opendata = _opendata(request)
    slug, name = await _municipality(request)
    data = await _data_range(request, slug, name)
    period = _period(request.query, data) or split_basis(data)
    query = FigureQuery.vat_share(slug, period)
    figure = await opendata.figure(query)
    series = figure.result
    assert isinstance(series, VatSeries)
    return await render(
        request,
        "share.html",
        {
            "municipality": slug,
            "name": name,
            "municipalities": await opendata.services.catalog.municipalities(),
            "figure": figure,
            "series": series,
            "period": period,
            "chart": svg.column_chart(
                month_bars(series), T.CHART_MONTHS.format(name=name, period=range_label(period))
            ),
            "months": _month_options(data),
            "years": _year_links(data, lambda p: figure_path(FigureQuery.vat_share(slug, p))),
            "compare_path": figure_path(
                FigureQuery.compare_periods(slug, period, period.year_before())
            ),
            "spending_path": figure_path(FigureQuery.spending(slug, period)),
            "sources": list(figure.sources),
        },
        tables=figure.tables,
        query=query,
    )


@routes.get("/compare", name="compare")
@public_page
async def compare(request: web.Request) -> web.StreamResponse:
    """Compare two periods of a municipality, or two municipalities over one period."""
    opendata = _opendata(request)
    slug, name = await _municipality(request)
    data = await _data_range(request, slug, name)
    period = _period(request.query, data) or split_basis(data)
    other = _param(request.query, "municipality2")
    if other is not None:
        other_slug, _ = await _municipality(request, "municipality2")
        query = FigureQuery.compare_municipalities(slug, other_slug, period)
    else:
        second = _period(request.query, data, "from2", "to2") or period.year_before()
        query = FigureQuery.compare_periods(slug, period, second)
    figure = await opendata.figure(query)
    return await render(
        request,
        "compare.html",
        {
            "municipality": slug,
            "name": name,
            "municipalities": await opendata.services.catalog.municipalities(),
            "figure": figure,
            "query": query,
            "months": _month_options(data),
            "sources": list(figure.sources),
        },
        tables=figure.tables,
        query=query,
    )


@routes.get("/spending", name="spending")
@public_page
async def spending(request: web.Request) -> web.StreamResponse:
    """Show where a period's VAT money went: by category, by district and by project."""
    opendata = _opendata(request)
    services = opendata.services
    slug, name = await _municipality(request)
    data = await _data_range(request, slug, name)
    period = _period(request.query, data) or split_basis(data)
    gazetteer = await services.catalog.gazetteer_data()
    categories = [(c.slug, c.name_fa) for c in gazetteer.categories]
    districts = [(d.code, d.name_fa) for d in gazetteer.districts if d.municipality == slug]
    category = _choice(request.query, "category", tuple(c for c, _ in categories))
    district = _choice(request.query, "district", tuple(d for d, _ in districts))
    query = FigureQuery.spending(slug, period, category=category, district=district)
    figure = await opendata.figure(query)
    return await render(
        request,
        "spending.html",
        {
            "municipality": slug,
            "name": name,
            "municipalities": await services.catalog.municipalities(),
            "figure": figure,
            "period": period,
            "category": category,
            "district": district,
            "categories": categories,
            "districts": districts,
            "months": _month_options(data),
            "years": _year_links(
                data,
                lambda p: figure_path(
                    FigureQuery.spending(slug, p, category=category, district=district)
                ),
            ),
            "page_rows": PAGE_ROWS,
            "sources": list(figure.sources),
        },
        tables=figure.tables,
        query=query,
    )


@routes.get("/projects", name="projects")
@public_page
async def projects(request: web.Request) -> web.StreamResponse:
    """List projects, filtered and paged."""
    services = _opendata(request).services
    slug, name = await _municipality(request)
    gazetteer = await services.catalog.gazetteer_data()
    categories = [(c.slug, c.name_fa) for c in gazetteer.categories]
    districts = [(d.code, d.name_fa) for d in gazetteer.districts if d.municipality == slug]
    page_text = _param(request.query, "page") or "1"
    if not page_text.isdigit() or not 1 <= int(page_text) <= 100_000:
        raise InvalidInput("bad page", message_fa=T.BAD_CHOICE.format(name="page"))
    filters = ProjectFilter(
        municipality=slug,
        district=_choice(request.query, "district", tuple(d for d, _ in districts)),
        category=_choice(request.query, "category", tuple(c for c, _ in categories)),
        status=_choice(request.query, "status", PROJECT_STATUSES),
        query=_param(request.query, "q"),
    )
    page = await services.projects.search(filters, int(page_text), PER_PAGE)
    return await render(
        request,
        "projects.html",
        {
            "municipality": slug,
            "name": name,
            "municipalities": await services.catalog.municipalities(),
            "filters": filters,
            "page": page,
            "categories": categories,
            "districts": districts,
            "statuses": PROJECT_STATUSES,
            "query_without_page": {k: v for k, v in request.query.items() if k != "page" and v},
        },
        tables=("projects", "project_funding"),
    )


@routes.get("/projects/{code}", name="project")
@public_page
async def project(request: web.Request) -> web.StreamResponse:
    """Show one project: progress, facts, funding by period, status."""
    opendata = _opendata(request)
    code = request.match_info["code"]
    if not _CODE.fullmatch(code):
        raise NotFound(f"unknown project {code!r}", message_fa=T.NO_PROJECT)
    detail = await opendata.services.projects.detail(code)
    funded = [f.month for f in detail.funding]
    data = MonthRange(min(funded), max(funded)) if funded else None
    period = _period(request.query, data) if data is not None else None
    query = FigureQuery.project_funding(detail.summary.code, period)
    figure = await opendata.figure(query)
    years = figure.breakdown("years")
    bars = (
        [svg.Bar(r.name_fa.replace("سال ", ""), r.name_fa, r.amount_rial) for r in years.rows]
        if years
        else []
    )
    return await render(
        request,
        "project.html",
        {
            "detail": detail,
            "s": detail.summary,
            "figure": figure,
            "period": period,
            "chart": svg.column_chart(bars, T.CHART_FUNDING) if bars else None,
            "months": _month_options(data) if data else [],
            "sources": list(figure.sources),
        },
        tables=figure.tables,
        query=query,
    )


def _amount(query: Mapping[str, str], unit: str) -> int | None:
    value = _param(query, "amount")
    if value is None:
        return None
    if not _AMOUNT.fullmatch(value):
        raise InvalidInput("bad amount", message_fa=T.BAD_AMOUNT)
    number = int(value.replace(",", "").replace("٬", ""))
    rial = number * 10 if unit == "toman" else number
    if not 0 < rial <= MAX_AMOUNT_RIAL:
        raise InvalidInput("amount out of range", message_fa=T.BAD_AMOUNT)
    return rial


def _day(query: Mapping[str, str], today: jdatetime.date) -> jdatetime.date:
    value = _param(query, "day")
    if value is None:
        return today
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    try:
        if match is None:
            raise ValueError(value)
        day = jdatetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise InvalidInput("bad day", message_fa=T.BAD_DAY) from None
    if not 1300 <= day.year <= 1499:
        raise InvalidInput("day out of range", message_fa=T.BAD_DAY)
    return day


@routes.get("/calculator", name="calculator")
@public_page
async def calculator(request: web.Request) -> web.StreamResponse:
    """Show the calculator: its formula, the rate in force, and a result when asked."""
    opendata = _opendata(request)
    services = opendata.services
    slug, name = await _municipality(request)
    unit = _choice(request.query, "unit", ("toman", "rial")) or "toman"
    kind = _choice(request.query, "kind", AMOUNT_KINDS) or "purchase"
    day = _day(request.query, services.today())
    amount = _amount(request.query, unit)
    rate = await services.vat.rate_on(day)
    query = None
    figure = None
    if amount is not None:
        query = FigureQuery.calculator(
            slug, amount, next(k for k in AMOUNT_KINDS if k == kind), day
        )
        figure = await opendata.figure(query)
    shown_amount = request.query.get("amount", "")
    return await render(
        request,
        "calculator.html",
        {
            "municipality": slug,
            "name": name,
            "municipalities": await services.catalog.municipalities(),
            "unit": unit,
            "kind": kind,
            "day": day,
            "amount_text": to_ascii_digits(shown_amount.strip())[:MAX_PARAM],
            "rate": rate,
            "figure": figure,
            "sources": [rate.source],
        },
        tables=FIGURE_TABLES["calculator"],
        query=query,
    )


@routes.get("/data", name="data")
@public_page
async def data(request: web.Request) -> web.StreamResponse:
    """List the open-data downloads, the link format and the licence."""
    opendata = _opendata(request)
    services = opendata.services
    exports = await opendata.exports()
    tables = []
    for export in exports:
        fresh = await opendata.freshness((export.table.name,))
        tables.append((export, fresh))
    muni = await services.catalog.municipality(None)
    data_range = await services.vat.data_range(muni.slug)
    examples: list[tuple[str, str]] = []
    if data_range is not None:
        year = split_basis(data_range)
        examples = [
            ("share", figure_path(FigureQuery.vat_share(muni.slug, year))),
            (
                "compare",
                figure_path(FigureQuery.compare_periods(muni.slug, year, year.year_before())),
            ),
            ("spending", figure_path(FigureQuery.spending(muni.slug, year))),
            (
                "calc",
                figure_path(
                    FigureQuery.calculator(muni.slug, 10_000_000, "purchase", services.today())
                ),
            ),
        ]
    return await render(
        request,
        "data.html",
        {
            "tables": tables,
            "examples": examples,
            "sources": list(dict.fromkeys(src for e in exports for src in e.sources)),
        },
        tables=tuple(t.table.name for t in exports),
    )
