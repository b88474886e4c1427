"""Canonical Persian text for matching: one spelling per letter, ASCII digits, clean spacing.

`normalize` is what every extractor in `nlp/` runs on; offsets they report point into its output.
It does not use hazm's `Normalizer`: measured on a 70-character question that costs ~0.31 ms per
call (plus ~1.6 s to import hazm), while this module's precompiled tables and regexes take a few
tens of microseconds and keep `understand()` well inside its 1 ms budget.

What `normalize` does, in order (the order matters for idempotence):

1. Unicode NFKC (folds Arabic presentation forms such as "ﻻ", full-width Latin and digits), then
   lower-cases Latin.
2. One `str.translate` table: Arabic ي ى ك ة ە ۃ ھ ہ أ إ ٱ ؤ → Persian ی ک ه ه ه ه ه ه ا ا ا و;
   every decimal digit (Persian ۰-۹, Arabic-Indic ٠-٩, ...) → ASCII; ٬ and ، → ","; ٫ → ".";
   ٪ → "%"; kashida, diacritics (fathatan…sukun, superscript alef, all combining marks) and
   invisible format characters (ZWJ, LRM/RLM, bidi embeddings and isolates, BOM, soft hyphen) are
   deleted; ZWSP becomes ZWNJ; control characters, lone surrogates and odd spaces become spaces.
3. Anything that is not a letter, digit, space, ZWNJ or one of ``. , / : - %`` becomes a space
   (emoji, symbols, ؟ ! ؛ « » …).
4. "ائی"/"وئی" → "ایی"/"ویی" (پائیز → پاییز); ئ elsewhere (مسئول) is kept.
5. A letter repeated 3+ times collapses to one (سلاممم → سلام); doubled letters are kept.
6. ``. , / :`` survive only between digits (2.5, 1/5, 75,000, 10:30), "-" only between letters or
   digits (SH-40213, 1403-05), "%" only right after a digit; otherwise they become spaces.
7. ZWNJ survives only as a single ZWNJ between two letters; elsewhere it becomes a space.
8. Whitespace collapses to single spaces and the ends are stripped; the result is cut to
   `max_length` characters at a word boundary.
"""

from __future__ import annotations

import re
import unicodedata

from nlp.digits import to_persian_digits

__all__ = ["ZWNJ", "fold", "normalize", "to_persian_digits"]

ZWNJ = "\u200c"


def _build_table() -> dict[int, str | None]:
    """Build the single-character mapping used by `normalize` (run once at import)."""
    table: dict[int, str | None] = {}
    # The scan skips the CJK blocks (all plain letters) to keep import fast (~25 ms).
    for cp in (*range(0x3400), *range(0xA000, 0x10000)):
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if cat == "Nd":
            table[cp] = str(unicodedata.decimal(ch))
        elif cat in ("Mn", "Me", "Cf"):
            table[cp] = None
        elif cat in ("Cc", "Cs", "Co", "Zs", "Zl", "Zp"):
            table[cp] = " "
    # Hangul conjoining jamo would re-compose after a deletion and break idempotence.
    for cp in (*range(0x1100, 0x1200), *range(0x3130, 0x3190), *range(0xFFA0, 0xFFDD)):
        table[cp] = " "
    letters = {
        "ي": "ی", "ى": "ی", "ې": "ی", "ۍ": "ی", "ێ": "ی",
        "ك": "ک", "ڪ": "ک",
        "ة": "ه", "ە": "ه", "ۃ": "ه", "ھ": "ه", "ہ": "ه",
        "ۂ": "ۀ",
        "أ": "ا", "إ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ؤ": "و",
        "ـ": None,  # kashida (a "letter" to Unicode, only stretching to a reader)
        "ٴ": None,
    }  # fmt: skip
    for src, dst in letters.items():
        table[ord(src)] = dst
    table[0x066C] = ","  # ٬ Arabic thousands separator
    table[0x060C] = ","  # ، Arabic comma (also typed as a thousands separator)
    table[0x066B] = "."  # ٫ Arabic decimal separator
    table[0x066A] = "%"  # ٪
    table[0x200B] = ZWNJ  # ZWSP is typed where a ZWNJ was meant
    table.pop(0x200C, None)  # ZWNJ itself is handled by a regex, not deleted
    for ws in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85":
        table[ord(ws)] = " "
    # Identity entries for the common characters: a dict hit is much cheaper than the KeyError
    # `str.translate` swallows for every unmapped character (6.4 -> 4 us per question).
    for cp in (*range(0x80), *range(0x600, 0x700), 0x200C):
        table.setdefault(cp, chr(cp))
    return table


_TABLE = _build_table()

# "ه" + combining hamza above is the decomposed spelling of ۀ; compose it before marks go.
_HEH_HAMZA = re.compile("ه\u0654")
_NOT_ALLOWED = re.compile(r"[^\w\s\u200c.,/:%\-]|_")
_YEH_HAMZA = re.compile(r"(?<=[اآو])ئ(?=ی)")
_ANY_TRIPLE = re.compile(r"(.)\1\1")
_REPEATS = re.compile(r"(\w)\1\1+")
_PUNCT = re.compile(r"[.,/:%\-]")
_LOOSE_ZWNJ = re.compile(r"(?<![^\W\d_])\u200c|\u200c(?![^\W\d_])")
_ZWNJ_RUN = re.compile("\u200c{2,}")
_SPACES = re.compile(" {2,}")


def _collapse_repeat(m: re.Match[str]) -> str:
    """Keep one of a run of 3+ identical letters; leave digit runs (1000) alone."""
    ch = m.group(1)
    return ch if ch.isalpha() else m.group(0)


def _fix_punct(m: re.Match[str]) -> str:
    """Keep number punctuation only where it belongs to a number or a code; else a space."""
    ch = m.group(0)
    i = m.start()
    text = m.string
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == "%":
        return ch if before.isascii() and before.isdigit() else " "
    if ch == "-":
        return ch if before.isalnum() and after.isalnum() else " "
    ok = before.isascii() and before.isdigit() and after.isascii() and after.isdigit()
    return ch if ok else " "


def _pipeline(text: str) -> str:
    """Apply steps 1-8 of the module docstring, without truncation."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = text.lower()
    if "\u0654" in text:
        text = _HEH_HAMZA.sub("ۀ", text)
    text = text.translate(_TABLE)
    text = _NOT_ALLOWED.sub(" ", text)
    if "ئ" in text:
        text = _YEH_HAMZA.sub("ی", text)
    if _ANY_TRIPLE.search(text):
        text = _REPEATS.sub(_collapse_repeat, text)
    text = _PUNCT.sub(_fix_punct, text)
    if ZWNJ in text:
        text = _ZWNJ_RUN.sub(ZWNJ, text)
        text = _LOOSE_ZWNJ.sub(" ", text)
    # Every whitespace character is a plain space by now (see the table).
    return _SPACES.sub(" ", text).strip()


def normalize(text: str, max_length: int = 2000) -> str:
    """Return the canonical form of `text` that all downstream matching runs on."""
    if max_length <= 0:
        return ""
    # Bound the work on huge inputs; the last (possibly cut) word is dropped below.
    limit = 4 * max_length + 64
    cut_input = len(text) > limit
    out = _pipeline(text[:limit] if cut_input else text)
    if cut_input and " " in out:
        out = out[: out.rfind(" ")]
    if len(out) <= max_length:
        return out
    if out[max_length] == " ":
        return out[:max_length]
    space = out.rfind(" ", 0, max_length)
    if space > 0:
        return out[:space]
    # One giant "word": a hard cut can leave e.g. a trailing "." or ZWNJ, so clean it again.
    return _pipeline(out[:max_length])


_FOLD_TABLE = str.maketrans({ZWNJ: " ", "ۀ": "ه", "آ": "ا", "ئ": "ی", "ء": None})
_FOLD_HEH_YEH = re.compile("ه ی(?= |$)")


def fold(text: str) -> str:
    """Return a loose matching key: `normalize`, then merge near-identical spellings.

    On top of `normalize`: ZWNJ becomes a space (so "ارزش‌افزوده", "ارزش افزوده" match),
    ۀ and the ezafe spelling "ه ی" become "ه", آ becomes ا (ابان = آبان), ئ becomes ی
    (مسئول = مسیول), a standalone hamza ء is dropped (اجزاء = اجزا), spaces collapse.
    Use it on both sides of a comparison; it is not meant for display or offsets.
    """
    out = normalize(text).translate(_FOLD_TABLE)
    if _ANY_TRIPLE.search(out):
        out = _REPEATS.sub(_collapse_repeat, out)
    if "ه ی" in out:
        out = _FOLD_HEH_YEH.sub("ه", out)
    return _SPACES.sub(" ", out).strip()
