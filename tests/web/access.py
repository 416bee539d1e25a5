"""The access-control registry: every URL pattern and API operation, declared with who may use it.

A route missing from here fails `test_every_route_is_declared`. Each declared route is requested as
anonymous, as its owner and as a stranger by `test_access_control.py`. To add a route: add one entry,
with a `build` that returns the path (and body) for the owner's object in `World`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise

# A string only the owner's data contains: it must never appear in what a stranger receives.
OWNER_SECRET = "Olivias-Secret-Exercise"


class Access(Enum):
    PUBLIC = "public"  # anyone, signed in or not
    OWNER = "owner"  # signed in; sees only their own data (others' objects answer 404)
    STAFF = "staff"  # Django admin: staff only
    # A coach's page about the owner (their client): only a coach holding a live grant, within its scope.
    # `owner_status` is what the owner gets there (404: nobody is their own coach; 302: sent to 2FA).
    COACH = "coach"


@dataclass
class World:
    owner: User
    stranger: User
    owner_exercise: Exercise
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Route:
    access: Access
    # Builds (path, json_or_form_body) for a request about the owner's data.
    build: Callable[[World], tuple[str, dict[str, Any] | None]]
    method: str = "get"
    owner_status: int = 200
    # True when the path names one of the owner's objects: a stranger must get 404.
    object_route: bool = False
    # Whether the web form body is posted as a form (web) or JSON (API).
    api: bool = False
    # Settings in force for the request, for routes that are off by default (e.g. /metrics).
    settings: dict[str, Any] = field(default_factory=dict)
    # What the coach granted access to the owner gets; None: the same as any other user (404 for an
    # object route, nothing of the owner's in the answer). Revoked and other clients' coaches always
    # get that.
    coach_status: int | None = None
    # True when the granted coach's request writes exactly one access-log row (coach reads of client data).
    audited: bool = False


def _path(path: str, body: dict[str, Any] | None = None) -> Callable[[World], tuple[str, Any]]:
    return lambda world: (path, body)


def _owner_program(world: World) -> Any:
    """The owner's own program (made on first use), named with the secret a stranger must never see."""
    if "user_program" not in world.extra:
        from liftwell.web.programs.models import UserProgram

        source = (
            f"name: {OWNER_SECRET}\nslug: secret\ndescription: {OWNER_SECRET}\n"
            "days:\n  - name: A\n    exercises:\n      - {exercise: barbell-back-squat, sets: 3x5}\n"
        )
        world.extra["user_program"] = UserProgram.objects.create(
            owner=world.owner, slug="secret", name=OWNER_SECRET, source=source
        )
    return world.extra["user_program"]


def _owner_screening(world: World) -> Any:
    """The owner's screening answers (made on first use)."""
    if "screening" not in world.extra:
        from liftwell.core.screening import QUESTION_CODES
        from liftwell.web.planning.models import Screening

        answers = dict.fromkeys(QUESTION_CODES, False) | {"heart_or_bp": True}
        world.extra["screening"] = Screening.objects.create(
            owner=world.owner, answered_at="2026-03-01T10:00:00Z", answers=answers, outcome="talk_first"
        )
    return world.extra["screening"]


WEB_ROUTES: dict[str, Route] = {
    "home": Route(Access.OWNER, _path("/")),
    "healthz": Route(Access.PUBLIC, _path("/healthz")),
    # Off by default (404); when on, anyone who reaches it (nginx keeps it internal) or the token holder.
    "metrics": Route(Access.PUBLIC, _path("/metrics"), settings={"LIFTWELL_METRICS": True}),
    "login": Route(Access.PUBLIC, _path("/accounts/login/")),
    "logout": Route(Access.PUBLIC, _path("/accounts/logout/", {}), method="post", owner_status=302),
    "signup": Route(Access.PUBLIC, _path("/accounts/signup/")),
    "profile": Route(Access.OWNER, _path("/accounts/profile/")),
    "tokens": Route(Access.OWNER, _path("/accounts/tokens/")),
    "token-revoke": Route(
        Access.OWNER,
        lambda w: (f"/accounts/tokens/{w.extra['owner_token_id']}/revoke/", {}),
        method="post",
        owner_status=302,
        object_route=True,
    ),
    "account-delete": Route(Access.OWNER, _path("/accounts/delete/")),
    "password_change": Route(Access.OWNER, _path("/accounts/password/change/")),
    "password_change_done": Route(Access.OWNER, _path("/accounts/password/change/done/")),
    "password_reset": Route(Access.PUBLIC, _path("/accounts/password/reset/")),
    "password_reset_done": Route(Access.PUBLIC, _path("/accounts/password/reset/done/")),
    "password_reset_confirm": Route(Access.PUBLIC, _path("/accounts/reset/MQ/set-password/")),
    "password_reset_complete": Route(Access.PUBLIC, _path("/accounts/reset/done/")),
    "log-start": Route(Access.OWNER, _path("/log/")),
    "log-shell": Route(Access.OWNER, _path("/log/shell/")),
    "pwa-service-worker": Route(Access.PUBLIC, _path("/sw.js")),
    "pwa-manifest": Route(Access.PUBLIC, _path("/manifest.webmanifest")),
    "log-workout": Route(
        Access.OWNER, lambda w: (f"/log/{w.extra['workout'].client_id}/", None), object_route=True
    ),
    "history": Route(Access.OWNER, _path("/history/")),
    "history-calendar": Route(Access.OWNER, _path("/history/calendar/?month=2026-03")),
    "history-workout": Route(
        Access.OWNER, lambda w: (f"/history/{w.extra['workout'].pk}/", None), object_route=True
    ),
    "history-workout-delete": Route(
        Access.OWNER,
        lambda w: (f"/history/{w.extra['workout'].pk}/delete/", {}),
        method="post",
        owner_status=302,
        object_route=True,
    ),
    "history-workout-restore": Route(
        Access.OWNER,
        lambda w: (f"/history/{w.extra['workout'].pk}/restore/", {}),
        method="post",
        owner_status=302,
        object_route=True,
    ),
    "history-set": Route(
        Access.OWNER,
        lambda w: (f"/history/sets/{w.extra['set'].pk}/", None),
        owner_status=302,
        object_route=True,
    ),
    "history-set-edit": Route(
        Access.OWNER, lambda w: (f"/history/sets/{w.extra['set'].pk}/edit/", None), object_route=True
    ),
    "history-set-delete": Route(
        Access.OWNER,
        lambda w: (f"/history/sets/{w.extra['set'].pk}/delete/", {}),
        method="post",
        owner_status=302,
        object_route=True,
    ),
    "history-set-restore": Route(
        Access.OWNER,
        lambda w: (f"/history/sets/{w.extra['set'].pk}/restore/", {}),
        method="post",
        owner_status=302,
        object_route=True,
    ),
    "history-exercise": Route(
        Access.OWNER, lambda w: (f"/history/exercise/{w.owner_exercise.pk}/", None), object_route=True
    ),
    "progress": Route(Access.OWNER, _path("/progress/?week=2026-W10")),
    "progress-exercise": Route(
        Access.OWNER, lambda w: (f"/progress/exercises/{w.owner_exercise.pk}/", None), object_route=True
    ),
    "progress-records": Route(Access.OWNER, _path("/progress/records/")),
    "progress-scores": Route(Access.OWNER, _path("/progress/scores/?bodyweight=80")),
    # Programs (issue 7): the library, the owner's own programs (object routes), Today.
    "program-list": Route(Access.OWNER, _path("/programs/")),
    "program-import": Route(Access.OWNER, _path("/programs/import/")),
    "program-stop": Route(Access.OWNER, _path("/programs/stop/", {}), method="post", owner_status=302),
    "program-builtin": Route(Access.OWNER, _path("/programs/library/beginner-full-body/")),
    "program-builtin-download": Route(Access.OWNER, _path("/programs/library/beginner-full-body/download/")),
    "program-builtin-start": Route(
        Access.OWNER,
        _path("/programs/library/beginner-full-body/start/", {}),
        method="post",
        owner_status=302,
    ),
    "program-detail": Route(
        Access.OWNER, lambda w: (f"/programs/{_owner_program(w).pk}/", None), object_route=True
    ),
    "program-download": Route(
        Access.OWNER, lambda w: (f"/programs/{_owner_program(w).pk}/download/", None), object_route=True
    ),
    "program-start": Route(
        Access.OWNER,
        lambda w: (f"/programs/{_owner_program(w).pk}/start/", {}),
        method="post",
        owner_status=302,
        object_route=True,
    ),
    "program-delete": Route(
        Access.OWNER,
        lambda w: (f"/programs/{_owner_program(w).pk}/delete/", {}),
        method="post",
        owner_status=302,
        object_route=True,
    ),
    "today": Route(Access.OWNER, _path("/today/")),
    # Without an active program the owner is sent to the program list.
    "today-start": Route(Access.OWNER, _path("/today/start/", {}), method="post", owner_status=302),
    # Plan generator (issue 7): without a screening the questionnaire sends the owner to it; an empty
    # screening or questionnaire post is refused with the form's errors.
    "plan-questionnaire": Route(Access.OWNER, _path("/plan/"), owner_status=302),
    "plan-use": Route(Access.OWNER, _path("/plan/use/", {}), method="post", owner_status=400),
    "plan-screening": Route(Access.OWNER, _path("/plan/screening/")),
    "plan-screening-detail": Route(
        Access.OWNER, lambda w: (f"/plan/screening/{_owner_screening(w).pk}/", None), object_route=True
    ),
    # Issue 14: recording that a doctor cleared the owner's answers (screened 2026-03-01).
    "plan-screening-clearance": Route(
        Access.OWNER,
        lambda w: (f"/plan/screening/{_owner_screening(w).pk}/clearance/", {"cleared_on": "2026-03-02"}),
        method="post",
        owner_status=302,
        object_route=True,
    ),
    "exercise-list": Route(Access.OWNER, _path("/exercises/?muscle=quads&equipment=barbell")),
    "exercise-create": Route(Access.OWNER, _path("/exercises/new/")),
    "exercise-detail": Route(
        Access.OWNER, lambda w: (f"/exercises/{w.owner_exercise.pk}/", None), object_route=True
    ),
    "exercise-hide": Route(
        Access.OWNER,
        lambda w: (f"/exercises/{w.owner_exercise.pk}/hide/", {"hidden": "1"}),
        method="post",
        owner_status=302,
        object_route=True,
    ),
    "import-upload": Route(Access.OWNER, _path("/import/")),
    "export-csv": Route(Access.OWNER, _path("/import/export.csv?format=strong")),
    "export-json": Route(Access.OWNER, _path("/import/export.json")),
    "backup-upload": Route(Access.OWNER, _path("/import/backup/")),
    "backup-preview": Route(
        Access.OWNER, lambda w: (f"/import/backup/{w.extra['pending_backup'].pk}/", None), object_route=True
    ),
    "backup-confirm": Route(
        Access.OWNER,
        lambda w: (f"/import/backup/{w.extra['pending_backup'].pk}/confirm/", {}),
        method="post",
        owner_status=302,
        object_route=True,
    ),
    "import-preview": Route(
        Access.OWNER, lambda w: (f"/import/{w.extra['pending_import'].pk}/", None), object_route=True
    ),
    "import-confirm": Route(
        Access.OWNER,
        lambda w: (f"/import/{w.extra['pending_import'].pk}/confirm/", {}),
        method="post",
        owner_status=302,
        object_route=True,
    ),
    "health-dashboard": Route(Access.OWNER, _path("/health/")),
    "health-settings": Route(Access.OWNER, _path("/health/settings/")),
    "health-warning-signs": Route(Access.PUBLIC, _path("/health/warning-signs/")),
    "health-training-advice": Route(Access.OWNER, _path("/health/training-advice/")),
    "health-fhir-export": Route(Access.OWNER, _path("/health/export/fhir/")),
    "health-list": Route(Access.OWNER, _path("/health/blood-pressure/")),
    "health-new": Route(Access.OWNER, _path("/health/blood-pressure/new/")),
    "health-edit": Route(
        Access.OWNER,
        lambda w: (f"/health/blood-pressure/{w.extra['blood_pressure'].pk}/edit/", None),
        object_route=True,
    ),
    "health-delete": Route(
        Access.OWNER,
        lambda w: (f"/health/blood-pressure/{w.extra['blood_pressure'].pk}/delete/", {}),
        method="post",
        owner_status=302,
        object_route=True,
    ),
    "learn": Route(Access.PUBLIC, _path("/learn/?q=bone")),
    "learn-article": Route(Access.PUBLIC, _path("/learn/why-resistance-training/")),
    "learn-report": Route(
        Access.OWNER,
        _path("/learn/bone-density/report/", {"message": "A typo in the second paragraph."}),
        method="post",
        owner_status=302,
    ),
}

API_ROUTES: dict[str, Route] = {
    "GET /api/v1/openapi.json": Route(Access.PUBLIC, _path("/api/v1/openapi.json"), api=True),
    "GET /api/v1/docs": Route(Access.PUBLIC, _path("/api/v1/docs"), api=True),
    "GET /api/v1/me": Route(Access.OWNER, _path("/api/v1/me"), api=True),
    "GET /api/v1/exercises": Route(
        Access.OWNER, _path("/api/v1/exercises?muscle=quads&equipment=barbell"), api=True
    ),
    "POST /api/v1/exercises": Route(
        Access.OWNER,
        _path(
            "/api/v1/exercises",
            {
                "name": "Harness Press",
                "primary_muscles": ["chest"],
                "equipment": "band",
                "pattern": "horizontal_push",
            },
        ),
        method="post",
        owner_status=201,
        api=True,
    ),
    "GET /api/v1/exercises/{exercise_id}": Route(
        Access.OWNER,
        lambda w: (f"/api/v1/exercises/{w.owner_exercise.pk}", None),
        object_route=True,
        api=True,
    ),
    "GET /api/v1/workouts": Route(Access.OWNER, _path("/api/v1/workouts"), api=True),
    "POST /api/v1/workouts": Route(
        Access.OWNER, _path("/api/v1/workouts", {"title": "New"}), method="post", owner_status=201, api=True
    ),
    "GET /api/v1/workouts/{workout_id}": Route(
        Access.OWNER,
        lambda w: (f"/api/v1/workouts/{w.extra['workout'].pk}", None),
        object_route=True,
        api=True,
    ),
    "PATCH /api/v1/workouts/{workout_id}": Route(
        Access.OWNER,
        lambda w: (f"/api/v1/workouts/{w.extra['workout'].client_id}", {"notes": "changed"}),
        method="patch",
        object_route=True,
        api=True,
    ),
    "DELETE /api/v1/workouts/{workout_id}": Route(
        Access.OWNER,
        lambda w: (f"/api/v1/workouts/{w.extra['workout'].pk}", None),
        method="delete",
        owner_status=204,
        object_route=True,
        api=True,
    ),
    "POST /api/v1/workouts/{workout_id}/restore": Route(
        Access.OWNER,
        lambda w: (f"/api/v1/workouts/{w.extra['workout'].pk}/restore", {}),
        method="post",
        object_route=True,
        api=True,
    ),
    "POST /api/v1/workouts/{workout_id}/finish": Route(
        Access.OWNER,
        lambda w: (f"/api/v1/workouts/{w.extra['workout'].pk}/finish", {}),
        method="post",
        object_route=True,
        api=True,
    ),
    "GET /api/v1/workouts/{workout_id}/summary": Route(
        Access.OWNER,
        lambda w: (f"/api/v1/workouts/{w.extra['workout'].pk}/summary", None),
        object_route=True,
        api=True,
    ),
    "POST /api/v1/workouts/{workout_id}/exercises": Route(
        Access.OWNER,
        lambda w: (
            f"/api/v1/workouts/{w.extra['workout'].pk}/exercises",
            {"exercise_id": w.owner_exercise.pk},
        ),
        method="post",
        owner_status=201,
        object_route=True,
        api=True,
    ),
    "PATCH /api/v1/workout-exercises/{item_id}": Route(
        Access.OWNER,
        lambda w: (f"/api/v1/workout-exercises/{w.extra['block'].pk}", {"rest_s": 60}),
        method="patch",
        object_route=True,
        api=True,
    ),
    "DELETE /api/v1/workout-exercises/{item_id}": Route(
        Access.OWNER,
        lambda w: (f"/api/v1/workout-exercises/{w.extra['block'].client_id}", None),
        method="delete",
        owner_status=204,
        object_route=True,
        api=True,
    ),
    "POST /api/v1/workouts/{workout_id}/sets": Route(
        Access.OWNER,
        lambda w: (
            f"/api/v1/workouts/{w.extra['workout'].pk}/sets",
            {
                "client_id": "6f1c2a52-0000-4000-8000-000000000001",
                "exercise_id": w.owner_exercise.pk,
                "reps": 5,
            },
        ),
        method="post",
        owner_status=201,
        object_route=True,
        api=True,
    ),
    "GET /api/v1/sets": Route(Access.OWNER, _path("/api/v1/sets"), api=True),
    "PATCH /api/v1/sets/{set_id}": Route(
        Access.OWNER,
        lambda w: (f"/api/v1/sets/{w.extra['set'].pk}", {"reps": 6}),
        method="patch",
        object_route=True,
        api=True,
    ),
    "DELETE /api/v1/sets/{set_id}": Route(
        Access.OWNER,
        lambda w: (f"/api/v1/sets/{w.extra['set'].client_id}", None),
        method="delete",
        owner_status=204,
        object_route=True,
        api=True,
    ),
    "GET /api/v1/previous": Route(
        Access.OWNER,
        lambda w: (f"/api/v1/previous?exercise_id={w.owner_exercise.pk}", None),
        api=True,
    ),
    "GET /api/v1/recent-exercises": Route(Access.OWNER, _path("/api/v1/recent-exercises"), api=True),
    "GET /api/v1/progress/exercises/{exercise_id}": Route(
        Access.OWNER,
        lambda w: (f"/api/v1/progress/exercises/{w.owner_exercise.pk}", None),
        object_route=True,
        api=True,
    ),
    "GET /api/v1/progress/weeks": Route(
        Access.OWNER, _path("/api/v1/progress/weeks?from=2026-01-01&to=2026-03-31"), api=True
    ),
    # Answers 200 with a result per change; a stranger's change naming the owner's set gets a 404 result.
    "POST /api/v1/sync": Route(
        Access.OWNER,
        lambda w: (
            "/api/v1/sync",
            {
                "changes": [
                    {"op": "update", "type": "set", "client_id": str(w.extra["set"].client_id), "data": {}}
                ]
            },
        ),
        method="post",
        api=True,
    ),
    "GET /api/v1/health/observations": Route(Access.OWNER, _path("/api/v1/health/observations"), api=True),
    "POST /api/v1/health/observations": Route(
        Access.OWNER,
        _path(
            "/api/v1/health/observations",
            {
                "kind": "blood-pressure",
                "date": "2026-03-02",
                "values": {"systolic_mmhg": 120, "diastolic_mmhg": 75},
            },
        ),
        method="post",
        owner_status=201,
        api=True,
    ),
}

# --- Coaching (issue 9): the client's sharing pages, two-factor sign-in, the coach's pages. ---
# The coaching actors and objects in `World.extra` come from tests/web/coaching/world.py.


def _coach_route(
    path: Callable[[World], str],
    *,
    method: str = "get",
    body: dict[str, Any] | None = None,
    coach_status: int = 200,
    audited: bool = True,
) -> Route:
    """A coach's page about the owner: only the granted coach gets through, everyone else gets 404."""
    return Route(
        Access.COACH,
        lambda w: (path(w), body),
        method=method,
        owner_status=404,
        object_route=True,
        coach_status=coach_status,
        audited=audited,
    )


def _client(w: World) -> str:
    return f"/coach/clients/{w.owner.pk}/"


WEB_ROUTES.update(
    {
        "sharing": Route(Access.OWNER, _path("/sharing/")),
        "sharing-log": Route(Access.OWNER, _path("/sharing/log/")),
        "sharing-invite": Route(
            Access.OWNER,
            _path("/sharing/invite/", {"identifier": "mira", "scope": "training"}),
            method="post",
            owner_status=302,
        ),
        "sharing-accept": Route(
            Access.OWNER,
            lambda w: (f"/sharing/{w.extra['invitation_for_owner'].pk}/accept/", {"scope": "training"}),
            method="post",
            owner_status=302,
            object_route=True,
        ),
        "sharing-decline": Route(
            Access.OWNER,
            lambda w: (f"/sharing/{w.extra['invitation_for_owner'].pk}/decline/", {}),
            method="post",
            owner_status=302,
            object_route=True,
        ),
        "sharing-revoke": Route(
            Access.OWNER,
            lambda w: (f"/sharing/{w.extra['grant'].pk}/revoke/", {}),
            method="post",
            owner_status=302,
            object_route=True,
        ),
        "sharing-scope": Route(
            Access.OWNER,
            lambda w: (f"/sharing/{w.extra['grant'].pk}/scope/", {"scope": "training"}),
            method="post",
            owner_status=302,
            object_route=True,
        ),
        "two-factor": Route(Access.OWNER, _path("/accounts/two-factor/")),
        "two-factor-setup": Route(Access.OWNER, _path("/accounts/two-factor/setup/")),
        # Without two-factor on, the code page sends people to set it up.
        "two-factor-verify": Route(Access.OWNER, _path("/accounts/two-factor/verify/"), owner_status=302),
        "two-factor-recovery": Route(
            Access.OWNER, _path("/accounts/two-factor/recovery-codes/", {}), method="post", owner_status=302
        ),
        "two-factor-disable": Route(
            Access.OWNER, _path("/accounts/two-factor/disable/", {}), method="post", owner_status=302
        ),
        # Coach pages that name no client: the owner has no two-factor, so is sent to set it up (302).
        "coach-home": Route(Access.COACH, _path("/coach/"), owner_status=302, coach_status=200, audited=True),
        "coach-invite": Route(
            Access.COACH,
            _path("/coach/invite/", {"identifier": "sam"}),
            method="post",
            owner_status=302,
            coach_status=302,
        ),
        "coach-orgs": Route(Access.COACH, _path("/coach/organisations/"), owner_status=302, coach_status=200),
        "coach-org": Route(
            Access.COACH,
            lambda w: (f"/coach/organisations/{w.extra['organisation'].pk}/", None),
            owner_status=404,
            object_route=True,
            coach_status=200,
        ),
        "coach-org-add": Route(
            Access.COACH,
            lambda w: (
                f"/coach/organisations/{w.extra['organisation'].pk}/members/",
                {"identifier": "olga", "role": "coach"},
            ),
            method="post",
            owner_status=404,
            object_route=True,
            coach_status=302,
        ),
        "coach-org-remove": Route(
            Access.COACH,
            lambda w: (
                f"/coach/organisations/{w.extra['organisation'].pk}/members/{w.extra['member'].pk}/remove/",
                {},
            ),
            method="post",
            owner_status=404,
            object_route=True,
            coach_status=302,
        ),
        "coach-accept": Route(
            Access.COACH,
            lambda w: (f"/coach/invitations/{w.extra['invitation_for_coach'].pk}/accept/", {}),
            method="post",
            owner_status=404,
            object_route=True,
            coach_status=302,
        ),
        "coach-decline": Route(
            Access.COACH,
            lambda w: (f"/coach/invitations/{w.extra['invitation_for_coach'].pk}/decline/", {}),
            method="post",
            owner_status=404,
            object_route=True,
            coach_status=302,
        ),
        "coach-client": _coach_route(_client),
        "coach-client-end": _coach_route(
            lambda w: _client(w) + "end/", method="post", body={}, coach_status=302, audited=False
        ),
        "coach-client-workout": _coach_route(lambda w: _client(w) + f"workouts/{w.extra['workout'].pk}/"),
        "coach-client-comment": _coach_route(
            lambda w: _client(w) + f"workouts/{w.extra['workout'].pk}/comments/",
            method="post",
            body={"text": "Good depth on the squats."},
            coach_status=302,
        ),
        "coach-client-progress": _coach_route(lambda w: _client(w) + "progress/"),
        "coach-client-program": _coach_route(lambda w: _client(w) + "program/"),
        "coach-client-health": _coach_route(lambda w: _client(w) + "health/"),
        "coach-client-notes": _coach_route(
            lambda w: _client(w) + "notes/",
            method="post",
            body={"written_on": "2026-03-02", "text": "Knee felt fine."},
            coach_status=302,
        ),
        "coach-client-report": _coach_route(lambda w: _client(w) + "report/?from=2026-01-01&to=2026-03-31"),
        "coach-client-report-pdf": _coach_route(
            lambda w: f"/coach/clients/{w.owner.pk}/report.pdf?from=2026-01-01&to=2026-03-31"
        ),
    }
)

API_ROUTES.update(
    {
        # The owner has no two-factor: coach operations refuse with 403 (nothing about anyone is said).
        "GET /api/v1/coach/clients": Route(
            Access.COACH, _path("/api/v1/coach/clients"), owner_status=403, coach_status=200, api=True
        ),
        "GET /api/v1/coach/clients/{client_id}/workouts": Route(
            Access.COACH,
            lambda w: (f"/api/v1/coach/clients/{w.owner.pk}/workouts", None),
            owner_status=404,
            object_route=True,
            api=True,
            coach_status=200,
            audited=True,
        ),
        "GET /api/v1/coach/clients/{client_id}/health/observations": Route(
            Access.COACH,
            lambda w: (f"/api/v1/coach/clients/{w.owner.pk}/health/observations", None),
            owner_status=404,
            object_route=True,
            api=True,
            coach_status=200,
            audited=True,
        ),
    }
)

# URL names that are not Liftwell's own pages: the admin (staff only, tested by Django) and
# the API's own root, which ninja mounts and answers 404.
IGNORED_NAMESPACES = {"admin"}
API_NAMESPACE = "api"
