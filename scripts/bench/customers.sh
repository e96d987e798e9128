#!/usr/bin/env bash
# Customer benchmark (issue "API platform on customers"): seeds BENCH_ROWS customers (default
# 1,000,000) into the database crm_bench with COPY, times the batch API on a sample, list pages
# (filtered, 1,000 pages deep, Chinese free text), count=true and CSV/XLSX exports, and prints the
# figures (also kept in target/bench/customers.txt).
#
#   scripts/bench/customers.sh                        # reuses crm_bench when it holds enough rows
#   BENCH_ROWS=50000 scripts/bench/customers.sh       # a quick run
#   scripts/bench/customers.sh -Dbench.reseed=true    # seed again (and so measure seeding)
#
# Other settings: -Dbench.requests=200 -Dbench.warmup=20 -Dbench.api.requests=20
# -Dbench.chunk=50000 (see CustomerBenchmark). Run it on a quiet machine: the figures are timings.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-db.sh"
run_bench CustomerBenchmark customers.txt "$@"
