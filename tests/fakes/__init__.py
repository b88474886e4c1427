"""Test doubles: a local Bot API server and update factories for end-to-end bot tests."""

from tests.fakes.bot_api import ApiError, FakeBotApi, RecordedCall, UploadedFile, parse_html

__all__ = ["ApiError", "FakeBotApi", "RecordedCall", "UploadedFile", "parse_html"]
