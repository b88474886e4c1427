"""Build the aiohttp application of the public API over already-wired services."""

from __future__ import annotations

from aiohttp import web

from backend.api.cache import CACHE, ResponseCache
from backend.api.errors import error_middleware
from backend.api.health import add_health_routes
from backend.api.keys import ASK, SERVICES
from backend.api.openapi import openapi_document
from backend.api.routes import routes
from backend.conversation.doors import TextDoor
from backend.services import Services

MAX_BODY_BYTES = 16 * 1024 * 1024  # CSV uploads from staff can be several MB


async def _openapi(request: web.Request) -> web.Response:
    return web.json_response(openapi_document())


def build_api_app(services: Services, asker: TextDoor) -> web.Application:
    """Return the API application; the caller owns the engine and other lifecycles."""
    app = web.Application(middlewares=[error_middleware], client_max_size=MAX_BODY_BYTES)
    app[SERVICES] = services
    app[ASK] = asker
    app[CACHE] = ResponseCache()
    add_health_routes(app, services.sessions)
    app.add_routes(routes)
    app.router.add_get("/api/v1/openapi.json", _openapi)
    return app
