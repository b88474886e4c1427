"""Rendering: autoescaped Jinja2 with Persian digits, Jalali dates and the common context."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import aiohttp_jinja2
import jdatetime
from aiohttp import web

from backend.formatting import date_label, fa_digits, fa_number, fa_percent, month_label
from backend.months import Month
from backend.panel import texts
from backend.panel.keys import CSRF_TOKEN, IDENTITY, STAFF


def fa(value: object) -> str:
    """Show a value with Persian digits (None → empty)."""
    return "" if value is None else fa_digits(str(value))


def fa_num(value: int | float) -> str:
    """Show a number grouped, with Persian digits."""
    return fa_number(value)


def jdate(value: datetime | date | jdatetime.date | None, zone: Any = None) -> str:
    """Show a timestamp or a day as a Persian Jalali label (timestamps with the time)."""
    if value is None:
        return "—"
    if isinstance(value, datetime):
        local = value.astimezone(zone) if zone is not None else value
        day = jdatetime.date.fromgregorian(date=local.date())
        return f"{date_label(day)}، {fa_digits(local.strftime('%H:%M'))}"
    if isinstance(value, jdatetime.date):
        return date_label(value)
    return date_label(jdatetime.date.fromgregorian(date=value))


def duration(value: timedelta | None) -> str:
    """Show a duration in Persian words: ۳ روز و ۴ ساعت."""
    if value is None:
        return "—"
    minutes = int(value.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{fa_digits(str(days))} روز")
    if hours:
        parts.append(f"{fa_digits(str(hours))} ساعت")
    if minutes or not parts:
        parts.append(f"{fa_digits(str(minutes))} دقیقه")
    return " و ".join(parts[:2])


def share(value: float | None) -> str:
    """Show a 0..1 share as a Persian percent."""
    return "—" if value is None else fa_percent(100 * value)


def month(value: Month | None) -> str:
    """Show a Jalali month."""
    return "—" if value is None else month_label(value)


FILTERS: dict[str, Callable[..., str]] = {
    "fa": fa,
    "fa_num": fa_num,
    "duration": duration,
    "share": share,
    "month": month,
}


def page(
    request: web.Request, template: str, context: dict[str, Any], status: int = 200
) -> web.Response:
    """Render a page with the common context (who, CSRF token, navigation, texts)."""
    staff = request.app[STAFF]
    who = request.get(IDENTITY)
    message_key = request.query.get("msg", "")
    base = {
        "who": who,
        "csrf_token": request.get(CSRF_TOKEN, ""),
        "nav": [n for n in texts.NAV if who is not None and (who.is_admin or not n[2])],
        "t": texts,
        "message": texts.MESSAGES.get(message_key),
        "zone": staff.zone,
        "jdate": lambda value: jdate(value, staff.zone),
        "current": request.match_info.route.name,
    }
    base.update(context)
    return aiohttp_jinja2.render_template(template, request, base, status=status)


def error_page(
    request: web.Request, status: int, key: str, detail: str | None = None
) -> web.Response:
    """Render a Persian error page (HTML, never a stack trace)."""
    return page(
        request,
        "error.html",
        {
            "status": status,
            "error": texts.ERRORS.get(key, texts.ERRORS["invalid"]),
            "detail": detail,
        },
        status=status,
    )
