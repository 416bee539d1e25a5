"""Back up and restore a person with 100,000 sets on SQLite: `export json`, a restore into an empty
account, a second restore (adds nothing), and `liftwell backup` of the whole database.

    LIFTWELL_DATA_DIR=/tmp/lw-bench python -m bench.backup_bench [--sets 100000]

Point LIFTWELL_DATA_DIR at a scratch directory: the database there is migrated, the library loaded,
and two new users `backupbench-<time>` and `backupbench-<time>-twin` are left there.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", type=int, default=100_000)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liftwell.web.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from bench.import_bench import strong_file
    from liftwell.web.accounts.models import User
    from liftwell.web.exercises.services import load_shipped_exercises
    from liftwell.web.imports.backup import export_backup, read_backup, restore_backup
    from liftwell.web.imports.instance import sqlite_backup
    from liftwell.web.imports.services import import_file

    assert settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"), "this benchmark is for SQLite"
    call_command("migrate", verbosity=0)
    load_shipped_exercises()
    name = f"backupbench-{int(time.time())}"
    user = User.objects.create_user(name, time_zone="Europe/Berlin")
    import_file(user=user, data=strong_file(args.sets))

    began = time.perf_counter()
    text = json.dumps(export_backup(user), indent=1, ensure_ascii=False).encode()
    export_s = time.perf_counter() - began
    twin = User.objects.create_user(f"{name}-twin")
    began = time.perf_counter()
    first = restore_backup(user=twin, document=read_backup(text))
    restore_s = time.perf_counter() - began
    began = time.perf_counter()
    again = restore_backup(user=twin, document=read_backup(text))
    again_s = time.perf_counter() - began
    assert first.added["training.sets"] == args.sets and again.total_added == 0

    target = Path(settings.DATA_DIR) / f"{name}.sqlite3"
    began = time.perf_counter()
    facts = sqlite_backup(database=Path(settings.DATABASES["default"]["NAME"]), target=target)
    backup_s = time.perf_counter() - began
    size_mb = target.stat().st_size / 1e6
    target.unlink()

    print(f"person: {args.sets:,} sets; backup JSON {len(text) / 1e6:.1f} MB")
    print(f"export json            {export_s:6.2f} s  {args.sets / export_s:>10,.0f} sets/s")
    print(f"restore (empty account){restore_s:6.2f} s  {args.sets / restore_s:>10,.0f} sets/s")
    print(f"restore again (adds 0) {again_s:6.2f} s")
    print(f"liftwell backup        {backup_s:6.2f} s  ({facts}; {size_mb:.0f} MB, checked)")


if __name__ == "__main__":
    main()
