#!/usr/bin/env bash
# Measures the model's CI fixture programs (Tests/ForewarmModelTests/Fixtures/programs) on this machine and writes
# their labels to Fixtures/index.jsonl: CPU seconds (user + sys, median of 3 runs) and peak RSS, stdin empty.
set -euo pipefail
cd "$(dirname "$0")/../Tests/ForewarmModelTests/Fixtures"
declare -A run=([py]=python3 [pl]=perl [rb]=ruby [lua]=lua [js]=node [php]=php)
: > index.jsonl
for file in programs/*; do
    ext="${file##*.}"; base="$(basename "$file" ".$ext")"
    cpus=(); mem=0
    for _ in 1 2 3; do
        read -r user sys rss < <( { /usr/bin/time -f "%U %S %M" "${run[$ext]}" "$file" < /dev/null > /dev/null; } 2>&1 | tail -1)
        cpus+=("$(echo "$user + $sys" | bc -l)"); (( rss > mem )) && mem=$rss
    done
    cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | sed -n 2p)
    printf '{"path": "%s", "group": "%s", "cpuSeconds": %.3f, "memoryMB": %.1f}\n' \
        "$file" "$base" "$cpu" "$(echo "$mem / 1024" | bc -l)" >> index.jsonl
done
cat index.jsonl
