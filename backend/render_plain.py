"""Render a `Reply` as plain text: what `shafaf ask` prints and `shafaf chat` shows.

Blocks are separated by blank lines (consecutive facts stay together), lists are bulleted, and
buttons become numbered choices ``۱) …`` in reading order; `numbered_actions` returns the same
order so a chat loop can map a typed number back to its action. The output is deterministic.
"""

from __future__ import annotations

from backend.formatting import fa_int, fa_number
from backend.reply import Action, Block, Reply

BULLET = "• "
LOCATION = "📍 موقعیت روی نقشه: {lat}، {lon}"
CHOICES = "گزینه‌ها:"


def _block_lines(block: Block) -> list[str]:
    if block.kind == "fact":
        return [f"{block.label}: {block.text}" if block.label else block.text]
    if block.kind == "list":
        head = [block.text] if block.text else []
        return head + [BULLET + item for item in block.items]
    return [block.text]


def numbered_actions(reply: Reply) -> list[Action]:
    """Return the buttons in the order `render_plain` numbers them (from 1)."""
    return reply.all_actions()


def _action_line(number: int, action: Action) -> str:
    line = f"{fa_int(number)}) {action.label}"
    if action.kind == "url":
        line += f": {action.payload}"  # a terminal cannot follow a button, so show the link
    return line


def render_plain(reply: Reply) -> str:
    """Render a reply as plain text with numbered choices."""
    sections: list[list[str]] = []
    previous: Block | None = None
    for block in reply.blocks:
        lines = _block_lines(block)
        if block.kind == "fact" and previous is not None and previous.kind == "fact":
            sections[-1].extend(lines)
        else:
            sections.append(lines)
        previous = block
    if reply.location is not None:
        lat, lon = reply.location
        sections.append([LOCATION.format(lat=fa_number(lat, 5), lon=fa_number(lon, 5))])
    actions = numbered_actions(reply)
    if actions:
        sections.append([CHOICES] + [_action_line(i, a) for i, a in enumerate(actions, 1)])
    return "\n\n".join("\n".join(lines) for lines in sections if lines)
