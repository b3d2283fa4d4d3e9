"""Production settings plus the benchmark's reference view (its own urlconf); never deployed."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"

# Notification e-mails are queued for the Celery worker that runs beside the measured server
# (benchmarks/run.py starts both), as in the deployment.
