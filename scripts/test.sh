#!/usr/bin/env bash
# The test command: builds and runs every test (Swift Testing).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PWD/.venv/bin:$PATH"
swift test --disable-xctest "$@"
