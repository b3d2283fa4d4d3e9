from __future__ import annotations

import pytest
from django.utils import timezone

from hms.accounts.models import AccountStatus
from hms.audit.models import AuditEvent
from hms.doctors.tests.world import build_world
from hms.patients.models import Patient
from hms.workflows.services import doctor_close

pytestmark = pytest.mark.django_db


def test_doctor_delete_unassigns_patients_and_audits_each_change():
    w = build_world()
    at = timezone.now()

    doctor_close(actor=w.admin, doctor=w.doctor, at=at)

    w.doctor.user.refresh_from_db()
    assert (w.doctor.user.status, w.doctor.user.is_active, w.doctor.user.status_changed_at) == (
        AccountStatus.DELETED,
        False,
        at,
    )
    assert Patient.objects.get(pk=w.patient.pk).assigned_doctor_id is None
    assert Patient.objects.get(pk=w.other_patient.pk).assigned_doctor_id == w.other_doctor.pk
    # A pending patient who only *preferred* the doctor keeps that (historical) wish.
    assert Patient.objects.get(pk=w.pending_patient.pk).preferred_doctor_id == w.doctor.pk
    assert list(
        AuditEvent.objects.order_by("id").values_list("action", "actor_id", "patient_id", "at")
    ) == [
        ("doctor.delete", w.admin.pk, None, at),
        ("patient.unassign", w.admin.pk, w.patient.pk, at),
    ]
