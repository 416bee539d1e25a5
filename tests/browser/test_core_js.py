"""The logging screen's JavaScript ports (plates.js, warmup.js) give the same answers as liftwell.core.

Both plate calculators read tests/fixtures/plate_vectors.json; on top of that the JS is compared with the
Python on random targets and inventories, and warmup.js with warmup_sets on a few ramps.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from liftwell.core.plates import PlateLoading, PlateSet, load_bar, standard_kg, standard_lb
from liftwell.core.units import lb_to_kg
from liftwell.core.warmup import warmup_sets

VECTORS = Path(__file__).resolve().parents[1] / "fixtures" / "plate_vectors.json"

RUN_PLATES = """async (vectors) => {
  const { loadBar } = await import("/static/liftwell/logging/plates.js");
  return vectors.map((v) => loadBar(v.target, { bar: v.bar, collar: v.collar, plates: v.plates }));
}"""

RUN_WARMUPS = """async (cases) => {
  const { warmupSets } = await import("/static/liftwell/logging/warmup.js");
  return cases.map((c) => warmupSets(c.workingKg, c.options));
}"""


def as_vector(target: Decimal, kit: PlateSet, loading: PlateLoading) -> dict[str, Any]:
    """A vector in the fixture's shape, from the Python result."""
    return {
        "name": f"random {target} on bar {kit.bar}",
        "target": float(target),
        "bar": float(kit.bar),
        "collar": float(kit.collar),
        "plates": [[float(w), n] for w, n in kit.plates],
        "achieved": float(loading.achieved),
        "exact": loading.exact,
        "per_side": [float(p) for p in loading.per_side],
        "below": None if loading.below is None else float(loading.below.achieved),
        "above": None if loading.above is None else float(loading.above.achieved),
    }


def random_vectors(count: int) -> list[dict[str, Any]]:
    rng = random.Random(20261129)
    vectors = []
    for _ in range(count):
        if rng.random() < 0.5:
            kit = rng.choice(
                [standard_kg(), standard_lb(), standard_kg(bar=Decimal(15), collar=Decimal("2.5"))]
            )
        else:
            weights = rng.sample(
                ["0.25", "0.5", "1.25", "2.5", "5", "10", "15", "20", "25"], rng.randint(1, 4)
            )
            kit = PlateSet(
                bar=Decimal(rng.choice(["0", "7", "20"])),
                plates=tuple((Decimal(w), rng.randint(0, 3)) for w in weights),
            )
        target = Decimal(rng.randint(0, 30000)) / 100
        vectors.append(as_vector(target, kit, load_bar(target, kit)))
    return vectors


def assert_same(got: dict[str, Any], expected: dict[str, Any]) -> None:
    name = expected["name"]
    assert got["achieved"] == pytest.approx(expected["achieved"], abs=1e-9), name
    assert got["exact"] is expected["exact"], name
    assert got["perSide"] == pytest.approx(expected["per_side"], abs=1e-9), name
    for side in ("below", "above"):
        if expected[side] is None:
            assert got[side] is None, name
        else:
            assert got[side]["achieved"] == pytest.approx(expected[side], abs=1e-9), name
            assert got[side]["exact"] is True, name


def test_plates_js_matches_the_shared_vectors(page: Any) -> None:
    vectors = json.loads(VECTORS.read_text())
    page.goto("/healthz")
    results = page.evaluate(RUN_PLATES, vectors)
    assert len(results) == len(vectors)
    for got, expected in zip(results, vectors, strict=True):
        assert_same(got, expected)
    assert page.js_errors == []


def test_plates_js_matches_python_on_random_loads(page: Any) -> None:
    vectors = random_vectors(300)
    page.goto("/healthz")
    for got, expected in zip(page.evaluate(RUN_PLATES, vectors), vectors, strict=True):
        assert_same(got, expected)


WARMUPS = [
    (Decimal(100), Decimal(20), Decimal("2.5"), 5),
    (Decimal(140), Decimal(20), Decimal("2.5"), 5),
    (Decimal(60), Decimal(20), Decimal("2.5"), 8),
    (Decimal(50), Decimal(20), Decimal("2.5"), 5),
    (Decimal(70), Decimal(20), Decimal(20), 5),
    (Decimal(200), Decimal(20), Decimal("2.5"), 1),
    (Decimal("102.5"), Decimal(15), Decimal("1.25"), 3),
    (Decimal(25), Decimal(20), Decimal("2.5"), 5),
    (Decimal(20), Decimal(20), Decimal("2.5"), 5),
    (Decimal(30), Decimal(0), Decimal(2), 10),
    (lb_to_kg(Decimal(225)), lb_to_kg(Decimal(45)), lb_to_kg(Decimal(5)), 5),
    (lb_to_kg(Decimal(315)), lb_to_kg(Decimal(45)), lb_to_kg(Decimal(5)), 3),
]


def test_warmup_js_matches_python(page: Any) -> None:
    cases = [
        {"workingKg": float(w), "options": {"barKg": float(b), "stepKg": float(s), "workingReps": r}}
        for w, b, s, r in WARMUPS
    ]
    page.goto("/healthz")
    results = page.evaluate(RUN_WARMUPS, cases)
    for got, (working_kg, bar_kg, step_kg, reps) in zip(results, WARMUPS, strict=True):
        expected = warmup_sets(working_kg, bar_kg=bar_kg, step_kg=step_kg, working_reps=reps)
        assert [s["reps"] for s in got] == [s.reps for s in expected], working_kg
        assert [s["loadKg"] for s in got] == pytest.approx([float(s.load_kg) for s in expected], abs=1e-9)
    assert page.js_errors == []
