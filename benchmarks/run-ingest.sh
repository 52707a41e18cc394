#!/usr/bin/env bash
# Ingest benchmark (not a test): builds what it needs, generates the data once (reused from
# benchmarks/target/bench-data), then reports the gunzip + JSON parse ceiling, ingest throughput from the
# in-process S3 server into the in-process broker, their ratio, and objects/s for sub-kilobyte objects.
#   ./benchmarks/run-ingest.sh [--simulator DIR] [records] [small-objects]      defaults: 300000 5000
# --simulator DIR: the main set is the log objects of `roletrail simulate --out DIR` (in key order, up to [records]).
set -euo pipefail
simulator=
if [ "${1:-}" = --simulator ]; then simulator="$(cd "$2" && pwd)"; shift 2; fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
(cd "$root" && ./mvnw -q -B -ntp -DskipTests -pl benchmarks -am package) >&2
cd "$here"
exec java ${BENCH_JAVA_OPTS:--Xmx3g -XX:+UseParallelGC} \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${simulator:+"-Dbench.simulator-dir=$simulator"} \
  -cp "target/classes:target/lib/*" dev.roletrail.benchmarks.IngestBenchmark target/bench-data "${1:-300000}" "${2:-5000}"
