#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into $DATABASE_URL, replacing the HMS tables there,
# in one transaction (all or nothing). Stop the backend first; restore into the release that
# made the backup (or an older one), then run `manage.py migrate`.
# Usage: CONFIRM=yes deploy/restore.sh FILE
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to the database to restore into}"
file="${1:?usage: CONFIRM=yes deploy/restore.sh FILE}"
if [[ ! -f "$file" ]]; then
  echo "restore: no such file: $file" >&2
  exit 2
fi
target="$(sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#' <<<"$DATABASE_URL")"
if [[ "${CONFIRM:-}" != "yes" ]]; then
  echo "restore: this replaces every HMS table in $target with $file." >&2
  echo "restore: run again with CONFIRM=yes to go ahead." >&2
  exit 2
fi
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
  --exit-on-error --dbname="$DATABASE_URL" "$file"
echo "restore: $file restored into $target"
