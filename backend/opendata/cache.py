"""Cache public pages and exports by data version: they change only when an import commits.

The key is the API cache's idea — (data version, "today", the full URL) — with the response's
headers kept too (file names, freshness) and an ETag, so a browser or a mirror that already has
the body is answered 304 without sending it again.
"""

from __future__ import annotations

import functools
import hashlib
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web
from multidict import CIMultiDict

from backend.services import Services

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
MAX_ENTRIES = 1024
# Browsers and proxies may reuse a body this long, then revalidate it cheaply with the ETag.
MAX_AGE_SECONDS = 60
# Headers that describe the body and travel with it from the cache.
_KEPT = ("Content-Type", "Content-Disposition", "Link", "Last-Modified")
_KEPT_PREFIX = "X-Shafaf-"

Key = tuple[int, str, str]


@dataclass(frozen=True, slots=True)
class CachedBody:
    """A response body with its headers and ETag."""

    body: bytes
    headers: tuple[tuple[str, str], ...]
    etag: str


class BodyCache:
    """A bounded LRU of response bodies."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: OrderedDict[Key, CachedBody] = OrderedDict()
        self._max = max_entries

    def get(self, key: Key) -> CachedBody | None:
        """Return a cached body, marking it recently used."""
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
        return found

    def put(self, key: Key, entry: CachedBody) -> None:
        """Store a body, evicting the least recently used entry when full."""
        self._entries[key] = entry
        self._entries.move_to_end(key)
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


def _etag(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def _respond(request: web.Request, entry: CachedBody) -> web.Response:
    headers = CIMultiDict(entry.headers)
    headers["ETag"] = entry.etag
    headers["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    if entry.etag in request.headers.get("If-None-Match", ""):
        return web.Response(status=304, headers=headers)
    return web.Response(body=entry.body, headers=headers)


def cached_by_version(
    services_of: Callable[[web.Request], Services], cache_of: Callable[[web.Request], BodyCache]
) -> Callable[[Handler], Handler]:
    """Serve a GET from the cache while the data version and "today" are unchanged."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def wrapper(request: web.Request) -> web.StreamResponse:
            services = services_of(request)
            cache = cache_of(request)
            key = (await services.version.current(), str(services.today()), request.path_qs)
            hit = cache.get(key)
            if hit is None:
                response = await handler(request)
                if response.status != 200 or not isinstance(response, web.Response):
                    return response
                body = response.body
                if not isinstance(body, bytes):
                    return response
                kept = tuple(
                    (name, value)
                    for name, value in response.headers.items()
                    if name in _KEPT or name.startswith(_KEPT_PREFIX)
                )
                hit = CachedBody(body, kept, _etag(body))
                cache.put(key, hit)
            return _respond(request, hit)

        return wrapper

    return decorate
