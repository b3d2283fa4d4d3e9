"""The appointment list reads only the columns its rows answer with, and answers them in full."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hms.accounts.models import Role
from hms.appointments import serializers as s
from hms.appointments.models import Appointment, AppointmentStatus
from hms.appointments.selectors import _with_people, appointment_list
from hms.appointments.tests.factories import AppointmentFactory, slot

pytestmark = pytest.mark.django_db


def _every_column(ids: list[int]) -> list[dict]:
    rows = _with_people(Appointment.objects.filter(pk__in=ids)).order_by("-starts_at", "-id")
    return [dict(row) for row in s.AppointmentSerializer(rows, many=True).data]


@pytest.mark.parametrize("rows", [1, 12])
def test_list_rows_are_the_full_rows_in_one_query(admin_user, make_doctor, make_patient, rows):
    doctor = make_doctor()
    made = [
        AppointmentFactory(
            doctor=doctor,
            patient=make_patient(),
            starts_at=slot(index),
            status=AppointmentStatus.CONFIRMED if index % 2 else AppointmentStatus.PENDING,
        )
        for index in range(rows)
    ]
    assert admin_user.role == Role.ADMIN

    listed = appointment_list(viewer=admin_user, filters={})
    with CaptureQueriesContext(connection) as queries:
        answered = [dict(row) for row in s.AppointmentSerializer(list(listed), many=True).data]

    assert len(queries) == 1  # the page's rows, people included: nothing read row by row
    assert answered == _every_column([a.pk for a in made])
    columns = queries.captured_queries[0]["sql"]
    assert '"password"' not in columns and '"updated_at"' not in columns
