#!/usr/bin/env bash
# A/B speed of two analyzer builds, side by side in one run: `bench analyze` of each binary in turn, ROUNDS times,
# on the same corpus. Prints MB/s and the 4 KB latency percentiles of every run, raw and of each snippet's median
# (the median figures hold still between runs; judge a change by them). Run on an otherwise idle machine.
#
#   scripts/ab-analyze.sh OLD_BINARY NEW_BINARY [ROUNDS] [CORPUS]
#
# Build the old binary from a commit first, e.g. `git stash; swift build -c release; cp .build/release/forewarm
# /tmp/fw-old; git stash pop; swift build -c release`, then `scripts/ab-analyze.sh /tmp/fw-old .build/release/forewarm`.
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 OLD_BINARY NEW_BINARY [ROUNDS] [CORPUS]" >&2
    exit 2
fi
cd "$(dirname "$0")/.."
old=$1 new=$2 rounds=${3:-3} corpus=${4:-.cache/corpus}
for binary in "$old" "$new"; do
    [ -x "$binary" ] || { echo "$binary: not an executable" >&2; exit 2; }
done
[ -d "$corpus" ] || { echo "$corpus: no such folder (scripts/build-corpus.sh makes .cache/corpus)" >&2; exit 2; }
echo "uptime: $(uptime)"
printf '%-5s %-4s %8s   %-28s   %-28s\n' run side MB/s "raw p50 / p90 / p99 µs" "snippet medians p50 / p90 / p99 µs"
for round in $(seq "$rounds"); do
    for side in old new; do
        binary=$old
        [ "$side" = new ] && binary=$new
        "$binary" bench analyze --passes 3 --snippets 50000 "$corpus" | awk -v round="$round" -v side="$side" '
            /MB\/s/ { for (i = 1; i <= NF; i++) if ($i == "MB/s") mbs = $(i - 1) }
            /^snippets of/ { raw = $(NF - 10) " / " $(NF - 7) " / " $(NF - 4) }
            /each snippet/ { med = $(NF - 10) " / " $(NF - 7) " / " $(NF - 4) }
            END { printf "%-5s %-4s %8s   %-28s   %-28s\n", round, side, mbs, raw, med }'
    done
done
