#!/usr/bin/env bash
# Makes sure the system packages the tests need are present: Debian's chromium (for the
# Playwright e2e suite; no browser is ever downloaded), redis-server, redis-tools (redis-cli, for
# the cluster tooling tests) and memcached (for the differential conformance tests). As root on Debian/Ubuntu it installs what is missing with
# apt-get; otherwise it stops at once and names the packages to install.
set -euo pipefail

declare -A BINARY=( [chromium]=/usr/bin/chromium [redis-server]=redis-server [redis-tools]=redis-cli [memcached]=memcached )
missing=()
for pkg in chromium redis-server redis-tools memcached; do
  command -v "${BINARY[$pkg]}" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[setup] installing system packages the tests need: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  for pkg in "${missing[@]}"; do
    command -v "${BINARY[$pkg]}" >/dev/null 2>&1 || { echo "[setup] $pkg did not install" >&2; exit 1; }
  done
  # The Debian packages start their own daemons on the default ports; the tests start private
  # ones on free loopback ports, so stop the system services if they were started.
  (service redis-server stop || true; service memcached stop || true) >/dev/null 2>&1
  exit 0
fi

cat >&2 <<MSG
The tests need these system packages, which are not installed: ${missing[*]}
Install them, then run npm test again. On Debian/Ubuntu:
    sudo apt-get install -y ${missing[*]}
(chromium must be at /usr/bin/chromium; the tests never download a browser.)
MSG
exit 1
