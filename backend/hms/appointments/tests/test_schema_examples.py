"""The transition examples in the schema show exactly the fields the API answers."""

from __future__ import annotations

from hms.appointments.apis import _appointment_example, _event
from hms.appointments.serializers import AppointmentDetailSerializer, AppointmentEventSerializer


def test_the_appointment_example_has_the_detail_fields():
    assert list(_appointment_example("PENDING")) == AppointmentDetailSerializer.Meta.fields


def test_the_history_example_has_the_event_fields():
    assert list(_event(None, "PENDING", "2026-11-20T18:05:00+05:30")) == (
        AppointmentEventSerializer.Meta.fields
    )
