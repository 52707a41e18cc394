#!/usr/bin/env bash
# Chaos run (not a test; ChaosRunIT is its short form): a simulated organisation through the whole pipeline (the
# in-process S3 server, roletrail ingest and the streams app in child JVMs, a real broker) once undisturbed and once
# while ingest and the streams app are killed with SIGKILL at seeded random moments and the broker restarts; then
# compares alerts, findings and dead letters. Prints the kills survived, records compared and every difference (exit
# 1 when there is one).
#   ./benchmarks/run-chaos.sh [--seed N] [--kills N] [--broker-restarts N] [--events-per-day N]
# defaults: seed 23, 20 kills, 2 broker restarts, 600 events a day (3 accounts, 16 users, 24 days).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
(cd "$root" && ./mvnw -q -B -ntp -DskipTests -pl benchmarks -am package) >&2
cd "$here"
exec java ${BENCH_JAVA_OPTS:--Xmx1g -XX:+UseParallelGC} \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "target/classes:target/lib/*" dev.roletrail.benchmarks.ChaosBenchmark "$@"
