from __future__ import annotations

import pytest

from hms.accounts.models import AccountStatus, User
from hms.audit.models import AuditEvent
from hms.doctors.tests.test_doctor_apis import DIRECTORY, DOCTORS, REFRESH, actions, login

pytestmark = pytest.mark.django_db


def test_delete_a_pending_doctor(admin_client, make_doctor):
    doctor = make_doctor(status=AccountStatus.PENDING)

    response = admin_client.delete(f"{DOCTORS}{doctor.pk}/")

    assert response.status_code == 204
    assert User.objects.get(pk=doctor.user.pk).status == AccountStatus.DELETED


def test_deleting_a_doctor_revokes_their_tokens_and_takes_them_off_every_working_list(
    admin_client, api_client, client_for, make_doctor
):
    doctor = make_doctor(user__username="dr.leaving")
    tokens = login(api_client, "dr.leaving").json()
    doctor_client = client_for(doctor.user)
    assert doctor_client.get("/api/v1/dashboard/").status_code == 200

    response = admin_client.delete(f"{DOCTORS}{doctor.pk}/")

    assert response.status_code == 204
    assert response.content == b""
    user = User.objects.get(pk=doctor.user.pk)
    assert (user.status, user.is_active) == (AccountStatus.DELETED, False)
    assert doctor_client.get("/api/v1/dashboard/").status_code == 401
    assert (
        api_client.post(REFRESH, {"refresh": tokens["refresh"]}, format="json").status_code == 401
    )
    assert login(api_client, "dr.leaving").json()["code"] == "INVALID_CREDENTIALS"
    assert admin_client.get(DOCTORS).json()["count"] == 0
    assert api_client.get(DIRECTORY).json()["count"] == 0
    assert [d["id"] for d in admin_client.get(DOCTORS + "?status=DELETED").json()["results"]] == [
        doctor.pk
    ]
    assert [event for event in actions() if event[0].startswith("doctor.")] == [
        ("doctor.delete", str(doctor.pk))
    ]


def test_a_deleted_doctors_patients_become_unassigned_and_keep_working(
    admin_client, api_client, client_for, make_doctor, make_patient
):
    doctor = make_doctor()
    other = make_doctor()
    patients = [make_patient(assigned_doctor=doctor, user__username=f"p{i}") for i in range(2)]
    untouched = make_patient(assigned_doctor=other)

    assert admin_client.delete(f"{DOCTORS}{doctor.pk}/").status_code == 204

    assert list(
        AuditEvent.objects.order_by("id").values_list("action", "object_id", "patient_id")
    ) == [
        ("doctor.delete", str(doctor.pk), None),
        ("patient.unassign", str(patients[0].pk), patients[0].pk),
        ("patient.unassign", str(patients[1].pk), patients[1].pk),
    ]
    for patient in patients:
        client = client_for(patient.user)
        own = client.get(f"/api/v1/patients/{patient.pk}/")
        assert own.status_code == 200
        assert (own.json()["assigned_doctor"], own.json()["assigned_doctor_name"]) == (None, None)
        assert client.get("/api/v1/dashboard/").json()["patient"]["assigned_doctor"] is None
        assert client.get(f"{DOCTORS}{doctor.pk}/").status_code == 404
        assert login(api_client, patient.user.username).status_code == 200
    assert admin_client.get(f"/api/v1/patients/{untouched.pk}/").json()["assigned_doctor"] == (
        other.pk
    )
    # Everything that refers to the deleted doctor still answers.
    assert admin_client.get(f"{DOCTORS}{doctor.pk}/").status_code == 200
    assert admin_client.get("/api/v1/patients/").status_code == 200
    assert admin_client.get("/api/v1/dashboard/").status_code == 200
    reassign = admin_client.patch(
        f"/api/v1/patients/{patients[0].pk}/", {"assigned_doctor": other.pk}, format="json"
    )
    assert reassign.status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "patient", "admin"])
def test_a_method_the_route_does_not_map_is_405_before_any_role_check(
    api_client, client_for, admin_client, make_doctor, make_patient, who
):
    doctor = make_doctor()
    client = {
        "anonymous": api_client,
        "patient": client_for(make_patient().user) if who == "patient" else None,
        "admin": admin_client,
    }[who]
    client.validate_contract = False  # a 405 has no operation to validate against

    response = client.put(f"{DOCTORS}{doctor.pk}/", {"mobile": "+911234567"}, format="json")

    assert response.status_code == 405
    assert response.json() == {
        "code": "METHOD_NOT_ALLOWED",
        "message": 'Method "PUT" not allowed.',
        "fields": {},
    }
    assert response["Allow"] == "GET, PATCH, DELETE, HEAD, OPTIONS"
    assert snapshot_doctor(doctor) == (doctor.mobile, AccountStatus.APPROVED)


def snapshot_doctor(doctor):
    doctor.refresh_from_db()
    doctor.user.refresh_from_db()
    return (doctor.mobile, doctor.user.status)
