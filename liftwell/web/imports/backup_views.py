"""Download a full backup, and restore one: upload, see what it would add, confirm."""

from __future__ import annotations

import json
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.imports.backup import BackupError, export_backup, read_backup, restore_backup
from liftwell.web.imports.forms import BackupUploadForm
from liftwell.web.imports.services import (
    MAX_UPLOAD_BYTES,
    ImportRefused,
    get_pending_import_for_user,
    mark_imported,
    read_upload,
    save_upload,
)
from liftwell.web.imports.views import after_upload


@login_required
def export_json(request: AuthedRequest) -> HttpResponse:
    """Everything the person owns as one JSON file (`liftwell export json`)."""
    user = request.user
    text = json.dumps(export_backup(user), indent=1, ensure_ascii=False)
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="liftwell-backup-{user.username}-{stamp}.json"'
    return response


@login_required
def backup_upload(request: AuthedRequest) -> HttpResponse:
    form = BackupUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size and upload.size > MAX_UPLOAD_BYTES:
                raise ImportRefused(f"the file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
            pending = save_upload(
                user=request.user,
                file_name=upload.name or "backup.json",
                data=upload.chunks(),
            )
        except ImportRefused as error:
            form.add_error("file", str(error))
        else:
            return after_upload(request, reverse("backup-preview", args=[pending.pk]))
    return render(request, "imports/backup_upload.html", {"form": form}, status=422 if form.errors else 200)


def _restore(request: AuthedRequest, pending_id: uuid.UUID, *, dry_run: bool) -> HttpResponse | None:
    user = request.user
    pending = get_pending_import_for_user(user, pending_id)
    context: dict[str, object] = {"pending": pending}
    try:
        summary = restore_backup(user=user, document=read_backup(read_upload(pending)), dry_run=dry_run)
    except BackupError as error:
        context["error"] = str(error)
        return render(request, "imports/backup_preview.html", context, status=422)
    if not dry_run:
        mark_imported(pending=pending, format="liftwell")
        messages.success(request, f"Restored the backup: {summary.total_added} rows added.")
        return None
    rows = [(key, added, summary.already_present[key]) for key, added in summary.added.items()]
    context.update(summary=summary, rows=rows)
    return render(request, "imports/backup_preview.html", context)


@login_required
def backup_preview(request: AuthedRequest, pending_id: uuid.UUID) -> HttpResponse:
    response = _restore(request, pending_id, dry_run=True)
    assert response is not None
    return response


@login_required
@require_POST
def backup_confirm(request: AuthedRequest, pending_id: uuid.UUID) -> HttpResponse:
    return _restore(request, pending_id, dry_run=False) or redirect("profile")
