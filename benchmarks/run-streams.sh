#!/usr/bin/env bash
# Streams-app benchmark (not a test): builds what it needs, then reports records/s with exactly_once_v2 and
# at_least_once over the same organisation traffic, bytes of local state per principal, and the heap after a million
# distinct principals and keys.
#   ./benchmarks/run-streams.sh [--source synthetic|simulator] [--events-per-day N] [users] [days] [distinct-principals]
# defaults: synthetic (testkit's SyntheticTraffic, what past figures used), 2000 users, 20 days (simulator: 21, its
# minimum), 1000000 principals; --events-per-day only for the simulator (default 4 per user).
set -euo pipefail
source=synthetic
events_per_day=
while [ $# -gt 0 ]; do
  case "$1" in
    --source) source="$2"; shift 2 ;;
    --events-per-day) events_per_day="$2"; shift 2 ;;
    *) break ;;
  esac
done
users="${1:-2000}"
if [ "$source" = simulator ]; then days="${2:-21}"; else days="${2:-20}"; fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
(cd "$root" && ./mvnw -q -B -ntp -DskipTests -pl benchmarks -am package) >&2
cd "$here"
exec java ${BENCH_JAVA_OPTS:--Xmx2g -XX:+UseParallelGC} \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/classes:target/lib/*" dev.roletrail.benchmarks.StreamsBenchmark "$users" "$days" "${3:-1000000}" \
  "$source" ${events_per_day:+"$events_per_day"}
