"""The conversation store remembers chats without an open flow, and never serves a stale "none"."""

from __future__ import annotations

import asyncio

from backend.services.conversations import FlowState
from shafaf.runtime import Runtime


async def test_no_flow_is_remembered_and_forgotten_on_write(empty_runtime: Runtime) -> None:
    store = empty_runtime.services.conversations
    assert await store.get("telegram", 7) is None
    assert ("telegram", 7) in store._no_flow  # the next message skips the database
    await store.set("telegram", 7, FlowState("feedback", "text", {"project": "P-1"}))
    assert await store.get("telegram", 7) == FlowState("feedback", "text", {"project": "P-1"})
    assert await store.clear("telegram", 7)
    assert await store.get("telegram", 7) is None


async def test_a_read_racing_a_write_does_not_remember_none(empty_runtime: Runtime) -> None:
    store = empty_runtime.services.conversations
    state = FlowState("feedback", "text", {})
    # the read starts before the write and may see the table without the row
    read = asyncio.create_task(store.get("bale", 9))
    await asyncio.sleep(0)
    await store.set("bale", 9, state)
    await read
    assert ("bale", 9) not in store._no_flow
    assert await store.get("bale", 9) == state
