"""Each endpoint family that answers a patient's data writes exactly one access event per request.

A list names every patient on the page it answered (one row whatever the page size) and the
names of its filters, never their values; a record names its id and patient; a record that is
not the caller's is a SECURITY event and answers exactly like a missing one.
"""

from __future__ import annotations

from urllib.parse import quote

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


# --- admissions, invoices and their PDF ---------------------------------------------------------


@pytest.fixture
def stays(admin_user, doctor, patients, stranger):
    """An open stay of patients[0] and a discharged one (with its invoice) of the stranger."""
    from hms.admissions.tests.factories import AdmissionFactory, discharge

    open_stay = AdmissionFactory(patient=patients[0], doctor=doctor)
    closed_stay = AdmissionFactory(patient=stranger, doctor=doctor)
    invoice = discharge(closed_stay, actor=admin_user)
    return open_stay, closed_stay, invoice


def _after(before):
    return _events()[len(before) :]


def test_admissions_list_and_record(client_for, doctor, stays, patients, stranger):
    open_stay, closed_stay, _ = stays
    client = client_for(doctor.user)
    before = _events()

    client.get("/api/v1/admissions/", {"page_size": 1})
    client.get(f"/api/v1/admissions/{open_stay.pk}/")

    first_page = [closed_stay.patient_id]  # newest first, one per page
    assert _after(before) == [
        ("ACCESS", doctor.user.pk, "admission.list", "admission", "", first_page, {"filters": []}),
        (
            "ACCESS",
            doctor.user.pk,
            "admission.retrieve",
            "admission",
            str(open_stay.pk),
            [patients[0].pk],
            {},
        ),
    ]


def test_invoice_json_and_pdf_name_the_patient(client_for, stays, stranger):
    _, _, invoice = stays
    client = client_for(stranger.user)
    before = _events()

    client.get("/api/v1/invoices/")
    client.get(f"/api/v1/invoices/{invoice.pk}/")
    pdf = client.get(f"/api/v1/invoices/{invoice.pk}/pdf/")

    assert pdf.status_code == 200
    me = stranger.user.pk
    assert _after(before) == [
        ("ACCESS", me, "invoice.list", "invoice", "", [stranger.pk], {"filters": []}),
        ("ACCESS", me, "invoice.retrieve", "invoice", str(invoice.pk), [stranger.pk], {}),
        ("ACCESS", me, "invoice.pdf", "invoice", str(invoice.pk), [stranger.pk], {}),
    ]


def test_someone_elses_invoice_pdf_is_a_security_event(client_for, stays, patients):
    _, _, invoice = stays
    before = _events()

    response = client_for(patients[0].user).get(f"/api/v1/invoices/{invoice.pk}/pdf/")

    assert response.status_code == 404
    assert _after(before) == [
        (
            "SECURITY",
            patients[0].user.pk,
            "access.denied",
            "invoice",
            str(invoice.pk),
            [],
            {"operation": "pdf", "status": 404},
        )
    ]


def test_discharging_an_admission_that_does_not_exist_is_a_security_event(admin_client, admin_user):
    before = _events()
    body = {"doctor_fee": "1.00", "medicine_cost": "1.00", "other_charge": "1.00"}

    response = admin_client.post("/api/v1/admissions/999999/discharge/", body, format="json")

    assert response.status_code == 404
    assert _after(before) == [
        (
            "SECURITY",
            admin_user.pk,
            "access.denied",
            "admission",
            "999999",
            [],
            {"operation": "discharge", "status": 404},
        )
    ]


# --- appointments and dashboards ---------------------------------------------------------------


def test_appointments_list_and_record(admin_client, admin_user, doctor, patients):
    from hms.appointments.tests.factories import AppointmentFactory

    first = AppointmentFactory(patient=patients[0], doctor=doctor)
    AppointmentFactory(patient=patients[2], doctor=doctor)

    admin_client.get("/api/v1/appointments/", {"status": "CONFIRMED"})
    admin_client.get(f"/api/v1/appointments/{first.pk}/")

    assert _events() == [
        (
            "ACCESS",
            admin_user.pk,
            "appointment.list",
            "appointment",
            "",
            sorted([patients[0].pk, patients[2].pk]),
            {"filters": ["status"]},
        ),
        (
            "ACCESS",
            admin_user.pk,
            "appointment.retrieve",
            "appointment",
            str(first.pk),
            [patients[0].pk],
            {},
        ),
    ]


def test_the_admin_dashboard_names_the_patients_its_queues_list(
    admin_client, admin_user, make_patient, make_doctor, patients
):
    from hms.appointments.models import AppointmentStatus
    from hms.appointments.tests.factories import AppointmentFactory

    pending = make_patient(status="PENDING")
    make_doctor(status="PENDING")
    # A request names its patient; a confirmed appointment is only counted.
    AppointmentFactory(patient=patients[1], status=AppointmentStatus.PENDING)
    AppointmentFactory(patient=patients[2])

    response = admin_client.get("/api/v1/dashboard/")

    assert response.status_code == 200
    assert response.json()["admin"]["unusual_access"] == []
    assert _events() == [
        (
            "ACCESS",
            admin_user.pk,
            "dashboard.retrieve",
            "dashboard",
            "",
            sorted([pending.pk, patients[1].pk]),
            {"filters": []},
        )
    ]


def test_a_dashboard_that_names_no_patient_writes_nothing(client_for, patients):
    response = client_for(patients[0].user).get("/api/v1/dashboard/")

    assert response.status_code == 200
    assert _events() == []


def test_opening_too_many_patients_raises_a_flag_on_the_admin_dashboard(
    admin_client, client_for, doctor, patients, settings
):
    settings.HMS_UNUSUAL_ACCESS_PATIENTS = 2
    client = client_for(doctor.user)
    for patient in patients:
        assert client.get(f"/api/v1/patients/{patient.pk}/").status_code == 200

    flags = admin_client.get("/api/v1/dashboard/").json()["admin"]["unusual_access"]

    openings = list(AuditEvent.objects.filter(action="patient.retrieve").order_by("id"))
    assert len(flags) == 1
    flag = flags[0]
    assert (flag["actor"], flag["actor_role"], flag["patient_count"]) == (
        doctor.user.pk,
        "DOCTOR",
        3,
    )
    assert [event["id"] for event in flag["events"]] == [event.pk for event in openings]
    assert [event["patient_ids"] for event in flag["events"]] == [[p.pk] for p in patients]


@pytest.mark.parametrize(("who", "operation"), [("patient", "cancel"), ("doctor", "complete")])
def test_acting_on_someone_elses_appointment_is_a_security_event(
    client_for, make_doctor, patients, stranger, who, operation
):
    from hms.appointments.tests.factories import AppointmentFactory

    other_doctor = make_doctor()
    theirs = AppointmentFactory(patient=stranger, doctor=other_doctor)
    actor = patients[0].user if who == "patient" else make_doctor().user
    before = _events()

    response = client_for(actor).post(
        f"/api/v1/appointments/{theirs.pk}/{operation}/", {}, format="json"
    )

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "CONFIRMED"
    assert _after(before) == [
        (
            "SECURITY",
            actor.pk,
            "access.denied",
            "appointment",
            str(theirs.pk),
            [],
            {"operation": operation, "status": 404},
        )
    ]


# --- money, the clinical record and scheduling: refusals on records that are not there ----------

_MONEY = {"amount": "10.00", "method": "CASH", "reference": ""}


@pytest.mark.parametrize(
    ("role", "path", "body", "resource", "operation"),
    [
        ("admin", "invoices/999999/pay/", _MONEY, "invoice", "pay"),
        ("admin", "invoices/999999/void/", {"reason": "Wrong rate"}, "invoice", "void"),
        ("admin", "admissions/999999/advance/", _MONEY, "admission", "advance"),
        ("admin", "payments/999999/refund/", {**_MONEY, "reason": "x"}, "payment", "refund"),
        ("doctor", "clinical/visit-notes/999999/sign/", {}, "visit_note", "sign"),
        (
            "doctor",
            "clinical/progress-notes/999999/addenda/",
            {"text": "x"},
            "progress_note",
            "addenda",
        ),
        ("doctor", "clinical/discharge-summaries/999999/sign/", {}, "discharge_summary", "sign"),
        (
            "patient",
            "appointments/999999/reschedule/",
            {"starts_at": "2026-12-30T10:00:00+05:30"},
            "appointment",
            "reschedule",
        ),
        ("patient", "waitlist/999999/accept/", {}, "waitlist_entry", "accept"),
        ("patient", "waitlist/999999/leave/", {}, "waitlist_entry", "leave"),
    ],
)
def test_acting_on_a_record_that_is_not_there_is_a_security_event(
    client_for, admin_user, doctor, patients, role, path, body, resource, operation
):
    actor = {"admin": admin_user, "doctor": doctor.user, "patient": patients[0].user}[role]
    before = _events()

    response = client_for(actor).post(
        f"/api/v1/{path}", body, format="json", HTTP_IDEMPOTENCY_KEY="refusal-test-key"
    )

    assert response.status_code == 404
    assert _after(before) == [
        (
            "SECURITY",
            actor.pk,
            "access.denied",
            resource,
            "999999",
            [],
            {"operation": operation, "status": 404},
        )
    ]


@pytest.mark.parametrize(
    ("role", "path"),
    [("patient", "/api/v1/waitlist/"), ("admin", "/api/v1/reports/outstanding/csv/")],
)
def test_odd_query_parameter_names_are_not_recorded_as_filters(
    client_for, admin_user, patients, role, path
):
    actor = admin_user if role == "admin" else patients[0].user
    odd = "\x00\u008c\u00e7;\U0004e843"
    before = _events()

    response = client_for(actor).get(
        f"{path}?{quote(odd)}=x&{quote('__proto__')}=1&{'n' * 65}=1&date_from=2026-11-01"
    )

    assert response.status_code == 200
    [(kind, *_rest, detail)] = _after(before)
    assert kind == "ACCESS"
    assert detail["filters"] == ["__proto__", "date_from"]
