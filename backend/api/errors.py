"""One error shape for every failure: {"error": {"code", "message"}}; never a stack trace."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from backend.api.health import DB_PROBE
from backend.db import is_database_outage
from backend.errors import DomainError, Inconsistent, InvalidInput, NoData, NotFound

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# Most specific first: the first class the error is an instance of decides.
_STATUS = {NotFound: 404, Inconsistent: 422, InvalidInput: 400, NoData: 404}


def error_response(status: int, code: str, message: str) -> web.Response:
    """Build the contract's error body."""
    return web.json_response({"error": {"code": code, "message": message}}, status=status)


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Translate domain, HTTP and database errors into JSON error responses."""
    try:
        return await handler(request)
    except DomainError as exc:
        status = next((s for cls, s in _STATUS.items() if isinstance(exc, cls)), 400)
        return error_response(status, exc.code, exc.message)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(
            exc.status, "http_error"
        )
        response = error_response(exc.status, code, exc.reason)
        # Keep what the exception says beyond its body: a 405's `Allow` (RFC 9110 requires
        # it), a 401's `WWW-Authenticate`.
        for name in ("Allow", "WWW-Authenticate", "Retry-After"):
            if name in exc.headers:
                response.headers[name] = exc.headers[name]
        return response
    except Exception as exc:
        if is_database_outage(exc):
            # The database went away (restart, network): tell the client to retry, log the cause.
            log.warning(
                "database unavailable while serving %s: %s", request.path, type(exc).__name__
            )
            probe = request.config_dict.get(DB_PROBE)
            if probe is not None:
                probe.saw_outage()  # /health reports it at once, without asking the database
            return error_response(503, "unavailable", "The service is temporarily unavailable.")
        log.exception("unhandled error serving %s %s", request.method, request.path)
        return error_response(500, "internal", "Internal error; it has been logged.")
