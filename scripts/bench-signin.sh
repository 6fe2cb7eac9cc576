#!/usr/bin/env bash
# Benchmark of issue 9: 500 parallel sign-ins with a wrong password for one account from one
# address against the release build. Records the server's resident memory, how many passwords
# were verified, and whether /healthz and a public page keep answering.
# Usage: scripts/bench-signin.sh [parallel requests, default 500]. BENCHMARKS.md records results.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/bench.sh"

N="${1:-500}"
install_rust_tools
install_node_tools
build_release

start_bench_server seed
curl -fsS "$PUBLIC_URL/impressum" >/dev/null
sleep 1
step "$N parallel sign-ins, wrong password, one account, one address"
python3 scripts/bench/signin-burst.py "$PUBLIC_URL" "$SERVER_PID" "$N"
