"""The logging screen's JavaScript gives the same answers as liftwell.core, run under Node in every test run.

- plates.js and warmup.js are ports of liftwell/core/plates.py and warmup.py (so they work offline): both
  plate calculators read tests/fixtures/plate_vectors.json, and on top of that the JS is compared with
  the Python on random targets and inventories, and warmup.js with warmup_sets on a few ramps.
- rules.js holds no training rule of its own: given the rules the page hands over (the `logging_rules`
  template tag, from liftwell/core/training.py), its tonnage and kind order match the Python's.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from liftwell.core.plates import PlateLoading, PlateSet, load_bar, standard_kg, standard_lb
from liftwell.core.training import SetKind, counts_for_tonnage, tonnage_kg
from liftwell.core.units import lb_to_kg
from liftwell.core.warmup import warmup_sets
from liftwell.web.training.templatetags.logging_rules import logging_rules
from tests.js.node import Node, find_node

VECTORS = Path(__file__).resolve().parents[2] / "fixtures" / "plate_vectors.json"


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Node:
    return find_node(tmp_path_factory.mktemp("node"))


def plate_calls(vectors: list[dict[str, Any]]) -> list[list[Any]]:
    return [[v["target"], {"bar": v["bar"], "collar": v["collar"], "plates": v["plates"]}] for v in vectors]


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


def test_plates_js_matches_the_shared_vectors(node: Node) -> None:
    vectors = json.loads(VECTORS.read_text())
    results = node.call("plates.js", "loadBar", plate_calls(vectors))
    assert len(results) == len(vectors)
    for got, expected in zip(results, vectors, strict=True):
        assert_same(got, expected)


def test_plates_js_matches_python_on_random_loads(node: Node) -> None:
    vectors = random_vectors(300)
    for got, expected in zip(node.call("plates.js", "loadBar", plate_calls(vectors)), vectors, strict=True):
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


def test_warmup_js_matches_python(node: Node) -> None:
    calls = [[float(w), {"barKg": float(b), "stepKg": float(s), "workingReps": r}] for w, b, s, r in WARMUPS]
    results = node.call("warmup.js", "warmupSets", calls)
    for got, (working_kg, bar_kg, step_kg, reps) in zip(results, WARMUPS, strict=True):
        expected = warmup_sets(working_kg, bar_kg=bar_kg, step_kg=step_kg, working_reps=reps)
        assert [s["reps"] for s in got] == [s.reps for s in expected], working_kg
        assert [s["loadKg"] for s in got] == pytest.approx([float(s.load_kg) for s in expected], abs=1e-9)


def random_sets(rng: random.Random, count: int) -> list[dict[str, Any]]:
    """Sets as the logging screen holds them: kg loads as decimal strings (or null), reps (or null)."""
    sets = []
    for _ in range(count):
        load = rng.choice([None, "0", "20", "102.5", "61.234567", str(rng.randint(0, 4000) / 8)])
        sets.append(
            {
                "kind": rng.choice(list(SetKind)).value,
                "completed": rng.random() < 0.7,
                "load_kg": load,
                "reps": rng.choice([None, 0, 1, 5, 12, rng.randint(1, 30)]),
            }
        )
    return sets


def python_tonnage(sets: list[dict[str, Any]]) -> Decimal:
    return sum(
        (
            tonnage_kg(None if s["load_kg"] is None else Decimal(s["load_kg"]), s["reps"])
            for s in sets
            if counts_for_tonnage(kind=s["kind"], completed=s["completed"])
        ),
        Decimal(0),
    )


def test_rules_js_tonnage_matches_core(node: Node) -> None:
    rng = random.Random(15)
    workouts = [random_sets(rng, rng.randint(0, 25)) for _ in range(200)]
    # Every kind, done and not, and a set without load or reps: both sides of each rule at least once.
    workouts.append(
        [
            {"kind": kind.value, "completed": done, "load_kg": "100", "reps": 5}
            for kind in SetKind
            for done in (True, False)
        ]
        + [{"kind": "working", "completed": True, "load_kg": None, "reps": 5}]
        + [{"kind": "working", "completed": True, "load_kg": "100", "reps": None}]
    )
    rules = logging_rules()
    results = node.call("rules.js", "tonnageKg", [[rules, sets] for sets in workouts])
    for got, sets in zip(results, workouts, strict=True):
        assert got == pytest.approx(float(python_tonnage(sets)), abs=1e-6), sets


def test_rules_js_cycles_the_kinds_in_the_servers_order(node: Node) -> None:
    rules = logging_rules()
    kinds = [kind.value for kind in SetKind]
    got = node.call("rules.js", "nextKind", [[rules, kind] for kind in kinds])
    assert got == [*kinds[1:], kinds[0]]


def test_rules_js_takes_the_standard_plates_of_the_unit_until_the_profile_is_known(node: Node) -> None:
    rules = logging_rules()
    own = {"unit": "lb", "bar": "35", "collar": "0", "plates": [["45", 2]]}
    got = node.call(
        "rules.js",
        "plateSetFor",
        [[rules, None, "kg"], [rules, None, "lb"], [rules, {"plate_set": own}, "kg"]],
    )
    assert got == [rules["plate_sets"]["kg"], rules["plate_sets"]["lb"], own]
