"""Trend charts drawn on the server as SVG: no script, readable by screen readers through the table
beside them. Geometry only; the template draws it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

WIDTH = 640
HEIGHT = 220
PAD_LEFT = 48
PAD_RIGHT = 12
PAD_TOP = 12
PAD_BOTTOM = 28


@dataclass(frozen=True)
class Series:
    name: str
    unit: str
    index: int  # for the CSS class that colours it
    points: str  # "x,y x,y ..." for <polyline>
    dots: list[tuple[float, float, str]]  # (x, y, "date: value") for <circle><title>


@dataclass(frozen=True)
class Chart:
    title: str
    series: list[Series]
    y_min: float
    y_max: float
    first_day: date
    last_day: date
    width: int = WIDTH
    height: int = HEIGHT
    left: int = PAD_LEFT
    bottom: int = HEIGHT - PAD_BOTTOM
    right: int = WIDTH - PAD_RIGHT
    top: int = PAD_TOP

    @property
    def y_label_top(self) -> str:
        return f"{self.y_max:g}"

    @property
    def y_label_bottom(self) -> str:
        return f"{self.y_min:g}"


def _nice_range(values: list[float]) -> tuple[float, float]:
    low, high = min(values), max(values)
    if low == high:
        return low - 1, high + 1
    margin = (high - low) * 0.1
    return round(low - margin, 1), round(high + margin, 1)


def build_chart(
    title: str, points: dict[str, list[tuple[date, float]]], units: dict[str, str]
) -> Chart | None:
    """One chart for series that share an axis; None with fewer than two dated values in all."""
    filled = {name: sorted(values) for name, values in points.items() if values}
    if sum(len(values) for values in filled.values()) < 2:
        return None
    all_days = [day for values in filled.values() for day, _ in values]
    all_values = [value for values in filled.values() for _, value in values]
    first, last = min(all_days), max(all_days)
    y_min, y_max = _nice_range(all_values)
    span_days = max((last - first).days, 1)
    plot_w = WIDTH - PAD_LEFT - PAD_RIGHT
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def xy(day: date, value: float) -> tuple[float, float]:
        x = PAD_LEFT + plot_w * ((day - first).days / span_days if last != first else 0.5)
        y = PAD_TOP + plot_h * (1 - (value - y_min) / (y_max - y_min))
        return round(x, 1), round(y, 1)

    series = []
    for index, (name, values) in enumerate(filled.items()):
        coords = [xy(day, value) for day, value in values]
        dots = [
            (x, y, f"{day:%d %b %Y}: {value:g} {units.get(name, '')}")
            for (x, y), (day, value) in zip(coords, values, strict=True)
        ]
        series.append(Series(name, units.get(name, ""), index, " ".join(f"{x},{y}" for x, y in coords), dots))
    return Chart(title, series, y_min, y_max, first, last)
