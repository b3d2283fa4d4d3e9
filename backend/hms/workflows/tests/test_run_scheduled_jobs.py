"""`manage.py run_scheduled_jobs`: Celery beat's schedule run in-process, without a broker."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from hms.appointments.models import Appointment, AppointmentStatus
from hms.appointments.tests.factories import AppointmentFactory

pytestmark = pytest.mark.django_db


def test_one_pass_runs_every_scheduled_job_once_and_a_second_pass_changes_nothing():
    past = (timezone.now() - timedelta(days=2)).replace(minute=0, second=0, microsecond=0)
    stale = AppointmentFactory(starts_at=past, status=AppointmentStatus.PENDING)
    first, second = StringIO(), StringIO()

    call_command("run_scheduled_jobs", stdout=first, stderr=first)
    after_first = dict(Appointment.objects.values_list("pk", "status"))
    call_command("run_scheduled_jobs", stdout=second, stderr=second)

    assert [line.split(":")[0] for line in first.getvalue().splitlines()] == list(
        settings.CELERY_BEAT_SCHEDULE
    )
    assert "failed" not in first.getvalue() + second.getvalue()
    assert after_first == {stale.pk: AppointmentStatus.EXPIRED}
    assert dict(Appointment.objects.values_list("pk", "status")) == after_first
    assert "appointments-expire: {'no_shows': 0, 'expired': 0," in second.getvalue()
