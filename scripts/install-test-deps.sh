#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine: Chromium, CJK fonts and the
# PostgreSQL and MariaDB servers of the test world (apt; the harness starts its own servers, so no
# system service is started or left running), the project's Python venv (moto server, cfn-lint) and the npm packages (which bring Node 24).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=(chromium fonts-noto-cjk poppler-utils postgresql mariadb-server)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== apt: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  # Where init scripts may run, the database packages start their system services: the tests
  # start their own servers, so stop those again.
  for service in postgresql mariadb; do
    case " ${missing[*]} " in *" ${service/mariadb/mariadb-server} "*)
      as_root service "$service" stop >/dev/null 2>&1 || true ;;
    esac
  done
fi

requirements=test/support/requirements.txt
stamp=.venv/.requirements.sha256
wanted=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "== python: creating .venv from $requirements"
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -r "$requirements"
  echo "$wanted" > "$stamp"
fi

echo "== npm: installing packages (Node 24 comes with them)"
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
