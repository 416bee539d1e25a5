"""Smoke tests for bench/: the seed is idempotent, the hot paths keep a fixed number of queries, and the
load generator's arithmetic and safety checks hold. The benchmarks themselves are not timed tests."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pytest

from bench.http_load import markdown_table, percentile, run_scenario
from bench.seed_training import SETS_PER_EXERCISE, seed

TODAY = date(2026, 5, 4)


@pytest.mark.django_db
def test_it_seeds_once_however_often_it_runs(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    first = seed(years=0.2, token_file=token_file, today=TODAY)
    token = token_file.read_text()
    again = seed(years=0.2, token_file=token_file, today=TODAY)
    assert first["workouts"] > 30
    assert first["sets"] == first["workouts"] * 5 * SETS_PER_EXERCISE
    assert {key: again[key] for key in ("workouts", "sets")} == {
        key: first[key] for key in ("workouts", "sets")
    }
    assert token_file.read_text() == token  # the token still works, so it is kept


@pytest.mark.django_db
def test_it_keeps_the_hot_paths_to_a_fixed_number_of_queries(tmp_path: Path) -> None:
    from bench.query_counts import measure

    seed(years=0.2, token_file=tmp_path / "token", today=TODAY)
    counts = {
        row["request"].split(" (")[0].split("?")[0]: row["queries"]
        for row in measure(repeat=2, show_sql=False)
    }
    assert counts["GET /api/v1/workouts"] <= 2
    assert counts["GET /api/v1/sets"] <= 2
    # Token, workout, block, two client_id checks, and the insert in its savepoint: bench/README.md.
    assert counts["POST /api/v1/workouts/{id}/sets"] <= 8


def test_it_takes_nearest_rank_percentiles() -> None:
    values = [float(n) for n in range(1, 101)]
    assert percentile(values, 0.50) == 50.0
    assert percentile(values, 0.99) == 99.0
    assert percentile([7.0], 0.99) == 7.0


def test_it_only_loads_this_machine() -> None:
    args = argparse.Namespace(url="http://example.org:80", token=None, token_file=None, scenario="healthz")
    with pytest.raises(SystemExit, match="only targets 127.0.0.1"):
        run_scenario(args)


def test_it_prints_one_table_row_per_result() -> None:
    result = {
        "label": "sqlite",
        "scenario": "create_set",
        "rps": 264.0,
        "p50_ms": 20.0,
        "p90_ms": 30.0,
        "p99_ms": 40.0,
        "max_ms": 60.0,
        "non_2xx": 0,
        "errors": {},
        "generator_cpu_pct": 10.0,
        "loadavg_1m": [1.0, 1.5],
    }
    table = markdown_table([result]).splitlines()
    assert len(table) == 3
    assert "1.20x, p99 < 50 ms" in table[2]
