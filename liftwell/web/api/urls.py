"""The /api/v1/ NinjaAPI instance and its routers."""

from __future__ import annotations

from ninja import NinjaAPI

from liftwell import __version__
from liftwell.web.api import coaching, exercises, health, me, progress, sync, training
from liftwell.web.api.auth import API_AUTH
from liftwell.web.api.errors import install_error_handlers

api = NinjaAPI(
    title="Liftwell API",
    version=__version__,
    description=(
        "Liftwell's JSON API. Authenticate with `Authorization: Bearer <token>` "
        "(create a token in your profile or with `liftwell token create`)."
    ),
    auth=API_AUTH,
    urls_namespace="api",
)
install_error_handlers(api)
api.add_router("", me.router)
api.add_router("", exercises.router)
api.add_router("", training.router)
api.add_router("", sync.router)
api.add_router("", progress.router)
api.add_router("", health.router)
api.add_router("", coaching.router)
