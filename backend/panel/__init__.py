"""The staff panel: a Persian, right-to-left web app under /staff/ (aiohttp + Jinja2)."""

from __future__ import annotations

from backend.panel.app import build_panel_app, mount_staff

__all__ = ["build_panel_app", "mount_staff"]
