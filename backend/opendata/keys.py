"""Typed application state key of the open data."""

from __future__ import annotations

from aiohttp import web

from backend.opendata.service import OpenData

OPENDATA = web.AppKey("opendata", OpenData)
