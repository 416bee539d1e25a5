"""Migration 0004 records LDL rows stored before Liftwell asked as calculated, the default most lab
reports use; other analytes stay blank (issue 14 item 7)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("health", "0003_bone_density_z_score_and_menopause")]
AFTER = [("health", "0004_lab_result_ldl_method")]


@pytest.mark.django_db(transaction=True)
def test_stored_ldl_rows_become_calculated() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    user = apps.get_model("accounts", "User").objects.create(username="old-labs")
    lab = apps.get_model("health", "LabResult")
    ids = {
        kind: lab.objects.create(
            owner=user, measured_on="2026-03-01", kind=kind, value="3.000000", entered_unit="mmol/L"
        ).pk
        for kind in ("ldl", "hdl", "total_cholesterol")
    }
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        apps = executor.loader.project_state(AFTER).apps
        stored = apps.get_model("health", "LabResult").objects
        assert {kind: stored.get(pk=pk).ldl_method for kind, pk in ids.items()} == {
            "ldl": "calculated",
            "hdl": "",
            "total_cholesterol": "",
        }
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
