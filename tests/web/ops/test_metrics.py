"""/metrics: off by default, the Prometheus text format when on, counts by route pattern and status."""

from __future__ import annotations

import pytest
from django.test import Client
from django.test.utils import override_settings
from prometheus_client.parser import text_string_to_metric_families


def _count(text: str, **labels: str) -> float:
    for family in text_string_to_metric_families(text):
        if family.name != "liftwell_http_requests":
            continue
        for sample in family.samples:
            if sample.name.endswith("_total") and all(sample.labels.get(k) == v for k, v in labels.items()):
                return sample.value
    return 0.0


@pytest.mark.django_db
def test_it_is_off_by_default(client: Client) -> None:
    assert client.get("/metrics").status_code == 404


@pytest.mark.django_db
@override_settings(LIFTWELL_METRICS=True)
def test_it_counts_requests_by_route_pattern_and_status(client: Client) -> None:
    before = client.get("/metrics").content.decode()
    client.get("/healthz")
    client.get("/healthz")
    client.get("/no/such/page/qz-unique-path")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    after = response.content.decode()
    healthz = {"method": "GET", "route": "healthz", "status": "200"}
    missing = {"method": "GET", "route": "<unmatched>", "status": "404"}
    assert _count(after, **healthz) - _count(before, **healthz) == 2
    assert _count(after, **missing) - _count(before, **missing) == 1
    assert "qz-unique-path" not in after  # paths never become labels
    assert 'liftwell_http_request_duration_seconds_bucket{le="0.005",method="GET",route="healthz"}' in after


@pytest.mark.django_db
@override_settings(LIFTWELL_METRICS=True, LIFTWELL_METRICS_TOKEN="s3cret-metrics")
def test_it_asks_for_the_token_when_one_is_set(client: Client) -> None:
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
    response = client.get("/metrics", headers={"Authorization": "Bearer s3cret-metrics"})
    assert response.status_code == 200 and b"liftwell_http_requests_total" in response.content


@pytest.mark.django_db
def test_it_adds_up_every_worker_in_multiprocess_mode(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `liftwell serve` sets up: each gunicorn worker writes files, one scrape reads them all."""
    import subprocess
    import sys

    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    record = (
        "from liftwell.web.ops import metrics;"
        "metrics.observe(method='POST', route='api/v1/workouts/<workout_id>/sets', status=201,"
        " duration_s=0.02)"
    )
    for _ in range(2):  # two worker processes
        subprocess.run([sys.executable, "-c", record], check=True)
    scrape = "from liftwell.web.ops import metrics; print(metrics.exposition()[0].decode())"
    text = subprocess.run([sys.executable, "-c", scrape], check=True, capture_output=True, text=True).stdout
    labels = {"method": "POST", "route": "api/v1/workouts/<workout_id>/sets", "status": "201"}
    assert _count(text, **labels) == 2
