"""Wall-clock time for stored timestamps (UTC, timezone-aware)."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Return the current time in UTC."""
    return datetime.now(UTC)


def aware(value: datetime) -> datetime:
    """Treat naive timestamps read back from SQLite as UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
