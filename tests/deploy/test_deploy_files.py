"""The deploy files agree with the code: environment names, the command, paths, limits and timeouts.

Docker, systemd and nginx cannot run here, so these are static checks of what they would be given.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

from liftwell.web.imports.services import MAX_UPLOAD_BYTES

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "docs" / "deploy"


def _read(relative: str) -> str:
    return (ROOT / relative).read_text()


def names_read_by_the_code() -> set[str]:
    """Every environment variable settings.py, env.py's callers and `liftwell serve` read."""
    names: set[str] = set()
    for path in (ROOT / "liftwell").rglob("*.py"):
        text = path.read_text()
        names |= set(re.findall(r"\benv_(?:str|bool|int|list)\(\s*\"([A-Z][A-Z0-9_]*)\"", text))
        names |= set(re.findall(r"os\.environ\.get\(\s*\"([A-Z][A-Z0-9_]*)\"", text))
    # Set by the tools, not by people: Django's and pytest's own.
    return names - {"DJANGO_SETTINGS_MODULE"}


def names_in_env_example() -> set[str]:
    return set(re.findall(r"^([A-Z][A-Z0-9_]*)=", _read(".env.example"), flags=re.MULTILINE))


def test_env_example_lists_every_variable_the_code_reads_and_no_other() -> None:
    code, example = names_read_by_the_code(), names_in_env_example()
    assert not code - example, f"add to .env.example: {sorted(code - example)}"
    assert not example - code, f".env.example names variables nothing reads: {sorted(example - code)}"


def test_the_guide_documents_every_variable() -> None:
    guide = _read("docs/deploy.md")
    missing = {name for name in names_in_env_example() if f"`{name}`" not in guide}
    assert not missing, f"docs/deploy.md does not describe: {sorted(missing)}"


def test_compose_runs_the_app_on_postgresql_with_optional_redis() -> None:
    compose = yaml.safe_load(_read("compose.yaml"))
    services = compose["services"]
    assert set(services) == {"app", "db", "redis"}
    app = services["app"]
    environment = app["environment"]
    assert set(environment) <= names_in_env_example(), set(environment) - names_in_env_example()
    assert (
        environment["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in environment["DATABASE_URL"]
    )
    assert environment["REDIS_URL"].startswith("redis://redis:6379/")
    assert environment["BEHIND_PROXY"] == "true" and environment["LIFTWELL_LOG_FORMAT"] == "json"
    assert app["depends_on"]["db"]["condition"] == "service_healthy"
    assert app["depends_on"]["redis"]["required"] is False
    assert "liftwell-data:/var/lib/liftwell" in app["volumes"]
    db_env = services["db"]["environment"]
    user_and_db = environment["DATABASE_URL"].removeprefix("postgres://").split(":")[0]
    assert db_env["POSTGRES_USER"] == user_and_db and environment["DATABASE_URL"].endswith(
        "/" + db_env["POSTGRES_DB"]
    )


def test_the_dockerfile_runs_liftwell_serve_with_known_settings() -> None:
    dockerfile = _read("Dockerfile")
    cmd = re.search(r"^CMD (\[.*\])$", dockerfile, flags=re.MULTILINE)
    assert cmd is not None and yaml.safe_load(cmd.group(1)) == ["liftwell", "serve"]
    scripts = tomllib.loads(_read("pyproject.toml"))["project"]["scripts"]
    assert scripts["liftwell"] == "liftwell.cli:main"
    env_block = re.search(r"^ENV (.*?)(?:\n\n|\n[A-Z#])", dockerfile, flags=re.MULTILINE | re.DOTALL)
    assert env_block is not None
    env = dict(re.findall(r"([A-Z][A-Z0-9_]*)=(\S+)", env_block.group(1)))
    liftwell_env = {name for name in env if not name.startswith(("PYTHON", "PIP_"))}
    assert liftwell_env <= names_in_env_example(), liftwell_env - names_in_env_example()
    assert env["HOST"] == "0.0.0.0" and f"EXPOSE {env['PORT']}" in dockerfile
    assert env["LIFTWELL_DATA_DIR"] == "/var/lib/liftwell" and "VOLUME /var/lib/liftwell" in dockerfile
    # Every file `pip install .` needs is copied; everything the image must not hold is ignored.
    for needed in ("pyproject.toml", "README.md", "LICENSE", "liftwell"):
        assert re.search(rf"^COPY .*\b{re.escape(needed)}\b", dockerfile, flags=re.MULTILINE), needed
    ignored = _read(".dockerignore").split()
    assert {".git", ".venv", "var"} <= set(ignored)


def test_the_systemd_unit_runs_liftwell_serve_as_its_own_user() -> None:
    unit = (DEPLOY / "liftwell.service").read_text()
    exec_start = re.search(r"^ExecStart=(.*)$", unit, flags=re.MULTILINE)
    assert exec_start is not None
    assert exec_start.group(1).split()[:2] == ["/srv/liftwell/venv/bin/liftwell", "serve"]
    assert "User=liftwell" in unit and "EnvironmentFile=/etc/liftwell/liftwell.env" in unit
    assert "ReadWritePaths=/var/lib/liftwell" in unit
    stop = int(re.search(r"^TimeoutStopSec=(\d+)$", unit, flags=re.MULTILINE).group(1))  # type: ignore[union-attr]
    graceful = int(re.search(r"^GUNICORN_GRACEFUL_TIMEOUT=(\d+)$", _read(".env.example"), re.M).group(1))  # type: ignore[union-attr]
    assert stop > graceful, "systemd would kill gunicorn before requests in flight finish"


def test_the_nginx_site_fits_uploads_timeouts_and_static_files() -> None:
    site = (DEPLOY / "nginx-liftwell.conf").read_text()
    body = re.search(r"client_max_body_size (\d+)m;", site)
    assert body is not None and int(body.group(1)) * 1024 * 1024 > MAX_UPLOAD_BYTES
    read_timeout = re.search(r"proxy_read_timeout (\d+)s;", site)
    gunicorn_timeout = re.search(r"^GUNICORN_TIMEOUT=(\d+)$", _read(".env.example"), flags=re.MULTILINE)
    assert read_timeout is not None and gunicorn_timeout is not None
    assert int(read_timeout.group(1)) > int(gunicorn_timeout.group(1))
    # STATIC_ROOT is $LIFTWELL_DATA_DIR/static; the guide sets the data dir to /var/lib/liftwell.
    assert "alias /var/lib/liftwell/static/;" in site
    for header in ("Host $host", "X-Forwarded-Proto $scheme", "X-Forwarded-For", "X-Request-ID $request_id"):
        assert site.count(f"proxy_set_header {header}") == site.count("proxy_pass "), header
    assert "return 301 https://" in site and "listen 443 ssl" in site
