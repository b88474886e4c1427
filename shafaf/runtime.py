"""Wire settings → engine → services, and own their lifecycles."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from backend.api.app import build_api_app
from backend.ask import AskService
from backend.clock import Clock
from backend.clock import install as install_clock
from backend.config import Settings
from backend.conversation import Conversation, ConversationConfig, default_flows
from backend.conversation.doors import TextDoor
from backend.db import create_engine, create_sessionmaker
from backend.importer import ImportSummary, import_files, read_paths
from backend.migrate import upgrade_to_head
from backend.models import Municipality
from backend.services import Services

log = logging.getLogger("shafaf")

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data" / "sample"


@dataclass(frozen=True, slots=True)
class Runtime:
    """What one process holds: its settings, its one engine and the services over it."""

    settings: Settings
    clock: Clock
    engine: AsyncEngine
    services: Services
    # One understanding (and one gazetteer cache) shared by the API, the bot and the CLI.
    asker: AskService
    # One conversation behind every door; the text doors answer through it.
    conversation: Conversation
    api_door: TextDoor
    cli_door: TextDoor


def build_runtime(settings: Settings) -> Runtime:
    """Create the engine (no I/O yet) and wire the services."""
    clock = settings.clock()
    # Everything that stamps a row reads the process clock: make it this runtime's.
    install_clock(clock)
    engine = create_engine(settings.database_url)
    services = Services.build(create_sessionmaker(engine), clock.today)
    asker = AskService(services)
    conversation = Conversation(
        services,
        asker,
        default_flows(services),
        ConversationConfig(
            settings.zone,
            settings.staff_chat_id_set,
            settings.public_url,
            settings.stale_after_days,
        ),
    )
    return Runtime(
        settings,
        clock,
        engine,
        services,
        asker,
        conversation,
        TextDoor(conversation, "api"),
        TextDoor(conversation, "cli"),
    )


@asynccontextmanager
async def open_runtime(settings: Settings, *, migrate: bool = True) -> AsyncIterator[Runtime]:
    """Yield a runtime with an up-to-date schema; dispose the engine afterwards."""
    runtime = build_runtime(settings)
    try:
        if migrate:
            await upgrade_to_head(runtime.engine)
        yield runtime
    finally:
        await runtime.services.writes.close()  # what waits in the write queue is not lost
        await runtime.engine.dispose()


async def load_sample_if_empty(runtime: Runtime) -> ImportSummary | None:
    """Import the bundled sample data when the database holds no municipality yet."""
    async with runtime.services.sessions() as session:
        count = await session.scalar(select(func.count()).select_from(Municipality))
    if count:
        return None
    files = read_paths([SAMPLE_DIR])
    summary = await import_files(runtime.services.sessions, files, origin="sample", is_sample=True)
    runtime.services.version.invalidate()
    return summary


def create_web_app(runtime: Runtime) -> web.Application:
    """Build the HTTP app: public API, site and open data, staff API and panel (+ bot webhook)."""
    from backend.digests import queue_report_digest
    from backend.opendata import mount_opendata
    from backend.panel import mount_staff
    from backend.public import mount_public

    async def report_published(code: str) -> None:
        # Planned here, sent by whichever process holds the sender lock (within seconds).
        await queue_report_digest(runtime.services.sessions, code, runtime.services.today())

    app = build_api_app(runtime.services, runtime.api_door)
    mount_staff(app, runtime.services, runtime.settings, on_report_published=report_published)
    # Open data (figure links, exports) and the public site over it, under / and /d/.
    mount_public(app, mount_opendata(app, runtime.services, runtime.settings))
    return app


def create_app(settings: Settings) -> web.Application:
    """Build a self-contained HTTP app that disposes its engine on cleanup (tests, `run`)."""
    runtime = build_runtime(settings)
    app = create_web_app(runtime)

    async def _dispose(_: web.Application) -> None:
        await runtime.services.writes.close()
        await runtime.engine.dispose()

    app.on_cleanup.append(_dispose)
    return app
