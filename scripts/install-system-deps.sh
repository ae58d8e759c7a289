#!/usr/bin/env bash
# Installs the Debian packages the test suite needs when they are missing:
# PostgreSQL (server binaries; tests start a private cluster on a local port and stop it)
# and Chromium + ChromeDriver (browser tests). Needs root (apt-get); does nothing when present.
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
if [ ${#need[@]} -eq 0 ]; then
  echo "system deps: present"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "system deps: missing ${need[*]}; run as root: apt-get install ${need[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# Debian's postgresql package starts a system cluster; the tests use their own.
if command -v pg_ctlcluster >/dev/null 2>&1; then
  for c in $(pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}'); do
    pg_ctlcluster ${c%/*} ${c#*/} stop >/dev/null 2>&1 || true
  done
fi
echo "system deps: installed ${need[*]}"
