# Liftwell in a container: the same `liftwell serve` the deploy guide runs under systemd (docs/deploy.md).
# Build: docker build -t liftwell .   Run with PostgreSQL and Redis: docker compose up -d
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    LIFTWELL_DATA_DIR=/var/lib/liftwell \
    HOST=0.0.0.0 \
    PORT=8000 \
    WEB_CONCURRENCY=2 \
    GUNICORN_THREADS=1 \
    LIFTWELL_LOG_FORMAT=json

# pg_dump/pg_restore for `liftwell backup` and `liftwell restore` on PostgreSQL.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /var/lib/liftwell --create-home --uid 10001 liftwell

WORKDIR /srv/liftwell
# The exact runtime versions, hashes checked (`make lock` writes the file); then Liftwell itself, whose
# dependencies are all in place already. `pip check` fails the build if the lock is behind pyproject.toml.
COPY requirements-runtime.lock ./
RUN pip install --require-hashes -r requirements-runtime.lock
COPY pyproject.toml README.md LICENSE ./
COPY liftwell ./liftwell
RUN pip install --no-deps . && pip check

USER liftwell
VOLUME /var/lib/liftwell
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"
# Migrates, loads the exercise library, collects static files, then execs gunicorn.
CMD ["liftwell", "serve"]
