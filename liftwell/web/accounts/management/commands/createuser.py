"""`liftwell createuser NAME [--email E] [--password-stdin]`."""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from liftwell.web.accounts.models import User


class Command(BaseCommand):
    help = "Add an account. The password is asked for, or read from standard input."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--password-stdin", action="store_true", help="Read the password from stdin.")
        parser.add_argument("--staff", action="store_true", help="Allow the admin pages.")

    def handle(self, *args: Any, **options: Any) -> None:
        username: str = options["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"an account named '{username}' already exists")
        if options["password_stdin"]:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password again: "):
                raise CommandError("the two passwords differ")
        user = User(username=username, email=options["email"])
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("password: " + " ".join(error.messages)) from None
        user.set_password(password)
        user.is_staff = user.is_superuser = bool(options["staff"])
        user.save()
        self.stdout.write(f"Created {username}.")
