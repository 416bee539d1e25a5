"""Done when: a history imported from a file shows the right PRs and charts.

A small Strong export (the current format: `Workout #`, semicolons, kg in the header, `W` for a warm-up)
goes through the real import service; the exercise page, the records page and the API must show the
records and per-session points worked out by hand below (Epley e1RM = load x (1 + reps/30),
docs/science.md §2.1; volume = load x reps; warm-ups never count).
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.test import Client

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.imports.services import import_file
from tests.conftest import ApiClient

D = Decimal

HEADER = (
    '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";"Weight (kg)";'
    '"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"'
)
ROWS = [
    # 1. Mon 5 Jan 2026, bench: a 100 kg warm-up single (must not count), then 80x8, 80x8, 85x5.
    #    Volumes 640 + 640 + 425 = 1705. e1RM: 80x8 -> 80 x 38/30 = 101.33; 85x5 -> 99.17. Heaviest 85.
    ("1", "2026-01-05 09:00:00", "Push", "Bench Press (Barbell)", "W", "100", "1"),
    ("1", "2026-01-05 09:00:00", "Push", "Bench Press (Barbell)", "1", "80", "8"),
    ("1", "2026-01-05 09:00:00", "Push", "Bench Press (Barbell)", "2", "80", "8"),
    ("1", "2026-01-05 09:00:00", "Push", "Bench Press (Barbell)", "3", "85", "5"),
    # 2. Thu 8 Jan, squat 100x5 three times: volume 1500, e1RM 116.67, heaviest 100 (its only session).
    ("2", "2026-01-08 09:00:00", "Legs", "Squat (Barbell)", "1", "100", "5"),
    ("2", "2026-01-08 09:00:00", "Legs", "Squat (Barbell)", "2", "100", "5"),
    ("2", "2026-01-08 09:00:00", "Legs", "Squat (Barbell)", "3", "100", "5"),
    # 3. Mon 12 Jan, bench 90x3 (270; e1RM 99.00), 82.5x6 (495; 99.00), 70x12 (840; 70 x 42/30 = 98.00).
    #    Session 1605. Records: heaviest 90 (was 85), best set volume 840 (was 640).
    ("3", "2026-01-12 09:00:00", "Push", "Bench Press (Barbell)", "1", "90", "3"),
    ("3", "2026-01-12 09:00:00", "Push", "Bench Press (Barbell)", "2", "82.5", "6"),
    ("3", "2026-01-12 09:00:00", "Push", "Bench Press (Barbell)", "3", "70", "12"),
    # 4. Thu 15 Jan, bench 87.5x8 (700; 87.5 x 38/30 = 110.83), 87.5x7 (612.5; 107.92), 60x15 (900; no e1RM
    #    past 12 reps). Session 2212.5. Records: e1RM 110.83 (was 101.33), best set volume 900 (was 840),
    #    best session volume 2212.5 (was 1705).
    ("4", "2026-01-15 09:00:00", "Push", "Bench Press (Barbell)", "1", "87.5", "8"),
    ("4", "2026-01-15 09:00:00", "Push", "Bench Press (Barbell)", "2", "87.5", "7"),
    ("4", "2026-01-15 09:00:00", "Push", "Bench Press (Barbell)", "3", "60", "15"),
]
# Rep maxes for bench (the heaviest load for at least r reps; first reached): 1-3 reps 90 (12 Jan, done
# for 3); 4-8 reps 87.5 (15 Jan, done for 8); 9-12 reps 70 (12 Jan, done for 12; 60x15 is lighter).
REP_MAXES = dict.fromkeys((1, 2, 3), ("90", 3)) | dict.fromkeys(range(4, 9), ("87.5", 8))
REP_MAXES |= dict.fromkeys(range(9, 13), ("70", 12))


def strong_file() -> bytes:
    lines = [HEADER]
    for number, when, name, exercise, order, weight, reps in ROWS:
        fields = [number, when, name, "3600", exercise, order, weight, reps, "", "", "", "", ""]
        lines.append(";".join(f'"{f}"' for f in fields))
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def imported(owner: User, library: None) -> dict[str, Exercise]:
    summary = import_file(user=owner, data=strong_file(), unit="kg", time_zone="UTC")
    assert (summary.new_workouts, summary.new_sets) == (4, len(ROWS))
    return {
        "bench": Exercise.objects.get(owner=None, slug="barbell-bench-press"),
        "squat": Exercise.objects.get(owner=None, slug="barbell-back-squat"),
    }


def test_the_api_shows_the_records_and_the_chart_points(
    owner_api: ApiClient, imported: dict[str, Exercise]
) -> None:
    bench = imported["bench"]
    body = owner_api.get(f"/api/v1/progress/exercises/{bench.pk}").json()
    points = [
        (s["date"], s["top_load_kg"], s["top_reps"], s["e1rm_kg"], s["volume_kg"], s["sets"])
        for s in body["sessions"]
    ]
    assert [(d, Decimal(t), r, Decimal(e), Decimal(v), n) for d, t, r, e, v, n in points] == [
        ("2026-01-05", 85, 5, Decimal("101.33"), 1705, 3),
        ("2026-01-12", 90, 3, Decimal("99.00"), 1605, 3),
        ("2026-01-15", D("87.5"), 8, Decimal("110.83"), D("2212.5"), 3),
    ]
    records = body["records"]
    assert (Decimal(records["heaviest_kg"]["value"]), records["heaviest_kg"]["date"]) == (90, "2026-01-12")
    e1rm = records["best_e1rm_kg"]
    assert (Decimal(e1rm["value"]), e1rm["date"], Decimal(e1rm["load_kg"]), e1rm["reps"]) == (
        Decimal("110.83"),
        "2026-01-15",
        D("87.5"),
        8,
    )
    best_set = records["best_set_volume_kg"]
    assert (Decimal(best_set["value"]), best_set["reps"]) == (900, 15)
    assert Decimal(records["best_session_volume_kg"]["value"]) == D("2212.5")
    grid = {m["reps"]: (Decimal(m["load_kg"]), m["done_reps"]) for m in body["rep_maxes"]}
    assert grid == {r: (Decimal(load), done) for r, (load, done) in REP_MAXES.items()}


def test_the_exercise_page_shows_the_records_chart_and_table(
    owner_client: Client, imported: dict[str, Exercise]
) -> None:
    html = owner_client.get(f"/progress/exercises/{imported['bench'].pk}/?range=all").content.decode()
    assert "9 hard sets in 3 sessions" in html  # the warm-up is not a hard set
    records = html[html.index('id="records-heading"') : html.index('id="over-time-heading"')]
    assert "90 kg (90 kg × 3)" in records and "12 Jan 2026" in records
    assert "110.83 kg (87.5 kg × 8)" in records
    assert "900 kg (60 kg × 15)" in records
    assert "2,212 kg" in records  # 2212.5 shown to the whole kg (half to even)
    # The charts: one point per session in each line (e1RM, heaviest set, volume).
    polylines = re.findall(r'<polyline class="line (series-\d)" points="([^"]+)"', html)
    assert [(css, len(points.split())) for css, points in polylines] == [
        ("series-1", 3),
        ("series-2", 3),
        ("series-3", 3),
    ]
    # Their table alternative, newest first.
    body = html[html.index("<tbody>", html.index("per session, newest first")) :]
    rows = re.findall(r"<tr>(.*?)</tr>", body[: body.index("</tbody>")])
    cells = [[re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r)] for r in rows]
    assert cells == [
        ["Thu 15 Jan 2026", "87.5 kg × 8", "110.83 kg", "2,212 kg", "3"],
        ["Mon 12 Jan 2026", "90 kg × 3", "99 kg", "1,605 kg", "3"],
        ["Mon 5 Jan 2026", "85 kg × 5", "101.33 kg", "1,705 kg", "3"],
    ]
    grid = html[html.index('id="repmax-heading"') :]
    assert grid.count("<tr>") == 1 + 12  # the header and reps 1 to 12


def test_the_records_page_shows_the_records_and_the_timeline(
    owner_client: Client, imported: dict[str, Exercise]
) -> None:
    html = owner_client.get("/progress/records/").content.decode()
    lists, timeline = html.split("Records timeline", 1)
    bench = lists[lists.index(imported["bench"].name) :]
    assert "90 kg (90 kg × 3)" in bench and "110.83 kg (87.5 kg × 8)" in bench and "900 kg" in bench
    assert "116.67 kg (100 kg × 5)" in lists  # squat
    entries = re.findall(r'<li><a href="/history/\d+/">(.*?)</ul>', timeline, re.S)
    text = [" ".join(re.sub(r"<[^>]+>", " ", e).split()) for e in entries]
    assert text == [
        "15 Jan 2026 Bench Press (Barbell) Best estimated 1RM: 110.83 kg (was 101.33 kg) "
        "Best set volume: 900 kg (was 840 kg) Best session volume: 2,212 kg (was 1,705 kg)",
        "12 Jan 2026 Bench Press (Barbell) Heaviest weight: 90 kg (was 85 kg) "
        "Best set volume: 840 kg (was 640 kg)",
    ]
