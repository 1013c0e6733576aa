#!/usr/bin/env bash
# National scale, side by side: the catalog as shipped (five documents) against a synthetic
# national catalog (the five documents copied to CITIES other cities, 30,348 measures at 280), as
# recorded in docs/performance.md ("National scale").
#
# Usage: bash bench/scale.sh [WORK_FOLDER]
#   RUNS=3      runs of each command; the table shows the median wall time and the largest peak
#   CITIES=280  cities the five documents are copied to
#   COUNT=100000 enterprises in the generated roster
#
# The copies are placed in provinces of areas.yaml, in cities named 合成001市 … 合成280市 (their
# district-level documents in 合成001区 …). The roster generator places enterprises only in the cities
# of the shipped documents and the gazetteer's municipalities (北京市, 上海市 …), never in these, and
# the roster is generated from the shipped catalog: the national catalog adds 1,400 documents that
# concern no enterprise of the roster, the case an area index exists for.
#
# Peak memory needs GNU time at /usr/bin/time; without it only wall times are shown.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/srdi-scale}"
runs="${RUNS:-3}"
cities="${CITIES:-280}"
count="${COUNT:-100000}"
at=2025-06-01
mkdir -p "$work"
repo="$PWD"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Published for this platform, so precompiled (ReadyToRun, src/Srdi.Cli/Srdi.Cli.csproj), as a deployment ships it.
rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
dotnet publish src/Srdi.Cli -c Release -r "$rid" --self-contained false -o "$work/srdi" --nologo -v q
dotnet publish tools/Srdi.RosterGenerator -c Release -o "$work/generator" --nologo -v q
srdi="$work/srdi/srdi"

# The national catalog: vocabulary, sources and criteria as shipped, each document once as
# shipped and once per synthetic city with its id (and its measures' ids) and area changed.
national="$work/national"
rm -rf "$national"
mkdir -p "$national"
cp -r catalog/vocabulary catalog/sources catalog/criteria catalog/documents "$national/"
mapfile -t provinces < <(sed -n '/^provinces:/,/]/p' catalog/vocabulary/areas.yaml | sed 's/^provinces://' | tr -d '[]' \
  | tr ',' '\n' | sed 's/^ *//; s/ *$//' | grep -E '(省|自治区)$' | grep -v '^台湾省$')
for ((i = 1; i <= cities; i++)); do
  n=$(printf '%03d' "$i")
  province="${provinces[$(( (i - 1) % ${#provinces[@]} ))]}"
  for source in catalog/documents/*/; do
    doc=$(basename "$source")
    copy="$doc-n$n"
    mkdir -p "$national/documents/$copy"
    if grep -q '^  level: district' "$source/policy.yaml"; then
      area="{ province: $province, city: 合成${n}市, district: 合成${n}区 }"
    else
      area="{ province: $province, city: 合成${n}市 }"
    fi
    sed -E -e "s/^(  id: )$doc\$/\1$copy/" -e "s/^(  - id: )$doc\\./\1$copy./" -e "s/^(    id: )$doc\\./\1$copy./" \
      -e "s/^  area: .*/  area: $area/" "$source/policy.yaml" > "$national/documents/$copy/policy.yaml"
  done
done
documents=$(ls "$national/documents" | wc -l)
measures=$(grep -h -E '^  - id: ' "$national"/documents/*/policy.yaml | wc -l)
echo "national catalog: $documents documents, $measures measures, in $national"

"$work/generator/Srdi.RosterGenerator" --catalog "$repo/catalog" --at "$at" --count "$count" --seed 3 --out "$work/roster.csv" > /dev/null

# time LABEL CATALOG COMMAND...: runs it RUNS times, prints "median_wall max_peak_kb" on stdout.
measure() {
  local catalog=$1; shift
  local walls=() peak=0
  for ((r = 0; r < runs; r++)); do
    rm -rf "$work/out"
    # COLD=1: as after an edit of every file or on a fresh clone, no parsed document is cached.
    [ "${COLD:-0}" = 1 ] && rm -rf "$catalog/.cache"
    if [ -x /usr/bin/time ]; then
      Srdi__Catalog="$catalog" /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" > /dev/null
      read -r wall kb < "$work/time.txt"
      (( kb > peak )) && peak=$kb
    else
      local start end
      start=$(date +%s.%N)
      Srdi__Catalog="$catalog" "$@" > /dev/null
      end=$(date +%s.%N)
      wall=$(echo "$end - $start" | bc)
    fi
    walls+=("$wall")
  done
  local median
  median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  echo "$median $peak"
}

row() {
  local label=$1; shift
  read -r five_wall five_peak < <(measure "$repo/catalog" "$@")
  read -r national_wall national_peak < <(measure "$national" "$@")
  local ratio
  ratio=$(echo "scale=2; $national_wall / $five_wall" | bc)
  printf '| %s | %s s, %s MB | %s s, %s MB | %s× |\n' "$label" \
    "$five_wall" "$(( five_peak / 1024 ))" "$national_wall" "$(( national_peak / 1024 ))" "$ratio"
}

echo
echo "| command (median of $runs runs: wall, peak memory) | five documents (108 measures) | national ($documents documents, $measures measures) | national / five |"
echo "|---|---:|---:|---:|"
# Loading alone: load, validate and compile the catalog, then print one measure; first with every
# YAML file parsed (no cache: a fresh clone, or every file edited), then as every later run loads,
# with the parsed documents read from the catalog's .cache (src/Srdi.Catalog/Loading/DocumentCache.cs).
COLD=1 row "load, first time (YAML parsed, cache written)" "$srdi" policies show sz-nanshan-2024.4
row "load: srdi policies show sz-nanshan-2024.4" "$srdi" policies show sz-nanshan-2024.4
# One explained evaluation of an example profile, loading included.
row "one evaluation: srdi evaluate examples/nanshan-little-giant.json" "$srdi" evaluate examples/nanshan-little-giant.json --at "$at"
row "batch: $count generated enterprises, CSV, --no-excel" "$srdi" batch "$work/roster.csv" --at "$at" --out "$work/out" --no-excel --quiet
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
