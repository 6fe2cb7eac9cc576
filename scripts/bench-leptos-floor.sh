#!/usr/bin/env bash
# Issue 13: what the main WebAssembly module costs before any page of ours adds a byte. Builds
# the tiny app of scripts/bench/leptos-floor/ (a router, two routes, a button) once per set of
# features: with a resource, an error boundary, a lazily loaded route, as Leptos islands, and
# as a hybrid (islands on `/`, the full app from a chunk elsewhere). Same profiles, flags and
# locked dependency versions as the project's release build (`wasm-release`, `wasm-opt -Oz`).
# Prints each variant's files (main module, chunks, JS), raw and brotli (quality 11).
# With --check, also builds the hybrid's server and checks it in Chromium: `/` hydrates only
# its island, other pages hydrate the full app from its chunk, client-side navigation works.
# Its own build cache (not the project's: the tiny crates are also called app and server).
# BENCHMARKS.md ("Issue 13, session 23") records the results.
source "$(dirname "$0")/lib/common.sh"

install_rust_tools
install_node_tools

src="$REPO_ROOT/scripts/bench/leptos-floor"
work="$HOME/.cache/beteiligungsnetz/leptos-floor"
export CARGO_TARGET_DIR="$HOME/.cache/beteiligungsnetz/leptos-floor-target"
rm -rf "$work"
mkdir -p "$work/app/src" "$work/server/src" "$work/.cargo" "$work/public"
# The project's workspace manifest (profiles, dependency versions, cargo-leptos settings),
# with the tiny app's two crates as its members and no style sheet.
sed -e 's/^members = .*/members = ["app", "server"]/' -e '/^tailwind-input-file/d' \
  Cargo.toml >"$work/Cargo.toml"
cp Cargo.lock "$work/"
cp .cargo/config.toml "$work/.cargo/"
cp app/build.rs "$work/app/"
cp "$src/app.Cargo.toml" "$work/app/Cargo.toml"
cp "$src/lib.rs" "$work/app/src/lib.rs"
cp "$src/server.Cargo.toml" "$work/server/Cargo.toml"
cp "$src/main.rs" "$work/server/src/main.rs"
ln -s "$REPO_ROOT/node_modules" "$work/node_modules"
cd "$work"

variants=(
  "router:"
  "+ resource:resource"
  "+ error boundary, title:resource,boundary"
  "+ lazy route, --split:resource,boundary,lazy"
  "islands (same page):resource,boundary,islands"
  "hybrid, --split:resource,boundary,hybrid"
)
for variant in "${variants[@]}"; do
  label="${variant%%:*}"; features="${variant#*:}"
  split=(); [[ "$features" == *lazy* || "$features" == *hybrid* ]] && split=(--split)
  step "Variant: $label (features: hydrate${features:+,$features})"
  rm -rf target/site
  cargo leptos build --release --frontend-only "${split[@]}" \
    --lib-features "hydrate${features:+,$features}" >"$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log"; die "the build of variant '$label' failed"; }
  node "$REPO_ROOT/scripts/bundle-sizes.mjs" --bytes target/site/pkg
done

if [ "${1:-}" = "--check" ]; then
  install_chromium
  step "Hybrid in Chromium (development build)"
  rm -rf target/site
  cargo leptos build --split --lib-features hydrate,resource,boundary,hybrid \
    --bin-features app/resource,app/boundary,app/hybrid >"$work/build.log" 2>&1 \
    || { tail -40 "$work/build.log"; die "the build of the hybrid failed"; }
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_HASH_FILES=true \
    "$CARGO_TARGET_DIR/debug/server" >"$work/server.log" 2>&1 &
  server_pid=$!
  trap 'kill "$server_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break; sleep 0.2; done
  BASE_URL="http://127.0.0.1:$port" node "$src/check.mjs"
fi
