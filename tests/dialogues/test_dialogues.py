"""The written dialogues, played turn by turn against the conversation over `data/sample`.

72 multi-turn dialogues written by someone who did not read the code (context, rankings,
details understood, honest limits, FAQ paraphrases, never losing what was written, short
answers): every turn's expectations must hold, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from typing import Any

import pytest

from shafaf.runtime import open_runtime
from tests.conftest import make_settings
from tests.dialogues.runner import DEFAULT_TODAY, DIALOGUES, play, report


@pytest.mark.parametrize("dialogue", DIALOGUES, ids=[d["id"] for d in DIALOGUES])
async def test_dialogue(dialogue: dict[str, Any], sample_db_url: str) -> None:
    settings = make_settings(sample_db_url, today=dialogue.get("today", DEFAULT_TODAY))
    async with open_runtime(settings, migrate=False) as runtime:
        turns = await play(runtime.conversation, dialogue)
    failed = [t for t in turns if t.failures]
    assert len(turns) == len(dialogue["turns"]) and not failed, report(dialogue, turns)
