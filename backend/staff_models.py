"""Staff-side tables (accounts, tokens, audit, templates); filled in by the staff panel issue."""

from __future__ import annotations


def register() -> None:
    """Import this module's tables into the shared metadata (called by Alembic's env)."""
