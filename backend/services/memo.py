"""Memoize read services per data version: figures only change when an import commits.

A citizen question touches several small reads (municipality, data range, series, spending);
answering the same reads again from memory until the data version moves keeps the bot's
latency flat without any chance of serving figures older than the last import.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

from backend.services.version import DataVersion

P = ParamSpec("P")
R = TypeVar("R")
MAX_ENTRIES = 1024


class Memoized(Protocol):
    """A service that carries its data version and a memo table."""

    _version: DataVersion
    _memo: OrderedDict[Hashable, Any]


S = TypeVar("S", bound=Memoized)


def new_memo() -> OrderedDict[Hashable, Any]:
    """Return an empty memo table."""
    return OrderedDict()


def memoized(
    method: Callable[Concatenate[S, P], Awaitable[R]],
) -> Callable[Concatenate[S, P], Awaitable[R]]:
    """Cache a read method's result per (data version, method, arguments); results are shared."""

    @functools.wraps(method)
    async def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        version = await self._version.current()
        key = (version, method.__name__, args, tuple(sorted(kwargs.items())))
        memo = self._memo
        if key in memo:
            memo.move_to_end(key)
            return memo[key]  # type: ignore[no-any-return]
        value = await method(self, *args, **kwargs)
        memo[key] = value
        while len(memo) > MAX_ENTRIES:
            memo.popitem(last=False)
        return value

    return wrapper
