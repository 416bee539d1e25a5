"""The coach the coaching tests share: enrolled in two-factor, and a client signed in as her."""

from __future__ import annotations

import pytest
from django.test import Client

from liftwell.web.accounts.models import User
from tests.conftest import make_user
from tests.web.coaching.world import enrol, sign_in


@pytest.fixture
def coach(db: None) -> User:
    user = make_user("cora", display_name="Coach Cora")
    enrol(user)
    return user


@pytest.fixture
def coach_client(coach: User) -> Client:
    return sign_in(Client(), coach)
