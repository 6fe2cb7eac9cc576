#!/usr/bin/env bash
# The exchange board under load (issue 12): 5,000 generated officers write 10,000 threads with
# 100,000 replies in generated German text (the first thread has 100 replies). Then, in one run:
#   1. German search, 20 concurrent searches (server function and rendered page), member session;
#   2. a member's board index and the 100-reply thread at 50 connections, next to the anonymous
#      cached /karte and a static file of about the same size;
#   3. the searches and the member's index again on an instance without the board cache.
# On SQLite by default; BENCH_DATABASE_URL=postgres://… runs the same against PostgreSQL (the
# database is emptied first). The live fan-out across two instances: scripts/bench/live-fanout.mjs.
# Usage: scripts/bench-board.sh [seconds per run, default 15]. BENCHMARKS.md records results.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/bench.sh"

DURATION="${1:-15}"
install_rust_tools
install_node_tools
install_wrk
[ -n "${SKIP_BUILD:-}" ] || build_release  # SKIP_BUILD=1: reuse the last release build
if [[ "${BENCH_DATABASE_URL:-}" == postgres* ]]; then
  step "Emptying the PostgreSQL benchmark database"
  psql "$BENCH_DATABASE_URL" -qc "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
fi
step "Generating 10,000 threads and 100,000 replies (takes a minute or two)"
seed_started=$(now)
start_bench_server seed "bench-seed --officers 5000 --kommunen 2000 --board-threads 10000 --board-posts 100000"
info "seeded in $(( $(now) - seed_started )) s"
if [[ "${BENCH_DATABASE_URL:-}" == postgres* ]]; then
  # The state autovacuum reaches within a minute of a bulk insert (PostgreSQL 13+ vacuums after
  # inserts): statistics, and the GIN index's pending list merged into the index (a manual
  # ANALYZE does not merge it, and every search would scan the pending list).
  psql "$BENCH_DATABASE_URL" -qc "VACUUM ANALYZE"
fi

COOKIE="$(curl -fsS -D - -o /dev/null -X POST "$PUBLIC_URL/api/account/sign-in" \
  -H "Origin: $PUBLIC_URL" -H "Accept: application/json" \
  --data "email=leipzig@demo.beteiligungsnetz.de&password=Demo-Beteiligung-2026" |
  sed -n 's/^[Ss]et-[Cc]ookie: \(bn_session=[^;]*\).*/\1/p')"
[ -n "$COOKIE" ] || die "sign-in for the benchmark failed"

THREAD_ID="$(curl -fsS -H "Cookie: $COOKIE" "$PUBLIC_URL/austausch?q=Benchmark+Antworten" |
  grep -o 'href="/austausch/[0-9]*"' | head -1 | grep -o '[0-9]*')"
[ -n "$THREAD_ID" ] || die "the 100-reply thread was not found"
for path in "/austausch" "/austausch/$THREAD_ID" "/karte"; do
  info "$path for the member: $(curl -fsS -H "Cookie: $COOKIE" -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "$PUBLIC_URL$path") bytes (br)"
done
STATIC="$(ls "$LEPTOS_SITE_ROOT"/pkg/*.css | head -1)"
info "static file: $(basename "$STATIC") $(stat -c %s "$STATIC") bytes"

run() {
  local connections="$1" label="$2"; shift 2
  step "wrk: $label, $connections connections, ${DURATION}s (after 3 s warm-up)"
  wrk -t2 -c"$connections" -d3s "$@" >/dev/null
  wrk -t2 -c"$connections" -d"${DURATION}s" "$@" | sed -n '/^requests/,$p'
}
run 20 "search, server function (member)" -s scripts/bench/board-search.lua -H "Cookie: $COOKIE" -H "Origin: $PUBLIC_URL" "$PUBLIC_URL"
export MODE=page
run 20 "search, rendered /austausch?q= (member)" -s scripts/bench/board-search.lua -H "Cookie: $COOKIE" "$PUBLIC_URL"
unset MODE
run 50 "member /austausch" -s scripts/bench/latency.lua -H "Cookie: $COOKIE" "$PUBLIC_URL/austausch"
run 50 "member /austausch/$THREAD_ID (100 replies)" -s scripts/bench/latency.lua -H "Cookie: $COOKIE" "$PUBLIC_URL/austausch/$THREAD_ID"
run 50 "anonymous /austausch (page cache)" -s scripts/bench/latency.lua "$PUBLIC_URL/austausch"
run 50 "anonymous /karte (page cache)" -s scripts/bench/latency.lua "$PUBLIC_URL/karte"
run 50 "static $(basename "$STATIC")" -s scripts/bench/latency.lua "$PUBLIC_URL/pkg/$(basename "$STATIC")"

# The same searches and index without the board cache and the page cache (BOARD_CACHE_ENTRIES=0,
# PAGE_CACHE_MB=0): what every
# first request for a query after a change costs. A second instance on the same database.
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BOARD_CACHE_ENTRIES=0 PAGE_CACHE_MB=0 BIND_ADDRESS="127.0.0.1:$port" PUBLIC_URL="http://127.0.0.1:$port" "$BIN" serve &
UNCACHED_PID=$!
trap 'kill "${SERVER_PID:-0}" "${UNCACHED_PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
UNCACHED="http://127.0.0.1:$port"
run 20 "search, server function (member), no board or page cache" -s scripts/bench/board-search.lua -H "Cookie: $COOKIE" -H "Origin: $UNCACHED" "$UNCACHED"
run 50 "member /austausch, no board or page cache" -s scripts/bench/latency.lua -H "Cookie: $COOKIE" "$UNCACHED/austausch"
sleep 2  # renders whose clients left finish before the instance stops
kill "$UNCACHED_PID"; wait "$UNCACHED_PID" 2>/dev/null || true

if [[ "${BENCH_DATABASE_URL:-}" == postgres* ]]; then
  # A second instance on the same database: readers on both, replies through the first.
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  BIND_ADDRESS="127.0.0.1:$port" PUBLIC_URL="http://127.0.0.1:$port" "$BIN" serve &
  SECOND_PID=$!
  trap 'kill "${SERVER_PID:-0}" "${SECOND_PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  step "Live fan-out: 100 readers on two instances, 20 replies"
  node scripts/bench/live-fanout.mjs "$THREAD_ID" "$COOKIE" "$PUBLIC_URL" "http://127.0.0.1:$port"
fi
