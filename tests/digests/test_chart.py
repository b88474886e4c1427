"""The chart: Persian shaped and ordered for display, the bundled font, Persian digits, a PNG
sent as a photo with the digest as its caption."""

from __future__ import annotations

import struct

import jdatetime

from backend.charts import FONT_DIR, ChartPoint, build_vat_figure, render_vat_chart, shape
from backend.digests import plan_digest
from backend.months import Month
from shafaf.runtime import Runtime
from tests.digests.helpers import add_subscribers, fake_bot, make_engine
from tests.fakes.bot_api import FakeBotApi

POINTS = [
    ChartPoint(Month(1404, 1).shift(i), 3_000_000_000_000 + i * 97_000_000_000) for i in range(24)
]
FA_DIGITS = set("۰۱۲۳۴۵۶۷۸۹")


def presentation_forms(text: str) -> int:
    """Count Arabic presentation-form letters (what a shaped string is made of)."""
    return sum(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in text)


def texts_of(figure: object) -> list[object]:
    # matplotlib is imported through backend.charts, which silences its import-time warning.
    from matplotlib.text import Text

    return [t for t in figure.findobj(Text) if t.get_text().strip()]  # type: ignore[attr-defined]


def test_shaping_joins_letters_and_orders_them_for_display() -> None:
    word = "مشهد"
    shaped = shape(word)
    assert presentation_forms(shaped) == len(word)  # every letter in its joined form
    assert shaped != word and shaped[::-1] != word
    # the first logical letter (initial meem) is drawn last, at the right
    assert shaped[-1] == "\ufee3"


def test_chart_uses_the_bundled_font_shaped_labels_and_persian_digits() -> None:
    from matplotlib import font_manager, ft2font
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = build_vat_figure("مشهد", POINTS, sample=True)
    FigureCanvasAgg(figure).draw()  # tick labels exist only after a draw
    texts: list = texts_of(figure)
    persian = [t for t in texts if any("\u0600" <= c <= "\ufeff" for c in t.get_text())]
    assert len(persian) >= 10  # title, y label, month ticks, footer
    title = figure.axes[0].title.get_text()
    assert presentation_forms(title) > 20 and title == shape(
        "سهم ماهانه مشهد از مالیات بر ارزش افزوده"
    )
    for text in persian:
        path = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
        assert path.startswith(str(FONT_DIR)), (text.get_text(), path)
        # every glyph is in the bundled font: no tofu boxes
        charmap = ft2font.FT2Font(path).get_charmap()
        missing = {c for c in text.get_text() if not c.isspace() and ord(c) not in charmap}
        assert not missing, (text.get_text(), missing)
    y_labels = [t.get_text() for t in figure.axes[0].get_yticklabels() if t.get_text()]
    assert y_labels and all(set(label) <= FA_DIGITS | {"٬"} for label in y_labels)
    x_labels = [t.get_text() for t in figure.axes[0].get_xticklabels()]
    assert len(x_labels) == 8 and all(set(label) & FA_DIGITS for label in x_labels)
    assert not any(c.isascii() and c.isdigit() for label in x_labels + y_labels for c in label)


def test_chart_is_a_png_of_the_expected_size() -> None:
    png = render_vat_chart("مشهد", POINTS, sample=False)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (960, 540)
    assert render_vat_chart("مشهد", POINTS, sample=False) == png  # deterministic


async def test_chart_is_sent_as_a_photo_with_the_digest_as_caption(sample_runtime: Runtime) -> None:
    sessions = sample_runtime.services.sessions
    chats = await add_subscribers(sessions, 5)
    await plan_digest(sessions, "weekly", "weekly:photo", jdatetime.date(1405, 9, 8))
    async with FakeBotApi() as fake:
        bot = fake_bot(fake)
        try:
            await make_engine(bot, sessions, fake).drain()
        finally:
            await bot.request.shutdown()
        photos = fake.calls("sendPhoto")
        assert len(photos) == len(chats) and not fake.calls("sendMessage")
        uploads = [c for c in photos if "photo" in c.files]
        assert len(uploads) == 1  # uploaded once, then Telegram's file_id is reused
        assert uploads[0].files["photo"].data.startswith(b"\x89PNG")
        for chat in chats:
            [message] = fake.sent(chat)
            assert message["method"] == "sendPhoto"
            assert "خلاصه هفتگی شفاف" in message["caption"]
            assert len(message["caption"]) <= 1024
            buttons = message["reply_markup"]["inline_keyboard"]
            assert buttons[-1][0]["callback_data"] == "x:"  # unsubscribe
