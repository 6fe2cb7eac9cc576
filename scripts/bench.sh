#!/usr/bin/env bash
# Benchmarks of issue 4 against the release build: 5,000 generated public officers in 2,000
# municipalities; the GeoJSON endpoint and the map page under 50 concurrent connections (wrk),
# anonymous (page cache) and with a session cookie (rendered every time), then the map in headless
# Chromium (time from data to drawn clusters, long tasks).
# Usage: scripts/bench.sh [seconds per wrk run, default 20]. Results go to stdout; BENCHMARKS.md
# records them.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/bench.sh"

DURATION="${1:-20}"
install_rust_tools
install_node_tools
install_chromium
install_wrk
build_release

step "Generating 5,000 officers in 2,000 municipalities"
start_bench_server "bench-seed --officers 5000 --kommunen 2000"

step "Sizes"
for path in /api/beauftragte.geojson /karte; do
  for coding in identity br; do
    bytes=$(curl -fsS -H "Accept-Encoding: $coding" -o /dev/null -w '%{size_download}' "$PUBLIC_URL$path")
    info "$path ($coding): $bytes bytes"
  done
done

for path in /api/beauftragte.geojson /karte "/karte?thema=energie&land=NW"; do
  step "wrk: $path, 50 connections, 2 threads, ${DURATION}s (after 5 s warm-up)"
  wrk -t2 -c50 -d5s -s scripts/bench/latency.lua "$PUBLIC_URL$path" >/dev/null
  wrk -t2 -c50 -d"${DURATION}s" -s scripts/bench/latency.lua "$PUBLIC_URL$path" | sed -n '/^requests/,$p'
done

step "wrk: /karte with a session cookie (never from the page cache: every request rendered), 50 connections, ${DURATION}s"
wrk -t2 -c50 -d"${DURATION}s" -H "Cookie: bn_session=bench" -s scripts/bench/latency.lua "$PUBLIC_URL/karte" | sed -n '/^requests/,$p'

step "wrk: /karte rendered, 1 connection, ${DURATION}s (render time without queueing)"
wrk -t1 -c1 -d"${DURATION}s" -H "Cookie: bn_session=bench" -s scripts/bench/latency.lua "$PUBLIC_URL/karte" | sed -n '/^requests/,$p'

step "Chromium: /karte with 5,000 officers"
BASE_URL="$PUBLIC_URL" node scripts/bench/map-render.mjs
