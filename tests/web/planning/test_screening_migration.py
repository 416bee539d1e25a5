"""Migrations re-grade answers kept before the advice levels: 0002 chest pain or fainting -> see a doctor,
0003 only under medical supervision -> train only with it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from liftwell.core.screening import QUESTION_CODES, Outcome, assess

BEFORE = [("planning", "0001_initial")]
AFTER = [("planning", "0002_screening_levels_and_clearance")]


@pytest.mark.django_db(transaction=True)
def test_stored_outcomes_are_regraded_to_the_advice_levels() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    user = apps.get_model("accounts", "User").objects.create(username="old-answers")
    screening = apps.get_model("planning", "Screening")
    cases = [{}, {"heart_or_bp"}, {"chest_pain"}, {"dizziness"}, {"medication", "dizziness"}, {"bone_joint"}]
    rows = []
    for yeses in cases:
        answers = {code: code in yeses for code in QUESTION_CODES}
        # Before issue 14 every "yes" was stored as "talk first".
        old = "talk_first" if yeses else "clear"
        rows.append(
            screening.objects.create(
                owner=user, answered_at="2026-03-01T10:00:00Z", answers=answers, outcome=old
            )
        )
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        apps = executor.loader.project_state(AFTER).apps
        for row in apps.get_model("planning", "Screening").objects.filter(pk__in=[r.pk for r in rows]):
            assert row.outcome == assess(row.answers).outcome.value, row.answers
            assert row.cleared_on is None and row.cleared_by == ""
        regraded = apps.get_model("planning", "Screening").objects.filter(outcome=Outcome.SEE_DOCTOR.value)
        assert regraded.count() == 3
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_a_yes_to_supervision_is_regraded_to_its_own_level() -> None:
    # Migration 0003: "only exercise under medical supervision" -> train only with that supervision
    # (PAR-Q+ 2023 question 7), never "talk first and train light"; chest pain or fainting still leads.
    before = [("planning", "0002_screening_levels_and_clearance")]
    after = [("planning", "0003_screening_supervised_level")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    user = apps.get_model("accounts", "User").objects.create(username="supervised-answers")
    screening = apps.get_model("planning", "Screening")
    # (yeses, outcome as migration 0002 left it)
    cases = [
        (set(), "clear"),
        ({"heart_or_bp"}, "talk_first"),
        ({"supervised_only"}, "talk_first"),
        ({"supervised_only", "bone_joint"}, "talk_first"),
        ({"supervised_only", "chest_pain"}, "see_doctor"),
        ({"dizziness"}, "see_doctor"),
    ]
    rows = [
        screening.objects.create(
            owner=user,
            answered_at="2026-03-01T10:00:00Z",
            answers={code: code in yeses for code in QUESTION_CODES},
            outcome=old,
        )
        for yeses, old in cases
    ]
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        apps = executor.loader.project_state(after).apps
        stored = apps.get_model("planning", "Screening").objects.filter(pk__in=[r.pk for r in rows])
        for row in stored:
            assert row.outcome == assess(row.answers).outcome.value, row.answers
        assert stored.filter(outcome=Outcome.SUPERVISED.value).count() == 2
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
