"""The public read-only site under `/`: Persian, right to left, server-rendered, no script."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web

from backend.clock import current as current_clock
from backend.formatting import (
    date_label,
    fa_digits,
    fa_digits_in_prose,
    fa_int,
    fa_number,
    fa_percent,
    month_label,
    progress_bar,
    range_label,
    rial_exact,
    status_label,
    toman,
    toman_with_rial,
)
from backend.opendata.service import OpenData
from backend.public.keys import JINJA
from backend.public.svg import share_bar

HERE = Path(__file__).resolve().parent
FONTS_DIR = HERE.parents[1] / "data" / "fonts"


def _percent(value: float | None) -> str:
    return "—" if value is None else fa_percent(value)


def _moment(value: datetime | None) -> str:
    """Show an instant as a Jalali day and local time."""
    if value is None:
        return "—"
    local = value.astimezone(current_clock().zone)
    day = current_clock().jalali_day(value)
    return f"{date_label(day)}، ساعت {fa_digits(local.strftime('%H:%M'))}"


FILTERS: dict[str, Callable[..., str]] = {
    "fa": lambda value: "" if value is None else fa_digits(str(value)),
    "fa_int": fa_int,
    "fa_num": fa_number,
    "prose": fa_digits_in_prose,
    "toman": toman,
    "rial": rial_exact,
    "toman_rial": toman_with_rial,
    "percent": _percent,
    "pct": lambda value: fa_percent(value, 3),
    "num3": lambda value: fa_number(value, 3),
    "month": month_label,
    "range": range_label,
    "day": lambda value: "—" if value is None else date_label(value),
    "moment": _moment,
    "status": status_label,
    "progress": progress_bar,
    "bar": share_bar,
}


def mount_public(app: web.Application, opendata: OpenData) -> None:
    """Serve the public pages and their static files on the main app (after `mount_opendata`)."""
    from backend.opendata.keys import OPENDATA
    from backend.public.views import routes

    # Pages read every figure through the same open data the links serve.
    assert app[OPENDATA] is opendata, "mount_opendata first"
    aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        app_key=JINJA,
        autoescape=True,  # names and sources come from uploaded files: always escape
        undefined=jinja2.StrictUndefined,
        filters=FILTERS,
    )
    app.add_routes(routes)
    app.router.add_static("/assets/fonts/", FONTS_DIR, name="public_fonts")
    app.router.add_static("/assets/", HERE / "static", name="public_static")
