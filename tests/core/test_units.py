"""Unit conversions against the worked values of docs/science.md §8, plus exact round trips."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftwell.core.units import cm_to_inches, from_kg, inches_to_cm, kg_to_lb, lb_to_kg, to_kg

FOUR_PLACES = Decimal("0.0001")


@pytest.mark.parametrize(
    ("kg", "lb"),
    [("20", "44.0925"), ("100", "220.4623"), ("142.5", "314.1587")],
)
def test_it_converts_kg_to_lb(kg: str, lb: str) -> None:
    assert kg_to_lb(Decimal(kg)).quantize(FOUR_PLACES) == Decimal(lb)


@pytest.mark.parametrize(
    ("lb", "kg"),
    [("45", "20.4117"), ("225", "102.0583"), ("315", "142.8816")],
)
def test_it_converts_lb_to_kg(lb: str, kg: str) -> None:
    assert lb_to_kg(Decimal(lb)).quantize(FOUR_PLACES) == Decimal(kg)


def test_it_uses_the_exact_international_pound() -> None:
    assert lb_to_kg(Decimal(1)) == Decimal("0.45359237")


@given(st.decimals(min_value=0, max_value=2000, places=2))
def test_a_load_typed_in_lb_comes_back_unchanged(lb: Decimal) -> None:
    assert from_kg(to_kg(lb, "lb"), "lb") == lb


@given(st.decimals(min_value=0, max_value=1000, places=3))
def test_a_load_typed_in_kg_comes_back_unchanged(kg: Decimal) -> None:
    assert from_kg(to_kg(kg, "kg"), "kg", places=3) == kg


def test_it_shows_whole_loads_without_decimals() -> None:
    assert str(from_kg(Decimal("100.000000"), "kg")) == "100"
    assert str(from_kg(Decimal("102.500000"), "kg")) == "102.5"


def test_inches_and_cm() -> None:
    assert inches_to_cm(Decimal(70)) == Decimal("177.80")
    assert cm_to_inches(Decimal("254")) == Decimal(100)
