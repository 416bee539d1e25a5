"""The logging screen in a phone-sized chromium (390 x 844), end to end against the live server.

The issue's "Done when": a newcomer logs a five-exercise workout with rest timer and plate calculator and
sees "previous" values; then the database holds exactly the completed sets, once each, in kg. Also: pounds
typed are stored exactly in kg, a reload keeps the sets and the running rest timer, and axe-core finds no
serious or critical violations on the start page and the screen, light or dark.
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.training.models import Workout, WorkoutSet
from liftwell.web.training.services import create_workout, log_set, update_workout
from tests.browser.conftest import log_in
from tests.conftest import make_user

BLOCKING = {"serious", "critical"}
SCREENSHOT = "/tmp/log-screen.png"


def exercise(prefix: str) -> Exercise:
    return Exercise.objects.get(owner=None, search_text__startswith=prefix)


@pytest.fixture
def newcomer(transactional_db: None) -> User:
    """A fresh user with one earlier workout (squat and bench), so "previous" has values."""
    from liftwell.web.exercises.services import load_shipped_exercises

    load_shipped_exercises()
    user = make_user("nina", time_zone="UTC")
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


def wait_until(check: Callable[[], bool], what: str, timeout_s: float = 10) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def wait_saved(page: Any) -> None:
    expect(page.locator(".sync-text")).to_have_text("Saved")


def block(page: Any, name: str) -> Any:
    return page.locator("article.block").filter(has=page.get_by_role("heading", name=name, exact=True))


def add_exercise(page: Any, *, search: str | None, pick: str) -> Any:
    page.get_by_role("button", name="Add exercise").click()
    dialog = page.get_by_role("dialog", name="Add exercise")
    expect(dialog).to_be_visible()
    if search:
        dialog.get_by_label("Search exercises by name or alias").fill(search)
        dialog.get_by_role("list", name="Search results").get_by_role(
            "button", name=re.compile("^" + re.escape(pick))
        ).first.click()
    else:
        dialog.get_by_role("list", name="Recent exercises").get_by_role(
            "button", name=re.compile("^" + re.escape(pick))
        ).click()
    expect(dialog).to_be_hidden()
    added = block(page, pick)
    expect(added.locator("li.set-row").first).to_be_visible()
    return added


def complete(page: Any, exercise_block: Any, number: int) -> None:
    button = exercise_block.get_by_role("button", name=f"Complete set {number}", exact=True)
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")


def rest_seconds(page: Any) -> int:
    minutes, seconds = page.get_by_role("timer").inner_text().split(":")
    return int(minutes) * 60 + int(seconds)


def assert_accessible(page: Any, what: str) -> None:
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        results = Axe().run(page)
        blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
        if blocking:
            print(f"\naxe on {what} ({scheme}):\n{results.generate_report()}")
        assert not blocking, f"{what} ({scheme}): " + "; ".join(
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}" for v in blocking
        )
    page.emulate_media(color_scheme="light")


def no_horizontal_scroll(page: Any) -> None:
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at 390px"


def test_a_newcomer_logs_a_five_exercise_workout(page: Any, live_server: Any, newcomer: User) -> None:
    log_in(page, live_server, newcomer)
    page.goto("/log/")
    expect(page.get_by_role("button", name=re.compile("^Repeat Last week"))).to_be_visible()
    page.get_by_role("button", name="Start an empty workout").click()
    page.wait_for_url(re.compile(r"/log/[0-9a-f-]{36}/$"))
    client_id = uuid.UUID(page.url.rstrip("/").rsplit("/", 1)[1])
    expect(page.get_by_text("No exercises yet")).to_be_visible()

    # 1. Squat, from the recent exercises: last time's sets come back as pre-filled rows.
    squat = add_exercise(page, search=None, pick="Squat (Barbell)")
    rows = squat.locator("li.set-row")
    expect(rows).to_have_count(3)
    expect(rows.first.locator(".previous")).to_have_text("Previous: 100 kg × 5")
    expect(squat.get_by_label("Set 1 load in kg")).to_have_value("100")
    expect(squat.get_by_label("Set 1 reps")).to_have_value("5")

    complete(page, squat, 1)
    timer = page.get_by_role("timer")
    expect(timer).to_be_visible()
    started_at = rest_seconds(page)
    assert 110 <= started_at <= 120  # the profile's default rest, 2:00
    page.get_by_role("button", name="15 seconds more").click()
    assert rest_seconds(page) >= started_at + 14
    expect(page.locator(".rest-announce")).to_contain_text("left")

    # The plate calculator on a barbell load: 100 kg on the 20 kg bar is 25 + 15 per side.
    squat.get_by_role("button", name="Plates for set 2").click()
    plates = page.get_by_role("dialog", name="Plates")
    expect(plates.get_by_text("exact")).to_be_visible()
    expect(plates.get_by_role("list", name="Plates on each side").get_by_role("listitem")).to_have_text(
        ["25 kg", "15 kg"]
    )
    plates.get_by_role("button", name="Close").click()
    expect(plates).to_be_hidden()
    complete(page, squat, 2)
    complete(page, squat, 3)

    # 2. Romanian deadlift by its alias; nothing last time, so type the first set; the next copies it.
    rdl = add_exercise(page, search="rdl", pick="Romanian Deadlift (Barbell)")
    expect(rdl.locator("li.set-row .previous")).to_have_text(["Previous: —"])
    rdl.get_by_label("Set 1 load in kg").fill("80")
    rdl.get_by_label("Set 1 reps").fill("8")
    complete(page, rdl, 1)
    rdl.get_by_role("button", name="Add set").click()
    expect(rdl.get_by_label("Set 2 load in kg")).to_have_value("80")
    expect(rdl.get_by_label("Set 2 reps")).to_have_value("8")
    complete(page, rdl, 2)

    # 3. Bench press: previous 80 kg x 5; two of three sets done (the third is dropped at the end).
    bench = add_exercise(page, search="bench", pick="Bench Press (Barbell)")
    expect(bench.locator("li.set-row").first.locator(".previous")).to_have_text("Previous: 80 kg × 5")
    complete(page, bench, 1)
    bench.get_by_label("Set 2 load in kg").fill("82.5")
    complete(page, bench, 2)

    # 4 and 5: a cable and a dumbbell exercise, no plate calculator on them.
    pulldown = add_exercise(page, search="lat pulldown", pick="Lat Pulldown (Cable)")
    expect(pulldown.get_by_role("button", name="Plates for set 1")).to_have_count(0)
    pulldown.get_by_label("Set 1 load in kg").fill("55")
    pulldown.get_by_label("Set 1 reps").fill("10")
    complete(page, pulldown, 1)
    curl = add_exercise(page, search="dumbbell curl", pick="Bicep Curl (Dumbbell)")
    curl.get_by_label("Set 1 load in kg").fill("12.5")
    curl.get_by_label("Set 1 reps").fill("12")
    complete(page, curl, 1)

    expect(page.locator("article.block")).to_have_count(5)
    no_horizontal_scroll(page)
    wait_saved(page)
    squat.scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOT)

    # Finish: confirm, then the summary.
    page.get_by_role("button", name="Finish", exact=True).click()
    confirm = page.get_by_role("dialog", name="Finish workout?")
    expect(confirm).to_contain_text("9 sets done. 1 unfinished set will be removed.")
    confirm.get_by_role("button", name="Finish workout").click()
    expect(page.get_by_role("heading", name="Workout finished")).to_be_visible()
    stats = page.locator(".summary-stats")
    expect(stats).to_contain_text("Sets9")
    # 3x100x5 + 2x80x8 + 80x5 + 82.5x5 + 55x10 + 12.5x12 = 4292.5 kg
    expect(stats).to_contain_text("Volume4292.5 kg")
    expect(page.get_by_role("link", name="See history")).to_have_attribute("href", "/history/")
    expect(page.get_by_role("link", name="Home")).to_have_attribute("href", "/")
    expect(page.locator(".records")).to_contain_text("Bench Press (Barbell)")

    # The database: exactly the nine completed sets, each once, loads in kg.
    workout = Workout.objects.get(owner=newcomer, client_id=client_id)
    assert workout.ended_at is not None
    live = list(
        WorkoutSet.objects.filter(workout=workout, deleted_at=None).order_by("exercise_id", "position")
    )
    assert all(s.completed and s.completed_at for s in live)
    assert len(live) == 9
    assert len({s.client_id for s in live}) == 9
    assert WorkoutSet.objects.filter(workout=workout, completed=True).count() == 9
    by_name: dict[str, list[tuple[Decimal | None, int | None]]] = {}
    for s in live:
        by_name.setdefault(s.exercise.name, []).append((s.load_kg, s.reps))
    assert by_name == {
        "Squat (Barbell)": [(Decimal("100"), 5)] * 3,
        "Romanian Deadlift (Barbell)": [(Decimal("80"), 8)] * 2,
        "Bench Press (Barbell)": [(Decimal("80"), 5), (Decimal("82.5"), 5)],
        "Lat Pulldown (Cable)": [(Decimal("55"), 10)],
        "Bicep Curl (Dumbbell)": [(Decimal("12.5"), 12)],
    }
    assert page.js_errors == []


def test_pounds_are_stored_exactly_and_a_reload_keeps_sets_and_timer(
    page: Any, live_server: Any, transactional_db: None
) -> None:
    from liftwell.web.exercises.services import load_shipped_exercises

    load_shipped_exercises()
    lifter = make_user("lou", unit=User.Unit.LB, time_zone="UTC")
    workout, _ = create_workout(user=lifter, title="Bench day")
    log_in(page, live_server, lifter)
    page.goto(f"/log/{workout.client_id}/")

    bench = add_exercise(page, search="bench press", pick="Bench Press (Barbell)")
    bench.get_by_label("Set 1 load in lb").fill("225")
    bench.get_by_label("Set 1 reps").fill("5")
    complete(page, bench, 1)
    expect(page.get_by_role("timer")).to_be_visible()
    wait_saved(page)
    wait_until(
        lambda: WorkoutSet.objects.filter(workout=workout, completed=True).exists(), "the completed set"
    )
    stored = WorkoutSet.objects.get(workout=workout, completed=True)
    assert stored.load_kg == Decimal("102.058283")
    assert stored.reps == 5

    # The plate calculator in pounds: 225 lb on a 45 lb bar is two 45s per side.
    bench.get_by_role("button", name="Plates for set 1").click()
    plates = page.get_by_role("dialog", name="Plates")
    expect(plates.get_by_role("list", name="Plates on each side").get_by_role("listitem")).to_have_text(
        ["45 lb", "45 lb"]
    )
    page.keyboard.press("Escape")
    expect(plates).to_be_hidden()

    before = rest_seconds(page)
    page.reload()
    bench = block(page, "Bench Press (Barbell)")
    expect(bench.get_by_label("Set 1 load in lb")).to_have_value("225")
    expect(bench.get_by_label("Set 1 reps")).to_have_value("5")
    expect(bench.get_by_role("button", name="Complete set 1")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("timer")).to_be_visible()
    after = rest_seconds(page)
    assert 0 < after <= before
    assert WorkoutSet.objects.filter(workout=workout).count() == 1
    assert page.js_errors == []


def test_warm_up_sets_go_before_the_first_working_set(page: Any, live_server: Any, newcomer: User) -> None:
    workout, _ = create_workout(user=newcomer, title="Squats")
    log_in(page, live_server, newcomer)
    page.goto(f"/log/{workout.client_id}/")
    squat = add_exercise(page, search="back squat", pick="Squat (Barbell)")
    squat.get_by_role("button", name="Warm-up sets").click()
    # 100 kg working: the bar x 10, then 40, 60, 80 kg.
    expect(squat.locator("li.set-row")).to_have_count(7)
    loads = squat.locator("li.set-row input.load").evaluate_all("(inputs) => inputs.map((i) => i.value)")
    assert loads == ["20", "40", "60", "80", "100", "100", "100"]
    expect(squat.get_by_role("button", name="Warm-up set 1: Warm-up. Change kind")).to_be_visible()
    wait_saved(page)
    wait_until(lambda: WorkoutSet.objects.filter(workout=workout).count() == 7, "seven sets")
    stored = list(
        WorkoutSet.objects.filter(workout=workout).order_by("position").values_list("kind", "load_kg")
    )
    assert [kind for kind, _ in stored] == ["warmup"] * 4 + ["working"] * 3
    assert [load for _, load in stored][:4] == [Decimal(20), Decimal(40), Decimal(60), Decimal(80)]
    assert page.js_errors == []


def test_the_start_page_and_the_screen_are_accessible(page: Any, live_server: Any, newcomer: User) -> None:
    log_in(page, live_server, newcomer)
    page.goto("/log/")
    expect(page.get_by_role("button", name="Start an empty workout")).to_be_enabled()
    no_horizontal_scroll(page)
    assert_accessible(page, "the start page")

    page.get_by_role("button", name="Start an empty workout").click()
    page.wait_for_url(re.compile(r"/log/[0-9a-f-]{36}/$"))
    squat = add_exercise(page, search=None, pick="Squat (Barbell)")
    complete(page, squat, 1)
    expect(page.get_by_role("timer")).to_be_visible()
    no_horizontal_scroll(page)
    assert_accessible(page, "the logging screen")

    page.get_by_role("button", name="Add exercise").click()
    expect(page.get_by_role("dialog", name="Add exercise")).to_be_visible()
    assert_accessible(page, "the exercise picker")
    page.keyboard.press("Escape")
    # Focus goes back to the button that opened the dialog.
    expect(page.get_by_role("button", name="Add exercise")).to_be_focused()
    wait_saved(page)
    assert page.js_errors == []


def test_lost_answers_and_offline_spells_never_duplicate_a_set(
    page: Any, live_server: Any, newcomer: User
) -> None:
    workout, _ = create_workout(user=newcomer, title="Flaky gym wifi")
    log_in(page, live_server, newcomer)
    page.goto(f"/log/{workout.client_id}/")

    # The server stores the first set, but its answer never reaches the phone: the retry must not
    # make a second row (creates are idempotent on the client's UUID).
    lost: list[str] = []

    def lose_first_answer(route: Any) -> None:
        if not lost:
            route.fetch()  # the server handles it...
            lost.append(route.request.url)
            route.abort("connectionreset")  # ...and the phone never hears back
        else:
            route.continue_()

    page.route("**/api/v1/workouts/*/sets", lose_first_answer)
    squat = add_exercise(page, search="back squat", pick="Squat (Barbell)")
    wait_saved(page)
    assert lost
    page.unroute("**/api/v1/workouts/*/sets")

    # Offline: the taps still show at once, and wait in the queue until the connection is back.
    page.context.set_offline(True)
    complete(page, squat, 1)
    complete(page, squat, 2)
    expect(page.locator(".sync-text")).to_have_text(re.compile(r"Offline, \d+ waiting"))
    page.context.set_offline(False)
    wait_saved(page)
    wait_until(
        lambda: WorkoutSet.objects.filter(workout=workout, completed=True).count() == 2, "two completed sets"
    )
    sets = WorkoutSet.objects.filter(workout=workout)
    assert sets.count() == 3  # the three rows last time's squat gave, each once
    assert len({s.client_id for s in sets}) == 3
    assert page.js_errors == []
