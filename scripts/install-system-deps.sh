#!/usr/bin/env bash
# System packages the backend needs beyond its Python wheels: the Noto fonts that let the
# invoice PDF render Latin, Devanagari, Arabic and CJK names (WeasyPrint finds them through
# fontconfig). Idempotent: installs only what is missing, and only when it can (root + apt).
# Used by .ci/run and meant for the Docker image.
set -euo pipefail

PACKAGES=(fonts-noto-core fonts-noto-cjk)

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
  echo "  (invoice PDFs would show empty boxes for Devanagari, Arabic and CJK names)." >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fc-cache -f >/dev/null 2>&1 || true
