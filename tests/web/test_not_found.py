"""Unknown paths answer 404: JSON under /api/, the site's page elsewhere."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_it_answers_json_for_an_unknown_api_path(client):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"error": "No API operation at /api/v1/no-such-thing."}


def test_it_answers_the_site_page_for_an_unknown_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert b"Page not found" in response.content
