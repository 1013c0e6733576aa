#!/usr/bin/env bash
# Bounded load test of the web platform on loopback, as recorded in docs/performance.md
# ("Web platform under load"): publishes src/Srdi.Web in Release, starts it on a free loopback
# port with a throwaway SQLite data folder, signs in once as the demo enterprise user, and runs
# wrk for a fixed time against
#   a. POST /api/v1/evaluations (anonymous, the 南山 little giant example as the body),
#   b. the enterprise page with its 政策体检报告 (signed in),
#   c. the report's PDF download (signed in, shorter).
# Each test is preceded by an unreported warm-up. The script fails if any response is not 200,
# if wrk reports socket errors, or if the server logged an error.
#
# Usage: bash bench/web-load.sh [WORK_FOLDER]
# Settings (environment): DURATION=15s PDF_DURATION=10s WARMUP=5s CONNECTIONS=16 THREADS=2
# Needs curl and wrk (installed with apt-get when absent and the script runs as root).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work="${1:-$(mktemp -d /tmp/srdi-web-load.XXXXXX)}"
mkdir -p "$work"
duration="${DURATION:-15s}" pdf_duration="${PDF_DURATION:-10s}" warmup="${WARMUP:-5s}"
connections="${CONNECTIONS:-16}" threads="${THREADS:-2}"
at=2025-06-01 enterprise=91440300MA5NSLG001 body="$root/examples/nanshan-little-giant.json"

fail() { echo "web-load: $*" >&2; exit 1; }
command -v curl > /dev/null || fail "curl is needed"
if ! command -v wrk > /dev/null; then
  [ "$(id -u)" = 0 ] || fail "wrk is needed (apt-get install wrk)"
  echo "installing wrk…"
  apt-get install -y wrk > /dev/null 2>&1 || { apt-get update > /dev/null && apt-get install -y wrk > /dev/null; } || fail "could not install wrk"
fi

echo "publishing src/Srdi.Web (Release) into $work/web…"
dotnet publish src/Srdi.Web -c Release -o "$work/web" --nologo -v q > "$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; fail "publish failed"; }

# The server: port 0 lets the system pick a free loopback port, which the start-up banner prints
# together with this run's demo passwords. Its data (SQLite, seeded with the examples) is thrown away.
data=$(mktemp -d /tmp/srdi-web-load-data.XXXXXX)
log="$work/server.log"
server=
stop() {
  if [ -n "$server" ] && kill -0 "$server" 2> /dev/null; then
    kill "$server" 2> /dev/null || true
    for _ in $(seq 50); do kill -0 "$server" 2> /dev/null || break; sleep 0.1; done
    kill -9 "$server" 2> /dev/null || true
  fi
  rm -rf "$data"
}
trap stop EXIT
trap 'exit 130' INT TERM
(
  cd "$work/web"
  export Srdi__Catalog="$root/catalog" Storage__DataFolder="$data" \
    Kestrel__Endpoints__Http__Url="http://127.0.0.1:0" ASPNETCORE_ENVIRONMENT=Production
  exec ./Srdi.Web > "$log" 2>&1
) &
server=$!

base=
for _ in $(seq 600); do
  kill -0 "$server" 2> /dev/null || { cat "$log" >&2; fail "the server stopped during start-up"; }
  base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -1 || true)
  grep -q '登录名 owner' "$log" && [ -n "$base" ] && break
  sleep 0.1
done
[ -n "$base" ] || { cat "$log" >&2; fail "the server did not start within 60 s"; }
password=$(sed -n 's/.*登录名 owner *密码 \([^ ]*\).*/\1/p' "$log" | head -1)
[ -n "$password" ] || fail "no password for the demo account owner in the server's output"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/")" = 200 ] || fail "$base/ does not answer 200"
echo "server at $base (pid $server), data in $data"

# Sign in once through the form, as a browser does (the sign-in rate limit allows 10 a minute).
jar="$work/cookies.txt"
rm -f "$jar"
token=$(curl -s -c "$jar" -b "$jar" "$base/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
[ -n "$token" ] || fail "no antiforgery token on the sign-in form"
status=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
  --data-urlencode UserName=owner --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$token" \
  "$base/account/login")
case "$status" in 302\ */enterprises) ;; *) fail "sign-in answered '$status', not a redirect to /enterprises";; esac
# The authentication cookie, possibly in chunks (srdi.auth, srdi.authC1, …), as one Cookie header.
cookie=$(awk -F '\t' 'NF >= 7 && $6 ~ /^srdi\.auth/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
[ -n "$cookie" ] || fail "signed in, but no srdi.auth cookie was set"

page="$base/enterprises/$enterprise?at=$at"
pdf="$base/enterprises/$enterprise/report.pdf?at=$at"
api="$base/api/v1/evaluations?at=$at"
# The load must measure the report, not redirects to the sign-in page or a refused body.
check() { # expected-type url [curl options]
  local type=$1 url=$2; shift 2
  local got
  got=$(curl -s -o "$work/check.out" -w '%{http_code} %{content_type}' "$@" "$url")
  case "$got" in "200 $type"*) ;; *) fail "$url answered '$got', expected 200 $type";; esac
}
check text/html "$page" -H "Cookie: $cookie"
grep -q '政策体检报告' "$work/check.out" || fail "the enterprise page has no 政策体检报告"
echo "report page: $(wc -c < "$work/check.out") bytes"
check application/pdf "$pdf" -H "Cookie: $cookie"
head -c 5 "$work/check.out" | grep -q '%PDF-' || fail "report.pdf is not a PDF"
echo "report.pdf: $(wc -c < "$work/check.out") bytes"
check application/json "$api" -H 'Content-Type: application/json' --data-binary "@$body"
echo "evaluation: $(wc -c < "$work/check.out") bytes"

# wrk's script: the request (method, headers, body) and a count of every status but 200
# (wrk itself counts only 4xx and 5xx, and a 302 to the sign-in page would pass as success).
lua="$work/load.lua"
cat > "$lua" << 'EOF'
local threads = {}
wrk.method = os.getenv("LOAD_METHOD") or "GET"
if os.getenv("LOAD_BODY") then
  local f = assert(io.open(os.getenv("LOAD_BODY"), "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end
if os.getenv("LOAD_COOKIE") then wrk.headers["Cookie"] = os.getenv("LOAD_COOKIE") end
function setup(thread) table.insert(threads, thread) end
function init(args) other = 0 end
function response(status, headers, body) if status ~= 200 then other = other + 1 end end
function done(summary, latency, requests)
  local other = 0
  for _, t in ipairs(threads) do other = other + t:get("other") end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f not_200=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    other, e.connect + e.read + e.write + e.timeout))
end
EOF

results="$work/results.txt"
: > "$results"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
load() { # name duration url
  local name=$1 time=$2 url=$3 out
  wrk -t"$threads" -c"$connections" -d"$warmup" --timeout 10s -s "$lua" "$url" > "$work/$name.warmup.txt"
  out=$(wrk -t"$threads" -c"$connections" -d"$time" --timeout 10s --latency -s "$lua" "$url")
  echo "$out" > "$work/$name.txt"
  echo "== $name: $url ($time, $connections connections, $threads threads)"
  echo "$out"
  local line
  line=$(grep '^RESULT' <<< "$out") || fail "$name: no result from wrk"
  echo "$name ${line#RESULT }" >> "$results"
  for f in "$work/$name.warmup.txt" "$work/$name.txt"; do
    if grep -q 'Non-2xx or 3xx\|Socket errors' "$f" || ! grep -q 'not_200=0 socket_errors=0' "$f"; then
      fail "$name: errors under load (see $f)"
    fi
  done
}

LOAD_METHOD=POST LOAD_BODY="$body" load evaluate "$duration" "$api"
LOAD_COOKIE="$cookie" load report-page "$duration" "$page"
LOAD_COOKIE="$cookie" load report-pdf "$pdf_duration" "$pdf"

# Still signed in afterwards (sliding expiration), and nothing went wrong inside the server.
check text/html "$page" -H "Cookie: $cookie"
if grep -qE '^(fail|crit):|Exception' "$log"; then
  grep -nE -A3 '^(fail|crit):|Exception' "$log" | head -40 >&2
  fail "the server logged errors (see $log)"
fi

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr), ASP.NET Core $(sed -n 's/^Microsoft.AspNetCore.App \([^ ]*\).*/\1/p' <<< "$(dotnet --list-runtimes)" | tail -1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "load average (1, 5, 15 min): $load_before before the tests, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "settings: $duration per test (PDF $pdf_duration) after a $warmup warm-up, $connections connections, $threads wrk threads, wrk and the server on the same cores"
printf '%-12s %10s %10s %10s %10s %10s %8s\n' test 'requests/s' 'p50 ms' 'p90 ms' 'p99 ms' 'max ms' errors
while read -r name fields; do
  eval "$(tr ' ' '\n' <<< "$fields" | sed 's/^/local_/')"
  # shellcheck disable=SC2154
  printf '%-12s %10s %10s %10s %10s %10s %8s\n' "$name" "$local_rps" "$local_p50_ms" "$local_p90_ms" "$local_p99_ms" "$local_max_ms" "$((local_not_200 + local_socket_errors))"
done < "$results"
echo "server log: $log"
