#!/usr/bin/env bash
# Back up the database at $DATABASE_URL into one pg_dump file (custom format: compressed,
# restorable table by table). Usage: deploy/backup.sh [FILE]
# Default FILE: backups/hms-<UTC time>.dump. pg_dump's major version must be at least the
# server's; for the compose stack run it inside the db container (docs/deployment.md).
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to the database to back up}"
file="${1:-backups/hms-$(date -u +%Y%m%dT%H%M%SZ).dump}"

# The dump holds every patient's data: readable by its owner only.
umask 077
mkdir -p "$(dirname "$file")"
pg_dump --format=custom --no-owner --no-privileges --file="$file.partial" "$DATABASE_URL"
mv "$file.partial" "$file"
echo "backup: wrote $file ($(du -h "$file" | cut -f1))"
