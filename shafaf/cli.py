"""The `shafaf` console script: init, import, run, ask, eval."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError
from pydantic_settings import SettingsError

from backend.config import (
    Settings,
    describe_invalid,
    dotenv_names,
    load_settings,
    parse_jalali_date,
    unknown_variables,
)

log = logging.getLogger("shafaf")


def _configure_logging(verbose: bool = False) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    quiet_third_party_loggers()


def quiet_third_party_loggers() -> None:
    """Raise chatty libraries to WARNING: at INFO httpx prints request URLs holding the token."""
    for noisy in ("httpx", "httpcore", "aiohttp.access", "apscheduler", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


class _RedactSecrets(logging.Filter):
    """Replace the bot token and webhook secret in every log line, whoever logs it."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if len(s) >= 8]

    def filter(self, record: logging.LogRecord) -> bool:
        """Render the message once, redacted (arguments included), and keep the record."""
        if not self._secrets:
            return True
        message = record.getMessage()
        redacted = message
        for secret in self._secrets:
            redacted = redacted.replace(secret, "<redacted>")
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def _redact_secrets(settings: Settings) -> None:
    """Install the redaction filter on the root handlers (tracebacks are not rewritten)."""
    secrets = [settings.webhook_secret.get_secret_value()]
    if settings.bot_token is not None:
        token = settings.bot_token.get_secret_value()
        secrets += [token, token.partition(":")[2]]  # the part after the bot id is the secret
    redact = _RedactSecrets(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shafaf",
        description="Shafaf (شفاف): municipal VAT transparency bot and backend.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("init", help="create or migrate the database to the newest schema")

    imp = sub.add_parser("import", help="validate and import contract CSV files (all or nothing)")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="CSV file or folder")

    sub.add_parser("run", help="serve the API (and the bot when a token is set)")

    ask = sub.add_parser("ask", help="answer one question exactly as the bot would")
    ask.add_argument("text", nargs="+", metavar="TEXT")
    ask.add_argument("--json", action="store_true", help="print intent, entities and answer")
    ask.add_argument("--today", help="Jalali YYYY-MM-DD to resolve relative periods against")
    ask.add_argument(
        "--conversation",
        metavar="ID",
        help="carry the chat's context between calls (any id you keep; without it, none)",
    )

    sub.add_parser("chat", help="talk to the bot in the terminal (buttons as numbers)")

    digest = sub.add_parser("digest", help="show or send the subscribers' digest now")
    digest.add_argument("action", choices=["preview", "send"])
    digest.add_argument("--frequency", choices=["weekly", "monthly"], default="weekly")
    digest.add_argument("--out", type=Path, metavar="FILE.png", help="preview: save the chart")

    staff = sub.add_parser("staff", help="manage staff accounts of the panel")
    staff_sub = staff.add_subparsers(dest="staff_command", required=True, metavar="ACTION")
    add = staff_sub.add_parser("add", help="create a staff account (password asked or from stdin)")
    add.add_argument("username")
    add.add_argument("--role", choices=["admin", "reviewer"], default="reviewer")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add.add_argument("--district", action="append", default=[], help="limit a reviewer (repeat)")
    add.add_argument("--category", action="append", default=[], help="limit a reviewer (repeat)")
    staff_sub.add_parser("list", help="list staff accounts")
    token = staff_sub.add_parser("token", help="print a new bearer token for the staff API")
    token.add_argument("username")
    token.add_argument("--label", default="cli")

    ev = sub.add_parser("eval", help="score the NLU on a labelled JSON Lines file")
    ev.add_argument("file", type=Path, metavar="FILE.jsonl")
    ev.add_argument("--json", action="store_true", help="print one JSON object of scores")
    ev.add_argument("--predictions", type=Path, metavar="OUT.jsonl", help="write predictions")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the console script."""
    args = _parser().parse_args(argv)
    _configure_logging(args.verbose)
    settings = _settings_or_none()
    if settings is None:
        return 2
    _redact_secrets(settings)
    handler = {
        "init": _init,
        "import": _import,
        "run": _run,
        "ask": _ask,
        "chat": _chat,
        "eval": _eval,
        "staff": _staff,
        "digest": _digest,
    }[args.command]
    try:
        return asyncio.run(handler(settings, args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`shafaf eval … | head`): stop quietly, as Unix tools do; stdout
        # is pointed at /dev/null so the interpreter's final flush does not raise again.
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")
        return 141


def _settings_or_none() -> Settings | None:
    """Load and check the settings; on a bad value print one line per variable and say None."""
    try:
        settings = load_settings()
    except ValidationError as exc:
        for line in describe_invalid(exc):
            print(f"shafaf: invalid setting {line}", file=sys.stderr)
        return None
    except (SettingsError, OSError, UnicodeDecodeError) as exc:  # e.g. an unreadable .env
        print(f"shafaf: cannot read the settings: {exc}", file=sys.stderr)
        return None
    for note in unknown_variables([*os.environ, *dotenv_names()]) + settings.startup_warnings():
        log.warning(note)
    return settings


async def _init(settings: Settings, _: argparse.Namespace) -> int:
    from shafaf.runtime import open_runtime

    async with open_runtime(settings):
        pass
    print("database is at the newest schema")
    return 0


async def _import(settings: Settings, args: argparse.Namespace) -> int:
    from backend.importer import ImportRejected, import_files, read_paths
    from shafaf.runtime import open_runtime

    try:
        files = read_paths(args.paths)
        async with open_runtime(settings) as runtime:
            summary = await import_files(runtime.services.sessions, files, origin="cli")
    except ImportRejected as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(
            f"import rejected: {len(exc.problems)} problem(s); nothing was written",
            file=sys.stderr,
        )
        return 1
    for table, counts in summary.counts.items():
        print(f"{table}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    print("imported" if summary.changed else "nothing changed (the data was already there)")
    return 0


async def _run(settings: Settings, _: argparse.Namespace) -> int:
    from aiohttp import web

    from backend.retention import run_retention_forever
    from backend.schedule import ScheduleConfig
    from bot.broadcast import start_digest_scheduler
    from shafaf.runtime import create_web_app, load_sample_if_empty, open_runtime

    async with open_runtime(settings) as runtime:
        loaded = await load_sample_if_empty(runtime)
        if loaded is not None:
            log.info(
                "the database was empty: loaded the bundled SAMPLE data (invented figures) "
                "from data/sample; import real data with `shafaf import`"
            )
        app = create_web_app(runtime)
        bot = None
        digests = None
        if settings.bot_token is None:
            log.info("the bot is OFF: SHAFAF_BOT_TOKEN is not set (API still serving)")
        else:
            from bot.runner import BotRunner

            bot = BotRunner(settings, runtime.services, runtime.asker)
            if bot.webhook:
                bot.attach(app)  # the webhook path is served by this same HTTP app
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, settings.http_host, settings.http_port)
        await site.start()
        log.info("HTTP API on http://%s:%s/api/v1/", settings.http_host, settings.http_port)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        # Contact details older than the retention period are erased at start and then daily.
        retention = asyncio.create_task(
            run_retention_forever(runtime.services.sessions, settings.contact_retention_days),
            name="retention",
        )
        try:
            if bot is not None:
                await bot.start()
                digests = await start_digest_scheduler(
                    runtime,
                    config=ScheduleConfig(
                        weekly_weekday=settings.digest_weekday,
                        weekly_hour=settings.digest_hour,
                        stale_after_days=settings.stale_after_days,
                    ),
                )
            await stop.wait()
        finally:
            log.info("shutting down")
            if digests is not None:
                await digests.stop()
            retention.cancel()
            # Order: stop taking updates, finish handlers, close the HTTP server; the runtime's
            # engine is disposed last, by open_runtime.
            if bot is not None:
                await bot.stop()
            await runner.cleanup()
    return 0


async def _ask(settings: Settings, args: argparse.Namespace) -> int:
    from shafaf.runtime import open_runtime

    text = " ".join(args.text)
    try:
        today = parse_jalali_date(args.today) if args.today else settings.today_jalali()
    except ValueError as exc:
        print(f"shafaf: --today: {exc}", file=sys.stderr)
        return 2
    async with open_runtime(settings) as runtime:
        result = await runtime.cli_door.ask(text, today, conversation_id=args.conversation)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        print(result.answer)
    return 0


async def _digest(settings: Settings, args: argparse.Namespace) -> int:
    from backend.digests import preview_digest
    from bot.broadcast import send_digest_now
    from shafaf.runtime import load_sample_if_empty, open_runtime

    async with open_runtime(settings) as runtime:
        await load_sample_if_empty(runtime)
        if args.action == "preview":
            preview = await preview_digest(
                runtime.services.sessions,
                args.frequency,
                runtime.services.today(),
                settings.stale_after_days,
            )
            print(preview.text or "(nothing new: a weekly digest would not be sent)")
            if args.out and preview.png:
                args.out.write_bytes(preview.png)
                print(f"chart saved to {args.out}")
            return 0
        if settings.bot_token is None:
            print("shafaf digest send: SHAFAF_BOT_TOKEN is not set", file=sys.stderr)
            return 2
        plan, stats = await send_digest_now(runtime, args.frequency)
        if stats is None:
            print(f"digest {plan.key} planned; the running `shafaf run` will send it")
        else:
            print(
                f"digest {plan.key}: sent {stats.sent}, failed {stats.failed}, "
                f"skipped {stats.skipped}"
            )
    return 0


async def _staff(settings: Settings, args: argparse.Namespace) -> int:
    import getpass

    from backend.errors import DomainError
    from backend.staff.cli import staff_add, staff_list, staff_token
    from shafaf.runtime import open_runtime

    async with open_runtime(settings) as runtime:
        sessions = runtime.services.sessions
        try:
            if args.staff_command == "add":
                password = (
                    sys.stdin.readline().rstrip("\n")
                    if args.password_stdin
                    else getpass.getpass("password: ")
                )
                print(
                    await staff_add(
                        sessions,
                        args.username,
                        password,
                        role=args.role,
                        districts=args.district,
                        categories=args.category,
                    )
                )
            elif args.staff_command == "list":
                print(await staff_list(sessions))
            else:
                print(await staff_token(sessions, args.username, args.label))
        except DomainError as exc:
            print(f"shafaf staff: {exc.message}", file=sys.stderr)
            return 1
    return 0


async def _chat(settings: Settings, _: argparse.Namespace) -> int:
    from shafaf.chat import run_chat
    from shafaf.runtime import load_sample_if_empty, open_runtime

    async with open_runtime(settings) as runtime:
        await load_sample_if_empty(runtime)
        return await run_chat(runtime.conversation)


async def _eval(settings: Settings, args: argparse.Namespace) -> int:
    from nlp.evaluate import score
    from shafaf.runtime import open_runtime

    try:
        examples = [
            json.loads(line)
            for line in args.file.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    except (OSError, json.JSONDecodeError) as exc:
        print(f"shafaf: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    async with open_runtime(settings) as runtime:
        asker = runtime.asker
        predictions = []
        for example in examples:
            today = (
                parse_jalali_date(example["today"])
                if example.get("today")
                else settings.today_jalali()
            )
            understanding = await asker.understand(example["text"], today)
            predictions.append(
                {
                    "text": example["text"],
                    "intent": understanding.intent,
                    "confidence": round(understanding.confidence, 4),
                    "entities": understanding.entities,
                }
            )
    report = score(examples, predictions)
    if args.predictions:
        args.predictions.write_text(
            "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions),
            encoding="utf-8",
        )
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        print(report.format_table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
