"""The import upload shows how much of a large file has been sent, then opens the preview."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest

from liftwell.web.accounts.models import User
from tests.browser.conftest import log_in
from tests.conftest import make_user


@pytest.fixture
def person(transactional_db: None) -> User:
    return make_user("una")


def _body_tracker(days: int) -> bytes:
    start = date(2000, 1, 1)
    rows = [b"Date,Time,Measurement,Value,Unit"]
    for day in range(days):
        when = (start + timedelta(days=day)).isoformat().encode()
        rows.append(when + b",07:00:00,Bodyweight," + str(70 + day % 10).encode() + b".0,kg")
        rows.append(when + b",07:00:00,Waist," + str(80 + day % 5).encode() + b".5,cm")
    return b"\n".join(rows) + b"\n"


def test_a_slow_upload_shows_its_progress_then_the_preview(page: Any, live_server: Any, person: User) -> None:
    log_in(page, live_server, person)
    page.goto("/import/")
    data = _body_tracker(9000)  # ~0.6 MB, one reading of weight and waist a day for 24 years
    # About 150 kB/s up: long enough to see the bar move on a machine where localhost is instant.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 20, "downloadThroughput": -1, "uploadThroughput": 150_000},
    )
    page.set_input_files(
        "input[type=file]", files=[{"name": "body.csv", "mimeType": "text/csv", "buffer": data}]
    )
    page.click("form[data-upload-progress] button[type=submit]")
    page.wait_for_function(
        "() => { const bar = document.querySelector('[data-upload-bar]');"
        " return bar && !bar.hidden && bar.value > 0 && bar.value < bar.max; }"
    )
    assert re.fullmatch(r"\d+% sent", page.text_content("[data-upload-status]") or "")
    page.wait_for_url(re.compile(r"/import/[0-9a-f-]{36}/$"), timeout=30_000)
    assert "18000 values on 9000 days (18000 new, 0 already here)" in page.content()
    assert page.js_errors == []


def test_a_refused_file_shows_the_form_with_the_error(page: Any, live_server: Any, person: User) -> None:
    log_in(page, live_server, person)
    page.goto("/import/")
    page.set_input_files(
        "input[type=file]", files=[{"name": "empty.csv", "mimeType": "text/csv", "buffer": b""}]
    )
    page.click("form[data-upload-progress] button[type=submit]")
    page.wait_for_selector("text=empty")
    assert page.url.endswith("/import/")
