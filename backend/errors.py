"""Domain errors: raised by services, translated at each edge (HTTP status, a polite chat reply)."""

from __future__ import annotations


class DomainError(Exception):
    """Base for errors a citizen or a client can cause; `code` is stable for API clients."""

    code = "error"

    def __init__(self, message: str, *, message_fa: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_fa = message_fa or message


class NotFound(DomainError):
    """The thing asked for does not exist."""

    code = "not_found"


class InvalidInput(DomainError):
    """A parameter is malformed or out of range."""

    code = "invalid_input"


class Inconsistent(InvalidInput):
    """Each part is well formed; together they are not (a range that ends before it starts,
    a municipality compared with itself). HTTP says 422, keeping 400 for "not as documented"."""


class NoData(DomainError):
    """The database holds no figures for what was asked (e.g. a period before the data starts)."""

    code = "no_data"
