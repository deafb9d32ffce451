#!/usr/bin/env bash
# The test command: checks the formatting (.swift-format), then builds and runs every test (Swift Testing).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PWD/.venv/bin:$PATH"
swift format lint --strict --recursive Sources Tests Fuzz/Sources
swift test --disable-xctest "$@"
