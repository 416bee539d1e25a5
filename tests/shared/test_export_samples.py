"""Real exports in ../shared/data/samples survive a trip out through Strong's CSV format and back in.

Moved from tests/web/imports/test_export.py, where a missing samples folder skipped even under CI=true;
here `needs` makes it a failure there (tests/shared/files.py).
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from liftwell.web.imports.services import import_file
from tests.conftest import make_user
from tests.shared.files import needs, shared_path
from tests.web.imports.test_export import stored_sets

SAMPLES = shared_path("data", "samples")
pytestmark = [needs(SAMPLES), pytest.mark.usefixtures("library")]


@pytest.mark.parametrize(
    "name",
    ["hevy_2025_lbs_supersets__andyjwest.csv", "strong_2023_12col-duration_lbs__hipml.csv"],
)
def test_real_histories_round_trip_through_strongs_format(name: str) -> None:
    first = make_user("first", time_zone="UTC")
    import_file(user=first, data=(SAMPLES / name).read_bytes(), unit="lb")
    out = io.StringIO()
    call_command("export", "csv", "--user", "first", "--format", "strong", stdout=out)
    second = make_user("second", time_zone="UTC")
    import_file(user=second, data=out.getvalue().encode())
    assert len(stored_sets(second)) == len(stored_sets(first))
    strip = [row[2:] for row in stored_sets(first)]  # titles may differ in trimmed whitespace only
    assert [row[2:] for row in stored_sets(second)] == strip
