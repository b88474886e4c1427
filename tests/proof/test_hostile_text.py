"""Hostile text at the NLU, the formatters and the question path: nothing raises, output is sane.

"Hostile" means what a Bot API client can really deliver: bidi marks and isolates, zero-width
characters, emoji ZWJ sequences and flags, stacked combining marks, NUL and other controls, lone
surrogates (JSON `"\\ud83d"` decodes to one), HTML/Markdown metacharacters, and up to 20,000
characters of it. Example counts are bounded so the module runs in seconds.
"""

from __future__ import annotations

import jdatetime
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.conversation import ChatRef
from backend.render_plain import render_plain
from backend.reply import Action, Block, Reply
from backend.untrusted import clean_text
from bot.callbacks import CallbackCodec
from bot.platforms import platform_for
from bot.render import MESSAGE_LIMIT, Renderer
from nlp import understand
from nlp.gazetteer import Gazetteer
from nlp.normalize import ZWNJ, fold, normalize
from nlp.numbers import find_amounts, find_numbers, words_to_number
from nlp.periods import find_periods
from nlp.types import INTENTS
from tests.conftest import SAMPLE_DIR, make_settings
from tests.fakes.bot_api import parse_bale_markdown, parse_html
from tools.nlu_dev_eval import load_gazetteer_data

TODAY = jdatetime.date(1405, 9, 8)
MAX_CHARS = 20_000

_MARKS = (
    "\u200e\u200f\u061c"  # LRM, RLM, ALM
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # isolates
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen
    "\u0300\u0301\u0654\u064b\u064e\u0651\u0652\u0670\u20dd\u0488"  # combining, enclosing
    "\x00\x01\x08\x1b\x1f\x7f\x85\u2028\u2029\t\r\n"  # controls and line separators
    "\ud800\udbff\udc00\udfff\ud83d"  # lone surrogates, as JSON can deliver them
    "\ufffd\ufffe\uffff\U0010ffff\U000e0001"  # specials, noncharacters, tag characters
    "ـ٬٫٪،؛؟«»"  # kashida and Persian punctuation
)
_FRAGMENTS = [
    "👨‍👩‍👧‍👦",
    "🏳️‍🌈",
    "🇮🇷",
    "👍🏽",
    "1️⃣",
    "❤️‍🔥",
    "سهم مشهد از مالیات ۱۴۰۳ چقدر بود؟",
    "پروژه",
    "منطقه ۹",
    "۵۰۰ هزار تومان",
    "دو میلیارد و سیصد",
    "پارسال",
    "سه ماه اخیر",
    "بهار ۱۴۰۲",
    "SH-40213",
    "salam maliat mashhad chande",
    "<b>",
    "</i>",
    "&amp;",
    "&",
    "<script>alert(1)</script>",
    "*_[`]()~|>#",
    "[پیوند](https://evil.example/a_b)",
    "*پررنگ* _کج_",
    "9" * 400,
    "۱۲۳۴۵۶۷۸۹۰",
    "١٢٣",
    "ﻻ",
    "'; DROP TABLE projects; --",
    "%s%n{0}",
]
_HOSTILE_CHAR = st.one_of(
    st.sampled_from(_MARKS),
    st.characters(min_codepoint=0x600, max_codepoint=0x6FF),
    st.characters(codec=None, exclude_categories=()),  # any code point, surrogates included
)
_PIECE = st.one_of(
    st.text(_HOSTILE_CHAR, min_size=1, max_size=30), st.sampled_from(_FRAGMENTS), st.just(" ")
)
_SHORT = st.lists(_PIECE, max_size=30).map("".join)


@st.composite
def hostile_text(draw: st.DrawFn) -> str:
    """Draw a hostile string: a short mix, sometimes repeated up to 20,000 characters."""
    base = draw(_SHORT)
    if base and draw(st.booleans()):
        size = draw(st.sampled_from([2_001, 4_096, 8_065, MAX_CHARS]))
        base = (base * (size // len(base) + 1))[:size]
    return base


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """The real gazetteer of the bundled sample data."""
    return Gazetteer.build(load_gazetteer_data(SAMPLE_DIR))


def _has_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text())
def test_understand_is_total_on_hostile_text(gazetteer: Gazetteer, text: str) -> None:
    u = understand(text, gazetteer, TODAY)
    assert u.intent in INTENTS
    assert 0.0 <= u.confidence <= 1.0
    assert normalize(u.normalized_text) == u.normalized_text
    assert len(u.normalized_text) <= 2000
    for key, value in u.entities.items():
        assert isinstance(key, str) and value not in (None, "")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text())
def test_normalize_idempotent_and_clean_on_hostile_text(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert "\x00" not in once and not _has_surrogate(once)
    assert once == once.strip() and "  " not in once
    assert not once.startswith(ZWNJ) and not once.endswith(ZWNJ)
    folded = fold(text)
    assert fold(folded) == folded


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text())
def test_number_and_period_parsers_are_total(text: str) -> None:
    for candidate in (text, normalize(text)):
        words_to_number(candidate)
        for start, end, _ in find_numbers(candidate):
            assert 0 <= start < end <= len(candidate)
        for amount in find_amounts(candidate):
            assert amount.rial > 0
        for period in find_periods(candidate, TODAY):
            assert period is not None


@settings(max_examples=300, deadline=None)
@given(text=hostile_text())
def test_clean_text_makes_any_string_utf8_and_nul_free(text: str) -> None:
    cleaned = clean_text(text)
    cleaned.encode("utf-8")  # would raise on a lone surrogate
    assert "\x00" not in cleaned
    assert clean_text(cleaned) == cleaned
    assert "👨‍👩‍👧‍👦" not in text or "👨‍👩‍👧‍👦" in cleaned  # well-formed emoji survive


def test_clean_text_joins_split_surrogate_pairs() -> None:
    assert clean_text("a\ud83d\ude00b") == "a😀b"
    assert clean_text("a\ud83db\x00") == "a\ufffdb"


def _hostile_reply(text: str, other: str) -> Reply:
    return Reply(
        "vat_share",
        blocks=[
            Block("title", text),
            Block("text", other + "\n" + text),
            Block("fact", text, label=other[:40]),
            Block("fact", other),
            Block("list", text[:100], items=(text, other, "")),
            Block("note", other),
            Block("source", text),
        ],
        actions=[
            [Action(text[:50] or "x", "ask", text), Action("🔗", "url", "https://example.org")],
            [Action(other[:30] or "y", "faq", other[:80])],
        ],
        location=(36.3, 59.6),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text(), other=_SHORT)
def test_renderers_survive_hostile_replies(text: str, other: str) -> None:
    reply = _hostile_reply(text, other)
    plain = render_plain(reply)
    assert isinstance(plain, str)
    codec = CallbackCodec()
    for name in ("telegram", "bale"):
        platform = platform_for(make_settings("sqlite://", platform=name, bot_token="1:x"))
        rendered = Renderer(platform, codec).render(reply)
        assert rendered.messages
        for message in rendered.messages:
            assert 0 < len(message.text) <= MESSAGE_LIMIT
            if platform.html:
                parse_html(message.text)  # raises like Telegram on broken entities
            else:
                # Bale reads its own Markdown in plain text: hostile text never makes a link.
                _, entities = parse_bale_markdown(message.text)
                assert not [e for e in entities if e["type"] == "text_link"]
        keyboard = rendered.messages[-1].reply_markup
        assert keyboard is not None
        for row in keyboard.inline_keyboard:
            for button in row:
                if button.callback_data is not None:
                    data = str(button.callback_data)
                    assert len(data.encode("utf-8", "surrogatepass")) <= 64
                    assert codec.decode(data) is not None


def test_callback_decode_rejects_forged_surrogates() -> None:
    codec = CallbackCodec()
    for forged in ("a:\ud800", "\udfff:x", "p:" + "\ud83d" * 40, "r:1\x00:1"):
        decoded = codec.decode(forged)
        assert decoded is None or "\ud800" not in decoded[1]


# --- the whole question path over a real database (SQLite and PostgreSQL) ---------------------
_E2E = [
    "سهم مشهد از مالیات \ud800 سال ۱۴۰۳ چقدر بود؟",
    "پروژه‌های منطقه ۹ \udfff",
    "شکایت دارم \ud83d",
    "\x00" * 10,
    "کمک\x00",
    "سلام\u202e\u2066👨‍👩‍👧‍👦\u0300\u0300\u0300",
    "<b>سهم</b> &amp; مشهد",
    "'; DROP TABLE question_log; --",
    "وضعیت پیگیری SH-\ud80040213",
    "۱" * MAX_CHARS,
    ("مالیات " + "\u200f\u200c") * 2500,
]


async def test_assistant_answers_hostile_text_on_both_databases(sample_runtime) -> None:  # type: ignore[no-untyped-def]
    engine = sample_runtime.conversation
    renderer = Renderer(
        platform_for(sample_runtime.settings.model_copy(update={"bot_token": "1:x"})),
        CallbackCodec(),
    )
    chat = ChatRef("telegram", 77, 77, "شهروند\ud800")
    for text in _E2E:
        result = await sample_runtime.cli_door.ask(text, TODAY)
        assert result.answer
        result.answer.encode("utf-8")  # answers never echo a lone surrogate
        reply = await engine.text(chat, text)
        for message in renderer.render(reply).messages:
            parse_html(message.text)
            message.text.encode("utf-8")
    # A normal question still gets its figures after all that.
    result = await sample_runtime.cli_door.ask("سهم مشهد از مالیات سال ۱۴۰۳ چقدر بود؟", TODAY)
    understood = result.reply.understanding
    assert understood is not None and understood.intent == "vat_share"
    assert understood.entities["period"] == {"from": "1403-01", "to": "1403-12"}
