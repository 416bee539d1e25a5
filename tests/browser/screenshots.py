"""Phone-size screenshots of the history and progress pages, for a person to look at. Not a test.

    make screenshots                                   # PNGs in /tmp/liftwell-screenshots
    make screenshots OUT=DIR                           # or: python -m tests.browser.screenshots --out DIR

It builds a throwaway SQLite database in a temporary directory (never the one in DATABASE_URL), fills
it with the browser tests' lifters, serves it on a free local port and drives Debian's chromium, as the
browser tests do (tests/browser/conftest.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

DEFAULT_OUT = Path(tempfile.gettempdir()) / "liftwell-screenshots"
PROGRESS_PHONE = {"width": 375, "height": 812}  # a small phone, as in test_progress_a11y.py


def history_pages(page: Any, out: Path, workout_id: int, bench_id: int) -> None:
    page.goto("/history/")
    page.screenshot(path=out / "history-list.png", full_page=True)
    page.goto("/history/calendar/?month=2026-03")
    page.screenshot(path=out / "history-calendar.png", full_page=True)
    page.goto(f"/history/{workout_id}/")
    page.screenshot(path=out / "history-workout.png", full_page=True)
    page.get_by_role("link", name="Edit set 2").first.click()
    page.get_by_label("Load (lb)").wait_for()
    page.get_by_label("Reps").fill("many")
    page.get_by_role("button", name="Save").click()
    page.locator(".errorlist").first.wait_for()
    page.screenshot(path=out / "history-workout-edit.png", full_page=True)
    page.goto(f"/history/exercise/{bench_id}/")
    page.screenshot(path=out / "history-exercise.png", full_page=True)


def progress_pages(page: Any, out: Path, bench_id: int) -> None:
    page.set_viewport_size(PROGRESS_PHONE)
    page.goto("/progress/")
    page.screenshot(path=out / "progress-weeks.png", full_page=True)
    page.goto(f"/progress/exercises/{bench_id}/")
    page.screenshot(path=out / "progress-exercise.png", full_page=True)
    page.goto(f"/progress/exercises/{bench_id}/?range=all")
    page.get_by_text("The figures as a table").click()
    page.screenshot(path=out / "progress-exercise-table.png", full_page=True)
    page.goto("/progress/records/")
    page.screenshot(path=out / "progress-records.png", full_page=True)
    page.goto("/progress/scores/?bodyweight=62")
    page.screenshot(path=out / "progress-scores.png", full_page=True)


def take(out: Path) -> list[Path]:
    """Set up Django on the throwaway database, serve it and take every screenshot into `out`."""
    import django

    django.setup()
    # WhiteNoise's note about the unbuilt STATIC_ROOT; the live server serves from the app folders.
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import override_settings
    from playwright.sync_api import ViewportSize, sync_playwright
    from pytest_django.live_server_helper import LiveServer

    from liftwell.web.exercises.models import Exercise
    from liftwell.web.exercises.services import load_shipped_exercises
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, log_in
    from tests.browser.test_history_a11y import make_lifter, push_day_with_history
    from tests.browser.test_progress_a11y import lifter_with_twenty_weeks

    # Production serves hashed names from a manifest that `liftwell serve` builds; as in the tests, none.
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        call_command("migrate", verbosity=0)
        load_shipped_exercises()
        lena = make_lifter()
        workout = push_day_with_history(lena)
        pia = lifter_with_twenty_weeks()
        bench = Exercise.objects.get(owner=None, slug="barbell-bench-press")

        server = LiveServer("localhost")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)

                def signed_in(user: Any) -> Any:
                    context = browser.new_context(
                        viewport=ViewportSize(width=PHONE["width"], height=PHONE["height"]),
                        base_url=server.url,
                        has_touch=True,
                        service_workers="block",
                    )
                    context.set_default_timeout(30_000)  # generous: a screenshot run is not timed
                    page = context.new_page()
                    log_in(page, server, user)
                    return page

                history_pages(signed_in(lena), out, workout.pk, bench.pk)
                progress_pages(signed_in(pia), out, bench.pk)
                browser.close()
        finally:
            server.stop()
    return sorted(out.glob("*.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"folder for the PNGs ({DEFAULT_OUT})")
    args = parser.parse_args(argv)
    from tests.browser.conftest import CHROMIUM

    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing (apt-get install chromium, or set CHROMIUM_PATH)", file=sys.stderr)
        return 1
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="liftwell-screenshots-") as data_dir:
        # Read when the settings are imported, so set before django.setup().
        os.environ["LIFTWELL_DATA_DIR"] = data_dir
        os.environ.pop("DATABASE_URL", None)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liftwell.web.settings")
        # Playwright's sync API runs an event loop in this thread; the ORM calls here are still sync.
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        for path in take(out):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
