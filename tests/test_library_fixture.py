"""The `library` fixture (tests/conftest.py) loads the shipped library once and keeps tests apart.

The tests that ask for it share one load inside a transaction; each test's changes are still rolled back,
and the tests that do not ask for it see no shipped exercises. These tests run in file order.
"""

from __future__ import annotations

import pytest

from liftwell.data.loaders import load_shipped_library
from liftwell.web.exercises.models import Exercise

SQUAT = "barbell-back-squat"


def shipped() -> int:
    return Exercise.objects.filter(owner=None, source=Exercise.Source.LIFTWELL).count()


@pytest.mark.django_db
def test_a_test_that_does_not_ask_for_the_library_sees_none_of_it() -> None:
    assert shipped() == 0


def test_it_holds_every_shipped_exercise(library: None) -> None:
    assert shipped() == len(load_shipped_library())


def test_a_tests_changes_to_the_library_are_rolled_back_1(library: None) -> None:
    Exercise.objects.filter(owner=None, slug=SQUAT).update(name="Renamed by a test")
    Exercise.objects.filter(owner=None).exclude(slug=SQUAT).delete()
    assert shipped() == 1


def test_a_tests_changes_to_the_library_are_rolled_back_2(library: None) -> None:
    assert shipped() == len(load_shipped_library())
    assert Exercise.objects.get(owner=None, slug=SQUAT).name != "Renamed by a test"


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_gets_the_library_too(library: None) -> None:
    assert shipped() == len(load_shipped_library())
