"""Staff endpoints of /api/v1 (contract section 5), authenticated with bearer tokens.

`Authorization: Bearer shf_…` (tokens from `shafaf staff token` or the panel). No token or a bad
one → 401; a reviewer calling an admin endpoint → 403; a reviewer asking for an item outside
their districts/categories → 404, exactly as for a missing code.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import BodyPartReader, web

from backend.api import params
from backend.api.errors import error_response
from backend.errors import InvalidInput
from backend.importer import NO_COLUMN, WHOLE_FILE, ImportProblem
from backend.models import FEEDBACK_STATUSES
from backend.services.feedback import MAX_FEEDBACK_LENGTH
from backend.staff import StaffServices
from backend.staff.accounts import StaffIdentity
from backend.staff.data import ImportPreview
from backend.staff.inbox import InboxFilter, detail_as_json, item_as_json
from backend.staff.texts import UPLOADED_TWICE
from backend.staff.workflow import MAX_NOTE_LENGTH, Forbidden
from backend.untrusted import clean_text

STAFF = web.AppKey("staff_services", StaffServices)
MAX_UPLOAD_FILES = 20
MAX_UPLOAD_BYTES = 15 * 1024 * 1024
# Page numbers the inbox reads as numbers (it clamps them to its own range).
_PAGE_NUMBER = re.compile("[0-9۰-۹٠-٩]{1,9}")
DRY_RUN_VALUES = ("0", "1", "true", "false", "yes", "no")

StaffHandler = Callable[[web.Request, StaffIdentity], Awaitable[web.StreamResponse]]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def bearer(*, admin: bool = False) -> Callable[[StaffHandler], Handler]:
    """Require a valid bearer token (and the admin role when asked) before the handler runs."""

    def wrap(handler: StaffHandler) -> Handler:
        @functools.wraps(handler)
        async def checked(request: web.Request) -> web.StreamResponse:
            header = request.headers.get("Authorization", "")
            scheme, _, token = header.partition(" ")
            identity = None
            if scheme.lower() == "bearer" and token.strip():
                identity = await request.app[STAFF].tokens.authenticate(token.strip())
            if identity is None:
                response = error_response(
                    401, "unauthorized", "A valid staff bearer token is required."
                )
                response.headers["WWW-Authenticate"] = 'Bearer realm="shafaf-staff"'
                return response
            if admin and not identity.is_admin:
                return error_response(403, "forbidden", "This endpoint is for admins only.")
            try:
                return await handler(request, identity)
            except Forbidden as exc:
                return error_response(403, exc.code, exc.message)

        return checked

    return wrap


async def _json_body(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise InvalidInput("the body must be a JSON object") from None
    if not isinstance(body, dict):
        raise InvalidInput("the body must be a JSON object")
    return body


def _string(body: dict[str, Any], name: str, max_length: int) -> str:
    raw = body.get(name)
    if not isinstance(raw, str):
        raise InvalidInput(f"`{name}` must be a non-empty string")
    value = clean_text(raw)  # JSON may carry NUL or lone surrogates; the DB refuses both
    if not value.strip():
        raise InvalidInput(f"`{name}` must be a non-empty string")
    if len(raw) > max_length:  # what the client sent, as the document's maxLength counts
        raise InvalidInput(f"`{name}` is longer than {max_length} characters")
    return value


def inbox_filter(query: params.Query) -> InboxFilter:
    """Read the list's filters as the panel does: a value that can match nothing is not an error.

    The inbox shows nothing for it and names it in `ignored_filters`, and the document declares
    these parameters as plain strings for that reason. Only paging is screened here: the
    inbox's `int()` would fail on a digit string longer than Python converts, or on "²".
    A parameter given twice is refused (400), as everywhere in the API.
    """
    values = {name: params.single(query, name) or "" for name in query}  # each at most once
    for name in ("page", "per_page"):
        raw = values.get(name)
        if raw is not None and not _PAGE_NUMBER.fullmatch(raw.strip()):
            del values[name]  # the default, as the inbox itself does for non-numbers
    return InboxFilter.from_query(values)


routes = web.RouteTableDef()


@routes.get("/api/v1/feedback")
@bearer()
async def list_feedback(request: web.Request, who: StaffIdentity) -> web.Response:
    """List feedback with the inbox's filters, paged."""
    page = await request.app[STAFF].inbox.search(inbox_filter(request.query), who)
    return web.json_response(
        {
            "items": [item_as_json(item) for item in page.items],
            "total": page.total,
            "page": page.page,
            "per_page": page.per_page,
            "pages": page.pages,
            "counts": page.counts,
            "ignored_filters": page.rejected_filters,
        }
    )


@routes.get("/api/v1/feedback/{code}")
@bearer()
async def get_feedback(request: web.Request, who: StaffIdentity) -> web.Response:
    """Return one feedback item with its history."""
    detail = await request.app[STAFF].inbox.detail(request.match_info["code"], who)
    return web.json_response(detail_as_json(detail))


@routes.post("/api/v1/feedback/{code}/status")
@bearer()
async def set_status(request: web.Request, who: StaffIdentity) -> web.Response:
    """Move an item to a new status with a note (the citizen is notified unless hidden)."""
    body = await _json_body(request)
    staff = request.app[STAFF]
    code = request.match_info["code"]
    status = body.get("status")
    if status not in FEEDBACK_STATUSES:  # exactly, as the document's enum says
        raise InvalidInput(f"`status` must be one of: {', '.join(FEEDBACK_STATUSES)}")
    note = _string(body, "note", MAX_NOTE_LENGTH)
    await staff.workflow.set_status(who, code, status, note, request.remote)
    return web.json_response(detail_as_json(await staff.inbox.detail(code, who)))


@routes.post("/api/v1/feedback/{code}/reply")
@bearer()
async def reply(request: web.Request, who: StaffIdentity) -> web.Response:
    """Send a public reply to the citizen through the bot's outbox."""
    body = await _json_body(request)
    staff = request.app[STAFF]
    code = request.match_info["code"]
    text = _string(body, "text", MAX_FEEDBACK_LENGTH)
    await staff.workflow.reply(who, code, text, request.remote)
    return web.json_response(detail_as_json(await staff.inbox.detail(code, who)))


@routes.post("/api/v1/feedback/{code}/note")
@bearer()
async def note(request: web.Request, who: StaffIdentity) -> web.Response:
    """Add an internal note the citizen never sees."""
    body = await _json_body(request)
    staff = request.app[STAFF]
    code = request.match_info["code"]
    await staff.workflow.add_note(who, code, _string(body, "text", MAX_NOTE_LENGTH), request.remote)
    return web.json_response(detail_as_json(await staff.inbox.detail(code, who)))


async def read_csv_uploads(request: web.Request) -> tuple[dict[str, bytes], list[str]]:
    """Read the CSV files of a multipart upload by file name (base name only).

    Returns the files and the names that came more than once: like a file the contract does
    not know, a repeated name is a problem of the upload's contents (422), not of its form.
    """
    if not request.content_type.startswith("multipart/"):
        raise InvalidInput("upload the CSV files as multipart/form-data")
    try:
        reader = await request.multipart()
    except ValueError:  # e.g. no boundary in the Content-Type
        raise InvalidInput("the multipart/form-data upload is malformed") from None
    files: dict[str, bytes] = {}
    repeated: list[str] = []
    total = 0
    parts = 0
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader) or not part.filename:
            continue
        # Browsers may send a path; only the base name says which contract file it is.
        name = os.path.basename(part.filename.replace("\\", "/"))
        data = await part.read(decode=False)
        total += len(data)
        parts += 1
        if total > MAX_UPLOAD_BYTES or parts > MAX_UPLOAD_FILES:
            raise InvalidInput(
                f"the upload is too large (at most {MAX_UPLOAD_FILES} files, 15 MB in all)"
            )
        if name in files:
            repeated.append(name)
            continue
        files[name] = bytes(data)
    if not files:
        raise InvalidInput("no file was uploaded")
    return files, repeated


def problem_as_json(problem: ImportProblem) -> dict[str, object]:
    """Serialize one import problem."""
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "reason_fa": problem.reason_fa,
        "reason_en": problem.reason_en,
    }


def _import_response(result: ImportPreview, dry_run: bool) -> web.Response:
    return web.json_response(
        {
            "ok": result.ok,
            "dry_run": dry_run,
            "files": result.files,
            "counts": result.counts,
            "problems": [problem_as_json(p) for p in result.problems],
        },
        status=200 if result.ok else 422,
    )


@routes.post("/api/v1/import")
@bearer(admin=True)
async def import_csv(request: web.Request, who: StaffIdentity) -> web.Response:
    """Validate (`?dry_run=1`) or import uploaded contract CSV files, all or nothing."""
    staff = request.app[STAFF]
    # Checked before the upload is read: a typo in `dry_run` must not commit.
    dry_run = params.choice(request.query, "dry_run", DRY_RUN_VALUES, "0") in ("1", "true", "yes")
    files, repeated = await read_csv_uploads(request)
    if repeated:
        problems = [
            ImportProblem(name, WHOLE_FILE, NO_COLUMN, UPLOADED_TWICE, "uploaded twice")
            for name in sorted(set(repeated))
        ]
        return _import_response(ImportPreview(sorted(files), problems, {}), dry_run)
    if dry_run:
        result = await staff.data.preview(files)
    else:
        result = await staff.data.commit(files, origin="api")
        if result.ok:
            await staff.audit.record(
                who.username, "data.import", ",".join(result.files), None, request.remote
            )
    return _import_response(result, dry_run)


@routes.post("/api/v1/reports/{code}/publish")
@bearer(admin=True)
async def publish_report(request: web.Request, who: StaffIdentity) -> web.Response:
    """Publish a report (visible from today if dated later) and queue its digest."""
    staff = request.app[STAFF]
    result = await staff.data.publish(request.match_info["code"], actor=who.username)
    await staff.audit.record(who.username, "report.publish", result.code, None, request.remote)
    return web.json_response(
        {
            "code": result.code,
            "published_on": str(result.published_on),
            "date_changed": result.changed_date,
            "digest_queued": result.hook_ok,
        }
    )


@routes.get("/api/v1/broadcasts")
@bearer()
async def broadcasts(request: web.Request, who: StaffIdentity) -> web.Response:
    """Report the progress of the latest digest broadcasts."""
    items = await request.app[STAFF].data.broadcasts()
    return web.json_response(
        {
            "items": [
                {
                    "key": b.key,
                    "kind": b.kind,
                    "created_at": b.created_at.isoformat(),
                    "finished_at": b.finished_at.isoformat() if b.finished_at else None,
                    "counts": b.counts,
                    "total": b.total,
                    "done_percent": round(b.done_percent, 1),
                }
                for b in items
            ]
        }
    )


def register_staff_api(app: web.Application, staff: StaffServices) -> None:
    """Add the staff endpoints to the public API application (before it starts)."""
    app[STAFF] = staff
    app.add_routes(routes)
