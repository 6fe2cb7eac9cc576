# Shared helpers for scripts/run and scripts/test. Source, don't execute.
# Installs only from crates.io, npm and Debian; every step skips what is already present.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO_ROOT"

CARGO_LEPTOS_VERSION="0.3.10"
export PATH="$HOME/.cargo/bin:$REPO_ROOT/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# cargo-leptos compiles the server with LEPTOS_OUTPUT_NAME set, and leptos reads it at compile
# time (option_env!): with the same value here, `cargo test` and `cargo leptos build` share
# every artifact of the server side instead of rebuilding leptos, app and server in turn.
export LEPTOS_OUTPUT_NAME="beteiligungsnetz"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-always}"

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Seconds since the epoch, for step timings.
now() { date +%s; }

# The wasm-bindgen version pinned in Cargo.lock; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_rust_tools() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first (https://rustup.rs)"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
    step "Installing cargo-leptos $CARGO_LEPTOS_VERSION from crates.io (takes ~10 min once)"
    # Its own release profile (fat LTO, one codegen unit) took 33 min on two cores; a build
    # tool does not need that: plain optimisation, many codegen units, no LTO.
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 \
      CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=false \
      cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
  fi
  local wbg
  wbg="$(wasm_bindgen_version)"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg\$"; then
    step "Installing wasm-bindgen-cli $wbg from crates.io (~2 min once)"
    # Without --locked: its lock file wants a newer webpki-roots than the registry offers.
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 \
      CARGO_PROFILE_RELEASE_DEBUG=false cargo install wasm-bindgen-cli --version "$wbg"
  fi
}

install_node_tools() {
  command -v npm >/dev/null || die "npm not found: install Node.js 20 or newer"
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "Installing npm packages (Tailwind CSS, binaryen/wasm-opt, Leaflet, Playwright)"
    # `npm install` honours package-lock.json; `npm ci` would refuse it because the registry
    # reachable here lacks Tailwind's non-Linux optional binaries, which the lock file omits.
    npm install --no-audit --no-fund
  fi
  node scripts/vendor-assets.mjs
}

install_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    step "Installing Debian's Chromium for the browser tests"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
  fi
}

# A Python environment with aiosmtpd, for the SMTP delivery test.
SMTP_VENV="${XDG_CACHE_HOME:-$HOME/.cache}/beteiligungsnetz/venv"
install_smtp_sink() {
  if [ -x "$SMTP_VENV/bin/python" ] && "$SMTP_VENV/bin/python" -c "import aiosmtpd" 2>/dev/null; then
    return
  fi
  step "Installing aiosmtpd (PyPI) for the SMTP test server"
  python3 -m venv "$SMTP_VENV"
  "$SMTP_VENV/bin/pip" install --quiet "aiosmtpd==1.4.6"
}

cargo_target_dir() {
  if [ -n "${CARGO_TARGET_DIR:-}" ]; then echo "$CARGO_TARGET_DIR"; else echo "$REPO_ROOT/target"; fi
}

# Cargo decides whether a workspace crate is fresh by the modification times of the source files
# it recorded, relative to the workspace. A build cache shared by two checkouts (CI's clean
# clones, a working copy) would therefore take the other checkout's artifacts for fresh. When the cache
# was last used from another path, forget the workspace crates' artifacts (dependencies stay).
forget_other_checkouts() {
  local target marker
  target="$(cargo_target_dir)"
  marker="$target/.checkout-path"
  mkdir -p "$target"
  if [ -f "$marker" ] && [ "$(cat "$marker")" != "$REPO_ROOT" ]; then
    step "Build cache last used by $(cat "$marker"): rebuilding the workspace crates"
    # Without their fingerprints the workspace crates count as changed, in every profile and
    # target (the WebAssembly build of cargo-leptos lives in front/).
    find "$target" -maxdepth 5 -type d -path '*/.fingerprint/*' \
      \( -name 'shared-*' -o -name 'domain-*' -o -name 'app-*' -o -name 'server-*' \) \
      -exec rm -rf {} +
  fi
  echo "$REPO_ROOT" >"$marker"
}

build_release() {
  forget_other_checkouts
  step "Building the release (server + WebAssembly + CSS) with cargo-leptos"
  cargo leptos build --release --split
  build_islands --release
  compress_site
}

# The islands bundle of `/` and `/karte` (app feature `light`: app/src/lib.rs), added to the
# site cargo-leptos has just built: `islands.<hash>.js` and `.wasm` in its pkg directory, named
# in the hash file beside the server (`islands-js`, `islands-wasm`), which the server reads
# (app/src/components/layout/boot_scripts.rs). cargo-leptos builds it like the full app, with
# the same flags, so only the app crate is compiled again; but it empties the site directory
# and rewrites the hash file first, so both are kept aside meanwhile. Arguments: `--release`
# or none, as for the full app's build.
build_islands() {
  local site="${LEPTOS_SITE_ROOT:-target/site}" profile=debug
  [ "${1:-}" = "--release" ] && profile=release
  local hash_file
  hash_file="$(cargo_target_dir)/$profile/hash.txt"
  step "Building the islands bundle of / and /karte (feature light)"
  rm -rf "$site.full"
  mv "$site" "$site.full"
  cp "$hash_file" "$hash_file.full"
  if ! cargo leptos build "$@" --split --frontend-only --lib-features hydrate,light; then
    rm -rf "$site"; mv "$site.full" "$site"; mv "$hash_file.full" "$hash_file"
    die "the islands bundle did not build"
  fi
  local js wasm
  js="$(awk -F': ' '$1 == "js" { print $2 }' "$hash_file")"
  wasm="$(awk -F': ' '$1 == "wasm" { print $2 }' "$hash_file")"
  [ -n "$js" ] && [ -n "$wasm" ] || die "no hashes of the islands bundle in $hash_file"
  cp "$site/pkg/$LEPTOS_OUTPUT_NAME.$js.js" "$site.full/pkg/islands.$js.js"
  cp "$site/pkg/$LEPTOS_OUTPUT_NAME.$wasm.wasm" "$site.full/pkg/islands.$wasm.wasm"
  cp -rn "$site/pkg/snippets/." "$site.full/pkg/snippets/"
  rm -rf "$site"
  mv "$site.full" "$site"
  mv "$hash_file.full" "$hash_file"
  printf 'islands-js: %s\nislands-wasm: %s\n' "$js" "$wasm" >>"$hash_file"
  info "islands.$wasm.wasm: $(stat -c %s "$site/pkg/islands.$wasm.wasm") bytes"
}

# Brotli and gzip siblings of the built assets, served precompressed (scripts/compress-site.mjs).
compress_site() {
  step "Compressing the built assets (brotli 11, gzip 9)"
  node scripts/compress-site.mjs "${LEPTOS_SITE_ROOT:-target/site}"
}

# The build the end-to-end tests run against: the server in the dev profile, whose
# dependencies `cargo test` has just compiled (so no dependency is compiled twice), and the
# WebAssembly in the `wasm-dev` profile (release behaviour without the slow size optimisations).
build_dev() {
  forget_other_checkouts
  step "Building the app for the end-to-end tests (cargo leptos build, dev profile)"
  cargo leptos build --split
  build_islands
  compress_site
}

# The server binary of a profile directory: `release` (default) or `debug`.
server_binary() {
  echo "$(cargo_target_dir)/${1:-release}/server"
}
