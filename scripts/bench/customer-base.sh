#!/usr/bin/env bash
# Customer-base benchmark (issue 13): a customer's timeline with 10,000 entries paged by its owner
# (p50/p95/p99 per page), and the public pool's return preview over every seeded customer
# (1,000,000, governed by one pool), on the database crm_bench (seeded by COPY when it lacks the
# rows, as scripts/bench/customers.sh does). Prints the figures and keeps them in
# target/bench/customer-base.txt. Everything it adds to crm_bench is removed afterwards.
#
#   scripts/bench/customer-base.sh
#   BENCH_ROWS=200000 scripts/bench/customer-base.sh -Dbench.timeline.items=10000 -Dbench.requests=200
#
# Run it on a quiet machine: the figures are timings.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-db.sh"
run_bench CustomerBaseBenchmark customer-base.txt "$@"
