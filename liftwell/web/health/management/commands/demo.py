"""`liftwell demo [--username demo] [--password-stdin] [--years 2] [--seed N] [--force]`."""

from __future__ import annotations

import secrets
import sys
import zoneinfo
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from liftwell.web.accounts.models import User
from liftwell.web.health.demo import DEMO_TIME_ZONE, NotADemoAccount, create_demo_account


class Command(BaseCommand):
    help = (
        "Create a demo account with two years of training and health entries, to see what Liftwell shows. "
        "An existing demo account is kept (--force recreates it); a real account is never touched."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", default="demo")
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="Read the password from stdin (otherwise one is made up and printed).",
        )
        parser.add_argument("--years", type=int, default=2, choices=range(1, 6), metavar="{1-5}")
        parser.add_argument("--seed", type=int, default=8, help="The same seed gives the same data.")
        parser.add_argument("--force", action="store_true", help="Replace an existing demo account.")

    def handle(self, *args: Any, **options: Any) -> None:
        username: str = options["username"]
        if options["password_stdin"]:
            password = sys.stdin.readline().rstrip("\n")
            shown = ""
        else:
            password = secrets.token_urlsafe(12)
            shown = password
        try:
            validate_password(password, User(username=username))
        except ValidationError as error:
            raise CommandError("password: " + " ".join(error.messages)) from None
        today = timezone.localdate(timezone=zoneinfo.ZoneInfo(DEMO_TIME_ZONE))
        try:
            report = create_demo_account(
                username=username,
                password=password,
                today=today,
                years=options["years"],
                seed=options["seed"],
                force=options["force"],
            )
        except NotADemoAccount:
            raise CommandError(
                f"'{username}' is a real account, not a demo: Liftwell will not replace it. "
                "Choose another name with --username."
            ) from None
        if not report.created:
            self.stdout.write(
                f"The demo account '{report.user.username}' already exists; nothing changed "
                "(--force recreates it)."
            )
            return
        self.stdout.write(
            f"Created the demo account '{report.user.username}': {report.workouts} workouts, "
            f"{report.sets} sets and {report.health_entries} health entries "
            f"from {report.first_day} to {today}."
        )
        if shown:
            self.stdout.write(f"Password: {shown}")
