#!/usr/bin/env bash
# Out-of-sample accuracy benchmark (BENCHMARKS.md, "Forecast accuracy"): the retrain stages at every outer cutoff,
# the published version scored on the days after it, per series and horizon bucket, against each of its parts.
# Usage: retrain-service/bench/accuracy-benchmark.sh [pharma] [bundled] [bike] [seed] [path/to/upload.csv ...]
#        (default: the four bundled datasets; a .csv argument is any file in the upload format)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl retrain-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
# Snapshot the build output so a rebuild during a long run cannot pull classes from under it.
snapshot="$(mktemp -d -t accuracy-bench-classes-XXXXXX)"
trap 'rm -rf "$snapshot"' EXIT
cp -r retrain-service/target/test-classes "$snapshot/test-classes"
cp -r retrain-service/target/classes "$snapshot/classes"
cp -r shared-model/target/classes "$snapshot/shared-classes"
cp -r shared-model/target/test-classes "$snapshot/shared-test-classes"
cp="$snapshot/test-classes:$snapshot/classes:$snapshot/shared-classes:$snapshot/shared-test-classes:$(cat retrain-service/target/bench.classpath)"
export OMP_NUM_THREADS=1
# BENCH_JAVA_OPTS, e.g. -Dbench.variants=bands: run the default and the variants named so only
java ${BENCH_JAVA_OPTS:-} -Xmx2g -Dorg.bytedeco.javacpp.maxbytes=2G -Dorg.bytedeco.javacpp.maxphysicalbytes=4G \
    -cp "$cp" org.stockcast.retrainservice.retrain.AccuracyBenchmark "$@"
