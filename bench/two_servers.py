"""Two app servers, one PostgreSQL: concurrent set logging through both, with retries, then a count.

    python -m bench.two_servers [--database postgres://postgres@127.0.0.1:5432/liftwell_two]
                                [--creations 4000] [--clients 12] [--both 0.3] [--resend 0.2]
                                [--kill-every 3] [--workers 2] [--json-out F]

Creates the database (dropped first if it exists), migrates once, then starts two separate
`liftwell serve --no-migrate` processes on two ports, as two machines behind a load balancer would be.
C client threads log sets, each with a new client_id, and pick a server at random for every attempt, so
a retry often lands on the other server. A share of sets (`--both`) is sent to both servers at the same
moment (a phone that retried through the other server while the first request was still running), and
a share (`--resend`) once more after its answer. Every `--kill-every` seconds a random worker of either
server is SIGKILLed. Unanswered attempts (reset, timeout, 5xx) are sent again until answered.
At the end PostgreSQL itself is read: every client_id sent must be stored exactly once.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from bench.fault_run import Client, free_port, wait_healthy, worker_pids
from bench.fault_run import prepare as prepare_member


def _psql(url: str, sql: str) -> str:
    return subprocess.run(
        ["psql", url, "-At", "-c", sql], check=True, capture_output=True, text=True, timeout=120
    ).stdout


def prepare(database_url: str, env: dict[str, str]) -> str:
    """A new, empty database at `database_url`, set up by fault_run's `prepare`; returns its token."""
    parsed = urlparse(database_url)
    admin = parsed._replace(path="/postgres").geturl()
    name = parsed.path.lstrip("/")
    _psql(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _psql(admin, f'CREATE DATABASE "{name}"')
    return prepare_member(env, "two")


def run(args: argparse.Namespace) -> dict[str, Any]:
    data_dir = Path(tempfile.mkdtemp(prefix="liftwell-two-"))
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG"}}
    env.update(LIFTWELL_DATA_DIR=str(data_dir), DATABASE_URL=args.database, SECRET_KEY="two-servers-" * 4)
    token = prepare(args.database, env)
    ports = [free_port(), free_port()]
    servers: list[subprocess.Popen[bytes]] = []
    logs = []
    for index, port in enumerate(ports):
        log_path = data_dir / f"serve-{index}.log"
        log = open(log_path, "w")  # noqa: SIM115 - closed below
        logs.append((log, log_path))
        servers.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "liftwell.cli",
                    "serve",
                    "--no-migrate",
                    "--port",
                    str(port),
                    "--workers",
                    str(args.workers),
                ],
                # Each server has its own data directory (static files, metrics), as on two machines:
                # two `serve` collecting static files into one folder at once trip over each other.
                env={**env, "LIFTWELL_DATA_DIR": str(data_dir / f"server-{index}")},
                stdout=log,
                stderr=log,
            )
        )
    lock = threading.Lock()
    sent: list[str] = []
    kills: list[int] = []
    totals: dict[str, Any] = {
        "requests": 0,
        "retries": 0,
        "failures": {},
        "answers": {},
        "both": 0,
        "resent": 0,
        "both_created_twice": 0,
        "both_ids_differ": 0,
    }
    stop = threading.Event()
    try:
        for server, port, (_, log_path) in zip(servers, ports, logs, strict=True):
            wait_healthy(port, server, log_path)
        setup = Client(ports[0], token, args.timeout)
        _, exercises, _ = setup.until_answered("GET", "/api/v1/exercises?search=squat", None, totals)
        exercise_id = exercises["items"][0]["id"]

        def killer() -> None:
            while not stop.wait(args.kill_every):
                server = random.choice(servers)
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
            clients = [Client(port, token, args.timeout) for port in ports]
            spare = [Client(port, token, args.timeout) for port in ports]
            local: dict[str, Any] = {"requests": 0, "retries": 0, "failures": {}}
            answers: dict[str, int] = {}
            workout = {"client_id": str(uuid.uuid4()), "title": f"two servers {index}", "time_zone": "UTC"}
            _, made, _ = clients[0].until_answered("POST", "/api/v1/workouts", workout, local)
            path = f"/api/v1/workouts/{made['id']}/sets"
            mine: list[str] = []
            both = resent = created_twice = ids_differ = 0
            counting = threading.Lock()

            def send(body: dict[str, Any], pool: list[Client]) -> tuple[int, Any]:
                # Each attempt goes to a random server, as a load balancer would send it.
                delay = 0.05
                for attempt in range(200):
                    status, data = rng.choice(pool).call("POST", path, body)
                    with counting:  # two threads send at once in the --both case
                        local["requests"] += 1
                        local["retries"] += attempt > 0
                        if status and status < 500:
                            answers[str(status)] = answers.get(str(status), 0) + 1
                            return status, data
                        key = str(status or data)
                        local["failures"][key] = local["failures"].get(key, 0) + 1
                    time.sleep(delay)
                    delay = min(delay * 2, 1.0)
                raise RuntimeError("no answer after 200 attempts")

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
                if rng.random() < args.both:
                    both += 1
                    results: list[tuple[int, Any]] = []
                    other = threading.Thread(target=lambda b=body, r=results: r.append(send(b, spare[1:])))
                    other.start()
                    results.append(send(body, clients[:1]))
                    other.join()
                    statuses = sorted(status for status, _ in results)
                    created_twice += statuses == [201, 201]
                    ids = {data.get("id") for _, data in results if isinstance(data, dict)}
                    ids_differ += len(ids) != 1
                else:
                    send(body, clients)
                if rng.random() < args.resend:
                    resent += 1
                    send(body, clients)
            for client in clients + spare:
                client.close()
            with lock:
                sent.extend(mine)
                totals["requests"] += local["requests"]
                totals["retries"] += local["retries"]
                totals["both"] += both
                totals["resent"] += resent
                totals["both_created_twice"] += created_twice
                totals["both_ids_differ"] += ids_differ
                for key, value in local["failures"].items():
                    totals["failures"][key] = totals["failures"].get(key, 0) + value
                for key, value in answers.items():
                    totals["answers"][key] = totals["answers"].get(key, 0) + value

        per_client = [
            args.creations // args.clients + (i < args.creations % args.clients) for i in range(args.clients)
        ]
        load_before = os.getloadavg()[0]
        started = time.monotonic()
        kill_thread = threading.Thread(target=killer, daemon=True)
        if args.kill_every > 0:
            kill_thread.start()
        threads = [threading.Thread(target=phone, args=(i, n)) for i, n in enumerate(per_client)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        stop.set()
        wall_s = time.monotonic() - started
        load_after = os.getloadavg()[0]
    finally:
        stop.set()
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        for log, _ in logs:
            log.close()

    rows = _psql(args.database, "SELECT client_id FROM training_workoutset").split()
    stored: dict[str, int] = {}
    for client_id in rows:
        stored[client_id] = stored.get(client_id, 0) + 1
    return {
        "database": "postgresql",
        "servers": 2,
        "workers_per_server": args.workers,
        "clients": args.clients,
        "creations": len(sent),
        "sent_to_both_servers_at_once": totals["both"],
        "both_answered_201_twice": totals["both_created_twice"],
        "both_answers_named_different_sets": totals["both_ids_differ"],
        "resent_after_answer": totals["resent"],
        "requests": totals["requests"],
        "retries_without_answer": totals["retries"],
        "no_answer_or_5xx": totals["failures"],
        "answers": totals["answers"],
        "workers_killed": len(kills),
        "wall_s": round(wall_s, 1),
        "load_average_before_after": [round(load_before, 1), round(load_after, 1)],
        "stored_rows": len(rows),
        "lost": sum(1 for client_id in sent if client_id not in stored),
        "duplicated": sum(count - 1 for count in stored.values() if count > 1),
        "unexpected": len(set(stored) - set(sent)),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/liftwell_two")
    parser.add_argument("--creations", type=int, default=4000)
    parser.add_argument("--clients", type=int, default=12)
    parser.add_argument("--both", type=float, default=0.3, help="share of sets sent to both servers at once")
    parser.add_argument("--resend", type=float, default=0.2, help="share of sets sent again after the answer")
    parser.add_argument("--kill-every", type=float, default=3.0, help="0: kill no workers")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args(argv)
    result = run(args)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json_out:
        args.json_out.write_text(text + "\n")
    if (
        result["lost"]
        or result["duplicated"]
        or result["unexpected"]
        or result["both_answers_named_different_sets"]
    ):
        raise SystemExit("sets were lost or duplicated across the two servers")


if __name__ == "__main__":
    main()
