"""`liftwell bench seed --users N --years Y [--seed S] [--until DATE]`: synthetic members for benchmarks."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from liftwell.web.ops.seed import PASSWORD, seed_members


class Command(BaseCommand):
    help = "Benchmark helpers. `bench seed` writes reproducible synthetic members (see docs/deploy.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        seed = sub.add_parser("seed", help="write N members with up to Y years of training and health data")
        seed.add_argument("--users", type=int, required=True)
        seed.add_argument("--years", type=float, default=1.0)
        seed.add_argument("--seed", type=int, default=1, help="the same seed and --until give the same rows")
        seed.add_argument("--until", type=date.fromisoformat, default=None, help="last day (default today)")
        seed.add_argument("--batch", type=int, default=500, help="members per transaction")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["users"] < 1 or options["years"] <= 0:
            raise CommandError("--users must be at least 1 and --years more than 0")
        result = seed_members(
            users=options["users"],
            years=options["years"],
            seed=options["seed"],
            until=options["until"] or date.today(),
            batch_users=options["batch"],
            log=lambda line: self.stderr.write(line),
        )
        counts = ", ".join(f"{count:,} {name}" for name, count in sorted(result.rows.items()))
        self.stdout.write(
            f"{result.users:,} new members on {connection.vendor} in {result.seconds:.1f} s "
            f"({counts or 'no rows'}); {result.coaches} coaches with {result.grants:,} clients. "
            f"Usernames seed{options['seed']}-000000..., password {PASSWORD!r}."
        )
