#!/usr/bin/env bash
# The container's build and start steps, shared by the Dockerfile and by .ci/run (which has no Docker engine
# and runs the very same commands outside a container, then probes readiness).
#
#   deploy/image.sh build  [workdir]   build the production jar (skipping tests; without the embedded PostgreSQL,
#                                      which is for local use only) and copy it to <workdir>/authrag.jar
#   deploy/image.sh train  [workdir]   start the jar once against TRAINING_DATABASE_URL (default: the local
#                                      PostgreSQL), exercise it, stop it, and keep the AppCDS archive it writes
#   deploy/image.sh start  [workdir]   exec the service from <workdir> with the container's JVM settings
#                                      (and the AppCDS archive when there is one)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
command=${1:?usage: deploy/image.sh build|train|start [workdir]}
workdir=${2:-/app}

# Heap sized for a small container: with the native Argon2id, hashing memory (~19 MiB per hash, one per core) lives
# outside the Java heap; the heap holds requests, caches and Netty's bookkeeping. SerialGC and -Xmx256m: measured
# with bench/run.sh, the same throughput and latency as ParallelGC with -Xmx320m and ~50-70 MB less peak RSS
# (344 MB against 392-415 MB); ParallelGC only paid off when Argon2 ran in Java and allocated on the heap.
# io.netty.jfr.enabled=false: Netty 4.2 otherwise registers its allocator's JFR events at the first buffer,
# which initialises JFR inside the first request.
JAVA_OPTS_DEFAULT="-XX:+UseSerialGC -Xms64m -Xmx256m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m \
-Xss512k -XX:+ExitOnOutOfMemoryError -Duser.timezone=UTC -Dfile.encoding=UTF-8 -Dio.netty.jfr.enabled=false"

case "$command" in
  build)
    cd "$here"
    # -Dembedded-postgres=false: no PostgreSQL binaries in the image (DATABASE_URL=embedded then says so)
    ./mvnw -B -ntp -q -DskipTests -Dembedded-postgres=false package
    mkdir -p "$workdir"
    cp bootstrap/target/authrag.jar "$workdir/authrag.jar"
    ;;
  train)
    # AppCDS: classes loaded during a real start-up are archived so later starts map them instead of parsing
    # them again. The archive is only valid for this jar and this JVM; start falls back to none if it is stale.
    url=${TRAINING_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
    db="authrag_training_$$"
    admin() { psql "$url" -q -v ON_ERROR_STOP=1 -c "$1" >/dev/null; }
    admin "CREATE DATABASE $db"
    pid=""
    trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; admin "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true' EXIT
    # below Linux's ephemeral range (32768+), where an outgoing connection's local port could already hold it,
    # and not one something listens on
    port=$(( 20000 + RANDOM % 12000 ))
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$(( 20000 + RANDOM % 12000 )); done
    # shellcheck disable=SC2086
    PORT=$port DATABASE_URL="${url%/*}/$db" AUTH_SECRET="training-only-secret-0123456789abcdefghij" LOG_FORMAT=text \
      java ${JAVA_OPTS:-$JAVA_OPTS_DEFAULT} -XX:ArchiveClassesAtExit="$workdir/authrag.jsa" -jar "$workdir/authrag.jar" \
      > "$workdir/training.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 240); do
      curl -fs -o /dev/null "http://127.0.0.1:$port/health/readiness" && break
      kill -0 "$pid" 2>/dev/null || { cat "$workdir/training.log" >&2; exit 1; }
      sleep 0.25
    done
    base="http://127.0.0.1:$port"
    curl -fs -o /dev/null -X POST "$base/api/auth/register" -H 'Content-Type: application/json' \
      -d '{"email":"training@example.com","password":"a long enough passphrase 42"}'
    token=$(curl -fs -X POST "$base/api/auth/sign-in" -H 'Content-Type: application/json' \
      -d '{"email":"training@example.com","password":"a long enough passphrase 42"}' | sed 's/.*"session_token":"\([^"]*\)".*/\1/')
    curl -fs -o /dev/null -H "Authorization: Bearer $token" "$base/api/auth/verify"
    curl -fs -o /dev/null "$base/.well-known/jwks.json"
    curl -s -o /dev/null "$base/does-not-exist"
    kill "$pid"; wait "$pid" || true
    pid=""
    test -s "$workdir/authrag.jsa" && echo "AppCDS archive: $(du -h "$workdir/authrag.jsa" | cut -f1)"
    ;;
  start)
    cds=""
    [ -s "$workdir/authrag.jsa" ] && cds="-XX:SharedArchiveFile=$workdir/authrag.jsa -Xshare:auto"
    # shellcheck disable=SC2086
    exec java ${JAVA_OPTS:-$JAVA_OPTS_DEFAULT} $cds -jar "$workdir/authrag.jar"
    ;;
  *)
    echo "unknown command: $command (build|train|start)" >&2
    exit 2
    ;;
esac
