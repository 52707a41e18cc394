#!/usr/bin/env bash
# Streams-app benchmark (not a test): builds what it needs, then reports records/s with exactly_once_v2 and
# at_least_once over the same synthetic organisation traffic, bytes of local state per principal, and the heap after
# a million distinct principals and keys.
#   ./benchmarks/run-streams.sh [users] [days] [distinct-principals]      defaults: 2000 20 1000000
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
(cd "$root" && ./mvnw -q -B -ntp -DskipTests -pl benchmarks -am package) >&2
cd "$here"
exec java ${BENCH_JAVA_OPTS:--Xmx2g -XX:+UseParallelGC} \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/classes:target/lib/*" dev.roletrail.benchmarks.StreamsBenchmark "${1:-2000}" "${2:-20}" "${3:-1000000}"
