#!/usr/bin/env bash
# Reproduces the agreement figures in docs/metrics.md: per-function CCN against lizard 1.24.3 on every corpus
# folder, and Python cognitive complexity against the cognitive_complexity package.
# Needs scripts/setup.sh (the .venv with lizard) and scripts/build-corpus.sh (the .cache/corpus folders).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
corpus=${1:-.cache/corpus}
[ -d "$corpus" ] || scripts/build-corpus.sh "$corpus" >/dev/null
swift build -c release --product forewarm >/dev/null
bin=.build/release/forewarm
for folder in "$corpus"/*/; do
    name=$(basename "$folder")
    echo "## $name"
    "$bin" analyze --compare-lizard --lizard .venv/bin/lizard "$folder" | sed '1d' | grep -v '^all '
done
echo "## Python cognitive complexity vs cognitive_complexity"
for folder in "$corpus/py" "$corpus/python-stdlib"; do
    echo "$folder: $(.venv/bin/python scripts/compare_cognitive.py --forewarm "$bin" "$folder" | tail -1)"
done
