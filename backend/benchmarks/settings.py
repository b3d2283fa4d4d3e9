"""Production settings plus the benchmark's reference view (its own urlconf); never deployed."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"

# Notification e-mails are sent in the request's process (no worker runs beside the benchmark).
CELERY_TASK_ALWAYS_EAGER = True
