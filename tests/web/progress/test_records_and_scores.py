"""GET /progress/records/ and GET /progress/scores/: records per exercise, DOTS / Wilks / IPF GL."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.test import Client

from liftwell.core.points import dots, ipf_gl, wilks
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.progress.bodyweight import body_weight_kg_near
from tests.web.progress.conftest import log


def test_records_list_each_exercise(
    owner_client: Client, owner: User, bench: Exercise, squat: Exercise
) -> None:
    log(owner, date(2026, 3, 2), bench, [(100, 5), (110, 1)])
    log(owner, date(2026, 3, 4), squat, [(140, 3)])
    html = owner_client.get("/progress/records/").content.decode()
    assert html.index(squat.name) < html.index(bench.name)  # the most recently trained first
    assert "110 kg" in html and "116.67 kg (100 kg × 5)" in html
    assert f"/progress/exercises/{bench.pk}/" in html


def test_records_follow_a_delete(
    owner_client: Client, owner_api: object, owner: User, bench: Exercise
) -> None:
    _, (top,) = log(owner, date(2026, 3, 2), bench, [(110, 1)])
    assert "110 kg" in owner_client.get("/progress/records/").content.decode()
    assert owner_api.delete(f"/api/v1/sets/{top.pk}").status_code == 204  # type: ignore[attr-defined]
    assert "No records yet" in owner_client.get("/progress/records/").content.decode()


@pytest.fixture
def lifter(owner: User, squat: Exercise, bench: Exercise, deadlift: Exercise) -> User:
    owner.sex = "male"
    owner.save()
    log(owner, date(2026, 3, 2), squat, [(200, 1)])
    log(owner, date(2026, 3, 3), bench, [(140, 1)])
    log(owner, date(2026, 3, 4), deadlift, [(240, 1)])
    return owner


def test_scores_with_a_typed_body_weight(owner_client: Client, lifter: User) -> None:
    html = owner_client.get("/progress/scores/?bodyweight=83").content.decode()
    assert f"{dots('M', 83, 580):.2f}" in html
    assert f"{wilks('M', 83, 580):.2f}" in html and f"{wilks('M', 83, 580, 'original'):.2f}" in html
    assert f"{ipf_gl('M', 83, 580):.2f}" in html
    assert f"{ipf_gl('M', 83, 140, 'raw', 'B'):.2f}" in html  # bench-only GL
    assert "2.41×" in html  # 200 / 83


def test_scores_name_the_wilks_2020_revision(owner_client: Client, lifter: User) -> None:
    # docs/science.md §2.3 erratum: OpenPowerlifting's March 2020 coefficients, not the January 2020 fit.
    html = owner_client.get("/progress/scores/?bodyweight=83").content.decode()
    assert "Wilks 2020 uses the March 2020 formula (OpenPowerlifting, updated 2020-03-09)" in html
    assert f"{wilks('M', 83, 580):.2f}" == "464.95"  # 580 kg x 0.801643 (March 2020 coefficient at 83 kg)


def test_scores_in_pounds(owner_client: Client, lifter: User) -> None:
    lifter.unit = "lb"
    lifter.save()
    html = owner_client.get("/progress/scores/?bodyweight=183").content.decode()  # 83.007 kg
    assert f"{dots('M', float(Decimal(183) * Decimal('0.45359237')), 580):.2f}" in html


def test_scores_ask_for_a_body_weight_and_for_sex(owner_client: Client, owner: User, bench: Exercise) -> None:
    log(owner, date(2026, 3, 3), bench, [(100, 1)])
    html = owner_client.get("/progress/scores/").content.decode()
    assert "No body weight is logged near these dates" in html
    assert "set it in" in html


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("heavy", "bodyweight: expected a number in kg"),
        ("-3", "bodyweight: must be more than 0"),
        ("900", "bodyweight: must be between 20 and 400 kg"),
    ],
)
def test_a_bad_body_weight_is_named(owner_client: Client, typed: str, error: str) -> None:
    response = owner_client.get(f"/progress/scores/?bodyweight={typed}")
    assert response.status_code == 400
    assert error in response.content.decode()


def test_body_weight_nearest_the_day(owner: User, stranger: User) -> None:
    models = pytest.importorskip("liftwell.web.health.models")
    measurement = models.BodyMeasurement
    assert body_weight_kg_near(owner, date(2026, 3, 1)) is None
    day = date(2026, 3, 10)
    measurement.objects.create(owner=owner, measured_on=day - timedelta(days=5), weight_kg=Decimal(80))
    measurement.objects.create(owner=owner, measured_on=day + timedelta(days=3), weight_kg=Decimal(82))
    measurement.objects.create(owner=stranger, measured_on=day, weight_kg=Decimal(60))
    assert body_weight_kg_near(owner, day) == 82
    assert body_weight_kg_near(owner, day - timedelta(days=2)) == 80  # a tie: the earlier one
    assert body_weight_kg_near(owner, date(2030, 1, 1)) == 82


def test_scores_use_the_logged_body_weight(owner_client: Client, lifter: User) -> None:
    models = pytest.importorskip("liftwell.web.health.models")
    models.BodyMeasurement.objects.create(owner=lifter, measured_on=date(2026, 3, 1), weight_kg=Decimal(83))
    html = owner_client.get("/progress/scores/").content.decode()
    assert f"{dots('M', 83, 580):.2f}" in html


def test_anonymous_is_sent_to_log_in(db: None) -> None:
    assert Client().get("/progress/records/").status_code == 302
    assert Client().get("/progress/scores/").status_code == 302
