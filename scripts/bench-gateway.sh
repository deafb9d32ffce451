#!/usr/bin/env bash
# The gateway load benchmark: starts `forewarm serve` (release) on loopback, drives it with wrk from a second process,
# and prints throughput and p50/p99 latency for warm and cold paths per language, and the warm/cold ratio.
# Three servers, one after the other in the same run: warm with pre-spawned interpreters (the default), warm with the
# runtime exec'd per request (FOREWARM_PRESPAWN=0), and cold (no warm instance: a sandbox per request).
# Two kinds of load: back to back with wrk (throughput; latency at saturation) and paced (one request every
# PACE_MS with curl, so a warm instance has had time to get ready: the latency a sporadic caller sees).
#   scripts/bench-gateway.sh [DURATION_SECONDS] [CONNECTIONS] [PACED_REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
DURATION="${1:-10}"
CONNECTIONS="${2:-4}"
PACED="${3:-30}"
PACE_MS="${PACE_MS:-150}"
BIN=.build/release/forewarm
[ -x "$BIN" ] || swift build -c release --product forewarm >/dev/null
command -v wrk >/dev/null || { echo "bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'kill -TERM ${SERVER:-0} 2>/dev/null || true; wait ${SERVER:-0} 2>/dev/null || true; rm -rf "$WORK"' EXIT

cat > "$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("FW_BODY")
local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 200 and not string.find(body, '"status":"ok"', 1, true) then
    statuses["not-ok"] = (statuses["not-ok"] or 0) + 1
  end
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50=%.3f p90=%.3f p99=%.3f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

start_server() { # $1 = FOREWARM_MIN_WARM spec, $2 = FOREWARM_PRESPAWN (default 1)
    local port=$((20000 + RANDOM % 20000))
    # The live controller stays off: this compares sandbox paths at fixed floors, and the controller would pre-warm
    # the cold server's pools as soon as it saw demand.
    FOREWARM_CONTROLLER_POLICY=none FOREWARM_PRESPAWN="${2:-1}" FOREWARM_MIN_WARM="$1" "$BIN" serve --port "$port" --data-dir "$WORK/data-$port" > "$WORK/server-$port.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 300); do
        grep -q "serving on" "$WORK/server-$port.log" 2>/dev/null && break
        sleep 0.1
    done
    URL="http://127.0.0.1:$port"
}
stop_server() { kill -TERM "$SERVER"; wait "$SERVER" || true; }

load() { # $1 label, $2 language, $3 code, $4 duration, $5 connections
    local body
    body=$(python3 -c 'import json,sys; print(json.dumps({"language": sys.argv[1], "code": sys.argv[2]}))' "$2" "$3")
    local line
    line=$(FW_BODY="$body" wrk -t1 -c"$5" -d"${4}s" --timeout 30s -s "$WORK/post.lua" "$URL/v1/executions" | grep RESULT)
    echo "$1 $2 c=$5 ${line#RESULT }"
}

paced() { # $1 label, $2 language, $3 code: PACED requests, one every PACE_MS; p50/p90 of curl's time_total (ms)
    local body
    body=$(python3 -c 'import json,sys; print(json.dumps({"language": sys.argv[1], "code": sys.argv[2]}))' "$2" "$3")
    : > "$WORK/paced"
    for _ in $(seq 1 "$PACED"); do
        curl -s -o "$WORK/answer" -w '%{time_total}\n' -H 'Content-Type: application/json' --data-binary "$body" \
            "$URL/v1/executions" >> "$WORK/paced"
        grep -q '"status":"ok"' "$WORK/answer" || echo "bench: $1 $2 not ok: $(head -c 200 "$WORK/answer")" >&2
        sleep "$(awk -v ms="$PACE_MS" 'BEGIN { print ms / 1000 }')"
    done
    sort -n "$WORK/paced" | awk -v label="$1" -v lang="$2" '{ v[NR] = $1 * 1000 }
        END { printf "%s %s paced n=%d p50=%.2f p90=%.2f\n", label, lang, NR, v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.5)] }'
}

LANGUAGES=(python:"print('hello')" javascript:"console.log('hello')" ruby:"puts 'hello'" perl:'print "hello\n";'
    php:'<?php echo "hello\n";' lua:"print('hello')")
WARM_FLOOR="lightweight.python=$((CONNECTIONS + 2)),lightweight.javascript=2,lightweight.ruby=2,lightweight.perl=2,lightweight.php=2,lightweight.lua=2,standard.python=0,heavyweight.python=0"
echo "# forewarm gateway benchmark: $(nproc) cores, duration ${DURATION}s, $(date -u +%FT%TZ)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm, pre-spawned interpreters (the default): Python forks from its zygote, the others have their interpreter
# started while the instance is idle.
start_server "$WARM_FLOOR" 1
load warm python "print('hello')" "$DURATION" 1
load warm python "print('hello')" "$DURATION" "$CONNECTIONS"
for lang in "${LANGUAGES[@]:1}"; do load warm "${lang%%:*}" "${lang#*:}" "$((DURATION / 2 + 1))" 1; done
for lang in "${LANGUAGES[@]}"; do paced warm "${lang%%:*}" "${lang#*:}"; done
curl -s "$URL/metrics" | grep -E '^forewarm_(requests_total|cold_starts_total)' | head -20 > "$WORK/metrics.txt" || true
stop_server
# Warm sandbox, runtime exec'd per request (FOREWARM_PRESPAWN=0): what the pre-spawned interpreters replace.
start_server "$WARM_FLOOR" 0
for lang in "${LANGUAGES[@]:1}"; do load warm-exec "${lang%%:*}" "${lang#*:}" "$((DURATION / 2 + 1))" 1; done
for lang in "${LANGUAGES[@]:1}"; do paced warm-exec "${lang%%:*}" "${lang#*:}"; done
stop_server
# Cold: no warm instance anywhere, so every request starts a sandbox (bwrap + cgroup + zygote) and stops it after.
start_server "lightweight.python=0,lightweight.javascript=0,standard.python=0,heavyweight.python=0"
load cold python "print('hello')" "$DURATION" 1
load cold python "print('hello')" "$DURATION" "$CONNECTIONS"
for lang in "${LANGUAGES[@]:1}"; do load cold "${lang%%:*}" "${lang#*:}" "$((DURATION / 2 + 1))" 1; done
for lang in "${LANGUAGES[@]}"; do paced cold "${lang%%:*}" "${lang#*:}"; done
stop_server
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# metrics of the warm run:"
cat "$WORK/metrics.txt"
