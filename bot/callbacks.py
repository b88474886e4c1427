"""A compact, validated `callback_data` codec: an `Action` in at most 64 bytes, and back.

Format: one letter for the action kind, then the payload (`p:D-101`, `i:vat_share|p=…`). Payloads
that would not fit (mostly "ask" buttons holding a Persian question) are replaced by a short
digest, `h:<12 hex>`, remembered in a bounded in-process table; the help examples are registered
at import so their buttons survive a restart. Anything that does not decode (forged, stale after
a restart, from an older version) yields None and the bot answers "expired, start again".
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict

from backend.conversation import texts as conversation_texts
from backend.reply import ACTION_KINDS, CALLBACK_LIMIT_BYTES, Action
from backend.untrusted import clean_text

_KIND_CODES: dict[str, str] = {
    "ask": "a",
    "intent": "i",
    "project": "p",
    "projects_page": "l",
    "faq": "q",
    "menu": "m",
    "feedback": "f",
    "feedback_status": "s",
    "subscribe": "u",
    "unsubscribe": "x",
    "flow": "w",
    "rate": "r",
    "more": "o",
}
_CODE_KINDS = {code: kind for kind, code in _KIND_CODES.items()}
_DIGEST = "h"
_DIGEST_HEX = 12
_TABLE_SIZE = 20_000
_UNSAFE = re.compile("[\x00\n\r]")

assert set(_KIND_CODES) == ACTION_KINDS - {"url"}, "every callback kind needs a code"


class CallbackCodec:
    """Encode actions into `callback_data` and decode pressed buttons back into actions."""

    def __init__(self, table_size: int = _TABLE_SIZE) -> None:
        self._table: OrderedDict[str, tuple[str, str]] = OrderedDict()
        self._size = table_size
        for question in conversation_texts.HELP_EXAMPLES:
            self.encode(Action(question, "ask", question))

    def encode(self, action: Action) -> str:
        """Return `callback_data` for a button (never over 64 bytes)."""
        if action.kind == "url":
            raise ValueError("url buttons carry no callback data")
        payload = clean_text(action.payload)
        data = f"{_KIND_CODES[action.kind]}:{payload}"
        # Line breaks and NUL never come back through `decode`: keep such payloads in the table.
        if len(data.encode("utf-8")) <= CALLBACK_LIMIT_BYTES and not _UNSAFE.search(payload):
            return data
        raw = f"{action.kind}\x00{payload}".encode()
        key = hashlib.blake2b(raw, digest_size=_DIGEST_HEX // 2).hexdigest()
        self._table[key] = (action.kind, payload)
        self._table.move_to_end(key)
        while len(self._table) > self._size:
            self._table.popitem(last=False)
        return f"{_DIGEST}:{key}"

    def decode(self, data: str | None) -> tuple[str, str] | None:
        """Return `(kind, payload)` of a pressed button, or None when it is not ours or stale."""
        if not data or not isinstance(data, str):
            return None
        data = clean_text(data)  # forged data may hold lone surrogates (JSON escapes)
        if len(data.encode("utf-8")) > CALLBACK_LIMIT_BYTES:
            return None
        code, sep, payload = data.partition(":")
        if not sep:
            return None
        if code == _DIGEST:
            return self._table.get(payload)
        kind = _CODE_KINDS.get(code)
        if kind is None or _UNSAFE.search(payload):
            return None
        return kind, payload
