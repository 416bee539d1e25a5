"""Copying the whole instance's database to a file and back (`liftwell backup` / `liftwell restore`).

SQLite: through sqlite3's online backup API, which copies a consistent snapshot while the server keeps
reading and writing (a transaction is either in the copy or not). Restoring copies the file back the
same way, after keeping the current database beside it. PostgreSQL: `pg_dump` / `pg_restore` (custom
format), run when they are on PATH; otherwise the commands to run are printed.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

SQLITE_HEADER = b"SQLite format 3\x00"
PG_CUSTOM_HEADER = b"PGDMP"
# Tables every Liftwell database has, whatever its version.
LIFTWELL_TABLES = {"django_migrations", "accounts_user", "training_workout", "training_workoutset"}


class InstanceBackupError(RuntimeError):
    """Something that stops a backup or a restore, with a message for the operator."""


@dataclass(frozen=True)
class DatabaseFacts:
    users: int
    workouts: int
    sets: int

    def __str__(self) -> str:
        return f"{self.users} accounts, {self.workouts} workouts, {self.sets} sets"


# --- SQLite ---


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def check_liftwell_sqlite(path: Path) -> DatabaseFacts:
    """Facts about the Liftwell database in `path`; InstanceBackupError when it is not one or is damaged."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise InstanceBackupError(f"cannot read {path}: {error.strerror}") from None
    if header != SQLITE_HEADER:
        raise InstanceBackupError(f"{path} is not an SQLite database")
    connection = _read_only(path)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = LIFTWELL_TABLES - tables
        if missing:
            raise InstanceBackupError(
                f"{path} is an SQLite database but not Liftwell's (no {', '.join(sorted(missing))})"
            )
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise InstanceBackupError(f"{path} is damaged: {'; '.join(problems[:3])}")

        def count(table: str) -> int:
            return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        return DatabaseFacts(count("accounts_user"), count("training_workout"), count("training_workoutset"))
    except sqlite3.DatabaseError as error:
        raise InstanceBackupError(f"{path} cannot be read as a database: {error}") from None
    finally:
        connection.close()


def sqlite_copy(*, source: Path, target: Path) -> None:
    """Copy the database `source` to the new file `target` with the online backup API.

    The whole copy is one step (`pages=-1`), made under one read transaction of `source`: a
    consistent snapshot, while other connections go on writing (in WAL mode they are not blocked).
    """
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    reader = _read_only(source)
    writer = sqlite3.connect(partial)
    try:
        reader.backup(writer, pages=-1)
        writer.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    finally:
        writer.close()
        reader.close()
    os.replace(partial, target)


def sqlite_backup(*, database: Path, target: Path, force: bool = False) -> DatabaseFacts:
    if target.exists() and not force:
        raise InstanceBackupError(f"{target} already exists; add --force to replace it")
    if not database.exists():
        raise InstanceBackupError(f"the database {database} does not exist")
    target.parent.mkdir(parents=True, exist_ok=True)
    sqlite_copy(source=database, target=target)
    return check_liftwell_sqlite(target)


def sqlite_restore(*, backup: Path, database: Path, force: bool, now: datetime | None = None) -> Path | None:
    """Replace `database` with `backup`; returns where the replaced database was kept (None if none).

    Refuses without `force` when the database exists, and refuses any file that is not a sound
    Liftwell database. The copy goes through the backup API into the live file, so connections
    still open see the restored data rather than a file swapped under them.
    """
    check_liftwell_sqlite(backup)
    kept: Path | None = None
    if database.exists():
        if not force:
            raise InstanceBackupError(
                f"{database} exists and restoring replaces everything in it; add --force to go ahead"
            )
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
        kept = database.with_name(f"{database.name}.before-restore-{stamp}")
        sqlite_copy(source=database, target=kept)
    reader = _read_only(backup)
    writer = sqlite3.connect(database, timeout=30)
    try:
        reader.backup(writer, pages=-1)
    finally:
        writer.close()
        reader.close()
    return kept


# --- PostgreSQL ---


def _pg_args(settings: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            args += [flag, str(settings[key])]
    env = {"PGPASSWORD": str(settings["PASSWORD"])} if settings.get("PASSWORD") else {}
    return args, env


def pg_dump_command(settings: dict[str, Any], target: Path) -> list[str]:
    args, _ = _pg_args(settings)
    return ["pg_dump", "--format=custom", "--no-owner", *args, "--file", str(target), str(settings["NAME"])]


def pg_restore_command(settings: dict[str, Any], backup: Path) -> list[str]:
    args, _ = _pg_args(settings)
    return [
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        *args,
        "--dbname",
        str(settings["NAME"]),
        str(backup),
    ]


def pg_instructions(settings: dict[str, Any], path: Path, *, restore: bool) -> str:
    command = pg_restore_command(settings, path) if restore else pg_dump_command(settings, path)
    password = " (with PGPASSWORD set to the database password)" if settings.get("PASSWORD") else ""
    what = "restore" if restore else "back up"
    return f"To {what} this PostgreSQL database, run{password}:\n  {' '.join(command)}"


def run_pg(command: list[str], settings: dict[str, Any]) -> None:
    """Run pg_dump or pg_restore; InstanceBackupError when it is missing or fails."""
    if shutil.which(command[0]) is None:
        raise InstanceBackupError(f"{command[0]} is not installed")
    _, env = _pg_args(settings)
    done = subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise InstanceBackupError(f"{command[0]} failed: {done.stderr.strip()[:500]}")


def check_pg_dump(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(PG_CUSTOM_HEADER))
    except OSError as error:
        raise InstanceBackupError(f"cannot read {path}: {error.strerror}") from None
    if header != PG_CUSTOM_HEADER:
        raise InstanceBackupError(f"{path} is not a pg_dump file in custom format (pg_dump --format=custom)")
