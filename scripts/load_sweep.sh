#!/usr/bin/env bash
# The load sweep of docs/evaluation.md ("Load sweep"): the Azure and ReCodEx traces replayed denser, forewarm against
# the reactive baselines, homogeneous-heavy and the oracle, with the issue's three targets checked per row.
# Usage: scripts/load_sweep.sh [--seed N] [--data DIR]   (traces are built once into .cache/sweep)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
seed=1
data=../shared/data
while [ $# -gt 0 ]; do
    case "$1" in
        --seed) seed="$2"; shift 2 ;;
        --data) data="$2"; shift 2 ;;
        *) echo "usage: $0 [--seed N] [--data DIR]" >&2; exit 2 ;;
    esac
done
[ -d "$data/recodex_simdex" ] || { echo "no ReCodEx logs under $data (see docs/evaluation.md)" >&2; exit 1; }
data=$(cd "$data" && pwd)
swift build -c release --product forewarm
mkdir -p .cache/sweep
traces=()
for scale in 1 0.5 0.25; do
    trace=.cache/sweep/azure-$scale.jsonl
    [ -s "$trace" ] || .build/release/forewarm trace build --source azure-code --data "$data" --hours 3 \
        --time-scale "$scale" --seed 1 --out "$trace"
    traces+=("$trace")
done
for scale in 0.01 0.003 0.001 0.0003; do
    trace=.cache/sweep/recodex-$scale.jsonl
    [ -s "$trace" ] || .build/release/forewarm trace build --source recodex --data "$data" --hours 4 \
        --time-scale "$scale" --seed 1 --out "$trace"
    traces+=("$trace")
done
for trace in "${traces[@]}"; do
    .build/release/forewarm simulate --trace "$trace" --policies forewarm,kpa,hpa,homogeneous-heavy,oracle \
        --seed "$seed" --format json --out "${trace%.jsonl}.seed$seed.json" 2>/dev/null
done
python3 - "$seed" "${traces[@]}" <<'PY'
import json, sys
seed, traces = sys.argv[1], sys.argv[2:]
print("| trace | forewarm cold % / p99 ms / $ | best reactive cold % / $ | homogeneous-heavy p99 ms / $ | oracle $ "
      "| (a) fewer cold starts | (b) cheaper, p99 no worse | (c) × oracle |")
print("|---|---|---|---|---:|---|---|---:|")
for trace in traces:
    rows = {p["name"]: p for p in json.load(open(trace[:-6] + f".seed{seed}.json"))["policies"]}
    f, h, o = rows["forewarm"], rows["homogeneous-heavy"], rows["oracle"]
    best = min((rows["kpa"], rows["hpa"]), key=lambda p: p["coldStartRate"])
    fewer = 1 - f["coldStartRate"] / best["coldStartRate"]
    a = fewer >= 0.5 and f["cost"] <= best["cost"]
    cheaper = 1 - f["cost"] / h["cost"]
    b = cheaper >= 0.25 and f["p99LatencyMs"] <= h["p99LatencyMs"]
    c = f["cost"] / o["cost"]
    name = trace.split("/")[-1][:-6]
    print(f"| {name} ({f['requests']}) | {100 * f['coldStartRate']:.2f} / {f['p99LatencyMs']:,.0f} / {f['cost']:.4f} "
          f"| {best['name']} {100 * best['coldStartRate']:.2f} / {best['cost']:.4f} "
          f"| {h['p99LatencyMs']:,.0f} / {h['cost']:.4f} | {o['cost']:.4f} "
          f"| {100 * fewer:.0f} % {'met' if a else 'missed'} | {100 * cheaper:.0f} % {'met' if b else 'missed'} "
          f"| {c:.2f} {'met' if c <= 1.5 else 'missed'} |")
PY
