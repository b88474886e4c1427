"""Small replies every part of the conversation gives: notices, the menu, a feedback's status."""

from __future__ import annotations

from datetime import datetime, tzinfo

import jdatetime

from backend.conversation import texts as T
from backend.formatting import date_label
from backend.labels import (
    CITIZEN_HIDDEN_LABEL,
    CITIZEN_STATUS_LABELS,
    FEEDBACK_KIND_LABELS,
    FEEDBACK_STATUS_LABELS,
)
from backend.reply import Action, Block, ProjectQuery, Reply, projects_payload
from backend.services.feedback import FeedbackInfo


def notice(text: str, *, menu: bool = False) -> Reply:
    """Return a one-line notice, optionally with the main-menu button."""
    rows = [[Action(T.MENU_BUTTON, "menu", "main")]] if menu else []
    return Reply("notice", [Block("text", text)], rows)


def expired() -> Reply:
    """Answer a forged, stale or unknown button."""
    return notice(T.EXPIRED, menu=True)


def unknown_command() -> Reply:
    """The reply to any command we do not know (and to staff commands from citizens)."""
    return notice(T.UNKNOWN_COMMAND)


def main_menu() -> Reply:
    """The main menu as buttons."""
    rows = [
        [
            Action(T.MENU_VAT_SHARE, "intent", "vat_share"),
            Action(T.MENU_PROJECTS, "projects_page", projects_payload(ProjectQuery())),
        ],
        [
            Action(T.MENU_WHERE, "menu", "where"),
            Action(T.MENU_FEEDBACK, "feedback", ""),
        ],
        [
            Action(T.MENU_REPORTS, "intent", "report"),
            Action(T.MENU_SUBSCRIBE, "subscribe", "menu"),
        ],
    ]
    return Reply("menu", [Block("text", T.MENU_TITLE)], rows)


def day_label(moment: datetime, zone: tzinfo) -> str:
    """Name the Jalali day an instant falls on in the operator's zone: ۸ آذر ۱۴۰۵."""
    return date_label(jdatetime.date.fromgregorian(date=moment.astimezone(zone).date()))


def status_reply(info: FeedbackInfo, zone: tzinfo, *, staff: bool = False) -> Reply:
    """Show one feedback: the citizen sees its state and public replies, staff its history."""
    title = (T.STAFF_SHOW_TITLE if staff else T.STATUS_TITLE).format(code=info.tracking_code)
    status = (
        FEEDBACK_STATUS_LABELS.get(info.status, info.status)
        if staff
        else CITIZEN_STATUS_LABELS.get(info.status, CITIZEN_HIDDEN_LABEL)
    )
    blocks = [
        Block("title", title),
        Block("fact", status, label=T.STATUS_LINE),
        Block("fact", FEEDBACK_KIND_LABELS.get(info.kind, info.kind), label=T.STATUS_KIND),
        Block("fact", day_label(info.created_at, zone), label=T.STATUS_SENT),
    ]
    if info.project_name:
        blocks.append(Block("fact", info.project_name, label=T.STATUS_PROJECT))
    if staff:
        blocks.append(Block("text", info.text))
        events = tuple(
            T.STAFF_EVENT.format(
                date=day_label(e.at, zone),
                actor=e.actor,
                kind=e.kind,
                status=f" → {e.to_status}" if e.to_status else "",
                text=f": {e.text}" if e.text else "",
            )
            for e in info.events
        )
        blocks.append(Block("list", T.STAFF_EVENTS, events))
    else:
        replies = tuple(e.text or "" for e in info.public_replies)
        if replies:
            blocks.append(Block("list", T.STATUS_REPLIES, replies))
        else:
            blocks.append(Block("note", T.STATUS_NO_REPLY))
    return Reply("feedback_status", blocks)
