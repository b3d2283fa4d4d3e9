"""Each endpoint family that answers a patient's data writes exactly one access event per request.

A list names every patient on the page it answered (one row whatever the page size) and the
names of its filters, never their values; a record names its id and patient; a record that is
not the caller's is a SECURITY event and answers exactly like a missing one.
"""

from __future__ import annotations

import pytest

from hms.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _events():
    return list(
        AuditEvent.objects.order_by("id").values_list(
            "kind", "actor_id", "action", "object_type", "object_id", "patient_ids", "detail"
        )
    )


@pytest.fixture
def doctor(make_doctor):
    return make_doctor()


@pytest.fixture
def patients(make_patient, doctor):
    return [make_patient(assigned_doctor=doctor) for _ in range(3)]


@pytest.fixture
def stranger(make_patient):
    return make_patient()


# --- patients -----------------------------------------------------------------------------------


@pytest.mark.parametrize("page_size", [1, 2, 100])
def test_a_patient_list_writes_one_event_naming_its_page(
    admin_client, admin_user, patients, stranger, page_size
):
    before = _events()

    response = admin_client.get(
        "/api/v1/patients/", {"page_size": page_size, "search": "fever", "ordering": "-name"}
    )

    assert response.status_code == 200
    shown = sorted(row["id"] for row in response.json()["results"])
    assert len(shown) == min(page_size, 4)
    assert _events() == [
        *before,
        (
            "ACCESS",
            admin_user.pk,
            "patient.list",
            "patient",
            "",
            shown,
            {"filters": ["ordering", "search"]},
        ),
    ]


def test_a_doctors_list_names_only_their_patients(client_for, doctor, patients, stranger):
    client_for(doctor.user).get("/api/v1/patients/", {"page": 1})

    assert _events() == [
        (
            "ACCESS",
            doctor.user.pk,
            "patient.list",
            "patient",
            "",
            sorted(p.pk for p in patients),
            {"filters": [], "page": 1},
        )
    ]


def test_opening_a_patient_names_them(client_for, doctor, patients):
    target = patients[1]

    response = client_for(doctor.user).get(f"/api/v1/patients/{target.pk}/")

    assert response.status_code == 200
    assert _events() == [
        ("ACCESS", doctor.user.pk, "patient.retrieve", "patient", str(target.pk), [target.pk], {})
    ]


def test_opening_someone_elses_patient_is_a_security_event(client_for, doctor, stranger):
    response = client_for(doctor.user).get(f"/api/v1/patients/{stranger.pk}/")

    assert response.status_code == 404
    assert _events() == [
        (
            "SECURITY",
            doctor.user.pk,
            "access.denied",
            "patient",
            str(stranger.pk),
            [],
            {"operation": "retrieve", "status": 404},
        )
    ]


def test_a_patient_opening_themself_is_recorded_but_not_in_their_own_log(client_for, patients):
    me = patients[0]
    client = client_for(me.user)

    client.get(f"/api/v1/patients/{me.pk}/")
    log = client.get("/api/v1/patients/me/access-log/").json()

    assert _events() == [
        ("ACCESS", me.user.pk, "patient.retrieve", "patient", str(me.pk), [me.pk], {})
    ]
    assert log["count"] == 0


def test_a_refused_list_writes_no_access_event(admin_client, patients):
    response = admin_client.get("/api/v1/patients/", {"status": "NOPE"})

    assert response.status_code == 400
    assert _events() == []
