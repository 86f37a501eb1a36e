#!/usr/bin/env bash
# Runs before `npm test` (the pretest script): the browser tests drive Debian's
# Chromium through playwright-core. When it is missing, install it with apt as
# root; otherwise say the one command that does. Never fails the run itself:
# the browser suites then fail with the same instruction.
set -uo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "pretest: installing Debian's chromium for the browser tests (test/e2e)"
  if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); then
    exit 0
  fi
  echo "pretest: chromium could not be installed; the browser tests will fail"
else
  echo "pretest: no Chromium at $CHROMIUM; the browser tests need it: sudo apt-get install -y chromium (or set CHROMIUM_PATH)"
fi
exit 0
