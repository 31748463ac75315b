#!/usr/bin/env bash
# SSE fan-out benchmark (BENCHMARKS.md "SSE with WebFlux: 500 clients on one job (issue 13)"): the real retrain
# service with a synthetic pipeline (SseBenchServer) in one JVM, N SSE clients on one job (SseFanOutBenchmark) in
# another; prints one Markdown row per client count.
# Usage: retrain-service/bench/sse-benchmark.sh [client counts, default 64,500] [git commit to measure instead]
#   With a commit (e.g. 4f2f662, the last one with per-client pump threads) the benchmark's classes are
#   copied into a temporary worktree of that commit, whose 64-stream cap is raised to 1000, and run there.
# Env: BENCH_EVENTS (200), BENCH_INTERVAL (PT0.02S), BENCH_MESSAGE_CHARS (60).
set -euo pipefail
cd "$(dirname "$0")/../.."
counts="${1:-64,500}"
commit="${2:-}"
label="$(git rev-parse --short HEAD)"
src="$PWD"
work="$(mktemp -d -t sse-bench-XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$commit" ]; then git -C "$src" worktree remove --force "$work/tree" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ -n "$commit" ]; then
  label="$(git rev-parse --short "$commit") (pump threads, cap raised)"
  git worktree add -q --detach "$work/tree" "$commit"
  tests=retrain-service/src/test/java/org/stockcast/retrainservice
  cp "$tests/retrain/SseBenchServer.java" "$tests/retrain/SseFanOutBenchmark.java" "$work/tree/$tests/retrain/"
  cp "$tests/support/SseSocket.java" "$work/tree/$tests/support/"
  sed -i 's/MAX_CLIENTS = 64;/MAX_CLIENTS = 1000;/' \
      "$work/tree/retrain-service/src/main/java/org/stockcast/retrainservice/retrain/EventStreams.java"
  cd "$work/tree"
fi
mvn -B -q -ntp -pl retrain-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/sse-bench.classpath -Dmdep.includeScope=test
cp="retrain-service/target/test-classes:retrain-service/target/classes:$(cat retrain-service/target/sse-bench.classpath)"
export OMP_NUM_THREADS=1
echo "| version | clients | streams served | complete, in order | server RSS MB: no clients / connected / peak streaming | heap MB after GC: no clients / connected | server threads: no clients / connected | events received | server CPU s streaming | client CPU s | wall s | lag ms p50 / p99 / max | emit call µs p50 / p99 | load avg |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
IFS=',' read -ra runs <<< "$counts"
for clients in "${runs[@]}"; do
  rm -f "$work/port" "$work/go"
  mkdir -p "$work/data" "$work/models"
  java $(grep -v '^#' "$src/ops/jvm/retrain-service.jvm.options" | tr '\n' ' ') \
      -Dbench.port-file="$work/port" -Dbench.trigger="$work/go" \
      -Dbench.events="${BENCH_EVENTS:-200}" -Dbench.interval="${BENCH_INTERVAL:-PT0.02S}" \
      -Dbench.message-chars="${BENCH_MESSAGE_CHARS:-60}" \
      -cp "$cp" org.stockcast.retrainservice.retrain.SseBenchServer \
      --inventory.data-dir="$work/data" --inventory.model-dir="$work/models" --logging.level.root=WARN \
      > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do [ -s "$work/port" ] && break; sleep 0.2; done
  [ -s "$work/port" ] || { cat "$work/server.log"; exit 1; }
  java -Xmx512m -Xss256k -cp "$cp" org.stockcast.retrainservice.retrain.SseFanOutBenchmark \
      "$(cat "$work/port")" "$server_pid" "$clients" "$label" "$work/go"
  if grep -q -E "ERROR|Exception" "$work/server.log"; then
    mkdir -p "$src/retrain-service/target"; cp "$work/server.log" "$src/retrain-service/target/sse-bench-server-$clients.log"
    echo "(server logged errors: retrain-service/target/sse-bench-server-$clients.log)"
  fi
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  rm -rf "$work/data" "$work/models"
done
