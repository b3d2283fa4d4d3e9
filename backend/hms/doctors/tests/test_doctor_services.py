from __future__ import annotations

import pytest
from django.utils import timezone

from hms.common.errors import InvalidStateError, ValidationFailed
from hms.doctors.services import doctor_approve, doctor_reject, doctor_update
from hms.doctors.tests.world import build_world, snapshot
from hms.patients.services import patient_approve, patient_update
from hms.workflows.services import doctor_close

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "service",
    [
        lambda w, at: doctor_approve(actor=w.admin, doctor=w.doctor, at=at),
        lambda w, at: doctor_reject(actor=w.admin, doctor=w.doctor, reason="", at=at),
        lambda w, at: patient_approve(actor=w.admin, patient=w.patient, at=at),
    ],
)
def test_a_refused_transition_raises_and_changes_nothing(service):
    w = build_world()
    before = snapshot()

    with pytest.raises(InvalidStateError):
        service(w, timezone.now())

    assert snapshot() == before


def test_doctor_update_of_a_deleted_doctor_raises_and_changes_nothing():
    w = build_world()
    doctor_close(actor=w.admin, doctor=w.other_doctor, at=timezone.now())
    before = snapshot()

    with pytest.raises(InvalidStateError):
        doctor_update(actor=w.admin, doctor=w.other_doctor, data={"mobile": "1"}, at=timezone.now())

    assert snapshot() == before


def test_patient_update_refuses_a_pending_doctor_even_without_the_serializer():
    w = build_world()
    before = snapshot()

    with pytest.raises(ValidationFailed) as refused:
        patient_update(
            actor=w.admin,
            patient=w.patient,
            data={"assigned_doctor": w.pending_doctor},
            at=timezone.now(),
        )

    assert refused.value.fields == {
        "assigned_doctor": [f"No approved doctor has the id {w.pending_doctor.pk}."]
    }
    assert snapshot() == before
