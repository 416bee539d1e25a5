"""Uploads go to disk chunk by chunk, with the size limit checked as they arrive."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from liftwell.web.accounts.models import User
from liftwell.web.imports import services
from liftwell.web.imports.models import PendingImport
from liftwell.web.imports.services import ImportRefused, read_upload, save_upload


def _stored(owner: User) -> list[Path]:
    folder = Path(settings.DATA_DIR) / "imports" / str(owner.pk)
    return sorted(folder.glob("*.upload")) if folder.exists() else []


def test_chunks_are_stored_whole(owner: User) -> None:
    pending = save_upload(user=owner, file_name="big.csv", data=iter([b"Date,", b"Workout Name\n", b"x\n"]))
    assert read_upload(pending) == b"Date,Workout Name\nx\n"
    assert PendingImport.objects.get(pk=pending.pk).size_bytes == 20


def test_an_upload_over_the_limit_stops_while_streaming_and_leaves_nothing(
    owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "MAX_UPLOAD_BYTES", 10)
    before = _stored(owner)  # the data dir outlives test databases: compare, do not expect none
    read: list[int] = []

    def chunks() -> Iterator[bytes]:
        for index in range(100):
            read.append(index)
            yield b"0123"

    with pytest.raises(ImportRefused, match="larger than"):
        save_upload(user=owner, file_name="huge.csv", data=chunks())
    assert read == [0, 1, 2]  # the rest of the upload is never taken in
    with pytest.raises(ImportRefused, match="empty"):
        save_upload(user=owner, file_name="none.csv", data=iter([b""]))
    assert _stored(owner) == before and not PendingImport.objects.filter(owner=owner).exists()
