"""`liftwell serve`: gunicorn in front of Liftwell, after applying pending migrations."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Apply pending migrations and serve Liftwell with gunicorn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
        parser.add_argument("--threads", type=int, default=int(os.environ.get("GUNICORN_THREADS", "1")))
        parser.add_argument("--no-migrate", action="store_true", help="Skip the migration step.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
            call_command("exercises", "load", verbosity=0)
        # Hashed, compressed static files for WhiteNoise; unchanged files are skipped.
        call_command("collectstatic", interactive=False, verbosity=0)
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or "gunicorn"
        prepare_metrics_dir()
        argv = [
            gunicorn,
            "liftwell.web.wsgi:application",
            "--bind",
            f"{options['host']}:{options['port']}",
            "--workers",
            str(options["workers"]),
            "--threads",
            str(options["threads"]),
            "--timeout",
            os.environ.get("GUNICORN_TIMEOUT", "60"),
            "--graceful-timeout",
            os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"),
            "--forwarded-allow-ips",
            os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        ]
        # In JSON mode Liftwell writes its own request lines (route pattern, no query string).
        if settings.LIFTWELL_LOG_FORMAT != "json":
            argv += ["--access-logfile", "-"]
        self.stdout.write(f"Liftwell on http://{options['host']}:{options['port']}/ (Ctrl+C stops it)")
        sys.stdout.flush()
        os.execv(argv[0], argv)


def prepare_metrics_dir() -> None:
    """With /metrics on, give gunicorn's workers one fresh folder to add their counters up in."""
    if not settings.LIFTWELL_METRICS:
        return
    folder = Path(os.environ.get("PROMETHEUS_MULTIPROC_DIR") or settings.DATA_DIR / "metrics")
    # Last run's files would add a dead process's counts to this one's.
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder)
