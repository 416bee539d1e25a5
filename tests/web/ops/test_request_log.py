"""The JSON request line: route pattern, status, duration, user and request id; never a value or query."""

from __future__ import annotations

import json
import logging
from datetime import date

import pytest
from django.test import Client
from django.test.utils import override_settings

from liftwell.web.health.models import BloodPressure
from liftwell.web.ops.logformat import JsonFormatter
from tests.conftest import ApiClient, make_user


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(JsonFormatter())
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def request_lines() -> list[str]:
    handler = _Lines()
    logger = logging.getLogger("liftwell.request")
    logger.addHandler(handler)
    try:
        yield handler.lines  # type: ignore[misc]
    finally:
        logger.removeHandler(handler)


@pytest.mark.django_db
@override_settings(LIFTWELL_LOG_FORMAT="json")
def test_it_logs_one_line_with_the_route_pattern(request_lines: list[str]) -> None:
    owner = make_user("olivia")
    reading = BloodPressure.objects.create(
        owner=owner, measured_on=date(2026, 3, 1), systolic_mmhg=187, diastolic_mmhg=113
    )
    web = Client()
    web.force_login(owner)
    response = web.get(
        f"/health/blood-pressure/{reading.pk}/edit/?systolic=187", headers={"X-Request-ID": "abc-123"}
    )
    assert len(request_lines) == 1
    line = json.loads(request_lines[0])
    assert line["method"] == "GET"
    assert line["status"] == response.status_code
    assert line["user_id"] == owner.pk
    assert line["request_id"] == "abc-123" == response["X-Request-ID"]
    assert line["duration_ms"] > 0
    assert "<int:" in line["route"] and str(reading.pk) not in line["route"]
    # Neither the health value, nor the query string, nor the object's id reaches the log.
    assert "187" not in request_lines[0] and "113" not in request_lines[0]
    assert "systolic" not in request_lines[0]


@pytest.mark.django_db
@override_settings(LIFTWELL_LOG_FORMAT="json")
def test_it_logs_the_api_user_and_an_unmatched_path(request_lines: list[str]) -> None:
    owner = make_user("olivia")
    ApiClient(owner).get("/api/v1/workouts?limit=5")
    Client().get("/no/such/page/12345")
    api_line, missing_line = (json.loads(line) for line in request_lines)
    assert api_line["route"] == "api/v1/workouts" and api_line["user_id"] == owner.pk
    assert api_line["status"] == 200
    assert missing_line["route"] == "<unmatched>" and missing_line["status"] == 404
    assert missing_line["user_id"] is None
    assert len(missing_line["request_id"]) == 32  # made up when the proxy sent none


@pytest.mark.django_db
@override_settings(LIFTWELL_LOG_FORMAT="json")
def test_it_ignores_a_request_id_that_could_forge_a_line(request_lines: list[str]) -> None:
    Client().get("/healthz", headers={"X-Request-ID": 'x"\n{"status":200}'})
    (line,) = request_lines
    assert json.loads(line)["request_id"] != 'x"\n{"status":200}'


@pytest.mark.django_db
def test_it_writes_no_line_in_text_mode(request_lines: list[str]) -> None:
    Client().get("/healthz")
    assert request_lines == []
