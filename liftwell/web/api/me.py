"""/api/v1/me: who the token or session belongs to, and their settings."""


from decimal import Decimal

from django.http import HttpRequest
from ninja import Router, Schema

router = Router(tags=["account"])


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


@router.get("/me", response=MeOut, summary="The signed-in account")
def me(request: HttpRequest) -> object:
    return request.user
