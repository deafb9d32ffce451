#!/usr/bin/env bash
# Installs everything Forewarm's build, tests and comparisons need on a fresh Debian 12 machine (run as root).
# Idempotent: re-running it only checks.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

if ! command -v swift >/dev/null; then
    echo "setup: Swift is expected at /opt/swift (Swift 6.3)" >&2
    exit 1
fi

# Reference tools for the analyzer's agreement checks (lizard, cognitive_complexity, complexipy).
if [ ! -x .venv/bin/lizard ]; then
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check lizard==1.24.3 cognitive_complexity==1.3.0 complexipy==8.3.0
fi
echo "setup: done"
