"""Digest content and planning: what each subscriber is told, decided once per digest run.

A digest run (weekly, monthly, or one published report) is *planned* in one transaction: a
`Digest` row with a unique key (the guard against a second run), one `DigestMessage` per distinct
text (subscribers with the same news share it), a chart PNG per municipality, and one `Delivery`
per subscriber, `pending` or `skipped` when there is nothing new. The broadcast engine
(`bot/broadcast.py`) then sends the pending ones; nothing here talks to a messenger.

"New" is measured against a snapshot: each digest stores what the data looked like when it was
planned (VAT months per municipality, each project's status and progress, published reports).
A subscriber's baseline is the snapshot of the last periodic digest actually *sent* to them, so
changes accumulate across digests that were skipped. A subscriber with no digest yet gets the
newest VAT month, and the reports published in the digest's period.

Policy for "nothing new": a weekly digest is not sent at all; a monthly digest sends one line
saying nothing changed (a monthly subscriber should know the subscription is alive), without a
chart. Report digests always go out.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import jdatetime
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from backend import digest_texts as texts
from backend.charts import ChartPoint, render_vat_chart
from backend.clock import aware, utcnow
from backend.errors import InvalidInput, NotFound
from backend.formatting import (
    change_phrase,
    date_label,
    fa_number,
    fa_percent,
    month_label,
    status_label,
    toman,
)
from backend.models import (
    Category,
    DataImport,
    Delivery,
    Digest,
    DigestChart,
    DigestMessage,
    District,
    Municipality,
    Project,
    Report,
    Subscription,
    VatShare,
)
from backend.months import Month, MonthRange
from backend.opendata.texts import STALE_NOTE
from backend.render_plain import render_plain
from backend.reply import Action, Block, ChartSpec, Reply
from backend.services.base import (
    DEFAULT_MUNICIPALITY,
    SAMPLE_MARKER,
    SessionFactory,
    to_jalali,
)

DigestKind = Literal["weekly", "monthly", "report"]
PERIODIC_KINDS: tuple[DigestKind, ...] = ("weekly", "monthly")
CHART_MONTHS = 24
MAX_VAT_MONTHS = 3  # a subscriber back after a long pause sees the newest three months
MAX_PROJECT_LINES = 8
MAX_REPORT_LINES = 5
NOTHING_NEW = "nothing_new"
DIGEST_INTENT = "digest"
STALE_AFTER_DAYS = 45  # the default of SHAFAF_STALE_AFTER_DAYS


# --- snapshots -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the data looked like when a digest was planned."""

    vat: dict[str, dict[str, int]]  # municipality → {"YYYY-MM": amount_rial}
    projects: dict[str, tuple[str, int]]  # code → (status, progress_percent)
    reports: frozenset[str]

    def to_json(self) -> dict[str, object]:
        """Return the JSON stored in `Digest.snapshot`."""
        return {
            "vat": self.vat,
            "projects": {code: [s, p] for code, (s, p) in self.projects.items()},
            "reports": sorted(self.reports),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Snapshot:
        """Read a stored snapshot back."""
        return cls(
            vat={
                m: {k: int(v) for k, v in months.items()}
                for m, months in dict(data.get("vat") or {}).items()
            },
            projects={
                c: (str(v[0]), int(v[1])) for c, v in dict(data.get("projects") or {}).items()
            },
            reports=frozenset(data.get("reports") or ()),
        )


@dataclass(frozen=True, slots=True)
class ProjectFacts:
    code: str
    name_fa: str
    municipality: str
    district: str | None
    category: str
    status: str
    progress: int


@dataclass(frozen=True, slots=True)
class ReportFacts:
    code: str
    title_fa: str
    municipality: str
    published_on: jdatetime.date
    summary_fa: str
    url: str


@dataclass(frozen=True, slots=True)
class DigestData:
    """Everything a digest run reads from the database, loaded once."""

    today: jdatetime.date
    snapshot: Snapshot
    municipalities: dict[str, str]  # slug → name_fa
    default_municipality: str
    projects: dict[str, ProjectFacts]
    reports: dict[str, ReportFacts]
    sample_municipalities: frozenset[str]  # whose VAT figures are the bundled sample
    # Said under the figures when the data is older than the operator allows (None: fresh).
    stale_note: str | None = None

    def municipality_of(self, slug: str | None) -> str:
        """Return the subscriber's municipality, or the default when unset or unknown."""
        return slug if slug in self.municipalities else self.default_municipality


async def _stale_note(
    session: AsyncSession, today: jdatetime.date, stale_after_days: int
) -> str | None:
    """Say the figures may be out of date when the last import is older than allowed."""
    last = await session.scalar(select(func.max(DataImport.imported_at)))
    if last is None:
        return None
    imported = jdatetime.date.fromgregorian(date=aware(last).date())
    age = (today.togregorian() - imported.togregorian()).days
    if age <= stale_after_days:
        return None
    return STALE_NOTE.format(date=date_label(imported), days=fa_number(age))


async def load_digest_data(
    session: AsyncSession, today: jdatetime.date, stale_after_days: int = STALE_AFTER_DAYS
) -> DigestData:
    """Read the figures, projects and reports a digest run needs, as published by `today`."""
    gregorian = today.togregorian()
    munis = (
        await session.execute(
            select(Municipality.slug, Municipality.name_fa, Municipality.population)
        )
    ).all()
    names = {slug: name for slug, name, _ in munis}
    if DEFAULT_MUNICIPALITY in names:
        default = DEFAULT_MUNICIPALITY
    elif munis:
        default = max(munis, key=lambda row: row[2])[0]
    else:
        default = DEFAULT_MUNICIPALITY
    vat: dict[str, dict[str, int]] = defaultdict(dict)
    sample: set[str] = set()
    rows = await session.execute(
        select(
            Municipality.slug, VatShare.year, VatShare.month, VatShare.amount_rial, VatShare.source
        )
        .join(Municipality, Municipality.id == VatShare.municipality_id)
        .where(VatShare.published_on <= gregorian)  # figures dated later are not public yet
    )
    for slug, year, month, amount, source in rows:
        vat[slug][str(Month(year, month))] = int(amount)
        if SAMPLE_MARKER in source:
            sample.add(slug)
    projects: dict[str, ProjectFacts] = {}
    project_rows = await session.execute(
        select(
            Project.code,
            Project.name_fa,
            Municipality.slug,
            District.code,
            Category.slug,
            Project.status,
            Project.progress_percent,
        )
        .join(Municipality, Municipality.id == Project.municipality_id)
        .join(Category, Category.id == Project.category_id)
        .outerjoin(District, District.id == Project.district_id)
    )
    for code, name, muni, district, category, status, progress in project_rows:
        projects[code] = ProjectFacts(code, name, muni, district, category, status, int(progress))
    reports: dict[str, ReportFacts] = {}
    report_rows = await session.execute(
        select(
            Report.code,
            Report.title_fa,
            Municipality.slug,
            Report.published_on,
            Report.summary_fa,
            Report.url,
        )
        .join(Municipality, Municipality.id == Report.municipality_id)
        .where(Report.published_on <= gregorian)
    )
    for code, title, muni, published, summary, url in report_rows:
        reports[code] = ReportFacts(code, title, muni, to_jalali(published), summary, url)
    snapshot = Snapshot(
        vat={slug: dict(sorted(months.items())) for slug, months in vat.items()},
        projects={code: (p.status, p.progress) for code, p in projects.items()},
        reports=frozenset(reports),
    )
    stale = await _stale_note(session, today, stale_after_days)
    return DigestData(today, snapshot, names, default, projects, reports, frozenset(sample), stale)


# --- Reply ⇄ JSON (digest messages are stored, the bot renders them later) --------------------


def reply_to_json(reply: Reply) -> dict[str, object]:
    """Serialize a digest reply (blocks, buttons, chart, sample flag)."""
    chart = reply.chart
    return {
        "intent": reply.intent,
        "blocks": [
            {"kind": b.kind, "text": b.text, "items": list(b.items), "label": b.label}
            for b in reply.blocks
        ],
        "actions": [
            [{"label": a.label, "kind": a.kind, "payload": a.payload} for a in row]
            for row in reply.actions
        ],
        "chart": None
        if chart is None
        else {"municipality": chart.municipality, **chart.period.as_entity()},
        "sample": reply.sample,
    }


def reply_from_json(data: dict[str, Any]) -> Reply:
    """Rebuild a reply stored by `reply_to_json`."""
    chart = data.get("chart")
    return Reply(
        intent=str(data.get("intent", DIGEST_INTENT)),
        blocks=[
            Block(b["kind"], b.get("text", ""), tuple(b.get("items", ())), b.get("label", ""))
            for b in data.get("blocks", [])
        ],
        actions=[
            [Action(a["label"], a["kind"], a.get("payload", "")) for a in row]
            for row in data.get("actions", [])
        ],
        chart=None
        if not chart
        else ChartSpec("vat_monthly", chart["municipality"], MonthRange.from_entity(chart)),
        sample=bool(data.get("sample", False)),
    )


# --- composing one subscriber's digest -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Audience:
    """What decides a subscriber's digest: the same audience gets the same text."""

    municipality: str
    topics_key: str  # canonical JSON of the followed topics
    baseline_id: int | None  # the digest whose snapshot is "what they already know"
    excluded_reports: frozenset[str] = frozenset()  # reports already pushed to them


def topics_key(topics: dict[str, list[str]] | None) -> str:
    """Return a canonical form of a subscription's topics (empty = everything)."""
    cleaned = {k: sorted(set(map(str, v))) for k, v in sorted((topics or {}).items()) if v}
    return json.dumps(cleaned, sort_keys=True, ensure_ascii=False)


def followed_projects(
    data: DigestData, municipality: str, topics: dict[str, list[str]]
) -> list[ProjectFacts]:
    """Return the municipality's projects a subscription follows (no topics = all of them)."""
    codes = set(topics.get("projects", ()))
    districts = set(topics.get("districts", ()))
    categories = set(topics.get("categories", ()))
    everything = not (codes or districts or categories)
    return sorted(
        (
            p
            for p in data.projects.values()
            if p.code in codes
            or (
                p.municipality == municipality
                and (everything or p.district in districts or p.category in categories)
            )
        ),
        key=lambda p: p.code,
    )


def _vat_lines(data: DigestData, municipality: str, baseline: Snapshot | None) -> list[str]:
    current = data.snapshot.vat.get(municipality, {})
    if not current:
        return []
    if baseline is None:
        new = [max(current)]
    else:
        known = baseline.vat.get(municipality, {})
        new = sorted(set(current) - set(known))
    lines = []
    for key in new[-MAX_VAT_MONTHS:]:
        month = Month.parse(key)
        amount = current[key]
        parts = [texts.VAT_MONTH_LINE.format(month=month_label(month), amount=toman(amount))]
        previous = current.get(str(month.shift(-1)))
        parts.append(texts.VAT_CHANGE_MOM.format(change=_change(amount, previous)))
        year_ago = month.shift(-12)
        parts.append(
            texts.VAT_CHANGE_YOY.format(
                month=month_label(year_ago), change=_change(amount, current.get(str(year_ago)))
            )
        )
        lines.append("؛ ".join(parts))
    return lines


def _change(new: int, old: int | None) -> str:
    if not old:
        return texts.VAT_NO_COMPARISON
    return change_phrase((new - old) * 100.0 / old)


def _project_lines(projects: Sequence[ProjectFacts], baseline: Snapshot | None) -> list[str]:
    if baseline is None or not baseline.projects:
        return []  # no earlier picture to compare with: nothing can be called a change
    lines = []
    for project in projects:
        old = baseline.projects.get(project.code)
        if old is None:
            lines.append(
                texts.PROJECT_NEW.format(
                    name=project.name_fa,
                    status=status_label(project.status),
                    progress=fa_percent(project.progress, 0),
                )
            )
            continue
        old_status, old_progress = old
        status_changed = old_status != project.status
        progress_changed = old_progress != project.progress
        if status_changed and progress_changed:
            lines.append(
                texts.PROJECT_BOTH_CHANGE.format(
                    name=project.name_fa,
                    new=status_label(project.status),
                    old_progress=fa_percent(old_progress, 0),
                    new_progress=fa_percent(project.progress, 0),
                )
            )
        elif status_changed:
            lines.append(
                texts.PROJECT_STATUS_CHANGE.format(
                    name=project.name_fa,
                    old=status_label(old_status),
                    new=status_label(project.status),
                )
            )
        elif progress_changed:
            lines.append(
                texts.PROJECT_PROGRESS_CHANGE.format(
                    name=project.name_fa,
                    old=fa_percent(old_progress, 0),
                    new=fa_percent(project.progress, 0),
                )
            )
    return lines


def _period_start(kind: DigestKind, today: jdatetime.date) -> jdatetime.date:
    """Return the first day a first-time subscriber's "new reports" may date from."""
    if kind == "weekly":
        return today - jdatetime.timedelta(days=7)
    return Month.of(today).shift(-1).first_day()


def new_reports(
    data: DigestData, kind: DigestKind, municipality: str, baseline: Snapshot | None
) -> list[ReportFacts]:
    """Return the municipality's reports published since the baseline, oldest first."""
    since = _period_start(kind, data.today)
    found = [
        r
        for r in data.reports.values()
        if r.municipality == municipality
        and (r.code not in baseline.reports if baseline is not None else r.published_on >= since)
    ]
    return sorted(found, key=lambda r: (r.published_on, r.code))


def _capped(lines: list[str], limit: int) -> tuple[str, ...]:
    if len(lines) <= limit:
        return tuple(lines)
    return (*lines[:limit], texts.MORE_ITEMS.format(count=fa_number(len(lines) - limit)))


def _footer(reply: Reply) -> None:
    if reply.sample:
        reply.blocks.append(Block("note", texts.SAMPLE_NOTE))
    reply.actions.append([Action(texts.BUTTON_UNSUBSCRIBE, "unsubscribe")])


def compose_periodic(
    kind: DigestKind,
    data: DigestData,
    audience: Audience,
    topics: dict[str, list[str]],
    baseline: Snapshot | None,
) -> Reply | None:
    """Build one audience's weekly or monthly digest; None when there is nothing to send."""
    muni = audience.municipality
    city = data.municipalities.get(muni, muni)
    vat_lines = _vat_lines(data, muni, baseline)
    project_lines = _project_lines(followed_projects(data, muni, topics), baseline)
    report_lines = [
        texts.REPORT_LINE.format(title=r.title_fa, date=date_label(r.published_on))
        for r in new_reports(data, kind, muni, baseline)
        if r.code not in audience.excluded_reports
    ]
    title = (
        texts.WEEKLY_TITLE.format(date=date_label(data.today))
        if kind == "weekly"
        else texts.MONTHLY_TITLE.format(month=month_label(Month.of(data.today)))
    )
    reply = Reply(
        intent=DIGEST_INTENT,
        blocks=[Block("title", title)],
        sample=muni in data.sample_municipalities and bool(vat_lines),
    )
    if not (vat_lines or project_lines or report_lines):
        if kind == "weekly":
            return None
        reply.blocks.append(Block("text", texts.NO_CHANGE_MONTHLY))
        _footer(reply)
        return reply
    if vat_lines:
        reply.blocks.append(Block("list", texts.VAT_HEADING.format(city=city), tuple(vat_lines)))
        if data.stale_note:
            reply.blocks.append(Block("note", data.stale_note))
        latest = Month.parse(max(data.snapshot.vat[muni]))
        reply.chart = ChartSpec(
            "vat_monthly", muni, MonthRange(latest.shift(1 - CHART_MONTHS), latest)
        )
    if project_lines:
        reply.blocks.append(
            Block("list", texts.PROJECTS_HEADING, _capped(project_lines, MAX_PROJECT_LINES))
        )
    if report_lines:
        reply.blocks.append(
            Block("list", texts.REPORTS_HEADING, _capped(report_lines, MAX_REPORT_LINES))
        )
    _footer(reply)
    return reply


def compose_report(data: DigestData, report: ReportFacts) -> Reply:
    """Build the digest announcing one published report."""
    reply = Reply(
        intent=DIGEST_INTENT,
        blocks=[
            Block("title", texts.REPORT_TITLE),
            Block("fact", report.title_fa),
            Block("text", report.summary_fa),
            Block("note", texts.REPORT_PUBLISHED_ON.format(date=date_label(report.published_on))),
        ],
        sample=SAMPLE_MARKER in report.summary_fa
        or report.municipality in data.sample_municipalities,
    )
    if report.url.startswith(("http://", "https://")):
        reply.actions.append([Action(texts.BUTTON_READ_REPORT, "url", report.url)])
    _footer(reply)
    return reply


# --- charts ----------------------------------------------------------------------------------


def chart_points(data: DigestData, spec: ChartSpec) -> list[ChartPoint]:
    """Return the chart's bars: every month of the spec's range (missing months as zero)."""
    months = data.snapshot.vat.get(spec.municipality, {})
    return [ChartPoint(m, months.get(str(m), 0)) for m in spec.period.months()]


async def render_chart(data: DigestData, spec: ChartSpec) -> bytes:
    """Render a chart off the event loop."""
    city = data.municipalities.get(spec.municipality, spec.municipality)
    sample = spec.municipality in data.sample_municipalities
    return await asyncio.to_thread(render_vat_chart, city, chart_points(data, spec), sample=sample)


# --- planning --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlanResult:
    """What planning a digest did."""

    digest_id: int
    key: str
    created: bool  # False: a digest with this key existed already (nothing was changed)
    pending: int = 0
    skipped: int = 0
    messages: int = 0


@dataclass(slots=True)
class _Sub:
    id: int
    platform: str
    chat_id: int
    municipality: str
    topics: dict[str, list[str]]
    topics_key: str
    baseline_id: int | None = None
    excluded: frozenset[str] = field(default_factory=frozenset)


async def _existing(session: AsyncSession, key: str) -> PlanResult | None:
    digest_id = await session.scalar(select(Digest.id).where(Digest.key == key))
    return None if digest_id is None else PlanResult(digest_id, key, created=False)


async def _subscribers(
    session: AsyncSession, data: DigestData, kind: DigestKind, municipality: str | None
) -> list[_Sub]:
    stmt = (
        select(
            Subscription.id,
            Subscription.platform,
            Subscription.chat_id,
            Subscription.municipality,
            Subscription.topics,
        )
        .where(Subscription.active.is_(True))
        .order_by(Subscription.id)
    )
    if kind != "report":
        stmt = stmt.where(Subscription.frequency == kind)
    subs = []
    for sid, platform, chat_id, muni, topics in await session.execute(stmt):
        resolved = data.municipality_of(muni)
        if municipality is not None and resolved != municipality:
            continue
        clean = {k: list(v) for k, v in dict(topics or {}).items() if v}
        subs.append(_Sub(sid, platform, int(chat_id), resolved, clean, topics_key(clean)))
    return subs


async def _baselines(session: AsyncSession, subs: list[_Sub]) -> dict[int, Snapshot]:
    """Attach each subscriber's baseline digest id; return the snapshots by digest id."""
    latest = (
        select(Delivery.subscription_id, func.max(Delivery.digest_id))
        .join(Digest, Digest.id == Delivery.digest_id)
        .where(
            Delivery.status == "sent",
            Digest.kind.in_(PERIODIC_KINDS),
            Delivery.subscription_id.is_not(None),
        )
        .group_by(Delivery.subscription_id)
    )
    by_sub = {int(sid): int(did) for sid, did in await session.execute(latest)}
    for sub in subs:
        sub.baseline_id = by_sub.get(sub.id)
    ids = {s.baseline_id for s in subs if s.baseline_id is not None}
    snapshots: dict[int, Snapshot] = {}
    if ids:
        for did, snap in await session.execute(
            select(Digest.id, Digest.snapshot).where(Digest.id.in_(ids))
        ):
            snapshots[int(did)] = Snapshot.from_json(dict(snap or {}))
    return snapshots


async def _pushed_reports(session: AsyncSession, codes: Iterable[str]) -> dict[int, set[str]]:
    """Return, per subscription, which of these reports were already pushed on publication."""
    keys = [f"report:{code}" for code in codes]
    pushed: dict[int, set[str]] = defaultdict(set)
    if not keys:
        return pushed
    rows = await session.execute(
        select(Delivery.subscription_id, Digest.key)
        .join(Digest, Digest.id == Delivery.digest_id)
        .where(Digest.key.in_(keys), Delivery.status == "sent")
    )
    for sid, key in rows:
        if sid is not None:
            pushed[int(sid)].add(key.removeprefix("report:"))
    return pushed


def _content_hash(reply_json: dict[str, object]) -> str:
    raw = json.dumps(reply_json, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(raw).hexdigest()


async def plan_digest(
    sessions: SessionFactory,
    kind: DigestKind,
    key: str,
    today: jdatetime.date,
    *,
    report_code: str | None = None,
    stale_after_days: int = STALE_AFTER_DAYS,
) -> PlanResult:
    """Plan a digest run once: messages and one delivery per subscriber (idempotent by key)."""
    if kind == "report" and not report_code:
        raise InvalidInput("a report digest needs a report code")
    async with sessions() as session:
        if (existing := await _existing(session, key)) is not None:
            return existing
        data = await load_digest_data(session, today, stale_after_days)
        report = None
        if report_code is not None:
            report = data.reports.get(report_code)
            if report is None:
                raise NotFound(
                    f"no published report {report_code!r}",
                    message_fa="این گزارش هنوز منتشر نشده است.",
                )
        subs = await _subscribers(session, data, kind, report.municipality if report else None)
        snapshots = await _baselines(session, subs) if kind != "report" else {}
        pushed: dict[int, set[str]] = {}
        if kind != "report":
            candidates = {
                r.code
                for sub in subs
                for r in new_reports(
                    data, kind, sub.municipality, snapshots.get(sub.baseline_id or -1)
                )
            }
            pushed = await _pushed_reports(session, candidates)
    # Compose once per audience, outside any write transaction.
    replies: dict[Audience, Reply | None] = {}
    per_sub: list[tuple[_Sub, Audience]] = []
    for sub in subs:
        audience = Audience(
            sub.municipality, sub.topics_key, sub.baseline_id, frozenset(pushed.get(sub.id, ()))
        )
        if audience not in replies:
            if report is not None:
                replies[audience] = compose_report(data, report)
            else:
                baseline = snapshots.get(sub.baseline_id) if sub.baseline_id else None
                replies[audience] = compose_periodic(kind, data, audience, sub.topics, baseline)
        per_sub.append((sub, audience))
    charts: dict[str, bytes] = {}
    for reply in replies.values():
        if reply is not None and reply.chart is not None and reply.chart.municipality not in charts:
            charts[reply.chart.municipality] = await render_chart(data, reply.chart)
    return await _store_plan(sessions, kind, key, data, replies, per_sub, charts)


async def _store_plan(
    sessions: SessionFactory,
    kind: DigestKind,
    key: str,
    data: DigestData,
    replies: dict[Audience, Reply | None],
    per_sub: list[tuple[_Sub, Audience]],
    charts: dict[str, bytes],
) -> PlanResult:
    now = utcnow()
    try:
        async with sessions() as session, session.begin():
            digest = Digest(kind=kind, key=key, created_at=now, snapshot=data.snapshot.to_json())
            session.add(digest)
            await session.flush()
            chart_ids: dict[str, int] = {}
            for muni, png in charts.items():
                chart = DigestChart(digest_id=digest.id, municipality=muni, png=png)
                session.add(chart)
                await session.flush()
                chart_ids[muni] = chart.id
            message_ids: dict[Audience, int] = {}
            by_hash: dict[str, int] = {}
            for audience, reply in replies.items():
                if reply is None:
                    continue
                stored = reply_to_json(reply)
                digest_hash = _content_hash(stored)
                if digest_hash not in by_hash:
                    message = DigestMessage(
                        digest_id=digest.id,
                        content_hash=digest_hash,
                        reply=stored,
                        chart_id=chart_ids.get(reply.chart.municipality) if reply.chart else None,
                    )
                    session.add(message)
                    await session.flush()
                    by_hash[digest_hash] = message.id
                message_ids[audience] = by_hash[digest_hash]
            pending = 0
            # In chunks: 100,000 parameter dicts at once would dominate the sender's memory.
            for start in range(0, len(per_sub), 5000):
                rows = []
                for sub, audience in per_sub[start : start + 5000]:
                    message_id = message_ids.get(audience)
                    pending += message_id is not None
                    rows.append(
                        {
                            "digest_id": digest.id,
                            "subscription_id": sub.id,
                            "platform": sub.platform,
                            "chat_id": sub.chat_id,
                            "message_id": message_id,
                            "status": "pending" if message_id is not None else "skipped",
                            "attempts": 0,
                            "updated_at": now,
                            "error": None if message_id is not None else NOTHING_NEW,
                        }
                    )
                await session.execute(insert(Delivery), rows)
            if not pending:
                digest.finished_at = now
            digest_id = digest.id
    except IntegrityError:
        # Another process planned the same key between our check and our insert: theirs wins.
        async with sessions() as session:
            existing = await _existing(session, key)
        if existing is None:
            raise
        return existing
    return PlanResult(digest_id, key, True, pending, len(per_sub) - pending, len(by_hash))


# --- entry points ----------------------------------------------------------------------------


def periodic_key(kind: DigestKind, due: jdatetime.date) -> str:
    """Return the key of a scheduled digest: `weekly:1405-09-08`, `monthly:1405-09`."""
    if kind == "weekly":
        return f"weekly:{due.year:04d}-{due.month:02d}-{due.day:02d}"
    return f"monthly:{due.year:04d}-{due.month:02d}"


def manual_key(kind: DigestKind) -> str:
    """Return a fresh key for a digest sent by hand (`shafaf digest send`)."""
    return f"{kind}:manual:{utcnow().strftime('%Y%m%dT%H%M%S%f')}"


async def queue_report_digest(
    sessions: SessionFactory, report_code: str, today: jdatetime.date
) -> PlanResult:
    """Plan the digest announcing a published report (the sender picks it up; idempotent)."""
    return await plan_digest(
        sessions, "report", f"report:{report_code}", today, report_code=report_code
    )


@dataclass(frozen=True, slots=True)
class Preview:
    """A digest as the next subscriber with no topics would get it."""

    text: str
    png: bytes | None
    reply: Reply | None


async def preview_digest(
    sessions: SessionFactory,
    kind: DigestKind,
    today: jdatetime.date,
    stale_after_days: int = STALE_AFTER_DAYS,
) -> Preview:
    """Compose the digest a subscriber following everything would get next (nothing is stored)."""
    if kind not in PERIODIC_KINDS:
        raise InvalidInput("preview a weekly or monthly digest")
    async with sessions() as session:
        data = await load_digest_data(session, today, stale_after_days)
        row = await session.execute(
            select(Digest.id, Digest.snapshot)
            .where(Digest.kind == kind)
            .order_by(Digest.id.desc())
            .limit(1)
        )
        last = row.first()
    baseline = Snapshot.from_json(dict(last[1] or {})) if last else None
    muni = data.default_municipality
    audience = Audience(muni, topics_key({}), last[0] if last else None)
    reply = compose_periodic(kind, data, audience, {}, baseline)
    text = render_plain(reply) if reply is not None else ""
    png = None
    if data.snapshot.vat.get(muni):
        latest = Month.parse(max(data.snapshot.vat[muni]))
        spec = (
            reply.chart
            if reply is not None and reply.chart
            else ChartSpec("vat_monthly", muni, MonthRange(latest.shift(1 - CHART_MONTHS), latest))
        )
        png = await render_chart(data, spec)
    return Preview(text, png, reply)
