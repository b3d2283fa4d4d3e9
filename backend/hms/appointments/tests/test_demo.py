from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from hms.appointments.models import Appointment, AppointmentEvent
from hms.appointments.slots import check_slot_start, slot_rules

pytestmark = pytest.mark.django_db


def test_seed_demo_books_appointments_in_every_status_on_the_grid_once():
    call_command("seed_demo", stdout=StringIO())
    first = sorted(Appointment.objects.values_list("pk", "status", "starts_at"))

    call_command("seed_demo", stdout=StringIO())

    assert sorted(Appointment.objects.values_list("pk", "status", "starts_at")) == first
    statuses = {status for _, status, _ in first}
    assert {"PENDING", "CONFIRMED", "REJECTED", "CANCELLED", "COMPLETED"} <= statuses
    rules = slot_rules()
    for appointment in Appointment.objects.all():
        # Raises unless the start is a slot of the working hours.
        ends_at = check_slot_start(
            appointment.starts_at, at=appointment.starts_at - timedelta(seconds=1), rules=rules
        )
        assert appointment.ends_at == ends_at
        assert appointment.events.first().from_status == ""
    completed = Appointment.objects.filter(status="COMPLETED")
    assert all(
        list(row.events.values_list("to_status", flat=True))[-1] == "COMPLETED" for row in completed
    )
    assert AppointmentEvent.objects.filter(to_status="REJECTED").exclude(reason="").count() == 1
