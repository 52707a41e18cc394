#!/usr/bin/env bash
# Live alert latency benchmark (not a test): builds what it needs, then, per rate, writes CloudTrail log objects into
# the in-process S3 server at a steady rate while ingest follows the bucket and the streams app (exactly_once_v2)
# raises an alert for the probe each object holds, on the in-process broker; reports p50/p99/max of object written ->
# alert committed, split into the poll wait, ingest -> raw topic, and streams processing.
#   ./benchmarks/run-latency.sh [--rates 100,1000,5000] [--duration 60s] [--warmup 20s] [--poll-interval 5s]
#                               [--objects-per-second 10] [--late-every 10]
# Library and broker logs go to benchmarks/target/latency.log (warnings and errors only).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
(cd "$root" && ./mvnw -q -B -ntp -DskipTests -pl benchmarks -am package) >&2
cd "$here"
echo "Library and broker log in benchmarks/target/latency.log" >&2
exec java ${BENCH_JAVA_OPTS:--Xmx2g -XX:+UseParallelGC} \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.logFile=target/latency.log \
  -cp "target/classes:target/lib/*" dev.roletrail.benchmarks.LatencyBenchmark "$@"
