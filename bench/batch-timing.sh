#!/usr/bin/env bash
# Whole-process timing of `srdi batch` on generated rosters, as recorded in docs/performance.md.
# Usage: bash bench/batch-timing.sh [WORK_FOLDER] [RUNS]   (needs GNU time at /usr/bin/time for peak memory)
# Each case runs RUNS times (default 3) into a fresh folder; the median wall time is printed with
# the load average before and after, since the figures mean little on a busy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/srdi-timing}"
runs="${2:-3}"
mkdir -p "$work"
# Published for this platform, so precompiled (ReadyToRun, src/Srdi.Cli/Srdi.Cli.csproj), as a deployment ships it.
rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
dotnet publish src/Srdi.Cli -c Release -r "$rid" --self-contained false -o "$work/srdi" --nologo -v q
srdi="$work/srdi/srdi"
# The published program ships its own copy of catalog/; this names the repository's explicitly.
export Srdi__Catalog="$PWD/catalog"

# The synthetic rosters come from the generator tool, not from srdi (tools/Srdi.RosterGenerator).
dotnet publish tools/Srdi.RosterGenerator -c Release -o "$work/generator" --nologo -v q
generate() { [ -f "$2" ] || "$work/generator/Srdi.RosterGenerator" --catalog "$Srdi__Catalog" --at 2025-06-01 --count "$1" --seed "$3" --out "$2" > /dev/null; }
generate 1000000 "$work/roster-1m.csv" 42
generate 1000000 "$work/roster-1m.jsonl" 42
generate 100000 "$work/roster-100k.csv" 3

run() {
  local label=$1; shift
  local times=()
  echo "$label — load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for _ in $(seq "$runs"); do
    rm -rf "$work/out"
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" "$srdi" batch "$@" --at 2025-06-01 --out "$work/out" --quiet > /dev/null || [ $? -eq 3 ]
      read -r wall user sys peak < "$work/time.txt"
      echo "  ${wall} s wall, ${user} s user, ${sys} s system, $((peak / 1024)) MB peak"
    else
      local start; start=$(date +%s.%N)
      "$srdi" batch "$@" --at 2025-06-01 --out "$work/out" --quiet > /dev/null || [ $? -eq 3 ]
      wall=$(echo "$(date +%s.%N) - $start" | bc)
      echo "  ${wall} s wall"
    fi
    times+=("$wall")
  done
  echo "  median $(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p") s wall; files: $(cd "$work/out" && ls | tr '\n' ' ')"
  echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# What staff read (名单 workbook aside): the default outputs, summary and rejected rows.
run "1,000,000 enterprises, CSV, default outputs without the 名单 workbook" "$work/roster-1m.csv" --no-excel
run "1,000,000 enterprises, JSON Lines, default outputs without the 名单 workbook" "$work/roster-1m.jsonl" --no-excel
# The large machine outputs on top (entitlements.jsonl, entitlements.csv, nothing.csv: about 0.9 GB).
run "1,000,000 enterprises, CSV, with every machine output" "$work/roster-1m.csv" --no-excel --with all
run "1,000,000 enterprises, JSON Lines, with every machine output" "$work/roster-1m.jsonl" --no-excel --with all
run "100,000 enterprises, CSV, default outputs with both workbooks" "$work/roster-100k.csv"
