"""The fault run of issue 4: set creations under load while server workers are killed, then a count.

    python -m bench.fault_run [--creations 10000] [--clients 16] [--resend 0.3] [--kill-every 2]
                              [--workers 2] [--pace 0] [--json-out F]

Serves a fresh SQLite data directory with `liftwell serve --workers N` and has C client threads create
sets through POST /api/v1/workouts/{id}/sets, each with a new client_id, as a phone's outbox would: a
request that gets no answer (reset, timeout, 5xx) is sent again with the same client_id until one
comes, and a share of sets (`--resend`) is sent once more after its answer, as when the answer was lost
on the way. Meanwhile one gunicorn worker is killed with SIGKILL every `--kill-every` seconds (the
master starts a new one). At the end the database itself is read: every client_id sent must be stored
exactly once (0 lost, 0 duplicated) and `PRAGMA integrity_check` must answer ok. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def worker_pids(master: int) -> list[int]:
    """The gunicorn master's children (its workers), from /proc."""
    children: list[int] = []
    for task in Path(f"/proc/{master}/task").glob("*"):
        try:
            children += [int(pid) for pid in (task / "children").read_text().split()]
        except OSError:
            continue
    return children


class Client:
    """One phone: a connection that is reopened whenever the server dropped it."""

    def __init__(self, port: int, token: str, timeout_s: float) -> None:
        self.port, self.token, self.timeout_s = port, token, timeout_s
        self.connection: http.client.HTTPConnection | None = None

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        """One attempt: (status, parsed body), or (0, reason) when no answer came."""
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout_s)
        headers = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        try:
            self.connection.request(
                method, path, body=json.dumps(body) if body is not None else None, headers=headers
            )
            response = self.connection.getresponse()
            data = response.read()
            if response.getheader("Connection", "").lower() == "close":
                self.close()
        except (OSError, http.client.HTTPException) as error:
            self.close()
            return 0, type(error).__name__
        try:
            return response.status, json.loads(data) if data else None
        except ValueError:
            return response.status, None

    def until_answered(
        self, method: str, path: str, body: Any, stats: dict[str, Any]
    ) -> tuple[int, Any, int]:
        """Send until the server answers other than 5xx, with a short backoff: (status, body, attempts)."""
        delay = 0.05
        for attempt in range(200):
            status, data = self.call(method, path, body)
            stats["requests"] += 1
            if attempt:
                stats["retries"] += 1
            if status and status < 500:
                return status, data, attempt + 1
            key = str(status or data)
            stats["failures"][key] = stats["failures"].get(key, 0) + 1
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
        raise RuntimeError(f"{method} {path}: no answer after 200 attempts")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def prepare(env: dict[str, str], username: str = "fault") -> str:
    """Migrate the database in `env`, load the library, add `username` and return a new API token."""
    liftwell = [sys.executable, "-m", "liftwell.cli"]
    subprocess.run([*liftwell, "migrate"], env=env, check=True, capture_output=True, timeout=600)
    subprocess.run([*liftwell, "exercises", "load"], env=env, check=True, capture_output=True, timeout=300)
    subprocess.run(
        [*liftwell, "createuser", username, "--password-stdin"],
        input=f"{username}-Bench-pass-1\n",
        text=True,
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    made = subprocess.run(
        [*liftwell, "token", "create", "--user", username],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return made.stdout.strip().split()[-1]


def wait_healthy(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(log.read_text()[-3000:])
        time.sleep(0.3)


def run(args: argparse.Namespace) -> dict[str, Any]:
    data_dir = Path(args.data_dir or tempfile.mkdtemp(prefix="liftwell-fault-"))
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DEBUG"}
    }
    env["LIFTWELL_DATA_DIR"] = str(data_dir)
    token = prepare(env)
    port = free_port()
    log_path = data_dir / "serve.log"
    log = open(log_path, "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [sys.executable, "-m", "liftwell.cli", "serve", "--port", str(port), "--workers", str(args.workers)],
        env=env,
        stdout=log,
        stderr=log,
    )
    stats: dict[str, Any] = {
        "requests": 0,
        "retries": 0,
        "resent_after_answer": 0,
        "sets_sent_again": 0,
        "failures": {},
        "statuses": {},
    }
    lock = threading.Lock()
    sent: list[str] = []
    kills: list[int] = []
    stop = threading.Event()
    try:
        wait_healthy(port, server, log_path)
        setup = Client(port, token, args.timeout)
        _, exercises, _ = setup.until_answered("GET", "/api/v1/exercises?search=squat", None, stats)
        exercise_id = exercises["items"][0]["id"]
        per_client = [
            args.creations // args.clients + (i < args.creations % args.clients) for i in range(args.clients)
        ]

        def killer() -> None:
            while not stop.wait(args.kill_every):
                pids = worker_pids(server.pid)
                if pids:
                    victim = random.choice(pids)
                    try:
                        os.kill(victim, signal.SIGKILL)
                        kills.append(victim)
                    except ProcessLookupError:
                        pass

        def phone(index: int, count: int) -> None:
            rng = random.Random(index)
            client = Client(port, token, args.timeout)
            local = {"requests": 0, "retries": 0, "failures": {}}
            workout = {"client_id": str(uuid.uuid4()), "title": f"fault run {index}", "time_zone": "UTC"}
            _, made, _ = client.until_answered("POST", "/api/v1/workouts", workout, local)
            path = f"/api/v1/workouts/{made['id']}/sets"
            mine: list[str] = []
            statuses: dict[str, int] = {}
            resent = 0
            sent_again = 0
            for position in range(count):
                client_id = str(uuid.uuid4())
                body = {
                    "client_id": client_id,
                    "exercise_id": exercise_id,
                    "position": position,
                    "load_kg": "100",
                    "reps": 5,
                    "completed": True,
                }
                mine.append(client_id)
                status, _, attempts = client.until_answered("POST", path, body, local)
                statuses[str(status)] = statuses.get(str(status), 0) + 1
                again = attempts > 1
                if rng.random() < args.resend:
                    # The answer was "lost": the outbox sends the same change again.
                    status, _, _ = client.until_answered("POST", path, body, local)
                    statuses[str(status)] = statuses.get(str(status), 0) + 1
                    resent += 1
                    again = True
                sent_again += again
                if args.pace:
                    time.sleep(args.pace)  # a person between sets: keeps short runs long enough for kills
            client.close()
            with lock:
                sent.extend(mine)
                stats["requests"] += local["requests"]
                stats["retries"] += local["retries"]
                stats["resent_after_answer"] += resent
                stats["sets_sent_again"] += sent_again
                for key, value in local["failures"].items():
                    stats["failures"][key] = stats["failures"].get(key, 0) + value
                for key, value in statuses.items():
                    stats["statuses"][key] = stats["statuses"].get(key, 0) + value

        started = time.monotonic()
        kill_thread = threading.Thread(target=killer, daemon=True)
        kill_thread.start()
        threads = [threading.Thread(target=phone, args=(i, n)) for i, n in enumerate(per_client)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        stop.set()
        kill_thread.join()
        wall_s = time.monotonic() - started
    finally:
        stop.set()
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()

    database = sqlite3.connect(data_dir / "liftwell.sqlite3")
    integrity = database.execute("PRAGMA integrity_check").fetchone()[0]
    stored: dict[str, int] = {}
    for (client_id,) in database.execute("SELECT client_id FROM training_workoutset"):
        key = str(uuid.UUID(str(client_id)))
        stored[key] = stored.get(key, 0) + 1
    database.close()
    creations = len(sent)
    resent = stats["sets_sent_again"]
    return {
        "creations": creations,
        "clients": args.clients,
        "workers": args.workers,
        "kill_every_s": args.kill_every,
        "workers_killed": len(kills),
        "wall_s": round(wall_s, 1),
        "requests": stats["requests"],
        "sets_sent_more_than_once": resent,
        "resent_pct": round(100 * resent / creations, 1) if creations else 0.0,
        "resent_after_answer": stats["resent_after_answer"],
        "retries_without_answer": stats["retries"],
        "no_answer_or_5xx": stats["failures"],
        "answers": stats["statuses"],
        "stored_rows": sum(stored.values()),
        "lost": sum(1 for client_id in sent if client_id not in stored),
        "duplicated": sum(count - 1 for count in stored.values() if count > 1),
        "unexpected": len(set(stored) - set(sent)),
        "integrity_check": integrity,
        "data_dir": str(data_dir),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--creations", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument(
        "--resend", type=float, default=0.32, help="share of sets sent again after the answer"
    )
    parser.add_argument("--kill-every", type=float, default=2.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pace", type=float, default=0.0, help="seconds each client waits between sets")
    parser.add_argument(
        "--timeout", type=float, default=30.0, help="seconds a request may wait for its answer"
    )
    parser.add_argument("--data-dir")
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args(argv)
    result = run(args)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json_out:
        args.json_out.write_text(text + "\n")
    if result["lost"] or result["duplicated"] or result["integrity_check"] != "ok":
        raise SystemExit("the fault run lost or duplicated sets, or the database is damaged")


if __name__ == "__main__":
    main()
