"""The staff panel application (aiohttp + Jinja2), mounted under /staff/ by the composition root."""

from __future__ import annotations

import logging
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web

from backend.config import Settings
from backend.errors import DomainError, NotFound
from backend.panel import render
from backend.panel.auth import Handler, access_control, security_headers
from backend.panel.keys import SETTINGS, STAFF
from backend.panel.render import error_page
from backend.panel.views import routes
from backend.services import Services
from backend.staff import StaffServices
from backend.staff.data import ReportHook
from backend.staff.workflow import Forbidden

log = logging.getLogger("shafaf.panel")

HERE = Path(__file__).resolve().parent
FONTS_DIR = HERE.parents[1] / "data" / "fonts"
MAX_BODY_BYTES = 16 * 1024 * 1024  # CSV uploads


@web.middleware
async def panel_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Turn domain errors into Persian HTML pages (the API's JSON errors are not for browsers)."""
    try:
        return await handler(request)
    except Forbidden:
        return error_page(request, 403, "forbidden")
    except NotFound as exc:
        return error_page(request, 404, "not_found", exc.message_fa)
    except DomainError as exc:
        return error_page(request, 400, "invalid", exc.message_fa)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        return error_page(request, exc.status, "not_found" if exc.status == 404 else "invalid")
    except Exception:
        log.exception("unhandled error serving %s %s", request.method, request.path)
        return error_page(request, 500, "internal")


def build_panel_app(
    services: Services | StaffServices,
    settings: Settings,
    *,
    on_report_published: ReportHook | None = None,
) -> web.Application:
    """Return the panel application; mount it with `parent.add_subapp("/staff/", panel)`.

    Pass the same `StaffServices` the staff API uses (see `mount_staff`) so both share one
    login throttle and one set of pending imports; given plain `Services`, a new one is built.
    """
    staff = (
        services
        if isinstance(services, StaffServices)
        else StaffServices.build(services, settings.zone, on_report_published=on_report_published)
    )
    app = web.Application(
        middlewares=[security_headers, panel_errors, access_control],
        client_max_size=MAX_BODY_BYTES,
    )
    app[STAFF] = staff
    app[SETTINGS] = settings
    env = aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # citizen text is hostile: escaping is never optional
        undefined=jinja2.StrictUndefined,
        filters=render.FILTERS,
    )
    env.globals["fa"] = render.fa
    app.add_routes(routes)
    app.router.add_static("/static/", HERE / "static", name="static")
    app.router.add_static("/fonts/", FONTS_DIR, name="fonts")
    return app


def mount_staff(
    api_app: web.Application,
    services: Services,
    settings: Settings,
    *,
    on_report_published: ReportHook | None = None,
) -> StaffServices:
    """Add the staff API routes to the API app and mount the panel at /staff/ (one call)."""
    from backend.api.staff import register_staff_api

    staff = StaffServices.build(services, settings.zone, on_report_published=on_report_published)
    register_staff_api(api_app, staff)
    api_app.add_subapp("/staff/", build_panel_app(staff, settings))
    return staff
