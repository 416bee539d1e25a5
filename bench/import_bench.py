"""Import a generated Strong export of 100,000 sets on SQLite; compare with csv merely reading it.

    LIFTWELL_DATA_DIR=/tmp/lw-bench python -m bench.import_bench [--sets 100000] [--keep FILE]

Point LIFTWELL_DATA_DIR at a scratch directory: the SQLite database there is migrated, the library
loaded, and a new user `importbench-<time>` receives the import (and is left there). Prints rows/s
(wall clock, and the process's CPU seconds, which a busy host disturbs less) for: csv.reader
alone, Liftwell's parser alone, and the whole import (decode, parse, match, one transaction of bulk
inserts); then a re-import, which must add nothing.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

EXERCISES = [
    ("Squat (Barbell)", 100.0),
    ("Bench Press (Barbell)", 80.0),
    ("Deadlift (Barbell)", 140.0),
    ("Overhead Press (Barbell)", 50.0),
    ("Bent Over Row (Barbell)", 70.0),
    ("Lat Pulldown (Cable)", 60.0),
    ("Bicep Curl (Dumbbell)", 14.0),
    ("Triceps Pushdown (Cable)", 25.0),
]
HEADER = (
    '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";"Weight (kg)";'
    '"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"'
)


def strong_file(sets: int, *, seed: int = 7) -> bytes:
    """Strong's current format: 5 exercises x 4 sets a workout, a warm-up and a rest timer row each."""
    rng = random.Random(seed)
    lines = [HEADER]
    start = datetime(2015, 1, 5, 18, 0, 0)
    written, workout = 0, 0
    while written < sets:
        workout += 1
        when = (start + timedelta(days=2 * workout, minutes=rng.randint(0, 90))).strftime("%Y-%m-%d %H:%M:%S")
        order = 0
        for name, base in rng.sample(EXERCISES, 5):
            for index in range(4):
                if written >= sets:
                    break
                kind = "W" if index == 0 else str(order := order + 1)
                load = round((base * (0.6 if index == 0 else 1) + rng.choice((0, 2.5, 5))) * 2) / 2
                lines.append(
                    f'"{workout}";"{when}";"Session {workout % 3}";"3600";"{name}";"{kind}";"{load}";'
                    f'"{rng.randint(3, 12)}";"";"";"";"";""'
                )
                written += 1
            lines.append(
                f'"{workout}";"{when}";"Session {workout % 3}";"3600";"{name}";"Rest Timer";'
                '"";"";"";"";"120";"";""'
            )
    return ("\n".join(lines) + "\n").encode()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="also write the generated file here")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liftwell.web.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from liftwell.importers.detect import parse_bytes
    from liftwell.web.accounts.models import User
    from liftwell.web.exercises.services import load_shipped_exercises
    from liftwell.web.imports.services import import_file

    assert settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"), "this benchmark is for SQLite"
    data = strong_file(args.sets)
    if args.keep:
        args.keep.write_bytes(data)
    rows = data.count(b"\n") - 1
    call_command("migrate", verbosity=0)
    load_shipped_exercises()
    user = User.objects.create_user(f"importbench-{int(time.time())}", time_zone="Europe/Berlin")

    def timed(step: Callable[[], T]) -> tuple[T, float, float]:
        """The step's result, wall seconds, and CPU seconds of this process (steadier on a busy host)."""
        wall, cpu = time.perf_counter(), time.process_time()
        result = step()
        return result, time.perf_counter() - wall, time.process_time() - cpu

    read, csv_s, csv_cpu = timed(
        lambda: sum(1 for _ in csv.reader(io.StringIO(data.decode(), newline=""), delimiter=";")) - 1
    )
    parsed, parse_s, parse_cpu = timed(lambda: parse_bytes(data))
    summary, import_s, import_cpu = timed(lambda: import_file(user=user, data=data))
    again, again_s, again_cpu = timed(lambda: import_file(user=user, data=data))

    assert read == rows and len(parsed.sets) == args.sets and summary.new_sets == args.sets
    assert again.new_workouts == 0
    size_mb = len(data) / 1e6
    print(f"file: {rows:,} rows ({args.sets:,} sets, {summary.workouts:,} workouts), {size_mb:.1f} MB")
    print(f"load average {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    print(f"csv.reader only     {csv_s:6.2f} s  {rows / csv_s:>10,.0f} rows/s  (CPU {csv_cpu:.2f} s)")
    print(f"Liftwell parse only {parse_s:6.2f} s  {rows / parse_s:>10,.0f} rows/s  (CPU {parse_cpu:.2f} s)")
    print(
        f"full import         {import_s:6.2f} s  {rows / import_s:>10,.0f} rows/s  "
        f"(CPU {import_cpu:.2f} s; target < 10 s)"
    )
    print(f"re-import (adds 0)  {again_s:6.2f} s                    (CPU {again_cpu:.2f} s)")


if __name__ == "__main__":
    main()
