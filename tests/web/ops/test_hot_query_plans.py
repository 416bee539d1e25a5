"""Every hot query uses an index scoped by its owner, on PostgreSQL.

The queries are the ones the real endpoints send (captured while calling them), so a new query in a
hot path is checked without being listed here. Each is EXPLAINed with `enable_seqscan = off`: with a
few rows PostgreSQL would rightly scan the whole table, so without that switch a missing index would
hide until the tables are large. A plan fails when it reads a user-data table with a Seq Scan, or with
an index scan that has no index condition (a walk over the whole index).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.health.models import BodyMeasurement
from liftwell.web.training.services import create_workout, log_set
from tests.conftest import ApiClient, make_user

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="query plans are checked on PostgreSQL (set DATABASE_URL; CI runs the suite on both)",
    ),
]

SCANS = {"Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Index Scan"}


def user_data_tables() -> set[str]:
    """Tables whose rows belong to one person: any model with a foreign key to the user."""
    tables = {"django_session"}
    for model in apps.get_models():
        if any(f.is_relation and f.related_model is User for f in model._meta.concrete_fields):
            tables.add(model._meta.db_table)
    return tables - {Exercise._meta.db_table}  # the shared library: a few hundred rows, read by id


def _nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def _index_table(index_name: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_indexes WHERE indexname = %s", [index_name])
        row = cursor.fetchone()
    return str(row[0]) if row else ""


def _leading_columns(table: str) -> set[str]:
    """The first column of every index on `table`."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT a.attname FROM pg_index i
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
            WHERE t.relname = %s
            """,
            [table],
        )
        return {str(row[0]) for row in cursor.fetchall()}


def _filter_has_index(table: str, condition: str) -> bool:
    """Whether an equality in the scan's filter leads an index of the table.

    On a table with a row or two (as in tests, once autovacuum has analysed it nearly empty) every index
    scan costs the same, and the planner may walk another index whole and filter: a tie, not a missing
    index. A filter on a column no index leads is still reported."""
    compared = set(re.findall(r"\(*(\w+)\)*(?:::\w+(?: \w+)*)?\)? = ", condition))
    return bool(compared & _leading_columns(table))


def whole_table_reads(sql: str) -> list[str]:
    """What in the plan of `sql` reads a user-data table without an index condition."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        (plan_json,) = cursor.fetchone()
    plan = (json.loads(plan_json) if isinstance(plan_json, str) else plan_json)[0]["Plan"]
    tables = user_data_tables()
    bad = []
    for node in _nodes(plan):
        kind = node["Node Type"]
        if kind not in SCANS:
            continue
        table = node.get("Relation Name") or _index_table(node.get("Index Name", ""))
        if table not in tables:
            continue
        if kind == "Seq Scan":
            bad.append(f"Seq Scan on {table}")
        elif "Index Cond" not in node and not _filter_has_index(table, node.get("Filter", "")):
            bad.append(f"{kind} on {table} using {node.get('Index Name')} without an index condition")
    return bad


def captured(call: Any) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = call()
    assert response.status_code in (200, 201), response.content[:300]
    statements = [q["sql"] for q in queries.captured_queries]
    return [s for s in statements if s.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE", "WITH"))]


@pytest.fixture
def owner(library: None) -> User:
    """A person with some history, beside a stranger with theirs (so owner scoping matters)."""
    people = [make_user("olivia"), make_user("sam")]
    squat = Exercise.objects.get(owner=None, slug="barbell-back-squat")
    for person in people:
        for day in range(1, 6):
            workout, _ = create_workout(user=person, title=f"Day {day}")
            for reps in (5, 5, 3):
                log_set(user=person, workout=workout, exercise_id=squat.pk, load_kg=100, reps=reps,
                        completed=True)  # fmt: skip
        BodyMeasurement.objects.create(owner=person, measured_on=date(2026, 3, day), weight_kg=80)
    return people[0]


def _hot_paths(owner: User) -> dict[str, Any]:
    api = ApiClient(owner)
    web = Client()
    web.force_login(owner)
    squat = Exercise.objects.get(owner=None, slug="barbell-back-squat")
    workout_id = api.get("/api/v1/workouts").json()["items"][0]["id"]

    def log_a_set() -> Any:
        body = {"client_id": str(uuid.uuid4()), "exercise_id": squat.pk, "load_kg": "102.5", "reps": 5}
        return api.post(f"/api/v1/workouts/{workout_id}/sets", body)

    paths = {
        "log a set": log_a_set,
        "workout list (API)": lambda: api.get("/api/v1/workouts"),
        "workout list (history page)": lambda: web.get("/history/"),
        "one exercise's sets": lambda: api.get(f"/api/v1/sets?exercise_id={squat.pk}"),
        "exercise progress (API)": lambda: api.get(f"/api/v1/progress/exercises/{squat.pk}"),
        "exercise progress (page)": lambda: web.get(f"/progress/exercises/{squat.pk}/"),
        "weekly view (API)": lambda: api.get("/api/v1/progress/weeks"),
        "weekly view (page)": lambda: web.get("/progress/"),
    }
    if apps.is_installed("liftwell.web.coaching"):
        paths["coach home"] = _coach_home(owner)
    return paths


def _coach_home(client: User) -> Any:
    """A coach (two-factor on, as coaches must be) with two clients, asking for the coach home page."""
    from tests.web.coaching.world import enrol, grant_access, sign_in

    coach = make_user("cora")
    enrol(coach)
    for person in (client, User.objects.get(username="sam")):
        grant_access(person, coach)
    web = sign_in(Client(), coach)
    return lambda: web.get(reverse("coach-home"))


HOT_PATHS = [
    "log a set",
    "workout list (API)",
    "workout list (history page)",
    "one exercise's sets",
    "exercise progress (API)",
    "exercise progress (page)",
    "weekly view (API)",
    "weekly view (page)",
    "coach home",
]


@pytest.mark.parametrize("name", HOT_PATHS)
def test_each_hot_query_reads_by_an_owner_index(name: str, library: None, owner: User) -> None:
    paths = _hot_paths(owner)
    if name not in paths:
        pytest.skip("the coaching app is not installed")
    statements = captured(paths[name])
    assert statements, f"{name} sent no query to check"
    problems = {sql: bad for sql in statements if (bad := whole_table_reads(sql))}
    assert not problems, "\n\n".join(f"{', '.join(bad)}:\n{sql}" for sql, bad in problems.items())


def test_the_check_catches_a_whole_table_read(library: None, owner: User) -> None:
    """The check itself can fail: notes are not indexed, so this reads every set."""
    assert whole_table_reads("SELECT id FROM training_workoutset WHERE notes = 'x'") != []
    assert whole_table_reads(f"SELECT id FROM training_workout WHERE owner_id = {owner.pk}") == []
