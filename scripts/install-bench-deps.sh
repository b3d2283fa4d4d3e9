#!/usr/bin/env bash
# What `make bench` needs beyond the runtime and dev dependencies:
#   wrk                                Debian's HTTP load generator, for the per-endpoint rounds
#   backend/requirements-bench.txt     locust (pinned), for the mixed "hospital day" mode
# Idempotent: installs only what is missing; wrk only when it can (root + apt).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-bench-deps: wrk is missing; install it as root (apt-get install wrk)." >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk
fi

stamp="$root/backend/.venv/.bench-installed"
requirements="$root/backend/requirements-bench.txt"
if [ ! -f "$stamp" ] || [ "$requirements" -nt "$stamp" ]; then
  "$root/backend/.venv/bin/python" -m pip install --quiet -r "$requirements"
  touch "$stamp"
fi
