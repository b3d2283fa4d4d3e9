"""The Celery app: notification e-mails and the scheduled jobs (reminders).

Configured from Django's settings (`CELERY_*`, see config/settings/base.py). With
CELERY_BROKER_URL set (Redis in production), tasks go to the broker and `celery -A config
worker` / `celery -A config beat` run them; without it (`make run`, the tests) every task runs
in the process that queued it, right after the transaction commits.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

app = Celery("hms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
