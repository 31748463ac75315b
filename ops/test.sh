#!/usr/bin/env bash
# The project's test command (README "Run the tests"): installs the test tools, then builds and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ops/install-test-deps.sh
export OMP_NUM_THREADS=1
mvn -B -ntp verify "$@"
