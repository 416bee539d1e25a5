"""People without a program can find the plan generator from the program list and from Today."""

from __future__ import annotations

import pytest

from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/programs/", "/today/"])
def test_it_offers_a_plan_of_your_own(client, path):
    client.force_login(make_user("nina"))
    response = client.get(path)
    assert response.status_code == 200
    assert b'href="/plan/"' in response.content
