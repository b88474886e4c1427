"""A short run of benchmarks/load.py: 200 citizens on the webhook path and the API, zero errors.

The benchmark (60 s) reports the figures; here only correctness under load is asserted — never
timings, which depend on the machine.
"""

from __future__ import annotations

import pytest

from benchmarks.load import api_load, format_tables, webhook_load


@pytest.mark.slow
async def test_webhook_and_api_under_load_have_no_errors() -> None:
    hook = await webhook_load(seconds=8.0, citizens=200, think=3.2)
    api = await api_load(seconds=4.0, concurrency=32)
    report = format_tables(hook, api)
    assert hook.errors == 0, report
    assert hook.replies >= 200, report  # every citizen was answered at least once
    assert api.ours.errors == 0 and api.ours.requests > 0, report
    assert api.bare.errors == 0, report
