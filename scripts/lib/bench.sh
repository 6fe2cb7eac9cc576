# Helpers for the benchmark scripts (after common.sh). Source, don't execute.

install_wrk() {
  if ! command -v wrk >/dev/null; then
    step "Installing wrk (Debian)"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk
  fi
}

# Starts the release server on a fresh SQLite database in a temporary directory, on a free port,
# after running each argument as a sub-command with its options (e.g. "seed",
# "bench-seed --officers 5000"). Sets WORK, PUBLIC_URL, BIN and SERVER_PID; stops the server
# and removes WORK on exit.
start_bench_server() {
  WORK="$(mktemp -d)"
  trap 'kill "${SERVER_PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
  export DATABASE_URL="${BENCH_DATABASE_URL:-sqlite://$WORK/bench.db}"
  export LEPTOS_SITE_ROOT="$REPO_ROOT/target/site"
  export LOG_LEVEL=warn
  local port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  export BIND_ADDRESS="127.0.0.1:$port"
  export PUBLIC_URL="http://127.0.0.1:$port"
  BIN="$(server_binary)"
  local command
  for command in "$@"; do
    # shellcheck disable=SC2086 # a sub-command with its options
    "$BIN" $command
  done
  "$BIN" serve &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -fsS "$PUBLIC_URL/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  die "the server did not start"
}
