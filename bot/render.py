"""Turn a transport-neutral `Reply` into Bot API messages for Telegram (HTML) or Bale (plain).

Every piece of text from users or the database is escaped for Telegram's HTML mode. Bale has no
`parse_mode` but renders its own `*bold*`, `_italic_` and `[text](url)` in every plain message
(see `bot.platforms`): titles and notes use those markers, and the same markers in text from
users or the database are defused (`defuse_bale_markup`), so a citizen's `[link](…)` quoted back
never becomes a link. Messages stay under the 4096-character limit by splitting between blocks,
then between lines, and only as a last resort inside a line; each formatted line is
self-contained (tags or markers open and close on it), so any split is valid.
Buttons become an inline keyboard on the LAST message, so they sit under the whole answer.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode

from backend.reply import Block, Reply
from backend.untrusted import clean_text
from bot.callbacks import CallbackCodec
from bot.platforms import Platform

MESSAGE_LIMIT = 4096
BULLET = "• "
_BALE_MARKERS = {"b": "*", "i": "_"}  # Bale's own Markdown, read in plain messages

Line = tuple[str, Callable[[str], str]]  # (raw text, how to format it)


@dataclass(frozen=True, slots=True)
class OutMessage:
    """One message to send: text, its parse mode and (on the last one) the keyboard."""

    text: str
    parse_mode: str | None = None
    reply_markup: InlineKeyboardMarkup | None = None


@dataclass(frozen=True, slots=True)
class Rendered:
    """Everything a reply becomes: text messages, then an optional map pin."""

    messages: list[OutMessage]
    location: tuple[float, float] | None = None


# Look-alikes that Bale's Markdown does not read as markers.
_BALE_DEFUSED = str.maketrans({"*": "\u2217", "_": "\u02cd"})
# A bare address keeps its own '_' (Bale links it itself); brackets and '*' end it.
_URL = re.compile(r"https?://[^\s\[\]()*]+")


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def defuse_bale_markup(text: str) -> str:
    """Return `text` with Bale's Markdown markers made inert (bare addresses keep their '_')."""
    if not any(marker in text for marker in "*_]"):
        return text
    # "[text](url)" needs "](" adjacent: a space keeps the words and loses the link, everywhere.
    text = text.replace("](", "] (")
    out: list[str] = []
    last = 0
    for match in _URL.finditer(text):
        out.append(text[last : match.start()].translate(_BALE_DEFUSED))
        out.append(match.group())
        last = match.end()
    out.append(text[last:].translate(_BALE_DEFUSED))
    return "".join(out)


class Renderer:
    """Render replies for one platform."""

    def __init__(self, platform: Platform, codec: CallbackCodec, limit: int = MESSAGE_LIMIT):
        self.platform = platform
        self.codec = codec
        self.limit = limit

    # --- formatting of one line -----------------------------------------------------------------
    def _plain(self, raw: str) -> str:
        return _esc(raw) if self.platform.html else defuse_bale_markup(raw)

    def _wrap(self, tag: str) -> Callable[[str], str]:
        if self.platform.html:
            return lambda raw: f"<{tag}>{_esc(raw)}</{tag}>"
        marker = _BALE_MARKERS[tag]

        def bale(raw: str) -> str:
            text = defuse_bale_markup(raw)
            # Markers around nothing (or spaces) would show as literal characters.
            return f"{marker}{text}{marker}" if text.strip() else text

        return bale

    def _fact(self, label: str) -> Callable[[str], str]:
        if not self.platform.html:
            bold = f"*{defuse_bale_markup(label)}:*"
            return lambda raw: f"{bold} {defuse_bale_markup(raw)}" if label else self._plain(raw)
        return lambda raw: f"<b>{_esc(label)}:</b> {_esc(raw)}" if label else _esc(raw)

    def _bullet(self, raw: str) -> str:
        return BULLET + self._plain(raw)

    def _block_lines(self, block: Block) -> list[Line]:
        def each(text: str, fmt: Callable[[str], str]) -> list[Line]:
            return [(line, fmt) for line in text.split("\n")]

        if block.kind == "title":
            return each(block.text, self._wrap("b"))
        if block.kind in ("note", "source"):
            return each(block.text, self._wrap("i"))
        if block.kind == "fact":
            return [(block.text, self._fact(block.label))]
        if block.kind == "list":
            head = each(block.text, self._plain) if block.text else []
            return head + [(item, self._bullet) for item in block.items]
        return each(block.text, self._plain)

    # --- sections and splitting -----------------------------------------------------------------
    def _sections(self, reply: Reply) -> list[list[Line]]:
        sections: list[list[Line]] = []
        previous: Block | None = None
        for block in reply.blocks:
            lines = self._block_lines(block)
            # Consecutive facts read as one card, as in render_plain.
            if block.kind == "fact" and previous is not None and previous.kind == "fact":
                sections[-1].extend(lines)
            else:
                sections.append(lines)
            previous = block
        return [s for s in sections if s]

    def _fit_line(self, raw: str, fmt: Callable[[str], str]) -> list[str]:
        """Format one line, cutting an over-long one into pieces that each fit."""
        text = fmt(raw)
        if len(text) <= self.limit:
            return [text]
        pieces: list[str] = []
        size = self.limit // 2
        while raw:
            cut = size
            # Escaping may grow a piece (& → &amp;): shrink until it fits.
            while len(fmt(raw[:cut])) > self.limit and cut > 1:
                cut //= 2
            pieces.append(fmt(raw[:cut]))
            raw = raw[cut:]
        return pieces

    def _chunks(self, reply: Reply) -> list[str]:
        chunks: list[str] = []
        current = ""
        for section in self._sections(reply):
            formatted = [p for raw, fmt in section for p in self._fit_line(raw, fmt)]
            text = "\n".join(formatted)
            joined = f"{current}\n\n{text}" if current else text
            if len(joined) <= self.limit:
                current = joined
                continue
            if current:
                chunks.append(current)
                current = ""
            # The section alone is too long: fill messages line by line.
            for line in formatted:
                joined = f"{current}\n{line}" if current else line
                if len(joined) <= self.limit:
                    current = joined
                else:
                    chunks.append(current)
                    current = line
        if current:
            chunks.append(current)
        return chunks or ["…"]

    # --- keyboard ---------------------------------------------------------------------------------
    def keyboard(self, reply: Reply) -> InlineKeyboardMarkup | None:
        """Return the inline keyboard of a reply (callback data encoded, ≤ 64 bytes each)."""
        rows: list[list[InlineKeyboardButton]] = []
        for row in reply.actions:
            buttons = [
                InlineKeyboardButton(clean_text(a.label), url=a.payload)
                if a.kind == "url"
                else InlineKeyboardButton(clean_text(a.label), callback_data=self.codec.encode(a))
                for a in row
            ]
            if buttons:
                rows.append(buttons)
        return InlineKeyboardMarkup(rows) if rows else None

    def render(self, reply: Reply) -> Rendered:
        """Render a reply as messages (keyboard on the last) and an optional location."""
        mode = ParseMode.HTML if self.platform.html else None
        chunks = self._chunks(reply)
        markup = self.keyboard(reply)
        # The last door out: a lone surrogate would make the Bot API reject the whole message.
        messages = [
            OutMessage(clean_text(text) or "…", mode, markup if i == len(chunks) - 1 else None)
            for i, text in enumerate(chunks)
        ]
        return Rendered(messages, reply.location)

    def render_text(self, text: str) -> OutMessage:
        """Render a plain notice (outbox messages, alerts) safely for the platform."""
        # Cut before escaping, as `_fit_line` does: a cut escaped text may end inside "&amp;".
        first = self._fit_line(text, self._plain)[0]
        return OutMessage(first, ParseMode.HTML if self.platform.html else None)
