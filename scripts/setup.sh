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

# The gateway: bubblewrap + libseccomp for the sandbox, SQLite headers for GRDB, the language runtimes the sandbox
# runs (Python, node, Java and the C toolchain come with the image; the rest are installed here), wrk for the
# load benchmark.
packages=(bubblewrap libseccomp-dev libsqlite3-dev python3 nodejs ruby perl php-cli lua5.4 gcc g++ golang-go rustc
    openjdk-17-jdk-headless wrk curl)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Reference tools for the analyzer's agreement checks (lizard, cognitive_complexity, complexipy).
if [ ! -x .venv/bin/lizard ]; then
    python3 -m venv .venv
    .venv/bin/pip install --quiet --disable-pip-version-check lizard==1.24.3 cognitive_complexity==1.3.0 complexipy==8.3.0
fi
echo "setup: done"
