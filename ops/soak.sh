#!/usr/bin/env bash
# The long forms of the system tests (BENCHMARKS "Fault and load suite"): 10 kill -9 rounds during real retrains
# and 60 s of forecast load while a version is published every 5 s. Figures and tables are written to
# system-tests/target/system-tests-work/ (kill9-10-rounds.md, load-soak.txt) and logged as "FIGURE ...".
# Pass -Dsystemtests.seed=<n> to replay a kill schedule.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_NUM_THREADS=1
mvn -B -ntp -pl system-tests -am verify -Psoak -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false "$@"
