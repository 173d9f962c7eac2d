#!/usr/bin/env bash
# `make production`: Ortak's production stack on this machine, in the foreground, stopped
# together by Ctrl+C: PostgreSQL (the database is made if missing), Redis as the broker
# (started here when none answers), gunicorn with several workers, two Celery workers and
# the scheduler, all with the production settings. README.md ("Deployment") describes the
# same parts on a real server. Every value below may be set in the environment instead.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

export DJANGO_SETTINGS_MODULE=config.settings.prod
export ORTAK_DATA_DIR="${ORTAK_DATA_DIR:-$PWD/var/production}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/ortak}"
export ORTAK_BROKER_URL="${ORTAK_BROKER_URL:-redis://127.0.0.1:6379/0}"
# Served over plain HTTP on this machine; behind a proxy that terminates HTTPS, leave it on.
export ORTAK_SECURE_SSL_REDIRECT="${ORTAK_SECURE_SSL_REDIRECT:-false}"
BIND="${ORTAK_BIND:-127.0.0.1:8000}"
WEB_WORKERS="${ORTAK_WEB_WORKERS:-3}"
TASK_CONCURRENCY="${ORTAK_WORKER_CONCURRENCY:-1}"
# The workers' CPU priority (nice): reading articles can wait, a reader of the portal cannot.
# bench/bench_stack.py measures the portal while the workers ingest, with and without it.
WORKER_NICE="${ORTAK_WORKER_NICE:-10}"

mkdir -p "$ORTAK_DATA_DIR"
if [ -z "${ORTAK_SECRET_KEY:-}" ]; then
  # One key per data directory, made once and kept: sessions survive a restart.
  key_file="$ORTAK_DATA_DIR/secret_key"
  [ -s "$key_file" ] || (umask 077 && $BIN/python -c "import secrets; print(secrets.token_urlsafe(50))" >"$key_file")
  ORTAK_SECRET_KEY="$(cat "$key_file")"
  export ORTAK_SECRET_KEY
fi

pids=()
stop() {
  trap - INT TERM EXIT
  echo "== stopping Ortak (${#pids[@]} processes)"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop INT TERM EXIT

start() {  # start NAME COMMAND...: in the background, its pid kept to be stopped
  local name=$1; shift
  "$@" &
  pids+=("$!")
  echo "== $name started (pid $!)"
}

redis_answers() { $BIN/python -c "import redis, sys; redis.Redis.from_url(sys.argv[1], socket_connect_timeout=2).ping()" "$ORTAK_BROKER_URL" 2>/dev/null; }
if ! redis_answers; then
  port=$($BIN/python -c "import sys, urllib.parse as u; print(u.urlsplit(sys.argv[1]).port or 6379)" "$ORTAK_BROKER_URL")
  start redis redis-server --port "$port" --bind 127.0.0.1 --dir "$ORTAK_DATA_DIR" --appendonly yes
  for _ in $(seq 50); do redis_answers && break; sleep 0.2; done
fi

if ! $BIN/python scripts/database_ensure.py "$DATABASE_URL"; then
  echo "!! PostgreSQL does not answer at $DATABASE_URL: start it (pg_ctlcluster, systemctl start postgresql) or set DATABASE_URL" >&2
  exit 1
fi
$BIN/ortak migrate --noinput
$BIN/ortak load-reference
$BIN/ortak collectstatic --noinput --verbosity 0
$BIN/ortak check --deploy

start gunicorn $BIN/gunicorn config.wsgi --bind "$BIND" --workers "$WEB_WORKERS" \
  --access-logfile - --graceful-timeout 20
for n in 1 2; do
  start "celery worker $n" nice -n "$WORKER_NICE" $BIN/celery -A config worker -n "worker$n@%h" \
    --concurrency "$TASK_CONCURRENCY" --loglevel INFO
done
start "celery beat" $BIN/celery -A config beat --loglevel INFO \
  -S django_celery_beat.schedulers:DatabaseScheduler
echo "== Ortak runs at http://$BIND/ with production settings (Ctrl+C stops everything)"

# When any part stops on its own, the whole stack stops: a half-running stack hides faults.
wait -n "${pids[@]}" || true
