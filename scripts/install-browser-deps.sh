#!/usr/bin/env bash
# What the browser tests need: Debian's chromium + chromium-driver, and axe-core from npm.
# Installed at setup time only; nothing is fetched while the tests or the app run.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "installing Debian chromium and chromium-driver"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ]; then
  echo "installing axe-core (npm, pinned in tests/browser/package-lock.json)"
  npm ci --prefix tests/browser --no-audit --no-fund --silent
fi
