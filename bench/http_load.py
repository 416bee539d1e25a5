"""A closed-loop HTTP load generator for Liftwell's hot paths; standard library only.

    python -m bench.http_load SCENARIO [--url http://127.0.0.1:8765] [--token-file F]
                              [--connections 8] [--duration 20 | --requests N] [--json-out F]
    python -m bench.http_load table RESULTS.jsonl       # the Markdown table of bench/README.md

Each of N connections sends a request, waits for the whole response, and sends the next (closed
loop), until the duration or the request count is reached; every request also has a timeout, so a run
always ends by itself. It runs on asyncio with raw sockets: one process, no threads, reused
connections when the server keeps them alive (gunicorn's sync workers close each one, so every
request pays a TCP connect, as a phone's would through a proxy that does the same). The generator's
own CPU use is reported so a run can show it was not the bottleneck.

Scenarios: healthz, create_set, create_set_retry, workout_list, exercise_sets (see SCENARIOS).
Only 127.0.0.1 / localhost targets are accepted.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import http.client
import itertools
import json
import math
import os
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
# The figures for the leading open-source peer, and Liftwell's target of ten times them.
PEER = {"create_set": (22, 22), "workout_list": (60, 90), "exercise_sets": (60, 90)}
TARGET_P99_MS = {"create_set": 50.0}


# --- A minimal HTTP/1.1 client on asyncio streams ---


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class Connection:
    """One keep-alive-capable connection; reopened whenever the server closed it."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def send(self, raw: bytes, *, read: bool = True) -> Response | None:
        reused = self.writer is not None
        try:
            return await self._send(raw, read=read)
        except (asyncio.IncompleteReadError, ConnectionError) as error:
            # A kept-alive connection the server closed while idle, before answering a byte: resend
            # once on a new one, as HTTP clients do (the creates are idempotent on client_id anyway).
            if not reused or (isinstance(error, asyncio.IncompleteReadError) and error.partial):
                raise
            return await self._send(raw, read=read)

    async def _send(self, raw: bytes, *, read: bool) -> Response | None:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None and self.writer is not None
        try:
            self.writer.write(raw)
            await self.writer.drain()
            if not read:  # the client gives up on the answer, as a phone losing signal does
                await self.close()
                return None
            response = await _read_response(self.reader)
        except BaseException:
            await self.close()
            raise
        if response.headers.get("connection", "").lower() == "close":
            await self.close()
        return response

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


async def _read_response(reader: asyncio.StreamReader) -> Response:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if ":" in line:
            key, value = line.split(":", 1)
            headers[key.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        chunks = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            chunks.append(await reader.readexactly(size + 2))
            if size == 0:
                break
        body = b"".join(chunk[:-2] for chunk in chunks)
    elif "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif status in (204, 304):
        body = b""
    else:
        body = await reader.read()
        headers["connection"] = "close"
    return Response(status, headers, body)


def build_request(method: str, path: str, *, host: str, token: str | None = None, body: Any = None) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: keep-alive", "Accept: */*"]
    payload = b""
    if token:
        lines.append(f"Authorization: Bearer {token}")
    if body is not None:
        payload = json.dumps(body).encode()
        lines += ["Content-Type: application/json", f"Content-Length: {len(payload)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


# --- Set-up calls, made once before a run with the standard library's blocking client ---


class Api:
    def __init__(self, host: str, port: int, token: str | None) -> None:
        self.host, self.port, self.token = host, port, token

    def call(self, method: str, path: str, body: Any = None, expect: tuple[int, ...] = (200, 201)) -> Any:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        payload = None
        if body is not None:
            payload = json.dumps(body)
            headers["Content-Type"] = "application/json"
        try:
            connection.request(method, path, body=payload, headers=headers)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        if response.status not in expect:
            raise SystemExit(f"{method} {path}: {response.status} {data[:300]!r}")
        return json.loads(data) if data else None

    def most_logged_exercises(self, count: int) -> list[int]:
        rows = self.call("GET", "/api/v1/recent-exercises?limit=100")
        if not rows:
            raise SystemExit("the token's user has logged nothing: run `python -m bench.seed_training` first")
        rows.sort(key=lambda row: (-row["times"], row["exercise_id"]))
        return [row["exercise_id"] for row in rows[:count]]

    def new_workout(self, title: str, exercise_ids: list[int]) -> tuple[int, list[tuple[int, str]]]:
        """A fresh workout with one block per exercise: (workout id, [(exercise id, block client_id)])."""
        workout = self.call(
            "POST", "/api/v1/workouts", {"client_id": str(uuid.uuid4()), "title": title, "time_zone": "UTC"}
        )
        blocks = []
        for exercise_id in exercise_ids:
            block_id = str(uuid.uuid4())
            self.call(
                "POST",
                f"/api/v1/workouts/{workout['id']}/exercises",
                {"client_id": block_id, "exercise_id": exercise_id},
            )
            blocks.append((exercise_id, block_id))
        return workout["id"], blocks


# --- Scenarios: each gives one unit of work per loop turn ---


@dataclass
class Stats:
    latencies_s: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    abandoned: int = 0

    def record(self, started: float, response: Response) -> None:
        self.latencies_s.append(time.perf_counter() - started)
        self.statuses[response.status] = self.statuses.get(response.status, 0) + 1


Work = Callable[[Connection, Connection, Stats], Awaitable[None]]


def _set_body(client_id: str, exercise_id: int, block_id: str, position: int) -> dict[str, Any]:
    # What the logging screen sends (liftwell/web/static/liftwell/logging/store.js, createSet).
    return {
        "client_id": client_id,
        "exercise_id": exercise_id,
        "workout_exercise_id": block_id,
        "position": position,
        "kind": "working",
        "load_kg": "102.5",
        "reps": 5,
    }


async def _timed(conn: Connection, raw: bytes, stats: Stats) -> Response:
    started = time.perf_counter()
    response = await conn.send(raw)
    assert response is not None
    stats.record(started, response)
    return response


def make_get(host: str, path: str, token: str | None) -> Work:
    raw = build_request("GET", path, host=host, token=token)

    async def work(conn: Connection, _spare: Connection, stats: Stats) -> None:
        await _timed(conn, raw, stats)

    return work


class CreateSets:
    """New sets into one workout, spread over its blocks as a session's would be."""

    def __init__(self, host: str, token: str, workout_id: int, blocks: list[tuple[int, str]]) -> None:
        self.host, self.token, self.path = host, token, f"/api/v1/workouts/{workout_id}/sets"
        self.workout_id = workout_id
        self.turn = itertools.count()
        self.blocks = blocks
        self.positions = [itertools.count() for _ in blocks]
        self.sent: list[str] = []
        self.pairs: dict[str, int] = {"sequential": 0, "concurrent": 0, "abandoned": 0}
        self.double_created = 0

    def _next(self) -> tuple[str, bytes]:
        index = next(self.turn) % len(self.blocks)
        exercise_id, block_id = self.blocks[index]
        client_id = str(uuid.uuid4())
        body = _set_body(client_id, exercise_id, block_id, next(self.positions[index]))
        self.sent.append(client_id)
        return client_id, build_request("POST", self.path, host=self.host, token=self.token, body=body)

    async def once(self, conn: Connection, _spare: Connection, stats: Stats) -> None:
        _, raw = self._next()
        await _timed(conn, raw, stats)

    async def twice(self, conn: Connection, spare: Connection, stats: Stats) -> None:
        """Every set sent twice with one client_id: in turn one after the other, both at once, and
        after giving up on the first answer (the retry a phone makes when the signal drops)."""
        _, raw = self._next()
        variant = ("sequential", "concurrent", "abandoned")[sum(self.pairs.values()) % 3]
        self.pairs[variant] += 1
        if variant == "sequential":
            statuses = [(await _timed(conn, raw, stats)).status, (await _timed(conn, raw, stats)).status]
        elif variant == "concurrent":
            both = await asyncio.gather(_timed(conn, raw, stats), _timed(spare, raw, stats))
            statuses = [response.status for response in both]
        else:
            await conn.send(raw, read=False)
            stats.abandoned += 1
            statuses = [(await _timed(conn, raw, stats)).status]
        if statuses.count(201) > 1:
            self.double_created += 1

    def verify(self, api: Api) -> dict[str, Any]:
        detail = api.call("GET", f"/api/v1/workouts/{self.workout_id}")
        stored = [item["client_id"] for block in detail["exercises"] for item in block["sets"]]
        sent = set(self.sent)
        return {
            "pairs": dict(self.pairs),
            "distinct_client_ids": len(sent),
            "rows": len(stored),
            "duplicates": len(stored) - len(set(stored)),
            "lost": len(sent - set(stored)),
            "unexpected": len(set(stored) - sent),
            "pairs_with_two_201": self.double_created,
        }


# --- The loop ---


async def run_load(
    work: Work, *, host: str, port: int, connections: int, duration_s: float, requests: int, timeout_s: float
) -> tuple[Stats, float, float]:
    stats = Stats()
    deadline = time.perf_counter() + duration_s
    started_count = itertools.count()

    async def worker() -> None:
        conn, spare = Connection(host, port), Connection(host, port)
        try:
            while time.perf_counter() < deadline and (not requests or next(started_count) < requests):
                try:
                    await asyncio.wait_for(work(conn, spare, stats), timeout_s)
                except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
                    name = type(error).__name__
                    stats.errors[name] = stats.errors.get(name, 0) + 1
                    await conn.close()
                    await spare.close()
        finally:
            await conn.close()
            await spare.close()

    cpu0, wall0 = time.process_time(), time.perf_counter()
    await asyncio.wait_for(
        asyncio.gather(*(worker() for _ in range(connections))), duration_s + 2 * timeout_s
    )
    return stats, time.perf_counter() - wall0, time.process_time() - cpu0


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def summarize(stats: Stats, wall_s: float, cpu_s: float) -> dict[str, Any]:
    values = sorted(stats.latencies_s)
    non_2xx = sum(count for status, count in stats.statuses.items() if not 200 <= status < 300)
    return {
        "requests": len(values),
        "seconds": round(wall_s, 2),
        "rps": round(len(values) / wall_s, 1) if wall_s else 0.0,
        "p50_ms": round(percentile(values, 0.50) * 1000, 1),
        "p90_ms": round(percentile(values, 0.90) * 1000, 1),
        "p99_ms": round(percentile(values, 0.99) * 1000, 1),
        "max_ms": round(values[-1] * 1000, 1) if values else math.nan,
        "statuses": {str(key): value for key, value in sorted(stats.statuses.items())},
        "non_2xx": non_2xx,
        "errors": stats.errors,
        "abandoned": stats.abandoned,
        "generator_cpu_pct": round(100 * cpu_s / wall_s, 1) if wall_s else 0.0,
    }


SCENARIOS = {
    "healthz": "GET /healthz: the framework's ceiling (one SELECT 1)",
    "create_set": "POST /api/v1/workouts/{id}/sets, a fresh client_id each time",
    "create_set_retry": "every set POSTed twice with one client_id; then rows == distinct client_ids",
    "workout_list": "GET /api/v1/workouts, first page",
    "exercise_sets": "GET /api/v1/sets?exercise_id=X, first page, X the most-logged exercise",
}


def run_scenario(args: argparse.Namespace) -> dict[str, Any]:
    url = urlsplit(args.url)
    host, port = url.hostname or "", url.port or 80
    if host not in LOCAL_HOSTS:
        raise SystemExit(f"refusing to load {host}: this tool only targets 127.0.0.1")
    token = args.token or (args.token_file.read_text().strip() if args.token_file else None)
    api = Api(host, port, token)
    scenario = args.scenario
    extra: dict[str, Any] = {}
    creator: CreateSets | None = None
    if scenario == "healthz":
        work = make_get(host, "/healthz", None)
    elif not token:
        raise SystemExit(f"{scenario} needs --token or --token-file")
    elif scenario == "workout_list":
        work = make_get(host, "/api/v1/workouts", token)
    elif scenario == "exercise_sets":
        exercise_id = api.most_logged_exercises(1)[0]
        extra["exercise_id"] = exercise_id
        work = make_get(host, f"/api/v1/sets?exercise_id={exercise_id}", token)
    elif scenario in ("create_set", "create_set_retry"):
        workout_id, blocks = api.new_workout(f"bench {scenario}", api.most_logged_exercises(5))
        creator = CreateSets(host, token, workout_id, blocks)
        extra["workout_id"] = workout_id
        work = creator.once if scenario == "create_set" else creator.twice
    else:
        raise SystemExit(f"unknown scenario {scenario!r}; one of {', '.join(SCENARIOS)}")
    load_before = os.getloadavg()[0]
    stats, wall_s, cpu_s = asyncio.run(
        run_load(
            work,
            host=host,
            port=port,
            connections=args.connections,
            duration_s=args.duration,
            requests=args.requests,
            timeout_s=args.timeout,
        )
    )
    result = {"label": args.label, "scenario": scenario, "connections": args.connections}
    result.update(summarize(stats, wall_s, cpu_s))
    # Other work on the machine competes with the server for its cores: record how much there was.
    result["loadavg_1m"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    result.update(extra)
    if scenario == "create_set_retry" and creator is not None:
        result["verify"] = creator.verify(api)
    return result


def _ratio(result: dict[str, Any]) -> str:
    peer = PEER.get(result["scenario"])
    if not peer:
        return ""
    low, high = (10 * value for value in peer)
    rps = result["rps"]
    return f"{rps / low:.2f}x" if low == high else f"{rps / high:.2f}x-{rps / low:.2f}x"


def markdown_table(results: list[dict[str, Any]]) -> str:
    rows = [
        "| database | scenario | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors "
        "| generator CPU | load avg before/after | vs 10x peer target |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for result in results:
        scenario = result["scenario"]
        ratio = _ratio(result)
        if scenario in TARGET_P99_MS:
            ratio += f", p99 {'<' if result['p99_ms'] < TARGET_P99_MS[scenario] else '>='} 50 ms"
        if "verify" in result:
            check = result["verify"]
            ratio = (
                f"{check['duplicates']} duplicates, {check['lost']} lost of {check['distinct_client_ids']}"
            )
        load = "/".join(f"{value:.1f}" for value in result.get("loadavg_1m", []))
        rows.append(
            f"| {result['label']} | {scenario} | {result['rps']:.0f} | {result['p50_ms']:.1f} "
            f"| {result['p90_ms']:.1f} | {result['p99_ms']:.1f} | {result['max_ms']:.0f} "
            f"| {result['non_2xx']} | {sum(result['errors'].values())} | {result['generator_cpu_pct']:.0f}% "
            f"| {load} | {ratio} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "table":
        results = [
            json.loads(line) for path in argv[1:] for line in Path(path).read_text().splitlines() if line
        ]
        print(markdown_table(results))
        return
    parser = argparse.ArgumentParser(description="Closed-loop load on one Liftwell hot path.")
    parser.add_argument(
        "scenario", choices=list(SCENARIOS), help="; ".join(f"{k}: {v}" for k, v in SCENARIOS.items())
    )
    parser.add_argument("--url", default="http://127.0.0.1:8765")
    parser.add_argument("--token", help="an API token (lw_...)")
    parser.add_argument("--token-file", type=Path, help="a file holding the token (seed_training writes one)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds (default 20)")
    parser.add_argument("--requests", type=int, default=0, help="stop after this many units of work")
    parser.add_argument("--timeout", type=float, default=10.0, help="per request, seconds")
    parser.add_argument("--label", default="", help="a name for the run, e.g. the database")
    parser.add_argument("--json-out", type=Path, help="append the result as one JSON line")
    args = parser.parse_args(argv)
    result = run_scenario(args)
    print(json.dumps(result))
    if args.json_out:
        with args.json_out.open("a") as out:
            out.write(json.dumps(result) + "\n")
    if "verify" in result and (result["verify"]["duplicates"] or result["verify"]["lost"]):
        raise SystemExit("retries made duplicates or lost sets")


if __name__ == "__main__":
    main()
