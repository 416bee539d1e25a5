"""The installable app: the manifest, the service worker's script, the icons and the offline shell."""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path

from django.test import Client

from liftwell.web.accounts.models import User

STATIC = Path(__file__).resolve().parents[3] / "liftwell" / "web" / "static"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_it_serves_the_manifest_with_icons(client: Client, db: None) -> None:
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == "/log/" and manifest["display"] == "standalone"
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert sizes == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for icon in manifest["icons"]:
        name = icon["src"].removeprefix("/static/")
        side = int(icon["sizes"].split("x")[0])
        assert _png_size(STATIC / name) == (side, side)


def test_it_serves_the_service_worker_at_the_root(client: Client, db: None) -> None:
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    body = response.content.decode()
    config = json.loads(body.split("\n", 1)[0].removeprefix("const CONFIG = ").removesuffix(";"))
    assert config["shell"] == "/log/shell/"
    assert "/static/liftwell/logging/screen.js" in config["assets"]
    assert "/static/vendor/htm/standalone.module.js" in config["assets"]
    assert 'addEventListener("fetch"' in body


def test_it_precaches_every_module_the_logging_screen_imports(client: Client, db: None) -> None:
    # The screen's modules import one another; one missing from the cache breaks the screen offline.
    logging = STATIC / "liftwell" / "logging"
    imported = {
        name
        for module in logging.glob("*.js")
        for name in re.findall(r'from "\./([\w-]+\.js)"', module.read_text())
    }
    assert {"store.js", "device-copy.js", "reading.js", "summary.js", "workout-sets.js"} <= imported
    body = client.get("/sw.js").content.decode()
    config = json.loads(body.split("\n", 1)[0].removeprefix("const CONFIG = ").removesuffix(";"))
    missing = {name for name in imported if f"/static/liftwell/logging/{name}" not in config["assets"]}
    assert missing == set()


def test_it_renders_the_generic_logging_shell(owner_client: Client, owner: User) -> None:
    response = owner_client.get("/log/shell/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="log-app"' in html and 'data-workout=""' in html
    assert f'data-user="{owner.pk}"' in html


def test_every_page_links_the_manifest_and_registers_the_worker(owner_client: Client) -> None:
    html = owner_client.get("/log/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert 'data-service-worker="/sw.js"' in html and 'data-signed-in="1"' in html
