#!/usr/bin/env bash
# Generate a Python client from openapi.yaml with openapi-python-client, as an integrator
# would, and fail on any warning or error. The client goes to a fresh temporary directory that
# is removed afterwards; nothing generated is kept or committed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/backend/.venv"
work="$(mktemp -d "${TMPDIR:-/tmp}/hms-python-client.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The generator formats its output with ruff; use the pinned one.
if ! PATH="$venv/bin:$PATH" "$venv/bin/openapi-python-client" generate \
  --path "$root/openapi.yaml" \
  --config "$root/scripts/contract/python-client.yaml" \
  --output-path "$work/hms_api_client" \
  --meta none \
  --fail-on-warning >"$work/generate.log" 2>&1; then
  cat "$work/generate.log"
  echo "check-python-client: openapi-python-client could not generate a clean client from openapi.yaml" >&2
  exit 1
fi
if grep -qiE "warning|error" "$work/generate.log"; then
  cat "$work/generate.log"
  echo "check-python-client: openapi-python-client reported problems" >&2
  exit 1
fi
# The client must import: every model and endpoint module.
PYTHONPATH="$work" "$venv/bin/python" - <<'PY'
import importlib
import pkgutil

import hms_api_client

names = [m.name for m in pkgutil.walk_packages(hms_api_client.__path__, "hms_api_client.")]
for name in names:
    importlib.import_module(name)
print(f"check-python-client: {len(names)} modules import.")
PY
echo "check-python-client: a Python client generates cleanly from openapi.yaml."
