#!/usr/bin/env bash
# Benchmark of issue 9: 500 parallel sign-ins with a wrong password for one account from one
# address against the release build. Records the server's resident memory, how many passwords
# were verified, and whether /healthz and a public page keep answering.
# Usage: scripts/bench-signin.sh [parallel requests, default 500]. BENCHMARKS.md records results.
source "$(dirname "$0")/lib/common.sh"

N="${1:-500}"
install_rust_tools
install_node_tools
build_release

WORK="$(mktemp -d)"
trap 'kill "${SERVER_PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
export DATABASE_URL="sqlite://$WORK/bench.db"
export LEPTOS_SITE_ROOT="$REPO_ROOT/target/site"
export LOG_LEVEL=warn
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export BIND_ADDRESS="127.0.0.1:$PORT"
export PUBLIC_URL="http://127.0.0.1:$PORT"
BIN="$(server_binary)"
"$BIN" seed
"$BIN" serve &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -fsS "$PUBLIC_URL/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "$PUBLIC_URL/impressum" >/dev/null
sleep 1
step "$N parallel sign-ins, wrong password, one account, one address"
python3 scripts/bench/signin-burst.py "$PUBLIC_URL" "$SERVER_PID" "$N"
