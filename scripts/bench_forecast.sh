#!/usr/bin/env bash
# Side-by-side speed of fit + forecast, same models, same data, one run: statsmodels/statsforecast first (best of 3
# per series), then Forewarm's release build on the same windows. Prints the ratios; run on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
mkdir -p .cache
[ -x .venv-forecast/bin/python ] || scripts/reference_forecasts.sh --help >/dev/null 2>&1 || true
.venv-forecast/bin/python scripts/bench_forecast.py .cache/bench_reference.json
swift build -c release --product forewarm
.build/release/forewarm bench forecast --timings .cache/bench_reference.json "$@"
