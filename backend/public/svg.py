"""Charts as inline SVG drawn on the server: no script, no style attribute (the CSP allows none).

Columns run right to left, like the Persian tables beside them: the first period is on the
right. Colours come from classes in public.css. Every chart carries a `<title>` (its accessible
name) and each column a `<title>` with the exact label and amount, shown on hover.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from backend.formatting import toman, toman_figure

WIDTH, HEIGHT = 640, 260
TOP, BOTTOM, SIDE, AXIS = 12, 44, 8, 104  # margins; AXIS is the right band for the scale
MAX_LABELS = 12


@dataclass(frozen=True, slots=True)
class Bar:
    """One column: its short label under the axis, its full label and its amount in rials."""

    label: str
    title: str
    amount_rial: int
    missing: bool = False  # no figure recorded (drawn as an empty slot, not as zero)


def _nice_max(value: int) -> int:
    """Round a maximum up to 1, 2 or 5 times a power of ten, so gridlines fall on round amounts."""
    if value <= 0:
        return 1
    power = 1
    while power * 10 <= value:
        power *= 10
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def column_chart(bars: Sequence[Bar], title: str) -> Markup:
    """Draw columns for a time series (first bar on the right)."""
    top = _nice_max(max((b.amount_rial for b in bars), default=0))
    plot_w = WIDTH - AXIS - SIDE
    plot_h = HEIGHT - TOP - BOTTOM
    n = max(1, len(bars))
    slot = plot_w / n
    bar_w = max(1.0, slot * 0.72)
    every = max(1, -(-n // MAX_LABELS))
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" direction="rtl" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for i in range(5):  # gridlines at 0, 1/4 … 4/4 of the scale
        value = top * i // 4
        y = TOP + plot_h - plot_h * i / 4
        parts.append(
            f'<line class="grid" x1="{SIDE}" x2="{WIDTH - AXIS}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        # In right-to-left text "start" is the right edge: labels grow leftwards from the edge.
        parts.append(
            f'<text class="scale" x="{WIDTH - SIDE}" y="{y + 4:.1f}" text-anchor="start">'
            f"{escape(toman_figure(value))}</text>"
        )
    for index, bar in enumerate(bars):
        # Right to left: the first bar sits next to the scale.
        x = WIDTH - AXIS - slot * (index + 1) + (slot - bar_w) / 2
        h = plot_h * bar.amount_rial / top if top else 0
        y = TOP + plot_h - h
        tip = escape(f"{bar.title}: {toman(bar.amount_rial) if not bar.missing else '—'}")
        css = "bar missing" if bar.missing else "bar"
        parts.append(
            f'<rect class="{css}" x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" '
            f'height="{max(h, 0.5 if not bar.missing else 0):.1f}"><title>{tip}</title></rect>'
        )
        if index % every == 0:
            # Long month names would touch: every other label sits one line lower.
            line = (index // every) % 2 if n > 8 else 0
            y_label = HEIGHT - BOTTOM + 17 + 15 * line
            parts.append(
                f'<text class="label" x="{x + bar_w / 2:.1f}" y="{y_label}" '
                f'text-anchor="middle">{escape(bar.label)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def share_bar(percent: float | None) -> Markup:
    """Draw a small horizontal bar (right to left) for a row's share of its total."""
    width = 0.0 if percent is None else max(0.0, min(100.0, percent))
    return Markup(
        '<svg class="sharebar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"'
        ' xmlns="http://www.w3.org/2000/svg"><rect class="track" x="0" y="0" width="100" '
        f'height="10"/><rect class="bar" x="{100 - width:.2f}" y="0" width="{width:.2f}" '
        'height="10"/></svg>'
    )
