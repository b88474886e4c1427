"""Panel views: each reads the request, calls one staff service, and renders or redirects."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import urlencode

from aiohttp import web
from multidict import MultiDictProxy

from backend.api.staff import problem_as_json
from backend.errors import InvalidInput
from backend.formatting import fa_digits
from backend.importer import FILE_NAMES
from backend.models import FEEDBACK_KINDS, FEEDBACK_STATUSES
from backend.panel import texts
from backend.panel.auth import (
    SESSION_COOKIE,
    admin_only,
    identity,
    public,
    redirect,
)
from backend.panel.keys import STAFF
from backend.panel.render import error_page, page
from backend.staff import csrf
from backend.staff.inbox import SORTS, InboxFilter
from backend.staff_models import STAFF_ROLES
from nlp.types import INTENTS

routes = web.RouteTableDef()
Form = MultiDictProxy[str | bytes | bytearray | web.FileField]


def _url(request: web.Request, name: str, query: dict[str, str] | None = None, **parts: str) -> str:
    url = str(request.app.router[name].url_for(**parts))
    return f"{url}?{urlencode(query)}" if query else url


def _field(form: Form, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _back(request: web.Request, name: str, msg: str, **parts: str) -> web.Response:
    return redirect(_url(request, name, {"msg": msg}, **parts))


def _cookie_secure(request: web.Request) -> bool:
    return request.secure


# -- login and logout ------------------------------------------------------------------------


def _safe_next(request: web.Request, value: str) -> str:
    # Only paths inside the panel: never an absolute URL (open redirect) or "//host".
    inbox = _url(request, "inbox")
    if value.startswith(inbox) and not value.startswith("//") and "\\" not in value:
        return value
    return inbox


def _login_form(
    request: web.Request, error: str | None = None, status: int = 200, username: str = ""
) -> web.Response:
    token = csrf.new_token()
    response = page(
        request,
        "login.html",
        {
            "login_csrf": token,
            "error": error,
            "username": username,
            "next": _safe_next(request, request.query.get("next", "")),
        },
        status=status,
    )
    response.set_cookie(
        csrf.LOGIN_COOKIE,
        token,
        httponly=True,
        samesite="Strict",
        secure=_cookie_secure(request),
        path=_url(request, "login"),
        max_age=3600,
    )
    return response


@routes.get("/login", name="login")
@public
async def login_page(request: web.Request) -> web.Response:
    """Show the login form."""
    return _login_form(request)


@routes.post("/login", name="login_post")
@public
async def login(request: web.Request) -> web.Response:
    """Check the password (throttled), rotate the session and go to the inbox."""
    staff = request.app[STAFF]
    form = await request.post()
    if not csrf.tokens_match(request.cookies.get(csrf.LOGIN_COOKIE), _field(form, csrf.FIELD)):
        return error_page(request, 403, "csrf")
    username = _field(form, "username").strip().lower()[:64]
    password = _field(form, "password")[:1024]
    ip = request.remote or "-"
    wait = staff.throttle.retry_after(username, ip)
    if wait > 0:
        message = texts.ERRORS["login_throttled"].format(seconds=fa_digits(str(int(wait) + 1)))
        return _login_form(request, message, status=429, username=username)
    who = await staff.accounts.authenticate(username, password)
    if who is None:
        staff.throttle.failed(username, ip)
        await staff.audit.record(username or "-", "login.failed", None, None, ip)
        return _login_form(request, texts.ERRORS["login_failed"], status=401, username=username)
    staff.throttle.succeeded(username, ip)
    # A fresh session id on every login, and the browser's previous session (if any) is ended:
    # a cookie planted before login is never the one that becomes authenticated.
    cookie = await staff.web_sessions.create(who.id, request.cookies.get(SESSION_COOKIE))
    await staff.audit.record(who.username, "login", None, None, ip)
    response = redirect(_safe_next(request, _field(form, "next")))
    response.set_cookie(
        SESSION_COOKIE,
        cookie,
        httponly=True,
        samesite="Lax",
        secure=_cookie_secure(request),
        path=_url(request, "inbox"),
        max_age=12 * 3600,
    )
    response.del_cookie(csrf.LOGIN_COOKIE, path=_url(request, "login"))
    return response


@routes.post("/logout", name="logout")
async def logout(request: web.Request) -> web.Response:
    """End the session."""
    staff = request.app[STAFF]
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        await staff.web_sessions.end(cookie)
    await staff.audit.record(identity(request).username, "logout", None, None, request.remote)
    response = redirect(_url(request, "login"))
    response.del_cookie(SESSION_COOKIE, path=_url(request, "inbox"))
    return response


# -- inbox and detail --------------------------------------------------------------------------


async def _choices(request: web.Request) -> dict[str, Any]:
    catalog = request.app[STAFF].services.catalog
    gaz = await catalog.gazetteer_data()
    who = identity(request)
    districts = sorted({d.code for d in gaz.districts}, key=lambda c: (not c.isdigit(), c.zfill(4)))
    categories = [(c.slug, c.name_fa) for c in gaz.categories]
    if who.scoped:
        districts = [d for d in districts if not who.districts or d in who.districts]
        categories = [c for c in categories if not who.categories or c[0] in who.categories]
    return {
        "statuses": FEEDBACK_STATUSES,
        "kinds": FEEDBACK_KINDS,
        "districts": districts,
        "categories": categories,
        "projects": sorted((p.code, p.name_fa) for p in gaz.projects),
        "sorts": SORTS,
    }


@routes.get("/", name="inbox")
async def inbox(request: web.Request) -> web.Response:
    """List feedback with filters, search, sort and paging."""
    staff = request.app[STAFF]
    f = InboxFilter.from_query(request.query)
    result = await staff.inbox.search(f, identity(request))
    return page(
        request,
        "inbox.html",
        {
            "f": f,
            "result": result,
            "export_url": _url(request, "export", f.query_params(page=1)),
            "page_url": lambda n: _url(request, "inbox", f.query_params(page=n)),
            "status_url": lambda s: _url(request, "inbox", InboxFilter(status=s).query_params()),
            **await _choices(request),
        },
    )


@routes.get("/export.csv", name="export")
async def export(request: web.Request) -> web.Response:
    """Download the filtered list as CSV (UTF-8 with BOM, for Excel)."""
    staff = request.app[STAFF]
    who = identity(request)
    body = await staff.inbox.export_csv(InboxFilter.from_query(request.query), who)
    await staff.audit.record(
        who.username, "feedback.export", None, request.query_string, request.remote
    )
    return web.Response(
        body=body,
        content_type="text/csv",
        charset="utf-8",
        headers={"Content-Disposition": 'attachment; filename="shafaf-feedback.csv"'},
    )


@routes.get("/feedback/{code}", name="detail")
async def detail(request: web.Request) -> web.Response:
    """Show one feedback item with its history and the actions staff can take."""
    staff = request.app[STAFF]
    who = identity(request)
    item = await staff.inbox.detail(request.match_info["code"], who)
    accounts = await staff.accounts.list() if who.is_admin else []
    return page(
        request,
        "detail.html",
        {
            "d": item,
            "templates": await staff.templates.list(),
            "accounts": [a for a in accounts if a.active],
        },
    )


async def _act(request: web.Request) -> tuple[Form, str, str | None]:
    return await request.post(), request.match_info["code"], request.remote


@routes.post("/feedback/{code}/status", name="fb_status")
async def change_status(request: web.Request) -> web.Response:
    """Move an item to a new status with a note."""
    form, code, ip = await _act(request)
    await request.app[STAFF].workflow.set_status(
        identity(request), code, _field(form, "status"), _field(form, "note"), ip
    )
    return _back(request, "detail", "status", code=code)


@routes.post("/feedback/{code}/reply", name="fb_reply")
async def reply(request: web.Request) -> web.Response:
    """Send a public reply to the citizen."""
    form, code, ip = await _act(request)
    await request.app[STAFF].workflow.reply(identity(request), code, _field(form, "text"), ip)
    return _back(request, "detail", "reply", code=code)


@routes.post("/feedback/{code}/note", name="fb_note")
async def note(request: web.Request) -> web.Response:
    """Add an internal note."""
    form, code, ip = await _act(request)
    await request.app[STAFF].workflow.add_note(identity(request), code, _field(form, "text"), ip)
    return _back(request, "detail", "note", code=code)


@routes.post("/feedback/{code}/assign", name="fb_assign")
async def assign(request: web.Request) -> web.Response:
    """Assign the item to a staff member (or clear the assignment)."""
    form, code, ip = await _act(request)
    await request.app[STAFF].workflow.assign(identity(request), code, _field(form, "username"), ip)
    return _back(request, "detail", "assign", code=code)


@routes.post("/feedback/{code}/redact", name="fb_redact")
@admin_only
async def redact(request: web.Request) -> web.Response:
    """Store the redacted text shown instead of the citizen's original."""
    form, code, ip = await _act(request)
    await request.app[STAFF].workflow.redact(identity(request), code, _field(form, "text"), ip)
    return _back(request, "detail", "redact", code=code)


@routes.post("/feedback/{code}/block", name="fb_block")
@admin_only
async def block(request: web.Request) -> web.Response:
    """Bar the chat behind the item from submitting feedback (or lift the bar)."""
    form, code, ip = await _act(request)
    blocking = _field(form, "action") != "unblock"
    await request.app[STAFF].workflow.block_chat(
        identity(request), code, blocking, _field(form, "reason"), ip
    )
    return _back(request, "detail", "block" if blocking else "unblock", code=code)


# -- dashboard and questions -----------------------------------------------------------------


@routes.get("/dashboard", name="dashboard")
async def dashboard(request: web.Request) -> web.Response:
    """Show the figures staff watch."""
    board = await request.app[STAFF].dashboard.build()
    return page(request, "dashboard.html", {"b": board})


@routes.get("/questions", name="questions")
async def questions(request: web.Request) -> web.Response:
    """List the questions the bot could not answer or that got 👎."""
    items = await request.app[STAFF].questions.pending()
    return page(request, "questions.html", {"items": items, "intents": INTENTS})


def _question_id(request: web.Request) -> int:
    raw = request.match_info["qid"]
    if not raw.isdigit():
        raise InvalidInput("bad question id")
    return int(raw)


@routes.post("/questions/{qid}/handled", name="q_handled")
async def question_handled(request: web.Request) -> web.Response:
    """Take a question off the queue."""
    staff = request.app[STAFF]
    qid = _question_id(request)
    await staff.questions.mark_handled(qid)
    await staff.audit.record(
        identity(request).username, "question.handled", str(qid), None, request.remote
    )
    return _back(request, "questions", "handled")


@routes.post("/questions/{qid}/example", name="q_example")
async def question_example(request: web.Request) -> web.Response:
    """Turn a question into a labelled training example."""
    staff = request.app[STAFF]
    form = await request.post()
    qid = _question_id(request)
    who = identity(request)
    intent = _field(form, "intent")
    await staff.questions.to_training_example(qid, intent, actor=who.username)
    await staff.audit.record(who.username, "question.example", str(qid), intent, request.remote)
    return _back(request, "questions", "example")


@routes.post("/questions/{qid}/faq", name="q_faq")
@admin_only
async def question_faq(request: web.Request) -> web.Response:
    """Turn a question into a published FAQ entry."""
    staff = request.app[STAFF]
    form = await request.post()
    qid = _question_id(request)
    who = identity(request)
    slug = _field(form, "slug")
    await staff.questions.to_faq(
        qid, slug, _field(form, "question"), _field(form, "answer"), actor=who.username
    )
    await staff.audit.record(who.username, "question.faq", str(qid), slug, request.remote)
    return _back(request, "questions", "faq")


@routes.get("/questions/examples.jsonl", name="q_examples")
@admin_only
async def question_examples(request: web.Request) -> web.Response:
    """Download the labelled examples as JSON Lines (contract section 4)."""
    body = await request.app[STAFF].questions.training_jsonl()
    return web.Response(
        text=body,
        content_type="application/x-ndjson",
        headers={"Content-Disposition": 'attachment; filename="staff_examples.jsonl"'},
    )


# -- response templates ------------------------------------------------------------------------


@routes.get("/templates", name="templates")
async def templates(request: web.Request) -> web.Response:
    """List the response templates."""
    return page(request, "templates.html", {"items": await request.app[STAFF].templates.list()})


@routes.post("/templates", name="template_add")
async def template_add(request: web.Request) -> web.Response:
    """Add a response template."""
    staff = request.app[STAFF]
    form = await request.post()
    who = identity(request)
    added = await staff.templates.add(
        _field(form, "title"), _field(form, "body"), actor=who.username
    )
    await staff.audit.record(
        who.username, "template.add", str(added.id), added.title, request.remote
    )
    return _back(request, "templates", "template")


@routes.post("/templates/{tid}/delete", name="template_delete")
@admin_only
async def template_delete(request: web.Request) -> web.Response:
    """Remove a response template."""
    staff = request.app[STAFF]
    raw = request.match_info["tid"]
    if not raw.isdigit():
        raise InvalidInput("bad template id")
    await staff.templates.delete(int(raw))
    await staff.audit.record(
        identity(request).username, "template.delete", raw, None, request.remote
    )
    return _back(request, "templates", "template_deleted")


# -- data: imports, reports, broadcasts ------------------------------------------------------


async def _data_context(request: web.Request) -> dict[str, Any]:
    data = request.app[STAFF].data
    return {
        "reports": await data.reports(),
        "broadcasts": await data.broadcasts(),
        "imports": await data.last_imports(),
        "file_names": FILE_NAMES,
        "preview": None,
        "committed": None,
    }


@routes.get("/data", name="data")
@admin_only
async def data_page(request: web.Request) -> web.Response:
    """Show the upload form, the reports and broadcast progress."""
    return page(request, "data.html", await _data_context(request))


@routes.post("/data/import", name="data_import")
@admin_only
async def data_import(request: web.Request) -> web.Response:
    """Validate uploaded CSV files and show the preview (problems, or what would change)."""
    staff = request.app[STAFF]
    form = await request.post()
    files: dict[str, bytes] = {}
    for value in form.getall("files", []):
        if isinstance(value, web.FileField) and value.filename:
            name = os.path.basename(value.filename.replace("\\", "/"))
            files[name] = value.file.read()
    context = await _data_context(request)
    if not files:
        context["error"] = texts.ERRORS["no_files"]
        return page(request, "data.html", context, status=400)
    preview = await staff.data.preview(files, owner=identity(request).username)
    context["preview"] = preview
    context["problems"] = [problem_as_json(p) for p in preview.problems]
    return page(request, "data.html", context, status=200 if preview.ok else 422)


@routes.post("/data/import/{pending}/commit", name="data_commit")
@admin_only
async def data_commit(request: web.Request) -> web.Response:
    """Commit a previewed import."""
    staff = request.app[STAFF]
    who = identity(request)
    files = staff.data.take_pending(request.match_info["pending"], who.username)
    context = await _data_context(request)
    if files is None:
        context["error"] = texts.ERRORS["import_expired"]
        return page(request, "data.html", context, status=410)
    result = await staff.data.commit(files, origin="panel")
    if result.ok:
        await staff.audit.record(
            who.username, "data.import", ",".join(result.files), None, request.remote
        )
    context = await _data_context(request)
    context["committed"] = result
    context["problems"] = [problem_as_json(p) for p in result.problems]
    return page(request, "data.html", context, status=200 if result.ok else 422)


@routes.post("/reports/{rcode}/publish", name="report_publish")
@admin_only
async def report_publish(request: web.Request) -> web.Response:
    """Publish a report and queue its digest."""
    staff = request.app[STAFF]
    who = identity(request)
    result = await staff.data.publish(request.match_info["rcode"], actor=who.username)
    await staff.audit.record(who.username, "report.publish", result.code, None, request.remote)
    return _back(request, "data", "published" if result.hook_ok else "published_hook_failed")


# -- accounts, tokens, audit -----------------------------------------------------------------


@routes.get("/tokens", name="tokens")
async def tokens(request: web.Request) -> web.Response:
    """List the staff member's API tokens (admins: everyone's, and the accounts)."""
    return await _tokens_page(request, new_token=None)


@routes.post("/tokens", name="token_add")
async def token_add(request: web.Request) -> web.Response:
    """Create an API token for oneself and show it once."""
    staff = request.app[STAFF]
    who = identity(request)
    form = await request.post()
    token, info = await staff.tokens.create(who.username, _field(form, "label"))
    await staff.audit.record(who.username, "token.create", info.prefix, info.label, request.remote)
    return await _tokens_page(request, new_token=token)


async def _tokens_page(request: web.Request, *, new_token: str | None) -> web.Response:
    """Render the tokens page (a new token is shown once, right after it is created)."""
    staff = request.app[STAFF]
    who = identity(request)
    return page(
        request,
        "tokens.html",
        {
            "tokens": await staff.tokens.list(None if who.is_admin else who.id),
            "accounts": await staff.accounts.list() if who.is_admin else [],
            "roles": STAFF_ROLES,
            "new_token": new_token,
        },
    )


@routes.post("/tokens/{tid}/revoke", name="token_revoke")
async def token_revoke(request: web.Request) -> web.Response:
    """Revoke a token (one's own; admins any)."""
    staff = request.app[STAFF]
    raw = request.match_info["tid"]
    if not raw.isdigit():
        raise InvalidInput("bad token id")
    who = identity(request)
    info = await staff.tokens.revoke(int(raw), who)
    await staff.audit.record(
        who.username, "token.revoke", info.prefix, info.username, request.remote
    )
    return _back(request, "tokens", "token_revoked")


@routes.get("/audit", name="audit")
@admin_only
async def audit(request: web.Request) -> web.Response:
    """Show the audit log (admins only)."""
    raw = request.query.get("page", "1")
    number = int(raw) if raw.isdigit() and 0 < int(raw) < 10_000 else 1
    entries = await request.app[STAFF].audit.recent(limit=100, offset=(number - 1) * 100)
    return page(
        request,
        "audit.html",
        {
            "entries": entries,
            "page_no": number,
            "next_url": _url(request, "audit", {"page": str(number + 1)})
            if len(entries) == 100
            else None,
        },
    )
