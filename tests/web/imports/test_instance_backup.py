"""`liftwell backup` / `liftwell restore`: consistent copies while others write, and a careful restore."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from liftwell.web.imports.instance import (
    InstanceBackupError,
    check_liftwell_sqlite,
    pg_dump_command,
    pg_instructions,
    pg_restore_command,
    sqlite_copy,
    sqlite_restore,
)

ROOT = Path(__file__).resolve().parents[3]
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


def _pairs_database(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE a (n INTEGER, pad TEXT)")
        db.execute("CREATE TABLE b (n INTEGER, pad TEXT)")


def test_a_copy_taken_while_another_connection_writes_is_consistent(tmp_path: Path) -> None:
    source = tmp_path / "live.sqlite3"
    _pairs_database(source)
    stop = threading.Event()
    written = [0]

    def write() -> None:
        # Each transaction adds one row to each table: any consistent snapshot has equal counts.
        db = sqlite3.connect(source, timeout=30, isolation_level=None)
        while not stop.is_set():
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT INTO a VALUES (?, ?)", (written[0], "x" * 2000))
            db.execute("INSERT INTO b VALUES (?, ?)", (written[0], "y" * 2000))
            db.execute("COMMIT")
            written[0] += 1
        db.close()

    writer = threading.Thread(target=write)
    writer.start()
    counts = []
    try:
        for number in range(8):
            while written[0] < 50 * (number + 1):  # let the writer get ahead between copies
                time.sleep(0.005)
            copy = tmp_path / f"copy-{number}.sqlite3"
            sqlite_copy(source=source, target=copy)
            with sqlite3.connect(copy) as db:
                assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                a, b = (db.execute(f"SELECT count(*), max(n) FROM {t}").fetchone() for t in ("a", "b"))
            assert a == b, f"copy {number} has {a} rows in a but {b} in b"
            counts.append(a[0])
            assert not (tmp_path / f"copy-{number}.sqlite3-wal").exists()
    finally:
        stop.set()
        writer.join()
    assert counts == sorted(counts) and counts[-1] > counts[0] > 0  # copies made while rows kept coming


def test_check_refuses_what_is_not_a_liftwell_database(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(InstanceBackupError, match="not an SQLite database"):
        check_liftwell_sqlite(text)
    other = tmp_path / "other.sqlite3"
    _pairs_database(other)
    with pytest.raises(InstanceBackupError, match="not Liftwell's"):
        check_liftwell_sqlite(other)
    with pytest.raises(InstanceBackupError, match="cannot read"):
        check_liftwell_sqlite(tmp_path / "missing.sqlite3")


def _liftwell_like(path: Path, users: int) -> None:
    with sqlite3.connect(path) as db:
        for table in ("django_migrations", "training_workout", "training_workoutset"):
            db.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
        db.execute("CREATE TABLE accounts_user (id INTEGER PRIMARY KEY, username TEXT)")
        db.executemany("INSERT INTO accounts_user (username) VALUES (?)", [(f"u{n}",) for n in range(users)])


def test_restore_refuses_without_force_and_keeps_the_replaced_database(tmp_path: Path) -> None:
    backup, live = tmp_path / "backup.sqlite3", tmp_path / "live.sqlite3"
    _liftwell_like(backup, users=2)
    _liftwell_like(live, users=5)
    with pytest.raises(InstanceBackupError, match="--force"):
        sqlite_restore(backup=backup, database=live, force=False)
    assert check_liftwell_sqlite(live).users == 5
    kept = sqlite_restore(backup=backup, database=live, force=True)
    assert check_liftwell_sqlite(live).users == 2
    assert kept is not None and check_liftwell_sqlite(kept).users == 5


def test_restore_refuses_a_file_that_is_not_liftwells(tmp_path: Path) -> None:
    other, live = tmp_path / "other.sqlite3", tmp_path / "live.sqlite3"
    _pairs_database(other)
    _liftwell_like(live, users=1)
    with pytest.raises(InstanceBackupError, match="not Liftwell's"):
        sqlite_restore(backup=other, database=live, force=True)
    assert check_liftwell_sqlite(live).users == 1


@on_sqlite
@pytest.mark.django_db
def test_the_backup_command_copies_the_running_database(tmp_path: Path) -> None:
    path = tmp_path / "instance.sqlite3"
    out = io.StringIO()
    call_command("backup", str(path), stdout=out)
    assert "Backed up" in out.getvalue()
    assert check_liftwell_sqlite(path).workouts == 0
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(path))


def _liftwell(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LIFTWELL_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-m", "liftwell.cli", *args]
    return subprocess.run(
        command, env=env, cwd=ROOT, capture_output=True, text=True, input=stdin, check=False
    )


@on_sqlite
def test_backup_then_restore_end_to_end(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert _liftwell(data, "migrate", "--verbosity", "0").returncode == 0
    password = "a-Long-enough-pass\n"
    assert _liftwell(data, "createuser", "ada", "--password-stdin", stdin=password).returncode == 0
    backup = tmp_path / "instance.sqlite3"
    assert _liftwell(data, "backup", str(backup)).returncode == 0
    assert _liftwell(data, "createuser", "bob", "--password-stdin", stdin=password).returncode == 0
    refused = _liftwell(data, "restore", str(backup))
    assert refused.returncode != 0 and "--force" in refused.stderr
    done = _liftwell(data, "restore", str(backup), "--force")
    assert done.returncode == 0, done.stderr
    assert check_liftwell_sqlite(data / "liftwell.sqlite3").users == 1
    kept = [path for path in data.iterdir() if ".before-restore-" in path.name]
    assert len(kept) == 1 and check_liftwell_sqlite(kept[0]).users == 2
    not_ours = tmp_path / "notes.sqlite3"
    _pairs_database(not_ours)
    wrong = _liftwell(data, "restore", str(not_ours), "--force")
    assert wrong.returncode != 0 and "not Liftwell's" in wrong.stderr


def test_postgres_commands_name_the_configured_database_without_the_password() -> None:
    settings = {"NAME": "liftwell", "HOST": "db.internal", "PORT": 5433, "USER": "lw", "PASSWORD": "s3cret"}
    dump = pg_dump_command(settings, Path("/backups/lw.dump"))
    assert dump[:2] == ["pg_dump", "--format=custom"] and dump[-1] == "liftwell"
    assert dump[3:9] == ["--host", "db.internal", "--port", "5433", "--username", "lw"]
    restore = pg_restore_command(settings, Path("/backups/lw.dump"))
    assert "--clean" in restore and restore[-1] == "/backups/lw.dump"
    text = pg_instructions(settings, Path("/backups/lw.dump"), restore=True)
    assert "pg_restore" in text and "PGPASSWORD" in text and "s3cret" not in text


@on_postgres
@pytest.mark.django_db
def test_the_backup_command_runs_pg_dump(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "instance.dump"
    call_command("backup", str(path), stdout=io.StringIO())
    assert path.read_bytes()[:5] == b"PGDMP"
    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(path))
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(CommandError, match="pg_dump --format=custom"):
        call_command("backup", str(tmp_path / "again.dump"))
