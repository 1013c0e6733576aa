#!/usr/bin/env bash
# Whole-process timing of `srdi batch` on generated rosters, as recorded in docs/performance.md.
# Usage: bash bench/batch-timing.sh [WORK_FOLDER]   (needs GNU time at /usr/bin/time for peak memory)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/srdi-timing}"
mkdir -p "$work"
dotnet publish src/Srdi.Cli -c Release -o "$work/srdi" --nologo -v q
srdi="$work/srdi/srdi"
# The published program ships its own copy of catalog/; this names the repository's explicitly.
export Srdi__Catalog="$PWD/catalog"

# The synthetic rosters come from the generator tool, not from srdi (tools/Srdi.RosterGenerator).
dotnet publish tools/Srdi.RosterGenerator -c Release -o "$work/generator" --nologo -v q
generate() { "$work/generator/Srdi.RosterGenerator" --catalog "$Srdi__Catalog" --at 2025-06-01 "$@" > /dev/null; }
generate --count 1000000 --seed 42 --out "$work/roster-1m.csv"
generate --count 1000000 --seed 42 --out "$work/roster-1m.jsonl"
generate --count 100000 --seed 3 --out "$work/roster-100k.csv"

run() {
  local label=$1; shift
  rm -rf "$work/out"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "$label: %e s wall, %U s user, %S s system, %M KB peak" "$srdi" batch "$@" --at 2025-06-01 --out "$work/out" --quiet > /dev/null
  else
    local start=$(date +%s.%N)
    "$srdi" batch "$@" --at 2025-06-01 --out "$work/out" --quiet > /dev/null
    echo "$label: $(echo "$(date +%s.%N) - $start" | bc) s wall"
  fi
}

run "1,000,000 enterprises, CSV, all outputs but the Excel workbook" "$work/roster-1m.csv" --no-excel
run "1,000,000 enterprises, JSONL, all outputs but the Excel workbook" "$work/roster-1m.jsonl" --no-excel
run "100,000 enterprises, CSV, all outputs with both Excel workbooks" "$work/roster-100k.csv"
