"""The admission list reads only the columns its rows answer with, and answers them in full."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hms.admissions import serializers as s
from hms.admissions.selectors import admission_get, admission_list
from hms.admissions.tests.factories import AdmissionFactory, discharge

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("viewer", ["admin", "doctor"])
@pytest.mark.parametrize("rows", [1, 6])
def test_list_rows_are_the_full_rows_in_one_query(admin_user, make_doctor, viewer, rows):
    doctor = make_doctor()
    for index in range(rows):
        admission = AdmissionFactory(
            doctor=doctor if index % 2 == 0 else make_doctor(),
            admitted_on=date(2026, 11, 10 + index),
            room_charge_per_day=None if index == 3 else "500.00",
        )
        if index % 3 == 1:
            discharge(admission, actor=admin_user)
    user = admin_user if viewer == "admin" else doctor.user
    serializer = s.admission_serializer_for(user.role)

    listed = admission_list(viewer=user, filters={"page": "1"})
    with CaptureQueriesContext(connection) as queries:
        answered = [dict(row) for row in serializer(list(listed), many=True).data]
    # Each row as the admission's own page (every column read) answers it.
    full = [dict(serializer(admission_get(viewer=user, id=row["id"])).data) for row in answered]

    assert len(queries) == 1  # the page's rows with patient, doctor and invoice: nothing row by row
    assert answered == full
    assert len(answered) == (rows if viewer == "admin" else (rows + 1) // 2)
    assert any(row["discharged_at"] for row in answered) == (rows > 1)
    sql = queries.captured_queries[0]["sql"]
    assert '"password"' not in sql and '"updated_at"' not in sql and '"admitted_by_id"' not in sql
