from __future__ import annotations

from datetime import date

from liftwell.web.health.charts import HEIGHT, PAD_BOTTOM, PAD_LEFT, PAD_RIGHT, PAD_TOP, WIDTH, build_chart


def test_it_needs_two_values() -> None:
    assert build_chart("Weight", {"Weight": [(date(2026, 1, 1), 80.0)]}, {"Weight": "kg"}) is None


def test_it_spans_the_plot_area() -> None:
    chart = build_chart(
        "Weight", {"Weight": [(date(2026, 2, 1), 78.0), (date(2026, 1, 1), 80.0)]}, {"Weight": "kg"}
    )
    assert chart is not None
    (series,) = chart.series
    first, last = series.points.split()
    assert float(first.split(",")[0]) == PAD_LEFT
    assert float(last.split(",")[0]) == WIDTH - PAD_RIGHT
    ys = [float(p.split(",")[1]) for p in (first, last)]
    assert all(PAD_TOP <= y <= HEIGHT - PAD_BOTTOM for y in ys)
    assert ys[0] < ys[1]  # 80 kg drawn above 78 kg
    assert series.dots[0][2] == "01 Jan 2026: 80 kg"
