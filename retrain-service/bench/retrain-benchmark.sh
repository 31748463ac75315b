#!/usr/bin/env bash
# End-to-end retrain benchmark (BENCHMARKS.md): real service, default settings (50 epochs, early stopping),
# upload of the P021 sample on top of data/master.csv and of large_dataset.csv, timed per stage.
# Usage: retrain-service/bench/retrain-benchmark.sh [default|large|default,large]
# Builds the reactor (offline) and runs the main class with the service's JVM settings (-Xmx1g, 1 OMP thread).
set -euo pipefail
cd "$(dirname "$0")/../.."
scenarios="${1:-default,large}"
mvn -B -q -pl retrain-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="retrain-service/target/test-classes:retrain-service/target/classes:$(cat retrain-service/target/bench.classpath)"
# Snapshot the build output directories so a rebuild during a long run cannot pull classes from under it.
snapshot="$(mktemp -d -t retrain-bench-classes-XXXXXX)"
trap 'rm -rf "$snapshot"' EXIT
frozen=""
i=0
IFS=':' read -ra entries <<< "$cp"
for entry in "${entries[@]}"; do
  if [ -d "$entry" ]; then
    i=$((i + 1)); cp -r "$entry" "$snapshot/$i"; entry="$snapshot/$i"
  fi
  frozen="${frozen:+$frozen:}$entry"
done
export OMP_NUM_THREADS=1
java -Xmx1g -Dorg.bytedeco.javacpp.maxbytes=2G -Dorg.bytedeco.javacpp.maxphysicalbytes=4G \
    -Dbench.scenarios="$scenarios" -cp "$frozen" org.stockcast.retrainservice.RetrainBenchmark
