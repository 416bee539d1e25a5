"""Offline-first logging (issue 4) in a phone-sized chromium against the live server.

1. Offline from the start: start a workout, log 20 sets over 3 exercises, reload while still offline,
   come back online: the server has exactly those 20 sets with their values.
2. The answer is lost after the server saved the set: the retry creates nothing new.
3. Two tabs logging the same workout end with the same state as the server.

The `slow` group repeats each ten times (`make test-slow`).
"""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.utils import timezone
from playwright.sync_api import expect

from liftwell.web.accounts.models import User
from liftwell.web.training.models import Workout, WorkoutSet
from liftwell.web.training.services import create_workout, log_set, update_workout
from tests.browser.conftest import PHONE, log_in
from tests.browser.test_logging_screen import (
    add_exercise,
    block,
    complete,
    exercise,
    wait_saved,
    wait_until,
)
from tests.conftest import make_user

REPEATS = 10


@pytest.fixture
def lifter(transactional_db: None) -> User:
    """Someone with one earlier workout (squat and bench, 3 x 5), so "previous" has values."""
    from liftwell.web.exercises.services import load_shipped_exercises

    load_shipped_exercises()
    user = make_user("lena", time_zone="UTC")
    started = timezone.now() - timedelta(days=3)
    earlier, _ = create_workout(user=user, title="Last week", started_at=started, time_zone="UTC")
    for prefix, load in (("squat barbell", "100"), ("bench press barbell", "80")):
        for _ in range(3):
            log_set(
                user=user,
                workout=earlier,
                exercise_id=exercise(prefix).pk,
                load_kg=Decimal(load),
                reps=5,
                completed=True,
            )
    update_workout(workout=earlier, changes={"ended_at": started + timedelta(hours=1)})
    return user


KEPT_KEYS = """async (name) => {
  const db = await new Promise((ok, no) => {
    const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error);
  });
  if (!db.objectStoreNames.contains("cache")) { db.close(); return []; }
  const keys = await new Promise((ok) => {
    const r = db.transaction("cache").objectStore("cache").getAllKeys(); r.onsuccess = () => ok(r.result);
  });
  db.close();
  return keys.map(String);
}"""


# What the device holds for a workout: the sets its own copy shows as done (what a reload offline shows)
# and the completions waiting in the outbox.
ON_DEVICE = """async ([name, clientId]) => {
  const db = await new Promise((ok, no) => {
    const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error);
  });
  const read = (store, fn) => new Promise((ok) => {
    const r = fn(db.transaction(store).objectStore(store)); r.onsuccess = () => ok(r.result);
  });
  const copy = await read("workouts", (store) => store.get(clientId));
  const waiting = await read("outbox", (store) => store.getAll());
  db.close();
  const done = copy ? copy.blocks.flatMap((block) => block.sets).filter((set) => set.completed).length : 0;
  const completions = waiting.filter(
    (entry) => entry.change.method === "PATCH" && entry.change.body && entry.change.body.completed === true
  ).length;
  return [done, completions];
}"""


def _no_network(route: Any) -> None:
    route.abort("internetdisconnected")


# While "offline", the live server also refuses every API write. Requests that fall through the
# service worker are not always held by Chromium's offline emulation or by routes, so only the server
# can promise that nothing was written while the test says the phone had no network.
WRITES_REFUSED = threading.Event()
_original_wsgi_call = WSGIHandler.__call__


def _wsgi_refusing_writes(self: WSGIHandler, environ: dict[str, Any], start_response: Any) -> Any:
    writing = environ.get("REQUEST_METHOD") not in {"GET", "HEAD", "OPTIONS"}
    if WRITES_REFUSED.is_set() and writing and environ.get("PATH_INFO", "").startswith("/api/"):
        start_response("503 Service Unavailable", [("Content-Type", "application/json")])
        return [b'{"error": "no network (test)"}']
    return _original_wsgi_call(self, environ, start_response)


@pytest.fixture(autouse=True)
def _server_can_refuse_writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(WSGIHandler, "__call__", _wsgi_refusing_writes)
    yield
    WRITES_REFUSED.clear()


def go_offline(page: Any) -> None:
    page.context.set_offline(True)
    page.context.route("**/api/v1/**", _no_network)
    WRITES_REFUSED.set()


def go_online(page: Any) -> None:
    WRITES_REFUSED.clear()
    page.context.unroute("**/api/v1/**", _no_network)
    page.context.set_offline(False)


def wait_offline_ready(page: Any, user: User) -> None:
    """The service worker controls the page and has kept the shell; the library is on the device."""
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null")
    # page.evaluate awaits promises (wait_for_function would take the promise itself as truthy).
    wait_until(lambda: page.evaluate("async () => !!(await caches.match('/log/shell/'))"), "the kept shell")

    def kept() -> bool:
        keys = page.evaluate(KEPT_KEYS, f"liftwell-{user.pk}")
        return "library" in keys and any(key.startswith("previous:") for key in keys)

    wait_until(kept, "the library and previous sets on the device")


def screen_state(page: Any) -> list[tuple[str, list[tuple[str, str, bool]]]]:
    """What a tab shows: each exercise with its sets as (load, reps, done)."""
    state: list[tuple[str, list[tuple[str, str, bool]]]] = page.evaluate(
        """() => [...document.querySelectorAll("article.block")].map((article) => [
          article.querySelector("h2, h3").textContent.trim(),
          [...article.querySelectorAll("li.set-row")].map((row) => [
            row.querySelector("input.load").value,
            row.querySelector("input.reps").value,
            row.classList.contains("done"),
          ]),
        ])"""
    )
    return [(name, [tuple(row) for row in rows]) for name, rows in state]  # type: ignore[misc]


def server_state(workout: Workout) -> list[tuple[str, list[tuple[str, str, bool]]]]:
    result = []
    for item in (
        workout.exercises.filter(deleted_at=None).select_related("exercise").order_by("position", "id")
    ):
        sets = item.sets.filter(deleted_at=None).order_by("position", "id")
        rows = [
            (
                "" if s.load_kg is None else f"{s.load_kg.normalize():f}",
                "" if s.reps is None else str(s.reps),
                s.completed,
            )
            for s in sets
        ]
        result.append((item.exercise.name, rows))
    return result


def log_offline_workout(page: Any, live_server: Any, user: User) -> None:
    log_in(page, live_server, user)
    page.goto("/log/")
    wait_offline_ready(page, user)

    go_offline(page)
    page.get_by_role("button", name="Start an empty workout").click()
    page.wait_for_url(re.compile(r"/log/[0-9a-f-]{36}/$"))
    client_id = uuid.UUID(page.url.rstrip("/").rsplit("/", 1)[1])
    expect(page.get_by_text("No exercises yet")).to_be_visible()

    # Squat and bench from the recent exercises, pre-filled from last time as kept on the device.
    squat = add_exercise(page, search=None, pick="Squat (Barbell)")
    expect(squat.locator("li.set-row")).to_have_count(3)
    expect(squat.get_by_label("Set 1 load in kg")).to_have_value("100")
    bench = add_exercise(page, search=None, pick="Bench Press (Barbell)")
    # The Romanian deadlift by its alias, searched in the library kept on the device.
    rdl = add_exercise(page, search="rdl", pick="Romanian Deadlift (Barbell)")
    rdl.get_by_label("Set 1 load in kg").fill("80")
    rdl.get_by_label("Set 1 reps").fill("8")

    for exercise_block, total in ((squat, 7), (bench, 7), (rdl, 6)):
        while exercise_block.locator("li.set-row").count() < total:
            exercise_block.get_by_role("button", name="Add set").click()
        expect(exercise_block.locator("li.set-row")).to_have_count(total)
    bench.get_by_label("Set 7 load in kg").fill("82.5")
    bench.get_by_label("Set 7 reps").fill("3")
    for exercise_block, total in ((squat, 7), (bench, 7), (rdl, 6)):
        for number in range(1, total + 1):
            complete(page, exercise_block, number)
    expect(page.locator(".sync-text")).to_have_text(re.compile(r"Offline, \d+ waiting"))
    expect(page.locator(".sync-badge")).to_be_visible()

    # The device's copy is written only once the outbox holds every change it shows: when it shows 20
    # done sets, all 20 completions are waiting to be sent (a reload now must lose none of them).
    def on_device() -> list[int]:
        held: list[int] = page.evaluate(ON_DEVICE, [f"liftwell-{user.pk}", str(client_id)])
        return held

    wait_until(lambda: on_device()[0] == 20, "20 done sets in the device's copy")
    assert on_device()[1] == 20

    # Reload while still offline: the service worker opens the screen, the device has the workout.
    page.reload()
    expect(page.locator("li.set-row.done")).to_have_count(20)
    assert not Workout.objects.filter(client_id=client_id).exists()

    batches: list[str] = []
    page.on(
        "request", lambda request: request.url.endswith("/api/v1/sync") and batches.append(request.method)
    )
    go_online(page)
    # 48 changes wait (a start, 3 exercises, 20 creates, 20 completions...): they go in one batch.
    expect(page.locator(".sync-text")).to_have_text("Saved", timeout=30_000)
    workout = Workout.objects.get(client_id=client_id)
    wait_until(lambda: WorkoutSet.objects.filter(workout=workout, deleted_at=None).count() == 20, "20 sets")
    sets = WorkoutSet.objects.filter(workout=workout)
    assert sets.count() == 20 and sets.filter(completed=True).count() == 20
    expected = [
        ("Squat (Barbell)", [(Decimal(100), 5)] * 7),
        ("Bench Press (Barbell)", [(Decimal(80), 5)] * 6 + [(Decimal("82.5"), 3)]),
        ("Romanian Deadlift (Barbell)", [(Decimal(80), 8)] * 6),
    ]
    items = list(workout.exercises.filter(deleted_at=None).select_related("exercise").order_by("position"))
    assert [item.exercise.name for item in items] == [name for name, _ in expected]
    for item, (_, rows) in zip(items, expected, strict=True):
        stored = [(s.load_kg, s.reps) for s in item.sets.order_by("position", "id")]
        assert stored == rows, item.exercise.name
    assert screen_state(page) == server_state(workout)
    assert batches and set(batches) == {"POST"}  # the backlog went through POST /api/v1/sync
    assert not page.js_errors


def lose_the_first_answer(page: Any, live_server: Any, user: User) -> None:
    log_in(page, live_server, user)
    page.goto("/log/")
    page.get_by_role("button", name="Start an empty workout").click()
    page.wait_for_url(re.compile(r"/log/[0-9a-f-]{36}/$"))
    client_id = uuid.UUID(page.url.rstrip("/").rsplit("/", 1)[1])
    lost: list[int] = []

    def save_then_lose(route: Any) -> None:
        # The first request that carries the new sets, whether sent one by one or as a /sync batch
        # (the outbox batches when a backlog builds up, which timing decides).
        request = route.request
        carries_sets = request.url.endswith("/sets") or request.url.endswith("/sync")
        if request.method == "POST" and carries_sets and not lost:
            response = route.fetch()  # the server saves the set...
            lost.append(response.status)
            route.abort("connectionreset")  # ...and the answer never reaches the browser
            return
        route.continue_()

    page.route("**/api/v1/**", save_then_lose)
    squat = add_exercise(page, search=None, pick="Squat (Barbell)")
    complete(page, squat, 1)
    wait_saved(page)
    assert len(lost) == 1 and lost[0] in (200, 201)
    page.unroute("**/api/v1/**", save_then_lose)
    workout = Workout.objects.get(client_id=client_id)
    sets = WorkoutSet.objects.filter(workout=workout)
    assert sets.count() == 3  # last time's three squat rows, each once despite the lost answer
    assert sets.filter(completed=True).count() == 1


def two_tabs(page: Any, live_server: Any, user: User) -> None:
    log_in(page, live_server, user)
    page.goto("/log/")
    page.get_by_role("button", name="Start an empty workout").click()
    page.wait_for_url(re.compile(r"/log/[0-9a-f-]{36}/$"))
    client_id = uuid.UUID(page.url.rstrip("/").rsplit("/", 1)[1])
    squat = add_exercise(page, search=None, pick="Squat (Barbell)")
    wait_saved(page)

    other = page.context.new_page()
    other.set_viewport_size(PHONE)
    other.goto(page.url)
    squat_b = block(other, "Squat (Barbell)")
    expect(squat_b.locator("li.set-row")).to_have_count(3)

    # Both tabs change the same exercise; one edits a set the other completes, one deletes a set.
    complete(page, squat, 1)
    complete(other, squat_b, 2)
    squat_b.get_by_label("Set 1 load in kg").fill("105")
    squat_b.get_by_label("Set 1 load in kg").press("Enter")
    squat_b.get_by_label("Set 1 reps").click()  # commit the load (change event)
    squat.get_by_role("button", name="Add set").click()
    bench_b = add_exercise(other, search=None, pick="Bench Press (Barbell)")
    complete(other, bench_b, 1)
    wait_saved(page)
    wait_saved(other)

    workout = Workout.objects.get(client_id=client_id)
    want = server_state(workout)
    wait_until(
        lambda: screen_state(page) == server_state(workout), "the first tab to show the server's state"
    )
    wait_until(
        lambda: screen_state(other) == server_state(workout), "the second tab to show the server's state"
    )
    assert want == server_state(workout)
    names = [name for name, _ in want]
    assert names == ["Squat (Barbell)", "Bench Press (Barbell)"]
    squat_rows = dict(want)["Squat (Barbell)"]
    assert len(squat_rows) == 4
    assert squat_rows[0] == ("105", "5", True) and squat_rows[1][2] is True
    other.close()


@pytest.mark.service_worker
def test_an_offline_workout_reaches_the_server_exactly_once(
    page: Any, live_server: Any, lifter: User
) -> None:
    log_offline_workout(page, live_server, lifter)


def test_a_lost_answer_creates_nothing_new(page: Any, live_server: Any, lifter: User) -> None:
    lose_the_first_answer(page, live_server, lifter)


def test_two_tabs_end_with_the_servers_state(page: Any, live_server: Any, lifter: User) -> None:
    two_tabs(page, live_server, lifter)


@pytest.mark.slow
@pytest.mark.service_worker
@pytest.mark.parametrize("run", range(REPEATS))
def test_offline_workout_repeated(run: int, page: Any, live_server: Any, lifter: User) -> None:
    log_offline_workout(page, live_server, lifter)


@pytest.mark.slow
@pytest.mark.parametrize("run", range(REPEATS))
def test_lost_answer_repeated(run: int, page: Any, live_server: Any, lifter: User) -> None:
    lose_the_first_answer(page, live_server, lifter)


@pytest.mark.slow
@pytest.mark.parametrize("run", range(REPEATS))
def test_two_tabs_repeated(run: int, page: Any, live_server: Any, lifter: User) -> None:
    two_tabs(page, live_server, lifter)
