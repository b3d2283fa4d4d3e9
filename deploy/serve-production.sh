#!/usr/bin/env bash
# Serve HMS in production mode on this machine: gunicorn with config.settings.production against
# the PostgreSQL database at $DATABASE_URL, the built web app (frontend/dist) served by
# whitenoise from the site root. HTTP on $HOST:$PORT (127.0.0.1:8000), so SECURE_SSL_REDIRECT
# defaults to false here; put a TLS proxy in front before anyone else can reach it.
# Reads everything else (SECRET_KEY, HMS_ADMIN_SIGNUP, ...) from the environment, as the
# containers do: see .env.example.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
host="${HOST:-127.0.0.1}"
port="${PORT:-8000}"

case "${DATABASE_URL:-}" in
  postgres://* | postgresql://*) ;;
  *)
    echo "serve-production: set DATABASE_URL to a PostgreSQL URL," \
      "e.g. postgres://hms:hms@127.0.0.1:5432/hms" >&2
    exit 2
    ;;
esac
spa="${HMS_SPA_DIST_DIR:-$root/frontend/dist}"
if [[ ! -f "$spa/index.html" ]]; then
  echo "serve-production: $spa/index.html is missing; run 'make frontend-build' first" >&2
  exit 2
fi
spa="$(cd "$spa" && pwd)"
case "$host" in
  127.* | localhost | ::1) ;;
  *) echo "serve-production: WARNING: plain HTTP on $host is reachable from other machines" >&2 ;;
esac

export DJANGO_SETTINGS_MODULE=config.settings.production
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-false}"
export HMS_SPA_DIST_DIR="$spa"

cd "$root/backend"
.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py icd10_load
"$root/deploy/collectstatic.sh"
echo "serve-production: http://$host:$port/ (${WEB_CONCURRENCY:-2} workers)"
exec .venv/bin/gunicorn config.wsgi:application \
  --bind "$host:$port" \
  --workers "${WEB_CONCURRENCY:-2}" \
  --timeout 60 \
  --graceful-timeout 10 \
  --limit-request-line 8190 \
  --access-logfile - \
  --access-logformat '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms rid=%({x-request-id}o)s'
