#!/usr/bin/env bash
# Bulk imports at scale (issue 14): an XLSX of 100,000 customers with 1 % bad rows, imported as a
# dry run and for real through POST /imports (8 MiB parts), against the batch API's rate for the
# same kind of rows, with the heap the import needs. One command; prints the figures (also in
# target/bench/imports.txt). Not part of the test run.
#
#   scripts/bench/imports.sh                                   # 100,000 rows, XLSX
#   scripts/bench/imports.sh -Dbench.import.rows=1000000 -Dbench.import.format=csv -Dbench.import.dry-run=false
#   scripts/bench/imports.sh -DargLine=-Xmx256m                 # within a small heap
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-db.sh"
run_bench ImportBenchmark imports.txt "$@"
