#!/usr/bin/env bash
# Runs the container's build and start steps (deploy/image.sh) outside Docker against a fresh database and
# probes readiness, so a broken image step fails CI even without a Docker engine.
set -euo pipefail
cd "$(dirname "$0")/.."

workdir=$(mktemp -d)
db="authrag_smoke_$$"
# below Linux's ephemeral range (32768+), where an outgoing connection's local port could already hold it,
# and not one something listens on
port=$(( 20000 + RANDOM % 12000 ))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$(( 20000 + RANDOM % 12000 )); done
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT

deploy/image.sh build "$workdir"
# the production jar carries no embedded PostgreSQL (its binaries are for local use only)
jar tf "$workdir/authrag.jar" >"$workdir/authrag.jar.list"
if grep -q '^postgres-.*\.txz$' "$workdir/authrag.jar.list"; then
  echo "image smoke: the production jar carries the embedded PostgreSQL binaries" >&2
  exit 1
fi
echo "image smoke: production authrag.jar $(du -h "$workdir/authrag.jar" | cut -f1)"
deploy/image.sh train "$workdir"
psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE $db" postgres

PORT=$port DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$db" AUTH_SECRET="smoke-test-secret-$(date +%s)-0123456789abcdef" \
  deploy/image.sh start "$workdir" > "$workdir/service.log" 2>&1 &
pid=$!
start=$(date +%s%N)
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/health/readiness" >/dev/null 2>&1; then
    echo "image smoke: ready after $(( ($(date +%s%N) - start) / 1000000 )) ms on port $port"
    curl -fsS -o /dev/null "http://127.0.0.1:$port/.well-known/jwks.json"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
echo "image smoke: the service did not become ready; its log:" >&2
tail -n 40 "$workdir/service.log" >&2
exit 1
