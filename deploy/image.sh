#!/usr/bin/env bash
# The container's build and start steps, shared by the Dockerfile and by .ci/run (which has no Docker engine
# and runs the very same commands outside a container, then probes readiness).
#
#   deploy/image.sh build  [workdir]   build the jar (skipping tests) and copy it to <workdir>/authrag.jar
#   deploy/image.sh start  [workdir]   exec the service from <workdir> with the container's JVM settings
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
command=${1:?usage: deploy/image.sh build|start [workdir]}
workdir=${2:-/app}

# Heap sized for a small container: Argon2id holds ~19 MiB per hash (one per core at a time); the rest is
# Netty buffers and caches. ParallelGC keeps hashing throughput on 2 cores; SerialGC would be chosen silently
# under ~1.8 GB or 1 CPU, so the collector is set explicitly.
JAVA_OPTS_DEFAULT="-XX:+UseParallelGC -Xms128m -Xmx320m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m \
-Xss512k -XX:+ExitOnOutOfMemoryError -Duser.timezone=UTC -Dfile.encoding=UTF-8"

case "$command" in
  build)
    cd "$here"
    mvn -B -ntp -q -DskipTests package
    mkdir -p "$workdir"
    cp bootstrap/target/authrag.jar "$workdir/authrag.jar"
    ;;
  start)
    # shellcheck disable=SC2086
    exec java ${JAVA_OPTS:-$JAVA_OPTS_DEFAULT} -jar "$workdir/authrag.jar"
    ;;
  *)
    echo "unknown command: $command (build|start)" >&2
    exit 2
    ;;
esac
