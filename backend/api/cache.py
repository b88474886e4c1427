"""A response cache for public reads: every figure changes only when an import commits."""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from aiohttp import web

from backend.api.keys import SERVICES

Handler = Callable[[web.Request], Awaitable[web.Response]]
MAX_ENTRIES = 2048


class ResponseCache:
    """A bounded LRU of response bodies keyed by data version, "today" and the full URL."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: OrderedDict[tuple[int, str, str], tuple[bytes, str]] = OrderedDict()
        self._max = max_entries

    def get(self, key: tuple[int, str, str]) -> tuple[bytes, str] | None:
        """Return a cached body and content type."""
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
        return found

    def put(self, key: tuple[int, str, str], body: bytes, content_type: str) -> None:
        """Store a body, evicting the least recently used entry when full."""
        self._entries[key] = (body, content_type)
        self._entries.move_to_end(key)
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)


CACHE = web.AppKey("response_cache", ResponseCache)


def cached(handler: Handler) -> Handler:
    """Serve a GET from the cache while the data version and "today" are unchanged."""

    @functools.wraps(handler)
    async def wrapper(request: web.Request) -> web.Response:
        services = request.app[SERVICES]
        cache = request.app[CACHE]
        key = (await services.version.current(), str(services.today()), request.path_qs)
        hit = cache.get(key)
        if hit is not None:
            body, content_type = hit
            return web.Response(body=body, content_type=content_type, charset="utf-8")
        response = await handler(request)
        if response.status == 200 and isinstance(response.body, bytes):
            cache.put(key, response.body, response.content_type)
        return response

    return wrapper
