"""Small server-rendered SVG charts: a line chart over dates and a horizontal bar chart.

No script and no style attributes (the Content Security Policy forbids inline styles): shapes carry classes
that `static/liftwell/progress.css` colours, in light and dark. The drawing is 360 units wide and scales
to the page, so it reads on a 375 px phone (labels at 12 units render at about 11 px there). Each chart
is an `img` with a title; the page puts a table with the same figures next to it for screen readers and
for exact values.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

WIDTH = 360
LEFT = 44  # room for the y-axis labels
RIGHT = 8
TOP = 10
BOTTOM = 24  # room for the x-axis labels


@dataclass(frozen=True)
class Series:
    name: str
    css_class: str  # "series-1", "series-2"...
    points: Sequence[tuple[date, float]]


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """About `count` round tick values covering low..high (1, 2, 2.5 or 5 times a power of ten)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 6))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 6))
    return ticks


def _f(value: float) -> str:
    """A coordinate, to 0.1 unit (format_html escapes its arguments to text, so numbers come formatted)."""
    return f"{value:.1f}"


def _number(value: float) -> str:
    return f"{value:g}" if abs(value) < 10000 else f"{value:,.0f}"


def _year_ticks(first: date, last: date) -> list[date]:
    """1 January of each year in range, or the first of some months when the range is short."""
    days = (last - first).days
    if days > 2 * 365:
        step_years = max(1, math.ceil((last.year - first.year) / 5))
        return [date(y, 1, 1) for y in range(first.year + 1, last.year + 1, step_years)]
    # A label every month while they fit (about seven across a phone), else every quarter or half year.
    step = 1 if days <= 220 else 3 if days <= 400 else 6
    ticks: list[date] = []
    y, m = first.year, first.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        tick = date(y, m, 1)
        if tick > last:
            return ticks
        if (m - 1) % step == 0:
            ticks.append(tick)


def line_chart(*, chart_id: str, title: str, series: Sequence[Series], height: int = 200) -> SafeString:
    """Lines over dates, one per series, on a shared y axis that starts near the lowest value."""
    points = [p for s in series for p in s.points]
    if not points:
        return mark_safe("")
    first = min(d for d, _ in points)
    last = max(d for d, _ in points)
    values = [v for _, v in points]
    ticks = nice_ticks(min(values) * 0.95 if min(values) > 0 else 0.0, max(values))
    low, high = ticks[0], ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, height - TOP - BOTTOM
    span_days = max((last - first).days, 1)

    def x(day: date) -> float:
        return LEFT + plot_w * ((day - first).days / span_days if first != last else 0.5)

    def y(value: float) -> float:
        return TOP + plot_h * (1 - (value - low) / (high - low))

    grid = format_html_join(
        "",
        '<line class="grid" x1="{}" x2="{}" y1="{}" y2="{}"/>'
        '<text class="axis" x="{}" y="{}" text-anchor="end">{}</text>',
        ((LEFT, WIDTH - RIGHT, _f(y(t)), _f(y(t)), LEFT - 4, _f(y(t) + 4), _number(t)) for t in ticks),
    )
    x_ticks = _year_ticks(first, last)
    x_labels = format_html_join(
        "",
        '<line class="grid" x1="{}" x2="{}" y1="{}" y2="{}"/>'
        '<text class="axis" x="{}" y="{}" text-anchor="middle">{}</text>',
        (
            (
                _f(x(t)),
                _f(x(t)),
                TOP,
                TOP + plot_h,
                _f(x(t)),
                height - 6,
                str(t.year) if t.month == 1 and (last - first).days > 400 else f"{t:%b}",
            )
            for t in x_ticks
        ),
    )
    lines = []
    for s in series:
        coords = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in s.points)
        lines.append(format_html('<polyline class="line {}" points="{}"/>', s.css_class, coords))
        if len(s.points) <= 60:
            lines.append(
                format_html_join(
                    "",
                    '<circle class="dot {}" cx="{}" cy="{}" r="2.5"/>',
                    ((s.css_class, _f(x(d)), _f(y(v))) for d, v in s.points),
                )
            )
    legend = format_html_join(
        "",
        '<span class="legend-item"><span class="swatch {}" aria-hidden="true"></span>{}</span>',
        ((s.css_class, s.name) for s in series),
    )
    return format_html(
        '<figure class="chart"><svg class="chart-svg" viewBox="0 0 {} {}" role="img"'
        ' aria-labelledby="{}-title" focusable="false"><title id="{}-title">{}</title>{}{}{}</svg>'
        '<figcaption class="legend">{}</figcaption></figure>',
        WIDTH,
        height,
        chart_id,
        chart_id,
        title,
        grid,
        x_labels,
        mark_safe("".join(lines)),  # each piece built by format_html above
        legend,
    )


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    css_class: str  # the band, e.g. "band-target"


LABEL_W = 118
ROW_H = 22


def bar_chart(*, chart_id: str, title: str, bars: Sequence[Bar], marks: Sequence[float]) -> SafeString:
    """Horizontal bars, one row each, with dashed reference lines at `marks` (e.g. 5 and 10 sets)."""
    if not bars:
        return mark_safe("")
    top_value = max([b.value for b in bars] + list(marks)) * 1.1
    plot_w = WIDTH - LABEL_W - RIGHT - 24
    height = TOP + ROW_H * len(bars) + BOTTOM

    def x(value: float) -> float:
        return LABEL_W + plot_w * value / top_value

    rows = format_html_join(
        "",
        '<text class="axis" x="{}" y="{}" text-anchor="end">{}</text>'
        '<rect class="bar {}" x="{}" y="{}" width="{}" height="{}"/>'
        '<text class="value" x="{}" y="{}">{}</text>',
        (
            (
                LABEL_W - 6,
                TOP + i * ROW_H + 15,
                b.label,
                b.css_class,
                LABEL_W,
                TOP + i * ROW_H + 4,
                _f(max(x(b.value) - LABEL_W, 0.0)),
                ROW_H - 8,
                _f(x(b.value) + 4),
                TOP + i * ROW_H + 15,
                _number(b.value),
            )
            for i, b in enumerate(bars)
        ),
    )
    mark_lines = format_html_join(
        "",
        '<line class="mark" x1="{}" x2="{}" y1="{}" y2="{}"/>'
        '<text class="axis" x="{}" y="{}" text-anchor="middle">{}</text>',
        ((_f(x(m)), _f(x(m)), TOP, height - BOTTOM, _f(x(m)), height - 6, _number(m)) for m in marks),
    )
    return format_html(
        '<figure class="chart"><svg class="chart-svg" viewBox="0 0 {} {}" role="img"'
        ' aria-labelledby="{}-title" focusable="false"><title id="{}-title">{}</title>{}{}</svg></figure>',
        WIDTH,
        height,
        chart_id,
        chart_id,
        title,
        rows,
        mark_lines,
    )
