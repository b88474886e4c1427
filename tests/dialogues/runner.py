"""Play the written dialogues (`dialogues.json`) against the conversation and check every turn.

Each dialogue is a fresh chat over a fresh copy of the sample database, with "today" pinned to
the dialogue's day. A turn types a text, presses a button of the previous reply (by label or by
kind) or runs a command; its `expect` is checked against the reply as `shafaf chat` shows it.
The format is documented in `tests/dialogues/README.md`.

    .venv/bin/python -m tests.dialogues.runner          # a table of results per tag (SQLite)
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backend.conversation import ChatRef, Conversation
from backend.conversation import texts as C
from backend.formatting import toman_figure
from backend.render_plain import CHOICES, render_plain
from backend.reply import Action, Reply
from nlp.digits import to_persian_digits

HERE = Path(__file__).resolve().parent
DIALOGUES = json.loads((HERE / "dialogues.json").read_text(encoding="utf-8"))
DEFAULT_TODAY = "1405-09-08"
CHAT = ChatRef("telegram", 424_242, 424_242, "مریم")
_CODE = re.compile(r"\b([A-Z]{2})-(\d{4,10})\b")


@dataclass
class Turn:
    """What one turn did and which expectations failed."""

    said: str
    reply: Reply | None
    text: str
    failures: list[str] = field(default_factory=list)


def body_of(text: str) -> str:
    """Return the answer's text without the numbered choices."""
    return text.split("\n" + CHOICES, 1)[0]


def _placeholders(code: str | None) -> dict[str, str]:
    if code is None:
        return {}
    prefix, _, number = code.partition("-")
    return {
        "{code}": code,
        "{code_nodash}": prefix + number,
        "{code_lower}": (prefix + number).lower(),
        "{code_fa}": f"{prefix}-{to_persian_digits(number)}",
        "{code_number}": number,
        "{code_number_fa}": to_persian_digits(number),
    }


def _fill(text: str, code: str | None) -> str:
    for key, value in sorted(_placeholders(code).items(), key=lambda kv: -len(kv[0])):
        text = text.replace(key, value)
    return text


def _press(reply: Reply | None, how: dict[str, str]) -> Action | None:
    if reply is None:
        return None
    for action in reply.all_actions():
        if "label_contains" in how and how["label_contains"] in action.label:
            return action
        if "kind" in how and action.kind == how["kind"]:
            return action
    return None


def check(expect: dict[str, Any], reply: Reply, text: str) -> list[str]:
    """Return the expectations a reply fails, one line each."""
    failures: list[str] = []
    body = body_of(text)
    lines = [line for line in body.splitlines() if line.strip()]
    labels = [a.label for a in reply.all_actions()]
    intent = reply.intent.split(":", 1)[0]
    if "intent" in expect and intent != expect["intent"]:
        failures.append(f"intent {reply.intent!r}, expected {expect['intent']!r}")
    for rial in expect.get("figures_rial", []):
        if toman_figure(rial) not in body:
            failures.append(f"figure {rial} rial ({toman_figure(rial)}) missing")
    if "headline_rial" in expect:
        figure = toman_figure(expect["headline_rial"])
        if not lines or figure not in lines[0]:
            failures.append(f"headline {figure} not on the first line")
    for needle in expect.get("contains", []):
        if needle not in body:
            failures.append(f"missing {needle!r}")
    if expect.get("contains_any") and not any(n in body for n in expect["contains_any"]):
        failures.append(f"none of {expect['contains_any']!r}")
    for needle in expect.get("not_contains", []):
        if needle in body:
            failures.append(f"should not contain {needle!r}")
    if "in_order" in expect:
        pos = 0
        for needle in expect["in_order"]:
            found = body.find(needle, pos)
            if found < 0:
                failures.append(f"order: {needle!r} missing after position {pos}")
                break
            pos = found + len(needle)
    if "max_lines" in expect and len(lines) > expect["max_lines"]:
        failures.append(f"{len(lines)} lines, at most {expect['max_lines']}")
    if expect.get("buttons_any") and not any(
        n in label for n in expect["buttons_any"] for label in labels
    ):
        failures.append(f"no button like {expect['buttons_any']!r}")
    kinds = {a.kind for a in reply.all_actions()}
    for kind in expect.get("button_kinds", []):
        if kind not in kinds:
            failures.append(f"no {kind!r} button")
    if "answered" in expect and reply.answered != expect["answered"]:
        failures.append(f"answered={reply.answered}, expected {expect['answered']}")
    if expect.get("offers_alternative") and not (kinds - {"rate"}):
        failures.append("offers nothing else")
    if expect.get("tracking_code") and not _CODE.search(text):
        failures.append("no tracking code")
    if expect.get("no_sample_note") and C.SAMPLE_NOTE in body:
        failures.append("sample note on an answer without figures")
    if expect.get("sample_note") and C.SAMPLE_NOTE not in body:
        failures.append("sample note missing")
    if expect.get("asks_for_text") is False and (
        reply.intent == "feedback:text" or C.FB_ASK_TEXT.split("{")[0] in body
    ):
        failures.append("asks for the text again")
    return failures


async def play(conversation: Conversation, dialogue: dict[str, Any]) -> list[Turn]:
    """Play one dialogue and return its turns with their failures."""
    turns: list[Turn] = []
    reply: Reply | None = None
    code: str | None = None
    for step in dialogue["turns"]:
        if "say" in step:
            said = _fill(step["say"], code)
            reply = await conversation.text(CHAT, said)
        elif "command" in step:
            said = _fill(step["command"], code)
            name, _, args = said[1:].partition(" ")
            reply = await conversation.command(CHAT, name, args)
        else:
            action = _press(reply, step["press"])
            said = f"[press {step['press']}]"
            if action is None:
                turns.append(Turn(said, None, "", [f"no button {step['press']!r} to press"]))
                break
            said = f"[press «{action.label}»]"
            reply = await conversation.action(CHAT, action.kind, action.payload)
        text = render_plain(reply)
        found = _CODE.search(text)
        if found:
            code = found.group(0)
        turns.append(Turn(said, reply, text, check(step.get("expect", {}), reply, text)))
    return turns


def report(dialogue: dict[str, Any], turns: list[Turn]) -> str:
    """Describe a dialogue's failed turns (what was said, what came back, what was wrong)."""
    out = [f"dialogue {dialogue['id']} ({', '.join(dialogue['covers'])})"]
    for n, turn in enumerate(turns, 1):
        if not turn.failures:
            continue
        out.append(f"  turn {n}: {turn.said}")
        out += [f"    ✗ {f}" for f in turn.failures]
        out += ["    | " + line for line in turn.text.splitlines()[:14]]
    return "\n".join(out)


async def _main() -> int:  # pragma: no cover - a developer's table, not a test
    from shafaf.runtime import load_sample_if_empty, open_runtime
    from tests.conftest import make_settings

    only = set(sys.argv[1:])
    tmp = Path(tempfile.mkdtemp())
    template = tmp / "template.db"
    async with open_runtime(make_settings(f"sqlite+aiosqlite:///{template}")) as runtime:
        await load_sample_if_empty(runtime)
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    turns_ok = turns_all = dialogues_ok = dialogues_all = 0
    for dialogue in DIALOGUES:
        if only and dialogue["id"] not in only:
            continue
        db = tmp / f"{dialogue['id']}.db"
        shutil.copyfile(template, db)
        settings = make_settings(
            f"sqlite+aiosqlite:///{db}", today=dialogue.get("today", DEFAULT_TODAY)
        )
        async with open_runtime(settings, migrate=False) as runtime:
            turns = await play(runtime.conversation, dialogue)
        ok = all(not t.failures for t in turns) and len(turns) == len(dialogue["turns"])
        turns_ok += sum(not t.failures for t in turns)
        turns_all += len(dialogue["turns"])
        dialogues_ok += ok
        dialogues_all += 1
        for tag in dialogue["covers"]:
            total[tag] += 1
            passed[tag] += ok
        if not ok:
            print(report(dialogue, turns), end="\n\n")
    print(f"{'tag':<12} {'passed':>8} {'of':>4}")
    for tag in sorted(total):
        print(f"{tag:<12} {passed[tag]:>8} {total[tag]:>4}")
    print(f"dialogues: {dialogues_ok}/{dialogues_all}; turns: {turns_ok}/{turns_all}")
    shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(asyncio.run(_main()))
