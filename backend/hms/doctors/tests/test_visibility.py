"""The row rules of policies.py, per viewer: exactly these rows, no others."""

from __future__ import annotations

import pytest

from hms.accounts.models import AccountStatus
from hms.doctors.models import Doctor
from hms.doctors.policies import visible_doctors
from hms.doctors.tests.world import build_world, make_patient
from hms.patients.models import Patient
from hms.patients.policies import visible_patients

pytestmark = pytest.mark.django_db


def doctor_ids(viewer) -> set[int]:
    return set(Doctor.objects.filter(visible_doctors(viewer=viewer)).values_list("pk", flat=True))


def patient_ids(viewer) -> set[int]:
    return set(Patient.objects.filter(visible_patients(viewer=viewer)).values_list("pk", flat=True))


def test_who_sees_which_doctor():
    w = build_world()
    every = {w.doctor.pk, w.other_doctor.pk, w.pending_doctor.pk}

    assert doctor_ids(w.admin) == every
    assert doctor_ids(w.patient.user) == {w.doctor.pk}
    assert doctor_ids(w.other_patient.user) == {w.other_doctor.pk}
    assert doctor_ids(w.pending_patient.user) == set()  # a preferred doctor is not assigned
    assert doctor_ids(w.doctor.user) == {w.doctor.pk}


def test_who_sees_which_patient():
    w = build_world()
    waiting = make_patient("sara", "Sara", "Iyer", AccountStatus.PENDING, assigned_doctor=w.doctor)
    gone = make_patient("gone", "Meera", "Das", AccountStatus.DELETED, assigned_doctor=w.doctor)
    every = {w.patient.pk, w.other_patient.pk, w.pending_patient.pk, waiting.pk, gone.pk}

    assert patient_ids(w.admin) == every
    assert patient_ids(w.doctor.user) == {w.patient.pk}
    assert patient_ids(w.other_doctor.user) == {w.other_patient.pk}
    assert patient_ids(w.pending_doctor.user) == set()
    assert patient_ids(w.patient.user) == {w.patient.pk}
    assert patient_ids(w.pending_patient.user) == {w.pending_patient.pk}
