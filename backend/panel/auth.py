"""Who may open which panel page: default-deny middleware, role marks, CSRF, security headers.

Every route needs a logged-in staff member unless its handler is marked `public`; `admin_only`
adds the role check. The check runs in a middleware (not in each view), so a view that forgets
a decorator is still closed to anonymous users. Every POST must carry the session's CSRF token.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar
from urllib.parse import quote

from aiohttp import web

from backend.panel.keys import CSRF_TOKEN, IDENTITY, STAFF
from backend.panel.render import error_page
from backend.staff import csrf
from backend.staff.accounts import StaffIdentity

SESSION_COOKIE = "shafaf_staff"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
H = TypeVar("H", bound=Handler)

_PUBLIC = "_staff_public"
_ADMIN = "_staff_admin"


def public(handler: H) -> H:
    """Mark a view as open to anonymous visitors (login page)."""
    setattr(handler, _PUBLIC, True)
    return handler


def admin_only(handler: H) -> H:
    """Mark a view as reserved to admins."""
    setattr(handler, _ADMIN, True)
    return handler


def identity(request: web.Request) -> StaffIdentity:
    """Return the logged-in staff member (set by the middleware)."""
    return request[IDENTITY]


def redirect(location: str) -> web.Response:
    """Answer with 303 See Other (after a POST, the browser GETs the target)."""
    return web.Response(status=303, headers={"Location": location})


def login_url(request: web.Request, next_path: str | None = None) -> str:
    """Return the login page URL, remembering where to go afterwards."""
    url = str(request.app.router["login"].url_for())
    return f"{url}?next={quote(next_path, safe='/')}" if next_path else url


def _is_static(request: web.Request) -> bool:
    return isinstance(request.match_info.route.resource, web.StaticResource)


async def form_csrf(request: web.Request) -> str | None:
    """Return the CSRF token a request carries (header, or form field)."""
    token = request.headers.get(csrf.HEADER)
    if token:
        return token
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        value = (await request.post()).get(csrf.FIELD)
        return value if isinstance(value, str) else None
    return None


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Add headers that keep the panel out of frames, caches and inline-script attacks."""
    response = await handler(request)
    headers = response.headers
    headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    )
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    if not _is_static(request):
        # Pages show citizens' personal data: never keep them in a shared cache.
        headers.setdefault("Cache-Control", "no-store")
    return response


@web.middleware
async def access_control(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Let a request through only with a valid session, the right role and a CSRF token."""
    if request.match_info.http_exception is not None or _is_static(request):
        return await handler(request)
    target = request.match_info.handler
    if getattr(target, _PUBLIC, False):
        return await handler(request)
    staff = request.app[STAFF]
    session = await staff.web_sessions.resolve(request.cookies.get(SESSION_COOKIE))
    if session is None:
        # Anonymous: send browsers to the login page (and back here afterwards, for GETs).
        return redirect(login_url(request, request.path_qs if request.method == "GET" else None))
    request[IDENTITY] = session.identity
    request[CSRF_TOKEN] = session.csrf_token
    if getattr(target, _ADMIN, False) and not session.identity.is_admin:
        return error_page(request, 403, "forbidden")
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        if not csrf.tokens_match(session.csrf_token, await form_csrf(request)):
            return error_page(request, 403, "csrf")
    return await handler(request)
