"""`liftwell token create --user NAME`, `liftwell token list --user NAME`, `liftwell token revoke ID`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from liftwell.web.accounts.models import ApiToken, User
from liftwell.web.accounts.tokens import create_token


class Command(BaseCommand):
    help = "Create, list or revoke personal API tokens."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Print a new token once.")
        create.add_argument("--user", required=True)
        create.add_argument("--name", default="command line")
        listing = sub.add_parser("list", help="List a user's tokens (never the tokens themselves).")
        listing.add_argument("--user", required=True)
        revoke = sub.add_parser("revoke", help="Revoke a token by its id.")
        revoke.add_argument("token_id", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "revoke":
            deleted, _ = ApiToken.objects.filter(pk=options["token_id"]).delete()
            if not deleted:
                raise CommandError(f"no token with id {options['token_id']}")
            self.stdout.write("Revoked.")
            return
        try:
            user = User.objects.get(username=options["user"])
        except User.DoesNotExist:
            raise CommandError(f"no account named '{options['user']}'") from None
        if options["action"] == "create":
            _, token = create_token(user=user, name=options["name"])
            self.stdout.write(token)
        else:
            for row in ApiToken.objects.filter(user=user):
                used = row.last_used_at.isoformat() if row.last_used_at else "never"
                self.stdout.write(f"{row.pk}\t{row.prefix}…\t{row.name}\tlast used {used}")
