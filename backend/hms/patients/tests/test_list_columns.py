"""The patient list reads only the columns its rows answer with, and answers them in full."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hms.accounts.models import AccountStatus
from hms.patients import serializers as s
from hms.patients.selectors import patient_get, patient_list

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("viewer", ["admin", "doctor"])
@pytest.mark.parametrize("rows", [1, 12])
def test_list_rows_are_the_full_rows_in_one_query(
    admin_user, make_doctor, make_patient, viewer, rows
):
    doctor = make_doctor()
    for index in range(rows):
        make_patient(
            assigned_doctor=doctor if index % 3 else None,
            preferred_doctor=doctor if index % 2 else None,
            status=AccountStatus.APPROVED if index % 4 else AccountStatus.PENDING,
        )
    user = admin_user if viewer == "admin" else doctor.user

    listed = patient_list(viewer=user, filters={"page": "1"})
    with CaptureQueriesContext(connection) as queries:
        answered = [dict(row) for row in s.PatientSerializer(list(listed), many=True).data]
    # Each row as the patient's own page (every column read) answers it.
    full = [
        dict(s.PatientSerializer(patient_get(viewer=user, id=row["id"])).data) for row in answered
    ]

    assert len(queries) == 1  # the page's rows with account and doctor: nothing row by row
    assert answered == full
    assert len(answered) == (
        rows if viewer == "admin" else len([i for i in range(rows) if i % 3 and i % 4])
    )
    assert '"password"' not in queries.captured_queries[0]["sql"]
