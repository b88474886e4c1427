"""The digest chart: a municipality's monthly VAT share as a PNG, with correct Persian text.

Matplotlib draws glyphs left to right and knows nothing of Arabic-script joining, so every Persian
string is first reshaped (letters → their contextual presentation forms, arabic-reshaper) and
then put in visual order (python-bidi). Every text uses the bundled Vazirmatn files in
`data/fonts/` (a system copy of the family is dropped from matplotlib's font list). Rendering
is CPU work: call `render_vat_chart` via `asyncio.to_thread`.
"""

from __future__ import annotations

import io
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import arabic_reshaper
from bidi.algorithm import get_display

# matplotlib 3.9 builds its fontconfig parser with pyparsing names that newer pyparsing
# deprecates; the warning is theirs, not ours, and the test suite turns warnings into errors.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import matplotlib
    from matplotlib import font_manager
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.ticker import MaxNLocator

    matplotlib.use("Agg")  # never a GUI backend in a server

from backend import digest_texts as texts
from backend.formatting import fa_int, fa_number, month_name
from backend.months import Month

FONT_DIR = Path(__file__).resolve().parents[1] / "data" / "fonts"
FONT_FILES = ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf")
FONT_FAMILY = "Vazirmatn"
FALLBACK_FAMILY = "DejaVu Sans"
# Bars in brand teal; the newest month stands out so "what is new" is visible at a glance.
BAR_COLOR = "#2a9d8f"
LATEST_COLOR = "#e76f51"
RIAL_PER_BILLION_TOMAN = 10 * 10**9

_lock = threading.Lock()  # matplotlib's font cache and text layout are not thread-safe
_registered = False


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One bar: a Jalali month and the VAT share received in it."""

    month: Month
    amount_rial: int


def shape(text: str) -> str:
    """Reshape Persian letters and reorder for display (what matplotlib must be given)."""
    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))


def font_paths() -> list[Path]:
    """Return the bundled font files (raising when one is missing: no silent system fallback)."""
    paths = [FONT_DIR / name for name in FONT_FILES]
    for path in paths:
        if not path.is_file():
            raise FileNotFoundError(f"bundled font missing: {path}")
    return paths


def _register_fonts() -> None:
    """Make the family name resolve to the bundled files only (once per process)."""
    global _registered
    if _registered:
        return
    manager = font_manager.fontManager
    # A system copy of the same family must never win: drop it, then add ours.
    manager.ttflist = [f for f in manager.ttflist if f.name != FONT_FAMILY]
    for path in font_paths():
        manager.addfont(str(path))
    _registered = True


def _font(bold: bool = False) -> FontProperties:
    _register_fonts()
    # DejaVu Sans ships inside matplotlib: a fallback for a character the bundled font lacks
    # (none of ours; the chart test checks every glyph is in the bundled font).
    return FontProperties(
        family=[FONT_FAMILY, FALLBACK_FAMILY], weight="bold" if bold else "normal"
    )


def _tick_label(month: Month) -> str:
    return shape(f"{month_name(month.month)}\n{fa_int(month.year)}")


def build_vat_figure(city_fa: str, points: Sequence[ChartPoint], *, sample: bool) -> Figure:
    """Build (not render) the chart figure; exposed so tests can inspect its texts and fonts."""
    font, bold = _font(), _font(bold=True)
    figure = Figure(figsize=(8, 4.5), dpi=120)
    ax = figure.add_subplot()
    values = [p.amount_rial / RIAL_PER_BILLION_TOMAN for p in points]
    colors = [BAR_COLOR] * len(points)
    if colors:
        colors[-1] = LATEST_COLOR
    positions = list(range(len(points)))
    ax.bar(positions, values, color=colors, width=0.75)
    # A label every third month keeps 24 bars readable; the newest month is always named.
    ticks = [i for i in positions if (len(points) - 1 - i) % 3 == 0]
    ax.set_xticks(
        ticks, [_tick_label(points[i].month) for i in ticks], fontproperties=font, fontsize=8
    )
    # Fixed y ticks with labels written by our formatter (Persian digits, ٬ grouping) and our
    # font; a tick formatter would create labels matplotlib styles on its own.
    top = max(values, default=0.0) or 1.0
    y_ticks = [v for v in MaxNLocator(nbins=6, integer=True).tick_values(0, top) if 0 <= v <= top]
    ax.set_yticks(y_ticks, [fa_number(v) for v in y_ticks], fontproperties=font, fontsize=9)
    ax.set_ylim(0, top * 1.05)
    ax.set_ylabel(shape(texts.CHART_Y_LABEL), fontproperties=font)
    ax.set_title(shape(texts.CHART_TITLE.format(city=city_fa)), fontproperties=bold, fontsize=12)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", alpha=0.3)
    footer = texts.CHART_SOURCE + ("، " + texts.CHART_SAMPLE if sample else "")
    figure.text(
        0.98,
        0.01,
        shape(footer),
        ha="right",
        va="bottom",
        fontproperties=font,
        fontsize=8,
        color="#666666",
    )
    figure.tight_layout(rect=(0, 0.03, 1, 1))
    return figure


def render_vat_chart(city_fa: str, points: Sequence[ChartPoint], *, sample: bool) -> bytes:
    """Render the monthly VAT chart as PNG bytes."""
    with _lock:
        figure = build_vat_figure(city_fa, points, sample=sample)
        FigureCanvasAgg(figure)  # attaches the Agg canvas that savefig draws on
        buffer = io.BytesIO()
        # No version in the metadata: the same data gives the same bytes.
        figure.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()
