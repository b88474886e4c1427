"""Data work for staff: CSV import with a preview, report publication, broadcast progress.

Imports use the very importer of `shafaf import` (same checks, same file:line:column problems).
A preview validates *and applies* inside a transaction that is then rolled back, so its counts
(inserted/updated/unchanged) are exactly what the commit will do. Between preview and commit the
uploaded bytes wait in memory under a random id bound to the uploader, for a short while.
"""

from __future__ import annotations

import inspect
import logging
import secrets
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

import jdatetime
from sqlalchemy import func, select

from backend.clock import aware, utcnow
from backend.errors import NotFound
from backend.importer import ImportProblem, ImportRejected, apply, import_files, validate
from backend.models import DataImport, Delivery, Digest, Municipality, Report
from backend.services.base import SessionFactory, Today, to_jalali
from backend.services.version import DataVersion
from backend.staff_models import ReportPublication

log = logging.getLogger("shafaf.staff")

# Called with a report's code once it is published; the digests module queues its digest.
ReportHook = Callable[[str], Awaitable[object] | object]
PENDING_TTL_SECONDS = 30 * 60
MAX_PENDING = 50


class _Rollback(Exception):
    """Raised inside a preview transaction to undo it."""


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What an import would do, or why it cannot be done."""

    files: list[str]
    problems: list[ImportProblem]
    counts: dict[str, dict[str, int]]
    pending_id: str | None = None  # set when the preview passed and can be committed

    @property
    def ok(self) -> bool:
        """Tell whether the files passed every check."""
        return not self.problems


@dataclass(frozen=True, slots=True)
class ReportRow:
    code: str
    title_fa: str
    municipality: str
    published_on: jdatetime.date
    published: bool  # visible to citizens (published_on not after today)
    last_publication: datetime | None


@dataclass(frozen=True, slots=True)
class PublishResult:
    code: str
    published_on: jdatetime.date
    changed_date: bool
    hook_ok: bool


@dataclass(frozen=True, slots=True)
class BroadcastProgress:
    key: str
    kind: str
    created_at: datetime
    finished_at: datetime | None
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Return the number of deliveries planned."""
        return sum(self.counts.values())

    @property
    def done_percent(self) -> float:
        """Return the share of deliveries settled (sent, failed or skipped), in percent."""
        settled = sum(self.counts.get(s, 0) for s in ("sent", "failed", "skipped"))
        return 100.0 * settled / self.total if self.total else 100.0


class DataService:
    """Imports, reports and broadcasts as staff see them."""

    def __init__(
        self,
        sessions: SessionFactory,
        today: Today,
        version: DataVersion,
        on_report_published: ReportHook | None = None,
    ) -> None:
        self._sessions = sessions
        self._today = today
        self._version = version
        self._hook = on_report_published
        self._pending: dict[str, tuple[str, float, dict[str, bytes]]] = {}

    # -- imports ----------------------------------------------------------------------------

    async def preview(
        self, files: Mapping[str, bytes], *, owner: str | None = None
    ) -> ImportPreview:
        """Validate files and count what applying them would change, writing nothing."""
        names = sorted(files)
        try:
            async with self._sessions() as session:
                async with session.begin():
                    plan = await validate(session, files)
                    summary = await apply(session, plan, origin="preview")
                    raise _Rollback
        except ImportRejected as exc:
            return ImportPreview(names, exc.problems, {})
        except _Rollback:
            pass
        pending_id = self._keep(owner, dict(files)) if owner is not None else None
        return ImportPreview(list(summary.files), [], summary.counts, pending_id)

    def _keep(self, owner: str, files: dict[str, bytes]) -> str:
        now = time.monotonic()
        for key, (_, at, _) in list(self._pending.items()):
            if now - at > PENDING_TTL_SECONDS:
                del self._pending[key]
        while len(self._pending) >= MAX_PENDING:
            self._pending.pop(next(iter(self._pending)))
        pending_id = secrets.token_urlsafe(16)
        self._pending[pending_id] = (owner, now, files)
        return pending_id

    def take_pending(self, pending_id: str, owner: str) -> dict[str, bytes] | None:
        """Return (and forget) the files of a preview made by this owner, if still kept."""
        found = self._pending.get(pending_id)
        if found is None or found[0] != owner or time.monotonic() - found[1] > PENDING_TTL_SECONDS:
            return None
        del self._pending[pending_id]
        return found[2]

    async def commit(self, files: Mapping[str, bytes], *, origin: str) -> ImportPreview:
        """Validate and apply files in one transaction; report problems instead of raising."""
        try:
            summary = await import_files(self._sessions, files, origin=origin)
        except ImportRejected as exc:
            return ImportPreview(sorted(files), exc.problems, {})
        self._version.invalidate()
        return ImportPreview(list(summary.files), [], summary.counts)

    async def last_imports(self, limit: int = 10) -> list[tuple[datetime, str, list[str]]]:
        """List recent committed imports: when, from where, which files."""
        async with self._sessions() as session:
            rows = (
                await session.scalars(
                    select(DataImport).order_by(DataImport.id.desc()).limit(limit)
                )
            ).all()
        return [(aware(r.imported_at), r.origin, list(r.files or [])) for r in rows]

    # -- reports ----------------------------------------------------------------------------

    async def reports(self) -> list[ReportRow]:
        """List every report, newest first, with whether citizens can see it yet."""
        today = self._today().togregorian()
        last = (
            select(ReportPublication.report_code, func.max(ReportPublication.at).label("at"))
            .group_by(ReportPublication.report_code)
            .subquery()
        )
        stmt = (
            select(Report, Municipality.slug, last.c.at)
            .join(Municipality, Municipality.id == Report.municipality_id)
            .outerjoin(last, last.c.report_code == Report.code)
            .order_by(Report.published_on.desc(), Report.code)
        )
        async with self._sessions() as session:
            rows = (await session.execute(stmt)).all()
        return [
            ReportRow(
                r.code,
                r.title_fa,
                slug,
                to_jalali(r.published_on),
                r.published_on <= today,
                aware(at) if at else None,
            )
            for r, slug, at in rows
        ]

    async def publish(self, code: str, *, actor: str) -> PublishResult:
        """Make a report visible from today (if dated later) and queue its digest via the hook."""
        today = self._today()
        async with self._sessions() as session, session.begin():
            report = await session.scalar(select(Report).where(Report.code == code.strip()))
            if report is None:
                raise NotFound("unknown report", message_fa="گزارشی با این کد نیست.")
            changed = report.published_on > today.togregorian()
            if changed:
                report.published_on = today.togregorian()
                session.add(
                    DataImport(
                        imported_at=utcnow(),
                        origin="panel",
                        files=["reports.csv"],
                        counts={"reports": {"inserted": 0, "updated": 1, "unchanged": 0}},
                        is_sample=False,
                    )
                )
            session.add(ReportPublication(report_code=report.code, published_by=actor, at=utcnow()))
            published_on = to_jalali(report.published_on)
            report_code = report.code
        if changed:
            self._version.invalidate()
        hook_ok = True
        if self._hook is not None:
            try:
                result = self._hook(report_code)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                # The publication stands; the digest can be queued again by publishing again.
                log.exception("queueing the digest of report %s failed", report_code)
                hook_ok = False
        return PublishResult(report_code, published_on, changed, hook_ok)

    # -- broadcasts -------------------------------------------------------------------------

    async def broadcasts(self, limit: int = 10) -> list[BroadcastProgress]:
        """Return the progress of the latest digest broadcasts (deliveries per status)."""
        async with self._sessions() as session:
            digests = (
                await session.scalars(
                    select(Digest).order_by(Digest.created_at.desc(), Digest.id.desc()).limit(limit)
                )
            ).all()
            ids = [d.id for d in digests]
            counts: dict[int, dict[str, int]] = {i: {} for i in ids}
            if ids:
                rows = (
                    await session.execute(
                        select(Delivery.digest_id, Delivery.status, func.count())
                        .where(Delivery.digest_id.in_(ids))
                        .group_by(Delivery.digest_id, Delivery.status)
                    )
                ).all()
                for digest_id, status, n in rows:
                    counts[digest_id][status] = int(n)
        return [
            BroadcastProgress(
                d.key,
                d.kind,
                aware(d.created_at),
                aware(d.finished_at) if d.finished_at else None,
                counts[d.id],
            )
            for d in digests
        ]
