#!/usr/bin/env bash
# First load of the public pages (issue 13), against the release build with 5,000 generated
# officers and the demo content: Lighthouse (mobile, its default simulated throttling) for every
# public page with score, LCP, TBT, CLS and the bytes on the wire by kind (WebAssembly, JS, CSS,
# data); then navigation → clusters drawn on /karte in headless Chromium (scripts/bench/map-render.mjs).
# Lighthouse is installed on first use, pinned, from npm into the build cache (not a project
# dependency: the tests do not need it).
# Usage: scripts/bench-first-load.sh. SKIP_BUILD=1 reuses the last release build.
# BENCHMARKS.md records the results.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/bench.sh"

LIGHTHOUSE_VERSION="12.8.2"  # the newest release that runs on Node 20 (13 needs Node 22)
install_rust_tools
install_node_tools
install_chromium
[ -n "${SKIP_BUILD:-}" ] || build_release

LIGHTHOUSE_DIR="$(dirname "$(cargo_target_dir)")/lighthouse-$LIGHTHOUSE_VERSION"
if [ ! -x "$LIGHTHOUSE_DIR/node_modules/.bin/lighthouse" ]; then
  step "Installing Lighthouse $LIGHTHOUSE_VERSION from npm into $LIGHTHOUSE_DIR"
  mkdir -p "$LIGHTHOUSE_DIR"
  npm install --prefix "$LIGHTHOUSE_DIR" --no-audit --no-fund --save-exact "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi

start_bench_server "bench-seed --officers 5000 --kommunen 2000" seed

# One public officer's profile, from the open data.
profile_id="$(curl -fsS "$PUBLIC_URL/api/beauftragte.geojson" | python3 -c 'import json,sys; print(json.load(sys.stdin)["features"][0]["id"])')"
pages=(/ /karte "/beauftragte/$profile_id" /foren /foren/meine-kommune-weiterdenken /austausch
  /kommunen/14713000 /mitglied-werden /anmelden /erstberatung /impressum /datenschutz
  /barrierefreiheit /datenquellen)

out="$(mktemp -d)"
for path in "${pages[@]}"; do
  step "Lighthouse (mobile): $path"
  # Warm the page cache and the server, as a returning visitor's request would find it.
  curl -fsS -o /dev/null "$PUBLIC_URL$path"
  # Lighthouse now and then fails to record the trace (NO_NAVSTART): up to three tries.
  for try in 1 2 3; do
    CHROME_PATH=/usr/bin/chromium "$LIGHTHOUSE_DIR/node_modules/.bin/lighthouse" "$PUBLIC_URL$path" \
      --quiet --only-categories=performance --output=json \
      --output-path="$out/$(echo "$path" | tr '/' '_').json" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking" \
      && break
    [ "$try" -lt 3 ] || die "Lighthouse failed three times on $path"
  done
done
node scripts/bench/lighthouse-summary.mjs "$out"/*.json

step "Chromium: navigation → clusters drawn on /karte (5,000 officers)"
BASE_URL="$PUBLIC_URL" node scripts/bench/map-render.mjs
