#!/usr/bin/env bash
# Issue 14's scale benchmark (BENCHMARKS.md "Thousands of products"): packages both services, then runs
# ScaleBenchmark, which starts them as separate processes with ops/jvm options on an empty temp store, uploads the
# synthetic history and daily uploads, and prints Markdown tables.
# Usage: [BENCH_HEAP=4g] system-tests/bench/scale-benchmark.sh [products (1000)] [daily uploads (3)] [history days (1095)]
#   BENCH_HEAP (e.g. 5g) overrides both services' -Xmx (default: ops/jvm/*.jvm.options, -Xmx1g) and sets JavaCPP's
#   maxphysicalbytes to the heap + 3G (the options' 3-4G bound counts the whole RSS); GC logs go next to the
#   service logs (system-tests/target/system-tests-work/logs/ScaleBenchmark/).
set -euo pipefail
cd "$(dirname "$0")/../.."
products="${1:-1000}"
daily="${2:-3}"
days="${3:-1095}"
mvn -B -q -DskipTests -pl system-tests -am package dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
export OMP_NUM_THREADS=1
java -Xmx512m -Drepo.root="$PWD" -Dbench.products="$products" -Dbench.daily="$daily" -Dbench.days="$days" \
    -Dbench.heap="${BENCH_HEAP:-}" \
    -cp "system-tests/target/test-classes:$(cat system-tests/target/bench.classpath)" \
    org.stockcast.system.ScaleBenchmark
