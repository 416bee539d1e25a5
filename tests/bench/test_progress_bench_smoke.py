"""Smoke test for bench/progress_bench.py: every page answers, with a number of queries that does not grow
with the history (aggregation stays in SQL). The timings themselves are not tested."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bench.seed_training import seed


@pytest.mark.django_db
def test_the_progress_pages_keep_a_fixed_number_of_queries(tmp_path: Path) -> None:
    from bench.progress_bench import measure

    seed(years=0.2, token_file=tmp_path / "token", today=date(2026, 5, 4))
    counts = {row["request"].split(" (")[0].split("?")[0]: row["queries"] for row in measure(runs=2)}
    assert len(counts) == 7
    # Session, user, the grouped sets (and, for the weekly view, the first workout's date).
    assert counts["GET /progress/"] <= 4
    assert counts["GET /progress/exercises/{bench press}/"] <= 4
    assert counts["GET /api/v1/progress/weeks"] <= 5
    assert counts["GET /api/v1/progress/exercises/{bench press}"] <= 4
