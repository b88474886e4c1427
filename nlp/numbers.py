"""Persian numbers: words ↔ integers, and money amounts in normalized text.

All functions that take text expect the output of `nlp.normalize.normalize` (ASCII digits, "٬"
already ",", "٫" already ".", ZWNJ only between letters) and report offsets into it.

Money conventions (see `find_amounts`):
- Iranians quote prices in toman unless they say ریال, so an amount with no currency word
  ("خرید ۵ میلیونی", "۷۵۰ هزار") is toman; rial = toman × 10.
- A bare number ("1403", "منطقه ۹", "کد 58213") is never money: an amount needs a currency word
  (تومان, تومن, ریال, ت, toman, rial, …) or a magnitude word (هزار, میلیون, میلیارد, …).
- Colloquially "یک میلیون و دویست" means 1,200,000, so inside an amount a trailing group below
  1000 after میلیون/میلیارد/تریلیون counts in thousands of that magnitude. `words_to_number`
  stays literal (1,000,200) so that it inverts `number_to_words`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from nlp.normalize import normalize
from nlp.types import Amount

__all__ = [
    "find_amounts",
    "find_numbers",
    "number_to_words",
    "small_number_word",
    "words_to_number",
]

Num = int | Fraction

# --- vocabulary -------------------------------------------------------------------------------

_UNITS_WORDS = ("", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه")
_TEENS_WORDS = (
    "ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده",
)  # fmt: skip
_TENS_WORDS = ("", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود")
_HUNDREDS_WORDS = (
    "", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد",
)  # fmt: skip
_MAGNITUDE_WORDS = ((10**12, "تریلیون"), (10**9, "میلیارد"), (10**6, "میلیون"), (1000, "هزار"))

# word -> (value, place): a word may only be followed (inside one group below 1000) by a word
# of a smaller place: صد و بیست و پنج is 100 → 20 → 5.
_SMALL: dict[str, tuple[int, int]] = {"صفر": (0, 1)}
for _v, _w in enumerate(_UNITS_WORDS):
    if _w:
        _SMALL[_w] = (_v, 1)
for _v, _w in enumerate(_TEENS_WORDS, start=10):
    _SMALL[_w] = (_v, 1)
for _v, _w in enumerate(_TENS_WORDS):
    if _w:
        _SMALL[_w] = (_v * 10, 10)
for _v, _w in enumerate(_HUNDREDS_WORDS):
    if _w:
        _SMALL[_w] = (_v * 100, 100)
_SMALL.update(
    {
        # colloquial and alternative spellings
        "یه": (1, 1), "یکی": (1, 1), "چار": (4, 1), "شیش": (6, 1),
        "چارده": (14, 1), "پونزده": (15, 1), "شونزده": (16, 1), "هیفده": (17, 1),
        "هیجده": (18, 1), "هژده": (18, 1), "هیژده": (18, 1),
        "یکصد": (100, 100), "دویس": (200, 100), "چارصد": (400, 100), "پونصد": (500, 100),
        "شیشصد": (600, 100), "هفصد": (700, 100), "هشصد": (800, 100),
    }
)  # fmt: skip

# word -> (magnitude, is_adjective): "میلیونی" ("a 5-million purchase") ends the number.
_MAGNITUDE: dict[str, tuple[int, bool]] = {}
for _m, _forms in (
    (1000, ("هزار", "hezar", "hezaar", "hazar")),
    (10**6, ("میلیون", "ملیون", "million", "milion", "milyon", "milyoon", "melyoon", "melyon",
             "milioon", "meliun")),
    (10**9, ("میلیارد", "ملیارد", "milyard", "miliard", "milliard", "milyaard", "melyard")),
    (10**12, ("تریلیون", "trillion")),
):  # fmt: skip
    for _f in _forms:
        _MAGNITUDE[_f] = (_m, False)
        if not _f.isascii():
            _MAGNITUDE[_f + "ی"] = (_m, True)

_HALF = frozenset({"نیم", "nim"})
_AND = frozenset({"و", "o", "va"})

_RIAL = frozenset({"ریال", "ریالی", "ریالش", "ریاله", "rial", "rials", "riyal", "riyals"})
_TOMAN = frozenset(
    {"تومان", "تومن", "تومانی", "تومنی", "تومانش", "تومنش", "تومانه", "تومنه", "ت",
     "toman", "tomans", "tooman", "tomani", "toomani", "tomn"}
)  # fmt: skip
# Counted things: "۲۰ هزار نفر" is a head-count, not money.
_COUNT_NOUNS = frozenset(
    {"نفر", "نفری", "نفره", "متر", "مترمربع", "کیلومتر", "کیلو", "کیلوگرم", "تن", "لیتر",
     "درصد", "درصدی", "بار", "سال", "ساله", "ماه", "ماهه", "روز", "روزه", "ساعت", "دقیقه",
     "اصله", "درخت", "نهال", "واحد", "دستگاه", "عدد", "تا", "خانوار", "پروژه", "مورد",
     "هکتار", "بوته", "سری", "جلد", "نسخه", "کیلووات", "مگاوات", "ها", "های", "هایی"}
)  # fmt: skip
# "چند میلیون" is "a few million": no number can be read from it.
_VAGUE = frozenset({"چند", "چندین", "چن", "چندتا", "صدها", "هزاران", "میلیون‌ها", "چندصد"})

_ORDINALS: dict[str, int] = {"اول": 1, "نخست": 1, "یکم": 1, "سوم": 3}
for _v, _w in enumerate((*_UNITS_WORDS[1:], *_TEENS_WORDS, "بیست"), start=1):
    if _w != "سه":  # "سهم" is "share", the commonest word in this domain; 3rd is "سوم"
        _ORDINALS.setdefault(_w + "م", _v)

# Tokens: a number (digits with "," thousands groups, "." or "/" decimals, "-" or "/" in dates
# and codes) or a run of letters. ZWNJ and spaces separate tokens ("یک‌میلیارد" is two), and a
# "," that does not group thousands separates numbers ("1402,1403").
_TOKEN = re.compile(
    r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+,[0-9]{1,2}(?![0-9,])"
    r"|[0-9]+(?:[./:\-][0-9]+)*|[^\W\d_]+"
)
_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:\.[0-9]{3}){2,}")
_DECIMAL = re.compile(r"([0-9]+)[./,]([0-9]+)")


# --- number_to_words ---------------------------------------------------------------------------


def _below_thousand(n: int) -> list[str]:
    """Return the words of 1 <= n <= 999, to be joined with " و "."""
    parts: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append(_HUNDREDS_WORDS[hundreds])
    if 10 <= rest < 20:
        parts.append(_TEENS_WORDS[rest - 10])
    else:
        tens, units = divmod(rest, 10)
        if tens:
            parts.append(_TENS_WORDS[tens])
        if units:
            parts.append(_UNITS_WORDS[units])
    return parts


def number_to_words(n: int) -> str:
    """Write 0 <= n <= 10**15 in Persian words ("دو میلیون و پانصد هزار")."""
    if not 0 <= n <= 10**15:
        raise ValueError(f"number_to_words supports 0..10**15, not {n}")
    if n == 0:
        return "صفر"
    parts: list[str] = []
    for magnitude, word in _MAGNITUDE_WORDS:
        group, n = divmod(n, magnitude)
        if group == 1 and magnitude == 1000:
            parts.append(word)  # "هزار", not "یک هزار"
        elif group:
            # Only 10**15 gets a group of 1000 here: "هزار تریلیون".
            parts.append(f"{number_to_words(group)} {word}")
    if n:
        parts.extend(_below_thousand(n))
    return " و ".join(parts)


# --- parsing -------------------------------------------------------------------------------------


# Longer digit runs are card numbers, keyboard mashing or attacks, not amounts or years.
MAX_DIGIT_CHARS = 40
MAX_FLOAT_NUMBER = 10**300


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int


# "۲م", "۱.۵م": chat shorthand for million, glued to the digits. Not after words that take an
# ordinal ("فاز ۲م", "طبقه ۳م" = second phase, third floor).
_ORDINAL_CONTEXT = frozenset(
    "خط فاز طبقه منطقه مرحله ردیف بخش قسمت شماره پلاک واحد کلاس سال ناحیه".split()
)


def _tokens(text: str) -> list[_Tok]:
    """Split normalized text into number-friendly tokens with offsets."""
    toks = [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    for k in range(1, len(toks)):
        tok, prev = toks[k], toks[k - 1]
        if (
            tok.text == "م"
            and tok.start == prev.end
            and "0" <= prev.text[0] <= "9"
            and not (k >= 2 and toks[k - 2].text in _ORDINAL_CONTEXT)
        ):
            toks[k] = _Tok("میلیون", tok.start, tok.end)
    return toks


def _digits_value(tok: str, before_magnitude: bool) -> Num | None:
    """Read a digit token: 75,000 and 1.500.000 are grouped; 2.5, 1/5, 2,5 are decimals.

    A "/" decimal (Persian handwriting: 1/5 = 1.5) or "," decimal is only read before a
    magnitude word ("1/5 میلیارد"), since elsewhere "1/5" is as likely a date or a fraction.
    """
    if len(tok) > MAX_DIGIT_CHARS:
        return None  # a digit run no one means as a number; int() refuses 4,300+ digits
    if tok.isascii() and tok.isdigit():
        return int(tok)
    if _GROUPED.fullmatch(tok):
        return int(tok.replace(",", "").replace(".", ""))
    m = _DECIMAL.fullmatch(tok)
    if m is None:
        return None  # dates (1403/05/12), codes (12-34), times (10:30)
    if tok[m.end(1)] in "/," and not before_magnitude:
        return None
    return Fraction(int(m.group(1) + m.group(2)), 10 ** len(m.group(2)))


def _is_code_digits(text: str, tok: _Tok) -> bool:
    """Tell digits glued to Latin letters, "-" or "%" (SH-40213, A12, 9%) from numbers."""
    before = text[tok.start - 1] if tok.start > 0 else " "
    after = text[tok.end] if tok.end < len(text) else " "
    return (
        before == "-"
        or after in "-%"
        or (before.isascii() and before.isalpha())
        or (after.isascii() and after.isalpha())
    )


@dataclass(slots=True)
class _Parsed:
    value: Num
    first: int  # token index of the first token
    last: int  # token index of the last token (inclusive)
    has_magnitude: bool
    bare_magnitude: bool  # started with a magnitude word ("هزار تومان", "میلیون‌ها")


def _parse_at(text: str, toks: list[_Tok], i: int, colloquial: bool) -> _Parsed | None:
    """Read the longest well-formed number starting at token i, or None.

    Grammar: groups below 1000 (words by descending place, صد و بیست و پنج, or one digit
    token), "و نیم" for a half, each group optionally followed by a magnitude. A smaller
    magnitude adds ("دو میلیون و پانصد هزار"); a larger one multiplies all so far, which is
    how budgets are said ("هزار و پانصد میلیارد" = 1.5 × 10**12, "هزار تریلیون" = 10**15).
    """
    n = len(toks)
    total: Num = 0
    group: Num | None = None  # the pending group below the next magnitude
    group_place = 0  # place (100/10/1) of the group's last word; 0 = closed (digits, نیم)
    last_magnitude = 0  # the magnitude applied last (0 = none yet)
    after_and = False
    best: _Parsed | None = None
    bare = toks[i].text in _MAGNITUDE

    def snapshot(last: int) -> _Parsed:
        value: Num = total + (group or 0)
        if colloquial and group is not None and last_magnitude >= 10**6 and group < 1000:
            # "یک میلیون و دویست" = 1,200,000: the trailing group counts in thousands
            value = total + group * (last_magnitude // 1000)
        return _Parsed(value, i, last, last_magnitude > 0, bare)

    for j in range(i, n):
        word = toks[j].text
        if "0" <= word[0] <= "9":
            if group is not None or _is_code_digits(text, toks[j]):
                break
            nxt = toks[j + 1].text if j + 1 < n else ""
            value = _digits_value(word, nxt in _MAGNITUDE)
            if value is None:
                break
            if last_magnitude and (
                value >= 1000 or isinstance(value, Fraction) or (not after_and and value < 100)
            ):
                break  # "میلیون 1403", "هزار و 2.5", "۵ میلیون ۲ تا": not one number
            group, group_place = value, 0
        elif word in _SMALL:
            value, place = _SMALL[word]
            if group is None:
                if last_magnitude and not after_and and place < 100:
                    break  # "۵ میلیون دو تا" is not 5,000,002
                if value == 0 and (total or last_magnitude):
                    break
                group, group_place = value, (0 if value == 0 else place)
            elif place < group_place and value < group_place:
                group += value
                group_place = place
            else:
                break
        elif word in _HALF:
            if group is not None and after_and:
                group, group_place = group + Fraction(1, 2), 0  # "یک و نیم", "۲ و نیم"
            elif group is None and last_magnitude and after_and:
                total += Fraction(last_magnitude, 2)  # "دو میلیون و نیم"
                return _Parsed(total, i, j, True, bare)
            elif j == i:
                group, group_place = Fraction(1, 2), 0  # "نیم میلیون"
            else:
                break
        elif word in _MAGNITUDE:
            magnitude, adjective = _MAGNITUDE[word]
            if not last_magnitude:
                total = (1 if group is None else group) * magnitude
            elif magnitude < last_magnitude and (group is not None or after_and):
                total += (1 if group is None else group) * magnitude  # "... و هزار"
            elif magnitude > last_magnitude and (group is not None or not after_and):
                total = (total + (group or 0)) * magnitude
            else:
                break
            last_magnitude = magnitude
            group, group_place = None, 0
            after_and = False
            best = _Parsed(total, i, j, True, bare)
            if adjective:
                break  # "میلیونی" ends the number
            continue
        elif word in _AND and j > i and not after_and:
            after_and = True
            continue
        else:
            break
        after_and = False
        best = snapshot(j)
    return best


def _scan(text: str, colloquial: bool) -> tuple[list[_Tok], list[_Parsed]]:
    """Find every number left to right; return the tokens and the parses over them."""
    toks = _tokens(text)
    found: list[_Parsed] = []
    i = 0
    n = len(toks)
    while i < n:
        word = toks[i].text
        if word in _AND or not (
            "0" <= word[0] <= "9" or word in _SMALL or word in _MAGNITUDE or word in _HALF
        ):
            i += 1
            continue
        parsed = _parse_at(text, toks, i, colloquial)
        if parsed is None:
            i += 1
            continue
        found.append(parsed)
        i = parsed.last + 1
    return toks, found


def words_to_number(text: str) -> int | None:
    """Read a whole text that is one Persian number ("صد و بیست هزار", "۲.۵ میلیون") or None."""
    norm = normalize(text)
    toks = _tokens(norm)
    if not toks:
        return None
    parsed = _parse_at(norm, toks, 0, colloquial=False)
    if parsed is None or parsed.last != len(toks) - 1:
        return None
    value = parsed.value
    if isinstance(value, Fraction):
        if value.denominator != 1:
            return None
        return int(value)
    return value


def find_numbers(text: str) -> list[tuple[int, int, float]]:
    """List every number in normalized text as (start, end, value), left to right.

    Literal: years, district numbers and "یه" (one) are all reported; callers decide what a
    number means. Digits glued to "-", "%" or Latin letters (codes, percentages) are skipped.
    """
    toks, found = _scan(text, colloquial=False)
    # Stacked magnitudes ("میلیارد میلیارد …") can exceed a float; no caller wants such a number.
    return [
        (toks[p.first].start, toks[p.last].end, float(p.value))
        for p in found
        if p.value <= MAX_FLOAT_NUMBER
    ]


def find_amounts(text: str) -> list[Amount]:
    """List the money amounts in normalized text, in whole rials, left to right."""
    out: list[Amount] = []
    toks, found = _scan(text, colloquial=True)
    for parsed in found:
        nxt = parsed.last + 1
        follower = toks[nxt].text if nxt < len(toks) else ""
        if follower in _RIAL:
            unit, factor = "rial", 1
        elif follower in _TOMAN:
            unit, factor = "toman", 10
        else:
            unit, factor = "toman", 10
            follower = ""
            if not parsed.has_magnitude:
                continue
            nxt_word = toks[nxt].text if nxt < len(toks) else ""
            if nxt_word in _COUNT_NOUNS:
                continue  # "۲۰ هزار نفر", "میلیون‌ها" (tokens "میلیون", "ها")
        if parsed.bare_magnitude:
            prev = toks[parsed.first - 1].text if parsed.first > 0 else ""
            if prev in _VAGUE:
                continue
            if not follower and nxt < len(toks) and toks[nxt].text in _COUNT_NOUNS:
                continue
        rial = round(parsed.value * factor)
        if rial <= 0:
            continue  # "صفر تومان", "نیم ریال"
        end = toks[nxt].end if follower else toks[parsed.last].end
        out.append(Amount(toks[parsed.first].start, end, rial, unit))
    return out


def small_number_word(token: str, ordinals: bool = True) -> int | None:
    """Read one token as a small number: صفر..بیست, ordinals اول..بیستم, or 1-3 ASCII digits."""
    if token.isascii() and token.isdigit() and len(token) <= 3:
        return int(token)
    hit = _SMALL.get(token)
    if hit is not None and hit[0] <= 20:
        return hit[0]
    return _ORDINALS.get(token) if ordinals else None


def number_word(token: str) -> int | None:
    """Read one token that is a whole number word on its own ("صد", "پنجاه", "دوازده")."""
    hit = _SMALL.get(token)
    return hit[0] if hit is not None else None
