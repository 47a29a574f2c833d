#!/usr/bin/env bash
# Benchmark on loopback: builds the jar, starts it on a fresh database with the container's JVM settings
# (deploy/image.sh start), seeds users, drives it with wrk and prints a table. Not part of .ci/run.
#   bench/run.sh              full run (about 4 minutes)
#   DURATION=5s bench/run.sh  shorter wrk runs
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
PORT=${BENCH_PORT:-18080}
USERS=${USERS:-50}
PASSWORD="correct horse battery staple"
db="authrag_bench_$(date +%s)"
work=$(mktemp -d)
pid=""

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }

cleanup() {
  stop_service
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

stop_service() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi
}

start_service() {
  PORT=$PORT DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$db" AUTH_SECRET="bench-secret-0123456789abcdef0123456789" \
  LOG_FORMAT=text RATE_LIMIT_ENABLED=false LOCKOUT_THRESHOLD=1000 METRICS_PUBLIC=true \
    deploy/image.sh start "$work" > "$work/service.log" 2>&1 &
  pid=$!
  local begin; begin=$(date +%s%N)
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/health/readiness"; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/service.log"; exit 1; }
    sleep 0.02
  done
  ready_ms=$(( ($(date +%s%N) - begin) / 1000000 ))
}

rss_mb() { awk -v k="$1" '$1 == k":" {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }

[ "${SKIP_BUILD:-}" = 1 ] && cp bootstrap/target/authrag.jar "$work/authrag.jar" || deploy/image.sh build "$work"
# the image's start-up: an AppCDS archive trained on one real start (set NO_CDS=1 to measure without)
[ "${NO_CDS:-}" = 1 ] || deploy/image.sh train "$work"
psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE $db" postgres

# Start-up to readiness, median of 5 (the first start also migrates the fresh database and creates the key).
start_service; stop_service
startups=()
for _ in 1 2 3 4 5; do start_service; startups+=("$ready_ms"); stop_service; done
startup_median=$(printf '%s\n' "${startups[@]}" | sort -n | sed -n 3p)

start_service
rss_ready=$(rss_mb VmRSS)
for i in $(seq 0 $((USERS - 1))); do
  curl -fs -o /dev/null -X POST "http://127.0.0.1:$PORT/api/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench-$i@example.com\",\"password\":\"$PASSWORD\"}"
done
signin=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/auth/sign-in" -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench-0@example.com\",\"password\":\"$PASSWORD\"}")
session=$(printf '%s' "$signin" | python3 -c 'import json,sys; print(json.load(sys.stdin)["session_token"])')
jwt=$(printf '%s' "$signin" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
# a session token signed out before the run (revoked), and one that was never issued (unknown)
revoked=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/auth/sign-in" -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench-1@example.com\",\"password\":\"$PASSWORD\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["session_token"])')
curl -fs -o /dev/null -X POST "http://127.0.0.1:$PORT/api/auth/sign-out" -H "Authorization: Bearer $revoked"
unknown=$(python3 -c 'import base64,os; print(base64.urlsafe_b64encode(os.urandom(32)).decode().rstrip("="))')

# the connection pool's total wait for a connection so far, in ms (Hikari's acquire timer, from /prometheus)
pool_wait_ms() {
  curl -fs "http://127.0.0.1:$PORT/prometheus" \
    | awk '/^hikaricp_connections_acquire_seconds_sum/ {s += $2} END {printf "%.1f", s * 1000}'
}

rows=()
run() { # name connections script [env...]
  local name=$1 connections=$2 script=$3; shift 3
  local out
  out=$(env "$@" wrk -t2 -c"$connections" -d"$DURATION" --latency -s "bench/$script" "http://127.0.0.1:$PORT" 2>&1)
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  rows+=("$(printf '| %-33s | %5s | %10s | %9s | %9s | %8s |' "$name" "$connections" "$rps" "$p50" "$p99" "$non2xx")")
}
pool_waits=()
run_watching_pool() { # like run, and records how long requests waited for a pooled connection meanwhile
  local before after
  before=$(pool_wait_ms)
  run "$@"
  after=$(pool_wait_ms)
  pool_waits+=("$1: $(awk -v a="$after" -v b="$before" 'BEGIN {printf "%.1f", a - b}') ms")
}

run "verify, cookie (warm-up)" 64 verify.lua AUTH_HEADER=Cookie AUTH_VALUE="session_token=$session"
rows=()
for c in 16 64; do
  run "verify, cookie" "$c" verify.lua AUTH_HEADER=Cookie AUTH_VALUE="session_token=$session"
  run "verify, Bearer session token" "$c" verify.lua AUTH_HEADER=Authorization AUTH_VALUE="Bearer $session"
  run "verify, Bearer JWT" "$c" verify.lua AUTH_HEADER=Authorization AUTH_VALUE="Bearer $jwt"
done
# refusals (issue 10, item 7): every answer is a 401, so non-2xx equals the request count
run_watching_pool "verify, Bearer JWT (baseline)" 64 verify.lua AUTH_HEADER=Authorization AUTH_VALUE="Bearer $jwt"
run_watching_pool "verify, revoked session token" 64 verify.lua AUTH_HEADER=Authorization AUTH_VALUE="Bearer $revoked"
run_watching_pool "verify, unknown session token" 64 verify.lua AUTH_HEADER=Authorization AUTH_VALUE="Bearer $unknown"
run "sign-in, right password" 16 signin.lua USERS="$USERS" PASSWORD="$PASSWORD"
run "sign-in, wrong password" 16 signin.lua USERS="$USERS" PASSWORD="not the password"
run "register" 16 register.lua
overload=$(java bench/Overload.java "$PORT" "$USERS" "${DURATION%s}" 256 ignore)
overload_obey=$(java bench/Overload.java "$PORT" "$USERS" "${DURATION%s}" 256 obey)
rss_peak=$(rss_mb VmHWM)

echo
echo "authrag benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "JVM: ${JAVA_OPTS:-defaults of deploy/image.sh}; wrk on the same machine; $DURATION per scenario"
echo
echo "| scenario                          | conns |      req/s |       p50 |       p99 | non-2xx |"
echo "|-----------------------------------|-------|------------|-----------|-----------|---------|"
printf '%s\n' "${rows[@]}"
echo
echo "overload, 256 connections on sign-in, clients retrying at once: $overload"
echo "overload, 256 connections on sign-in, clients honouring Retry-After: $overload_obey"
echo "connection pool wait (Hikari acquire time, summed over the run): ${pool_waits[*]}"
echo "start-up to readiness: median ${startup_median} ms of 5 (${startups[*]})"
echo "RSS: ${rss_ready} MB at ready, ${rss_peak} MB peak under load"
