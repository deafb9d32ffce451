#!/usr/bin/env bash
# Fuzzes ForewarmAnalysis with libFuzzer + AddressSanitizer for N seconds (default 60).
# Usage: scripts/fuzz.sh [seconds]   (needs a Swift toolchain with -sanitize=fuzzer, e.g. Swift on Linux)
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/Fuzz"
swift build -c release --scratch-path "$root/.build-fuzz" --product forewarm-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
binary="$(swift build -c release --scratch-path "$root/.build-fuzz" --show-bin-path)/forewarm-fuzz"
corpus="$root/.build-fuzz/corpus"
mkdir -p "$corpus" "$root/.build-fuzz/findings"
cp -n "$root"/Fuzz/seeds/* "$corpus"/ 2>/dev/null || true
"$binary" "$corpus" -max_len=65536 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$root/.build-fuzz/findings/" -print_final_stats=1
