"""Typed application state key of the public site."""

from __future__ import annotations

import jinja2
from aiohttp import web

# The site's own template environment, beside the panel's (which lives on its sub-app).
JINJA = web.AppKey("public_jinja", jinja2.Environment)
