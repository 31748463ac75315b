#!/usr/bin/env bash
# Starts both services on the bundled default data (README "Two commands"): builds the jars, then runs
# retrain-service (port 8000) and forecast-service (port 8001) with the same JVM options as the Dockerfile
# (ops/jvm/*.jvm.options) and OMP_NUM_THREADS=1. Logs go to files; Ctrl-C stops both cleanly.
#
# Environment (all optional):
#   INVENTORY_DATA_DIR (./var/data)  INVENTORY_MODEL_DIR (./var/models)  LOG_DIR (./logs)
#   RETRAIN_PORT (8000)  FORECAST_PORT (8001)  BIND_ADDRESS (127.0.0.1; 0.0.0.0 to listen on every interface)
#   SKIP_BUILD=1 to use the jars already in */target.  Other INVENTORY_* variables reach both services as-is.
#   HEAP (e.g. 3g) raises both services' -Xmx above the options' 1g, with JavaCPP's maxphysicalbytes (a bound on
#   the whole process RSS) at heap + 3G; 10,000 products x 3 years: 4g (BENCHMARKS "Thousands of products").
set -euo pipefail
cd "$(dirname "$0")/.."

data_dir=${INVENTORY_DATA_DIR:-./var/data}
model_dir=${INVENTORY_MODEL_DIR:-./var/models}
log_dir=${LOG_DIR:-./logs}
retrain_port=${RETRAIN_PORT:-8000}
forecast_port=${FORECAST_PORT:-8001}
bind=${BIND_ADDRESS:-127.0.0.1}
version=1.0.0-SNAPSHOT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "Building (mvn -q -DskipTests package)..."
  mvn -B -q -DskipTests package
fi
for jar in retrain-service/target/retrain-service-$version.jar forecast-service/target/forecast-service-$version.jar; do
  [ -f "$jar" ] || { echo "missing $jar (build failed?)" >&2; exit 1; }
done

mkdir -p "$data_dir" "$model_dir" "$log_dir"
# The bundled data/master.csv is tracked and stays read-only: the services work on a runtime copy (git-ignored
# under var/), seeded once as a single file; the first upload converts it to monthly partitions (master/). Later
# starts keep the uploads merged into it.
if [ ! -e "$data_dir/master.csv" ] && [ ! -e "$data_dir/master/index.json" ] && [ -f data/master.csv ]; then
  cp data/master.csv "$data_dir/master.csv.seed.tmp"
  mv "$data_dir/master.csv.seed.tmp" "$data_dir/master.csv"
  echo "Seeded $data_dir/master.csv from the bundled data/master.csv"
fi
export OMP_NUM_THREADS=1
heap_opts=()
if [ -n "${HEAP:-}" ]; then
  case "$HEAP" in
    [1-9]*[gG]) heap_opts=(-Xmx"$HEAP" -Dorg.bytedeco.javacpp.maxphysicalbytes=$(( ${HEAP%[gG]} + 3 ))G) ;;
    *) echo "HEAP must be whole gigabytes, e.g. 3g (was: $HEAP)" >&2; exit 2 ;;
  esac
fi

pids=()
stopping=0
stop() {
  [ "$stopping" = 1 ] && return
  stopping=1
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "Stopped."
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

java @ops/jvm/retrain-service.jvm.options "${heap_opts[@]}" -jar retrain-service/target/retrain-service-$version.jar \
  --server.address="$bind" --server.port="$retrain_port" \
  --inventory.data-dir="$data_dir" --inventory.model-dir="$model_dir" \
  >>"$log_dir/retrain-service.log" 2>&1 &
pids+=($!)
java @ops/jvm/forecast-service.jvm.options "${heap_opts[@]}" -jar forecast-service/target/forecast-service-$version.jar \
  --server.address="$bind" --server.port="$forecast_port" \
  --inventory.data-dir="$data_dir" --inventory.model-dir="$model_dir" \
  >>"$log_dir/forecast-service.log" 2>&1 &
pids+=($!)

cat <<MSG
retrain-service  http://$bind:$retrain_port/retrain-page   (log: $log_dir/retrain-service.log, pid ${pids[0]})
forecast-service http://$bind:$forecast_port/docs           (log: $log_dir/forecast-service.log, pid ${pids[1]})
data: $data_dir   models: $model_dir
The forecast service answers 503 until the first model version is published. Ctrl-C stops both.
MSG

# If either service exits on its own, stop the other and report its status.
set +e
wait -n "${pids[@]}"
status=$?
set -e
echo "A service exited with status $status; see $log_dir/." >&2
exit "$status"
