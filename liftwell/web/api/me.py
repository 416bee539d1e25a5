"""/api/v1/me: who the token or session belongs to, and their settings."""

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from liftwell.web.accounts.gym import plate_set_for

router = Router(tags=["account"])


class PlateSetOut(Schema):
    unit: str
    bar: Decimal
    collar: Decimal
    plates: list[tuple[Decimal, int]]


class MeOut(Schema):
    id: int
    username: str
    display_name: str
    email: str
    unit: str
    time_zone: str
    birth_year: int | None
    sex: str
    height_cm: Decimal | None
    default_rest_s: int
    plate_set: PlateSetOut

    @staticmethod
    def resolve_plate_set(obj: Any) -> dict[str, Any]:
        return plate_set_for(obj)


@router.get("/me", response=MeOut, summary="The signed-in account and its settings")
def me(request: HttpRequest) -> object:
    return request.user
