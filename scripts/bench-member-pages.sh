#!/usr/bin/env bash
# Member renders against cached pages, in one run (issues 10 and 13): 5,000 generated officers
# plus the demo accounts; a demo member signs in, then wrk (50 connections, 2 threads) asks for
# /karte, /konto and / with that member's session (rendered every time), anonymous /karte (page
# cache) and a static file of about the same size.
# Usage: scripts/bench-member-pages.sh [seconds per run, default 15]. SKIP_BUILD=1 reuses the last
# release build; PROFILE=1 also samples the server with `perf` during a member /karte run and
# prints where the time goes (self time per function). BENCHMARKS.md records results.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/bench.sh"

DURATION="${1:-15}"
install_rust_tools
install_node_tools
install_wrk
[ -n "${SKIP_BUILD:-}" ] || build_release
start_bench_server "bench-seed --officers 5000 --kommunen 2000" seed

COOKIE="$(curl -fsS -D - -o /dev/null -X POST "$PUBLIC_URL/api/account/sign-in" \
  -H "Origin: $PUBLIC_URL" -H "Accept: application/json" \
  --data "email=leipzig@demo.beteiligungsnetz.de&password=Demo-Beteiligung-2026" |
  sed -n 's/^[Ss]et-[Cc]ookie: \(bn_session=[^;]*\).*/\1/p')"
[ -n "$COOKIE" ] || die "sign-in for the benchmark failed"

# A static file of about the size of the compressed map page.
page_bytes=$(curl -fsS -H "Accept-Encoding: br" -o /dev/null -w '%{size_download}' "$PUBLIC_URL/karte")
STATIC="$(ls "$LEPTOS_SITE_ROOT"/pkg/*.css | head -1)"
info "anonymous /karte (br): $page_bytes bytes; static file: $(basename "$STATIC") $(stat -c %s "$STATIC") bytes"

run() {
  local label="$1"; shift
  step "wrk: $label, 50 connections, ${DURATION}s (after 3 s warm-up)"
  wrk -t2 -c50 -d3s "$@" >/dev/null
  wrk -t2 -c50 -d"${DURATION}s" -s scripts/bench/latency.lua "$@" | sed -n '/^requests/,$p'
}
run "member /karte" -H "Cookie: $COOKIE" -H "Accept-Encoding: br" "$PUBLIC_URL/karte"
run "member /konto" -H "Cookie: $COOKIE" -H "Accept-Encoding: br" "$PUBLIC_URL/konto"
run "member /" -H "Cookie: $COOKIE" -H "Accept-Encoding: br" "$PUBLIC_URL/"
run "anonymous /karte (page cache)" -H "Accept-Encoding: br" "$PUBLIC_URL/karte"
run "static $(basename "$STATIC")" -H "Accept-Encoding: br" "$PUBLIC_URL/pkg/$(basename "$STATIC")"

if [ -n "${PROFILE:-}" ]; then
  step "perf: where a member /karte render spends its time (${DURATION}s under 50 connections)"
  perf record -q -F 999 -p "$SERVER_PID" -o "$WORK/perf.data" -- sleep "$DURATION" 2>/dev/null &
  perf_pid=$!
  wrk -t2 -c50 -d"${DURATION}s" -H "Cookie: $COOKIE" -H "Accept-Encoding: br" "$PUBLIC_URL/karte" >/dev/null
  wait "$perf_pid" || true
  perf report -i "$WORK/perf.data" --no-children --sort dso,symbol --stdio 2>/dev/null |
    grep -v '^#' | grep -v '^$' | head -60
fi
