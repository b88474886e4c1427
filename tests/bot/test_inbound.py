"""`bot.inbound`: every delivered update becomes an Update, whatever shape it arrives in."""

from __future__ import annotations

import copy
import json
import logging
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram import Update

from bot.inbound import mend_update, mend_updates_payload, read_update
from tests.fakes.updates import (
    callback_update,
    contact_update,
    edited_message_update,
    message_update,
    photo_update,
    sticker_update,
)

Json = dict[str, Any]
CHAT = 6001
SECRET_WORDS = "رمز شهروند"


def samples() -> list[Json]:
    """Return well-formed updates of every kind the bot handles."""
    reply = message_update(CHAT, "پاسخ")
    reply["message"]["reply_to_message"] = message_update(CHAT, "اصل")["message"]
    return [
        message_update(CHAT, "/start p_P-1001"),
        reply,
        callback_update(CHAT, "p:P-1001", message_id=3),
        sticker_update(CHAT),
        photo_update(CHAT, "photo-1", caption="عکس"),
        contact_update(CHAT, "+989120000000"),
        edited_message_update(CHAT, "ویرایش", message_id=3),
    ]


def test_well_formed_updates_pass_untouched() -> None:
    for update in samples():
        assert mend_update(update) is update
    payload = json.dumps({"ok": True, "result": samples()}).encode()
    assert mend_updates_payload(payload) is payload  # no re-encoding on the happy path


def test_bale_shapes_are_filled_in_and_keep_their_meaning() -> None:
    query = callback_update(CHAT, "p:P-1001", message_id=3)
    del query["callback_query"]["chat_instance"]
    sticker = sticker_update(CHAT)
    for flag in ("is_animated", "is_video"):
        del sticker["message"]["sticker"][flag]
    read_query, read_sticker = read_update(query), read_update(sticker)
    assert read_query.callback_query is not None
    assert read_query.callback_query.data == "p:P-1001"
    assert read_query.effective_chat is not None and read_query.effective_chat.id == CHAT
    assert read_sticker.effective_message is not None
    assert read_sticker.effective_message.sticker is not None


def test_a_broken_part_costs_only_that_part() -> None:
    update = photo_update(CHAT, "photo-1", caption="چراغ خاموش است")
    update["message"]["photo"] = [{"file_id": "p"}]  # sizes without width, height, unique id
    read = read_update(update)
    assert read.effective_message is not None
    assert read.effective_message.caption == "چراغ خاموش است"
    assert not read.effective_message.photo


def test_a_callback_query_stays_answerable_without_message_or_text_data() -> None:
    update: Json = {"update_id": 77, "callback_query": {"id": "cb-x", "data": {"k": 1}}}
    read = read_update(update)
    assert read.update_id == 77
    assert read.callback_query is not None and read.callback_query.id == "cb-x"


def test_a_getupdates_batch_loses_nothing_but_what_is_not_an_update() -> None:
    broken = message_update(CHAT, "بی‌تاریخ")
    del broken["message"]["date"]
    good = [*samples(), broken]
    batch = [*good, "not an update", {"no": "id"}]
    mended = json.loads(mend_updates_payload(json.dumps({"ok": True, "result": batch}).encode()))
    assert [u["update_id"] for u in mended["result"]] == [u["update_id"] for u in good]
    for update in mended["result"]:
        Update.de_json(update, None)


def test_logs_name_fields_never_texts(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="shafaf.bot.inbound")
    update = message_update(CHAT, SECRET_WORDS)
    update["message"]["entities"] = [{"type": "bot_command"}]
    read_update(update)
    assert caplog.records and "entities" in caplog.text
    assert SECRET_WORDS not in caplog.text


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=6,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Return the paths to every value inside a JSON object (update_id excluded)."""
    found: list[tuple[Any, ...]] = []
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, child in items:
        if prefix == () and key == "update_id":
            continue
        found.append((*prefix, key))
        if isinstance(child, dict | list):
            found.extend(_paths(child, (*prefix, key)))
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_read_update_is_total_on_mutated_updates(data: st.DataObject) -> None:
    update = copy.deepcopy(data.draw(st.sampled_from(samples())))
    for _ in range(data.draw(st.integers(1, 4))):
        paths = _paths(update)
        if not paths:
            break
        *parents, last = data.draw(st.sampled_from(paths))
        holder: Any = update
        for key in parents:
            holder = holder[key]
        if data.draw(st.booleans()) and isinstance(holder, dict):
            del holder[last]
        else:
            holder[last] = data.draw(_JSON)
    read = read_update(update)
    assert read.update_id == update["update_id"]
