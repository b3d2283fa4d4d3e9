from __future__ import annotations

import pytest

from hms.accounts.models import AccountStatus, User
from hms.admissions.tests.factories import AdmissionFactory, discharge
from hms.doctors.tests.world import snapshot
from hms.patients.tests.test_patient_apis import PATIENTS, REFRESH, actions, ids, login

pytestmark = pytest.mark.django_db


def test_deleting_a_patient_revokes_their_tokens_and_takes_them_off_every_working_list(
    admin_client, api_client, client_for, make_doctor, make_patient
):
    doctor = make_doctor()
    patient = make_patient(assigned_doctor=doctor, user__username="leaving")
    tokens = login(api_client, "leaving").json()
    patient_client = client_for(patient.user)
    doctor_client = client_for(doctor.user)
    assert patient_client.get(f"{PATIENTS}{patient.pk}/").status_code == 200
    assert ids(doctor_client.get(PATIENTS)) == [patient.pk]

    response = admin_client.delete(f"{PATIENTS}{patient.pk}/")

    assert response.status_code == 204
    user = User.objects.get(pk=patient.user.pk)
    assert (user.status, user.is_active) == (AccountStatus.DELETED, False)
    assert patient_client.get(f"{PATIENTS}{patient.pk}/").status_code == 401
    assert (
        api_client.post(REFRESH, {"refresh": tokens["refresh"]}, format="json").status_code == 401
    )
    assert ids(doctor_client.get(PATIENTS)) == []
    assert doctor_client.get(f"{PATIENTS}{patient.pk}/").status_code == 404
    assert ids(admin_client.get(PATIENTS)) == []
    assert ids(admin_client.get(PATIENTS + "?status=DELETED")) == [patient.pk]
    assert admin_client.get(f"{PATIENTS}{patient.pk}/").json()["status"] == "DELETED"
    assert ("patient.delete", str(patient.pk)) in actions()


def test_an_admitted_patient_cannot_be_deleted_until_discharged(
    admin_client, make_doctor, make_patient
):
    doctor = make_doctor()
    patient = make_patient(assigned_doctor=doctor)
    admission = AdmissionFactory(patient=patient, doctor=doctor)
    before = snapshot()

    refused = admin_client.delete(f"{PATIENTS}{patient.pk}/")

    assert refused.status_code == 409
    assert refused.json() == {
        "code": "INVALID_STATE",
        "message": "This patient is admitted; discharge them before deleting the account.",
        "fields": {},
    }
    assert snapshot() == before
    discharge(admission, actor=admission.admitted_by)
    assert admin_client.delete(f"{PATIENTS}{patient.pk}/").status_code == 204
