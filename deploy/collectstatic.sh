#!/usr/bin/env bash
# Collect the static files production serves (Swagger UI's bundled assets) into
# backend/staticfiles, hashed and compressed by whitenoise, unless they are already up to date:
# compressing them all takes about a minute of CPU. HMS_COLLECTSTATIC=always forces a run.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../backend"
manifest=staticfiles/staticfiles.json
stale=""
if [[ ! -f "$manifest" || "${HMS_COLLECTSTATIC:-auto}" == "always" ]]; then
  stale="yes"
else
  # Installing or upgrading a package touches site-packages; app assets live in */static/.
  stale="$(
    find .venv/lib/python3*/site-packages -maxdepth 0 -newer "$manifest"
    find hms config -path '*/static/*' -type f -newer "$manifest"
  )"
fi
if [[ -z "$stale" ]]; then
  echo "collectstatic: backend/staticfiles is up to date"
  exit 0
fi
# Production settings need a strong key and Redis addresses only to load; neither is stored or used here.
SECRET_KEY="${SECRET_KEY:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(64))')}" \
  HMS_ADMIN_SIGNUP="${HMS_ADMIN_SIGNUP:-closed}" \
  CACHE_URL="${CACHE_URL:-redis://cache.invalid:6379/0}" \
  CELERY_BROKER_URL="${CELERY_BROKER_URL:-redis://cache.invalid:6379/1}" \
  DJANGO_SETTINGS_MODULE=config.settings.production \
  .venv/bin/python manage.py collectstatic --noinput --verbosity 0
echo "collectstatic: backend/staticfiles collected"
