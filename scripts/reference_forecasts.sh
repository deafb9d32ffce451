#!/usr/bin/env bash
# Regenerates the forecasting references: creates .venv-forecast (statsmodels, statsforecast, pandas from PyPI),
# then runs scripts/reference_forecasts.py, which writes the series fixtures, reference forecasts and timings.
# Usage: scripts/reference_forecasts.sh [SERIES-NAME-SUBSTRING...]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv-forecast/bin/python ] || ! .venv-forecast/bin/python -c 'import statsmodels, statsforecast' 2>/dev/null; then
    python3 -m venv .venv-forecast
    .venv-forecast/bin/pip install --quiet --disable-pip-version-check \
        statsmodels==0.15.0 statsforecast==2.1.1 pandas==2.3.3 numpy==2.4.6
fi
exec .venv-forecast/bin/python scripts/reference_forecasts.py "$@"
