#!/usr/bin/env bash
# Runs once, when the db service initialises an empty data volume: creates the login role the
# application connects as. `manage.py migrate` (as the owner, POSTGRES_USER) grants it its
# privileges: everything it needs, but only INSERT and SELECT on the audit log.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set app_password="$POSTGRES_APP_PASSWORD" <<'SQL'
CREATE ROLE hms_app LOGIN PASSWORD :'app_password';
SQL
