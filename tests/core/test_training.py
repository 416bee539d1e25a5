"""The training vocabulary: set kinds, hard sets, tonnage and the Decimal Epley e1RM.

Worked e1RM values: docs/science.md §2.1 test vectors (Epley 1985: 100 kg x 5 -> 116.67 kg, 60 kg x 8 -> 76
kg, 140 kg x 3 -> 154 kg); a single is the load itself (rule a) and nothing past 12 reps is estimated (rule
b).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftwell.core.strength import e1rm
from liftwell.core.training import (
    EPLEY_DIVISOR,
    MAX_RELIABLE_REPS,
    SET_KIND_LABELS,
    SetKind,
    counts_for_tonnage,
    e1rm_from_scaled,
    epley_e1rm_kg,
    is_hard_set,
    tonnage_kg,
)

D = Decimal


def test_every_set_kind_has_a_label_and_the_stored_spelling() -> None:
    assert [kind.value for kind in SetKind] == ["warmup", "working", "drop", "failure", "amrap"]
    assert set(SET_KIND_LABELS) == set(SetKind)
    assert SetKind.WARMUP.label == "Warm-up"
    assert SetKind.AMRAP.label == "As many reps as possible"
    assert SetKind("drop") is SetKind.DROP


@pytest.mark.parametrize(
    ("kind", "completed", "reps", "hard"),
    [
        ("working", True, 5, True),
        ("failure", True, 1, True),
        ("drop", True, 8, True),
        ("amrap", True, 12, True),
        ("warmup", True, 5, False),
        ("working", False, 5, False),
        ("working", True, 0, False),
        ("working", True, None, False),
    ],
)
def test_what_is_a_hard_set(kind: str, completed: bool, reps: int | None, hard: bool) -> None:
    assert is_hard_set(kind=kind, completed=completed, reps=reps) is hard


@pytest.mark.parametrize(
    ("kind", "completed", "counts"),
    [
        ("working", True, True),
        ("drop", True, True),
        ("failure", True, True),
        ("amrap", True, True),
        ("warmup", True, False),
        ("working", False, False),
        ("warmup", False, False),
    ],
)
def test_which_sets_count_for_tonnage(kind: str, completed: bool, counts: bool) -> None:
    assert counts_for_tonnage(kind=kind, completed=completed) is counts


@pytest.mark.parametrize(
    ("load", "reps", "tonnage"),
    [
        (D(100), 5, D(500)),
        (D("102.5"), 3, D("307.5")),
        (D("0.000001"), 1, D("0.000001")),
        (D(0), 10, D(0)),
        (None, 10, D(0)),  # a body-weight set adds reps, not load
        (D(60), None, D(0)),
        (D(60), 0, D(0)),
    ],
)
def test_tonnage_of_one_set(load: Decimal | None, reps: int | None, tonnage: Decimal) -> None:
    assert tonnage_kg(load, reps) == tonnage


@pytest.mark.parametrize(
    ("load", "reps", "expected"),
    [
        ("100", 1, "100.00"),  # rule a: a single is the load (Epley's formula alone gives 103.33)
        ("100", 5, "116.67"),
        ("60", 8, "76.00"),
        ("140", 3, "154.00"),
        ("100", 10, "133.33"),
        ("100", 12, "140.00"),  # the last rep count estimated
        ("100", 13, None),  # rule b: past 12 reps
        ("100", 0, None),
    ],
)
def test_the_decimal_epley_worked_values(load: str, reps: int, expected: str | None) -> None:
    value = epley_e1rm_kg(D(load), reps)
    assert value == (None if expected is None else D(expected))


@pytest.mark.parametrize(("load", "reps"), [(100, 1), (100, 5), (60, 8), (140, 3), (82.5, 12)])
def test_the_decimal_epley_agrees_with_strength(load: float, reps: int) -> None:
    value = epley_e1rm_kg(Decimal(str(load)), reps)
    assert value is not None
    assert float(value) == pytest.approx(e1rm(load, reps, "epley").value_kg, abs=0.005)


def test_the_reliable_range_is_the_one_strength_flags() -> None:
    assert e1rm(100, MAX_RELIABLE_REPS).reliable
    assert not e1rm(100, MAX_RELIABLE_REPS + 1).reliable


def test_e1rm_from_scaled_worked_values() -> None:
    # docs/science.md §2.1, Epley: 100 kg x 5 -> 100 x (1 + 5/30) = 116.666.. -> 116.67; a single is the load.
    assert e1rm_from_scaled(D(100) * 35) == D("116.67")
    assert e1rm_from_scaled(D("102.5") * 30) == D("102.50")
    assert e1rm_from_scaled(None) is None


@given(
    load_micro_kg=st.integers(min_value=0, max_value=500_000_000),
    reps=st.integers(min_value=1, max_value=12),
)
def test_e1rm_from_scaled_equals_epley_of_the_set(load_micro_kg: int, reps: int) -> None:
    load = D(load_micro_kg).scaleb(-6)  # any stored load: six decimals of a kg
    # Written out with the published 30 on purpose: the constant must be Epley's, not merely consistent.
    scaled = load * 30 if reps == 1 else load * (30 + reps)
    assert EPLEY_DIVISOR == 30
    assert e1rm_from_scaled(scaled) == epley_e1rm_kg(load, reps)
