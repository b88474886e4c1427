"""Engine and sessionmaker factories; SQLite gets WAL, foreign keys and a busy timeout."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

# What a stopped, restarting or unreachable database raises; an IntegrityError (also a
# DBAPIError) is a bug, not an outage.
_OUTAGE = (OperationalError, InterfaceError, ConnectionError, OSError, TimeoutError)


def is_database_outage(error: BaseException | None) -> bool:
    """Tell a database that is down or restarting (retry later) from a bug."""
    if isinstance(error, _OUTAGE):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def is_sqlite(url: str) -> bool:
    """Tell whether a database URL points at SQLite."""
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """Create the one async engine of this process."""
    # Database errors are logged with tracebacks; their bound parameters are citizens' texts
    # and phone numbers, which must not reach the logs.
    kwargs.setdefault("hide_parameters", True)
    if is_sqlite(url):
        # Several tasks write concurrently (bot, API, jobs): wait for the lock instead of
        # failing at once with "database is locked".
        kwargs.setdefault("connect_args", {"timeout": 30})
        engine = create_async_engine(url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_async_engine(url, **kwargs)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        if not _is_memory(dbapi_connection):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _is_memory(dbapi_connection: Any) -> bool:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA database_list")
        rows = cursor.fetchall()
    finally:
        cursor.close()
    return any(row[1] == "main" and not row[2] for row in rows)


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Create the sessionmaker; objects stay readable after commit (services return DTOs anyway)."""
    return async_sessionmaker(engine, expire_on_commit=False)
