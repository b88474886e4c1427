"""Open data: traceable figure links, public exports, the data package, freshness."""

from __future__ import annotations

from aiohttp import web

from backend.config import Settings
from backend.opendata.keys import OPENDATA
from backend.opendata.service import OpenData
from backend.services import Services


def mount_opendata(app: web.Application, services: Services, settings: Settings) -> OpenData:
    """Serve figure links under /d/ and exports under /api/v1/export/ on the main app."""
    from backend.opendata.routes import add_routes

    opendata = OpenData(
        services, public_url=settings.public_url, stale_after_days=settings.stale_after_days
    )
    app[OPENDATA] = opendata
    add_routes(app)
    return opendata
