#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine (Python 3.11 + pip + apt as root):
# lexdraft with its test extras, and Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium;
# it never downloads a browser of its own).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core >/dev/null  # a font, or pages render without glyphs
  else
    echo "setup-tests: chromium is missing and this is not root; run: sudo apt-get install chromium" >&2
  fi
fi
python3 -m pip install -q -e '.[test,bench]'
