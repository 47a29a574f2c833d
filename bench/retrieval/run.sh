#!/usr/bin/env bash
# Retrieval benchmark (issue 15; not part of .ci/run): ingests each corpus into a fresh database on 127.0.0.1:5432
# with the jar's retrieval-eval command, asks its labelled questions through the chat's KnowledgeBase and prints
# hit@1, hit@5, MRR, p50/p95 search latency, chunks and ingest time per corpus (the method column names the ranking
# the built jar uses); then a scaling run with the Fastify docs ingested again and again up to SCALE_CHUNKS chunks. The corpora are fetched at run time, never
# committed:
#   - the textbook (github.com/mnusrullah104/book_hackathon, frontend/docs): its docs folder as the first argument or
#     TEXTBOOK=...; else it is taken from a local clone or snapshot of that repository at BOOK_REPO (git archive);
#   - the Fastify documentation: the docs/ folder of the npm package fastify@$FASTIFY_VERSION, fetched with npm pack
#     into BENCH_CACHE (default ~/.cache/authrag-bench).
# Usage:
#   bench/retrieval/run.sh [textbook-docs-folder]
#   SCALE_CHUNKS=0 bench/retrieval/run.sh                 skip the scaling run
#   REPEAT=3 (timed rounds per question), BUILD=1 (rebuild the jar even when it is newer than the sources)
set -euo pipefail
cd "$(dirname "$0")/../.."

FASTIFY_VERSION=${FASTIFY_VERSION:-5.12.8}
SCALE_CHUNKS=${SCALE_CHUNKS:-10000}
REPEAT=${REPEAT:-3}
BOOK_REPO=${BOOK_REPO:-/work/.mirror/mnusrullah104+book_hackathon/repo}
cache=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/authrag-bench}
jar=bootstrap/target/authrag.jar
work=$(mktemp -d)
databases=()

cleanup() {
  for db in "${databases[@]}"; do
    psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# The jar, built when missing or older than a source file.
if [ "${BUILD:-}" = 1 ] || [ ! -f "$jar" ] || [ -n "$(find pom.xml */pom.xml */src/main -newer "$jar" -print -quit)" ]; then
  echo "building $jar ..." >&2
  mvn -B -ntp -q -DskipTests package >&2
fi

# The textbook.
textbook=${1:-${TEXTBOOK:-}}
if [ -z "$textbook" ] && git --git-dir="$BOOK_REPO" rev-parse --verify -q HEAD >/dev/null 2>&1; then
  mkdir -p "$work/book"
  git --git-dir="$BOOK_REPO" archive HEAD frontend/docs | tar -x -C "$work/book"
  textbook="$work/book/frontend/docs"
fi
if [ -z "$textbook" ]; then
  echo "no textbook: clone https://github.com/mnusrullah104/book_hackathon and pass its frontend/docs folder" >&2
fi

# The Fastify documentation, from its npm package.
fastify="$cache/fastify-$FASTIFY_VERSION/package/docs"
if [ ! -d "$fastify" ]; then
  mkdir -p "$cache/fastify-$FASTIFY_VERSION"
  tarball=$(cd "$cache" && npm pack "fastify@$FASTIFY_VERSION" --silent | tail -1)
  tar -xzf "$cache/$tarball" -C "$cache/fastify-$FASTIFY_VERSION"
  rm -f "$cache/$tarball"
fi

# One fresh database per run of the command: prints the table rows (the header once).
header_done=""
evaluate() { # corpus-name folder questions [extra retrieval-eval arguments...]
  local name=$1 folder=$2 questions=$3; shift 3
  local db; db="authrag_retrieval_$(date +%s%N | cut -c1-13)_$RANDOM"
  databases+=("$db")
  psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE $db" postgres
  local env=(DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$db" AUTH_SECRET="bench-secret-0123456789abcdef0123456789"
             LOG_FORMAT=text)
  env "${env[@]}" java -Duser.timezone=UTC -jar "$jar" retrieval-eval --corpus "$folder" --questions "$questions" \
      --name "$name" --repeat "$REPEAT" "$@" > "$work/out.txt" 2> "$work/err.txt" || { cat "$work/err.txt" "$work/out.txt" >&2; exit 1; }
  grep '^ingested' "$work/err.txt" >&2 || true
  grep '^|' "$work/out.txt" | { if [ -n "$header_done" ]; then tail -n +3; else cat; fi; }
  header_done=1
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres >/dev/null
}

[ -z "$textbook" ] || evaluate textbook "$textbook" bench/retrieval/textbook.questions
evaluate fastify "$fastify" bench/retrieval/fastify.questions

if [ "$SCALE_CHUNKS" -gt 0 ]; then
  # the Fastify docs under as many base URLs as it takes to reach SCALE_CHUNKS chunks; its questions again (a passage
  # of any copy of a right page counts), for the search latency at that size
  per_copy=$(grep -o '[0-9]* chunks' "$work/err.txt" | head -1 | cut -d' ' -f1)
  copies=$(( (SCALE_CHUNKS + per_copy - 1) / per_copy ))
  evaluate "fastify x$copies" "$fastify" bench/retrieval/fastify.questions --copies "$copies"
fi
