"""Typed application state keys."""

from __future__ import annotations

from aiohttp import web

from backend.conversation.doors import TextDoor
from backend.services import Services

SERVICES = web.AppKey("services", Services)
ASK = web.AppKey("ask", TextDoor)
