"""The `liftwell` command: Django's management commands under Liftwell's own name.

`liftwell serve`, `liftwell migrate`, `liftwell createuser`, `liftwell token create`,
`liftwell exercises import FILE`; `liftwell --help` lists everything.
"""

from __future__ import annotations

import os
import sys

from liftwell.importers.registry import app_names

LIFTWELL_COMMANDS = {
    "serve": "run Liftwell under gunicorn, applying pending migrations first",
    "migrate": "create or upgrade the database tables",
    "createuser": "add an account (NAME [--email E] [--password-stdin])",
    "token": "manage API tokens (token create --user NAME)",
    "exercises": "load the shipped library or import one (exercises load | exercises import FILE)",
    "import": f"import a {app_names()} export, or a backup (import FILE --user NAME)",
    "export": "a person's data (export csv [--format liftwell|strong] | json | fhir --user NAME [-o FILE])",
    "programs": "check a program file or list the built-in ones (programs validate FILE | programs list)",
    "backup": "copy the whole database to a file, safely while Liftwell runs (backup PATH)",
    "restore": "replace the whole database with a backup file (restore PATH --force)",
    "demo": "create a demo account with two years of data (demo [--username demo] [--seed N] [--force])",
    "createsuperuser": "add a staff account for the admin pages",
    "changepassword": "set an account's password",
    "check": "check the configuration (add --deploy for production)",
    "bench": "synthetic members for benchmarks (bench seed --users N --years Y [--seed S])",
}


def _usage() -> str:
    lines = ["usage: liftwell COMMAND [options]", "", "Liftwell commands:"]
    width = max(len(name) for name in LIFTWELL_COMMANDS)
    lines += [f"  {name.ljust(width)}  {text}" for name, text in LIFTWELL_COMMANDS.items()]
    lines += [
        "",
        "`liftwell COMMAND --help` tells more; `liftwell help --all` lists every Django command too.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liftwell.web.settings")
    if len(args) < 2 or args[1] in {"-h", "--help"} or args[1:] == ["help"]:
        print(_usage())
        return
    if args[1:] == ["help", "--all"]:
        args = [args[0], "help"]
    from django.core.management import execute_from_command_line

    args[0] = "liftwell"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
