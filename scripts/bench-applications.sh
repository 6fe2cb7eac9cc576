#!/usr/bin/env bash
# 50 concurrent applicants submitting for a while (issue 11): every application the server
# acknowledged must be stored exactly once. Release build; SQLite by default, PostgreSQL with
# BENCH_DATABASE_URL=postgres://…/db (the database is emptied first).
# Usage: scripts/bench-applications.sh [seconds, default 60]. BENCHMARKS.md records results.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/bench.sh"

DURATION="${1:-60}"
install_rust_tools
install_node_tools
install_wrk
build_release
if [[ "${BENCH_DATABASE_URL:-}" == postgres* ]]; then
  psql "$BENCH_DATABASE_URL" -qc "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null
fi
# Behind a (pretend) proxy, so each request may come from its own address; the global hourly
# cap on public mail forms is lifted for the run.
export TRUST_PROXY=true MAIL_FORMS_PER_HOUR=100000000
start_bench_server seed

COHORT_ID="$(curl -fsS -X POST "$PUBLIC_URL/api/forums/cohort" -H "Accept: application/json" \
  --data "forum=meine-kommune-weiterdenken&cohort=staffel-$(date +%Y)" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["cohort"]["id"])')"
export COHORT_ID
step "wrk: 50 concurrent applicants for ${DURATION}s on $(echo "$DATABASE_URL" | cut -d: -f1)"
out="$(wrk -t2 -c50 -d"${DURATION}s" -s scripts/bench/apply.lua "$PUBLIC_URL/api/forums/apply")"
echo "$out" | sed -n '/^requests/,$p' | grep -v ACKNOWLEDGED
acknowledged="$(echo "$out" | sed -n 's/^ACKNOWLEDGED=//p')"
count_sql="SELECT COUNT(*), COUNT(DISTINCT email) FROM forum_application WHERE email LIKE 'bench-%'"
if [[ "$DATABASE_URL" == postgres* ]]; then
  read -r stored distinct < <(psql "$DATABASE_URL" -tAF' ' -c "$count_sql")
else
  read -r stored distinct < <(python3 -c 'import sqlite3, sys; print(*sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone())' "${DATABASE_URL#sqlite://}" "$count_sql")
fi
info "acknowledged $acknowledged, stored $stored ($distinct distinct addresses)"
# Every address is stored at most once; every acknowledged one is stored. Requests still in
# flight when wrk stopped (at most one per connection) may be stored without wrk having read
# their answer.
[ "$stored" = "$distinct" ] || die "an application was stored twice"
[ "$stored" -ge "$acknowledged" ] || die "an acknowledged application is missing"
[ $((stored - acknowledged)) -le 50 ] || die "more unacknowledged applications than connections"
info "ok: no duplicates, none lost ($((stored - acknowledged)) in flight when the run ended)"
