#!/usr/bin/env bash
# The logging benchmarks of issue 3 on SQLite and PostgreSQL; see bench/README.md.
#
#   bench/run_logging_bench.sh                  # both databases, 20 s per scenario, 8 connections
#   DATABASES=sqlite DURATION=5 bench/run_logging_bench.sh
#
# For each database: a fresh data directory in /tmp (and a fresh PostgreSQL database
# liftwell_bench, dropped at the end), migrate, seed ten years of training, count queries, serve with
# `liftwell serve --workers 2 --port 8765`, run every scenario, stop the server. Prints Markdown tables.
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
LIFTWELL=${LIFTWELL:-.venv/bin/liftwell}
DATABASES=${DATABASES:-"sqlite postgres"}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-8}
PORT=${PORT:-8765}
WORKERS=${WORKERS:-2}
# Experiments, off by default: gunicorn threads per worker (gthread, keeps connections alive), and
# SQLite named by DATABASE_URL, which gives it the same persistent connections as PostgreSQL.
THREADS=${THREADS:-1}
SQLITE_PERSISTENT=${SQLITE_PERSISTENT:-0}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
PGDATABASE_BENCH=liftwell_bench
SCENARIOS=${SCENARIOS:-"healthz create_set create_set_retry workout_list exercise_sets"}

OUT=$(mktemp -d /tmp/liftwell-bench.XXXXXX)
RESULTS=$OUT/results.jsonl
SERVER_PID=""
PG_CREATED=""

stop_server() {
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}

cleanup() {
    stop_server
    if [[ -n $PG_CREATED ]]; then
        dropdb -h "$PGHOST" -U "$PGUSER" --if-exists "$PGDATABASE_BENCH" || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then
    echo "something already answers on port $PORT; stop it or set PORT" >&2
    exit 1
fi

echo "## Machine"
echo
echo "- CPUs (nproc): $(nproc)"
echo "- Memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
echo "- $("$PYTHON" -V), $(uname -sr)"
echo "- Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- Results and logs in $OUT"
echo

for db in $DATABASES; do
    export LIFTWELL_DATA_DIR=$OUT/$db
    mkdir -p "$LIFTWELL_DATA_DIR"
    case $db in
        sqlite)
            unset DATABASE_URL
            if [[ $SQLITE_PERSISTENT == 1 ]]; then
                export DATABASE_URL="sqlite:///$LIFTWELL_DATA_DIR/liftwell.sqlite3"
            fi
            ;;
        postgres)
            dropdb -h "$PGHOST" -U "$PGUSER" --if-exists "$PGDATABASE_BENCH"
            createdb -h "$PGHOST" -U "$PGUSER" "$PGDATABASE_BENCH"
            PG_CREATED=1
            export DATABASE_URL="postgres://$PGUSER@$PGHOST:5432/$PGDATABASE_BENCH"
            ;;
        *)
            echo "unknown database $db (sqlite or postgres)" >&2
            exit 2
            ;;
    esac
    label=$db
    [[ $THREADS != 1 ]] && label="$label, $THREADS threads"
    [[ $db == sqlite && $SQLITE_PERSISTENT == 1 ]] && label="$label, persistent connections"
    echo "## $label"
    echo
    "$LIFTWELL" migrate --verbosity 0
    "$PYTHON" -m bench.seed_training | sed 's/^/    /'
    "$PYTHON" -m bench.query_counts --repeat 20 | tee "$OUT/$db-queries.md"
    echo

    "$LIFTWELL" serve --workers "$WORKERS" --threads "$THREADS" --port "$PORT" >"$OUT/$db-server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 150); do
        curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server died; see $OUT/$db-server.log" >&2; exit 1; }
        sleep 0.2
    done
    curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null

    for scenario in $SCENARIOS; do
        "$PYTHON" -m bench.http_load "$scenario" \
            --url "http://127.0.0.1:$PORT" \
            --token-file "$LIFTWELL_DATA_DIR/bench-token" \
            --connections "$CONNECTIONS" --duration "$DURATION" \
            --label "$label" --json-out "$RESULTS" >/dev/null \
            || echo "    $scenario FAILED: see the table"
        echo "    $scenario done (load average $(cut -d' ' -f1 /proc/loadavg))"
    done
    stop_server
    if [[ $db == postgres ]]; then
        dropdb -h "$PGHOST" -U "$PGUSER" --if-exists "$PGDATABASE_BENCH"
        PG_CREATED=""
    fi
    unset DATABASE_URL
    echo
done

echo "## HTTP load: $CONNECTIONS connections, ${DURATION} s per scenario, gunicorn --workers $WORKERS --threads $THREADS"
echo
"$PYTHON" -m bench.http_load table "$RESULTS"
