#!/usr/bin/env bash
# Real daily series that are not in this repository, in the upload format (one product per file), for the accuracy
# and inventory benchmarks (BENCHMARKS.md, "Real series not in the repository"). Source: the npm package
# vega-datasets 3.2.1 (Seattle and New York weather 2012-2015, FAA wildlife strikes 1990-2002, S&P 500 2000-2020).
# Usage: retrain-service/bench/external-series.sh OUTDIR     (needs npm and python3)
set -euo pipefail
out="${1:?usage: $0 OUTDIR}"
mkdir -p "$out"
work="$(mktemp -d -t external-series-XXXXXX)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent vega-datasets@3.2.1 >/dev/null && tar xzf vega-datasets-3.2.1.tgz)
python3 - "$work/package/data" "$out" <<'EOF'
import csv, collections, sys
data, out = sys.argv[1], sys.argv[2]

def write(name, pairs):
    # a day without a row is 0 sales inside a product's span (API.md); NA is an explicit missing value
    with open(f"{out}/{name}.csv", "w") as f:
        f.write("date,product_id,sales\n")
        for day, value in pairs:
            f.write(f"{day},{name},{value}\n")

weather = list(csv.DictReader(open(f"{data}/weather.csv")))
for location, tag in (("Seattle", "seattle"), ("New York", "newyork")):
    rows = [r for r in weather if r["location"] == location]
    for column in ("precipitation", "wind"):
        write(f"{tag}-{column}", [(r["date"], r[column]) for r in rows])
    if tag == "seattle":  # sales cannot be negative: the two days below 0 C are missing
        write("seattle-temp_max", [(r["date"], r["temp_max"] if float(r["temp_max"]) >= 0 else "NA") for r in rows])
strikes = collections.Counter(r["Flight Date"] for r in csv.DictReader(open(f"{data}/birdstrikes.csv")))
write("birdstrikes", sorted(strikes.items()))
write("sp500-volume", [(r["date"], round(float(r["volume"]) / 1e6, 3))
                       for r in csv.DictReader(open(f"{data}/sp500-2000.csv"))])
EOF
ls "$out"
