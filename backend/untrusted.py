"""Make text from citizens and clients storable: no lone surrogates, no NUL characters.

Python strings can hold what UTF-8 cannot: the Bot API's JSON may carry a lone surrogate escape
(`"\\ud83d"` from a client that cut an emoji in half), and `json.loads` keeps it. Such a string
crashes SQLite and PostgreSQL drivers on encode ("surrogates not allowed"), and PostgreSQL also
refuses NUL in text. Every door that takes text from outside runs it through `clean_text` once.
"""

from __future__ import annotations

REPLACEMENT = "\ufffd"

# A JSON Schema pattern for "at least one character that survives `clean_text(...).strip()`":
# every code point Python's str.strip() removes, plus NUL, spelled out as escapes because ECMA
# regexes (JSON Schema's dialect) and Python disagree on `\s` (e.g. U+0085, U+001C-U+001F).
NON_BLANK_PATTERN = (
    r"[^\u0000\u0009-\u000d\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029"
    r"\u202f\u205f\u3000]"
)


def clean_text(text: str) -> str:
    """Return `text` with surrogate pairs joined, lone surrogates replaced and NULs removed."""
    if text.isascii():
        return text.replace("\x00", "") if "\x00" in text else text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # A UTF-16 round trip joins well-formed pairs ("\ud83d\ude00" → 😀) and turns every
        # lone half into U+FFFD.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text.replace("\x00", "") if "\x00" in text else text


def clean_optional(text: str | None) -> str | None:
    """Apply `clean_text` to an optional value."""
    return None if text is None else clean_text(text)
