"""Typed keys of the panel's application and request state."""

from __future__ import annotations

from aiohttp import web

from backend.config import Settings
from backend.staff import StaffServices
from backend.staff.accounts import StaffIdentity

STAFF = web.AppKey("panel_staff", StaffServices)
SETTINGS = web.AppKey("panel_settings", Settings)
IDENTITY = web.RequestKey("staff_identity", StaffIdentity)
CSRF_TOKEN = web.RequestKey("staff_csrf", str)
