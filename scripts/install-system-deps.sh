#!/usr/bin/env bash
# System packages HMS needs beyond its Python wheels and npm packages:
#   fonts-noto-core, fonts-noto-cjk  the invoice PDF renders Latin, Devanagari, Arabic and CJK
#                                    names with them (WeasyPrint finds them through fontconfig)
#   chromium                         the browser the Playwright journeys drive
#   nginx-light                      the deployment checks run the real nginx config in front
# Idempotent: installs only what is missing, and only when it can (root + apt).
# Used by `make test` (target system-deps) and .ci/run.
set -euo pipefail

PACKAGES=(fonts-noto-core fonts-noto-cjk chromium nginx-light)

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: missing ${missing[*]}; install them as root with apt-get" >&2
  echo "  (fonts: invoice PDFs; chromium: browser journeys; nginx-light: deployment checks)." >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fc-cache -f >/dev/null 2>&1 || true
