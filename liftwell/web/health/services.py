"""The only write path for health entries, and the lookups that keep each person's data their own."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404

from liftwell.core.health import BpAdvice, BpLocation, bp_training_advice
from liftwell.web.accounts.models import User
from liftwell.web.health.kinds import Kind
from liftwell.web.health.models import ArticleReport, BloodPressure, Entry, HealthSettings


def entries_for_user(*, user: User, kind: Kind) -> QuerySet[Any]:
    rows: QuerySet[Any] = kind.model.objects.filter(owner=user)  # type: ignore[attr-defined]
    if kind.filter_kind:
        rows = rows.filter(kind=kind.filter_kind)
    return rows.order_by("-measured_on", "-id")


def get_entry_for_user(*, user: User, kind: Kind, entry_id: int) -> Entry:
    """One of the person's entries of this kind; anything else (another person's, another kind) is a 404."""
    entry = entries_for_user(user=user, kind=kind).filter(pk=entry_id).first()
    if entry is None:
        raise Http404("No such entry.")
    return entry  # type: ignore[no-any-return]


def save_entry(*, user: User, kind: Kind, fields: dict[str, Any], entry: Entry | None = None) -> Entry:
    """Create an entry from a form's `model_fields()`, or update `entry` (already checked to be theirs)."""
    with transaction.atomic():
        if entry is None:
            entry = kind.model(owner=user, **fields)
        else:
            if entry.owner_id != user.pk:
                raise Http404("No such entry.")
            for name, value in fields.items():
                setattr(entry, name, value)
        entry.full_clean(exclude=["owner"])
        entry.save()
    return entry


def delete_entry(*, user: User, entry: Entry) -> None:
    if entry.owner_id != user.pk:
        raise Http404("No such entry.")
    with transaction.atomic():
        entry.delete()


def save_health_settings(*, user: User, lab_unit: str, hba1c_unit: str, bp_guideline: str) -> HealthSettings:
    with transaction.atomic():
        prefs, _ = HealthSettings.objects.update_or_create(
            owner=user,
            defaults={"lab_unit": lab_unit, "hba1c_unit": hba1c_unit, "bp_guideline": bp_guideline},
        )
    return prefs


def report_article_problem(*, user: User, article_slug: str, message: str) -> ArticleReport:
    """Store a reader's report, which staff see in the admin (Health and benefits > Article reports),
    and mail it to the staff accounts that have an address once it is saved. A mail that cannot be sent
    loses nothing: the report is in the admin either way."""
    with transaction.atomic():
        report = ArticleReport.objects.create(
            reporter=user, article_slug=article_slug, message=message.strip()
        )
        transaction.on_commit(lambda: _mail_staff(report))
    return report


def _mail_staff(report: ArticleReport) -> None:
    addresses = list(
        User.objects.filter(is_staff=True, is_active=True).exclude(email="").values_list("email", flat=True)
    )
    if not addresses:
        return
    who = report.reporter.username if report.reporter else "A reader"
    send_mail(
        subject=f"Liftwell: a problem reported on /learn/{report.article_slug}/",
        message=(
            f"{who} reported a problem with /learn/{report.article_slug}/:\n\n"
            f"{report.message}\n\nMark it resolved in the admin under Health and benefits > Article reports."
        ),
        from_email=None,
        recipient_list=addresses,
        fail_silently=True,
    )


def recent_bp_advice(
    *, user: User, today: date, within_days: int = 7
) -> tuple[BloodPressure, BpAdvice] | None:
    """Advice before training when the latest blood pressure (of the last week) is at or above the
    deferral thresholds for where it was taken (docs/science.md §6.3; home values after ACC/AHA 2017 Table
    11). For the dashboard and the logging screen: advice, never a block."""
    latest = (
        BloodPressure.objects.filter(owner=user, measured_on__gte=today - timedelta(days=within_days))
        .order_by("-measured_on", "-id")
        .first()
    )
    return _advice_for(latest)


def recent_bp_advice_by_owner(
    *, today_by_owner: Mapping[int, date], within_days: int = 7
) -> dict[int, tuple[BloodPressure, BpAdvice]]:
    """`recent_bp_advice` for several people at once (one query), keyed by owner id; each person's
    week ends on their own `today`. People without advice are absent."""
    if not today_by_owner:
        return {}
    since = min(today_by_owner.values()) - timedelta(days=within_days)
    latest: dict[int, BloodPressure] = {}
    readings = BloodPressure.objects.filter(owner_id__in=today_by_owner, measured_on__gte=since).order_by(
        "owner_id", "-measured_on", "-id"
    )
    for reading in readings:
        owner_id = reading.owner_id
        in_week = reading.measured_on >= today_by_owner[owner_id] - timedelta(days=within_days)
        if owner_id not in latest and in_week:
            latest[owner_id] = reading
    found = {owner_id: _advice_for(reading) for owner_id, reading in latest.items()}
    return {owner_id: pair for owner_id, pair in found.items() if pair is not None}


def _advice_for(latest: BloodPressure | None) -> tuple[BloodPressure, BpAdvice] | None:
    if latest is None:
        return None
    advice = bp_training_advice(latest.systolic_mmhg, latest.diastolic_mmhg, BpLocation(latest.location))
    return None if advice is None else (latest, advice)
