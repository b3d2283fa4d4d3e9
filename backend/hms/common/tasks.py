"""Celery tasks of common: the jobs that Celery beat runs (CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from celery import shared_task

from hms.common.counters import counters_compact


@shared_task(name="common.compact_counters", ignore_result=True)
def compact_counters() -> int:
    """Fold the rows of each counter kept by the database into one; return the rows left."""
    return counters_compact()
