"""Fixtures of the proof tests: the bot harness fixture is shared with tests/bot."""

from __future__ import annotations

from tests.bot.conftest import bot

__all__ = ["bot"]
