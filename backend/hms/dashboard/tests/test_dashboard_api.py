from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hms.accounts.models import AccountStatus
from hms.doctors.models import Department, Doctor
from hms.doctors.tests.world import CALLERS, build_world, snapshot
from hms.patients.models import Patient

pytestmark = pytest.mark.django_db

DASHBOARD = "/api/v1/dashboard/"


# Sign-in, every count together, the queues together (one union), the unusual-access flags,
# the events behind them, and the access event (one INSERT on PostgreSQL, whose trigger chains
# it; on SQLite the application reads the previous hash first).
ADMIN_DASHBOARD_QUERIES = 6 if connection.vendor == "postgresql" else 7


@pytest.mark.parametrize(
    ("caller", "expected"),
    [
        ("anonymous", 401),
        ("admin", 200),
        ("doctor", 200),
        ("patient", 200),
        ("pending_doctor", 401),
        ("pending_patient", 401),
    ],
)
def test_dashboard_permissions(api_client, client_for, caller, expected):
    assert caller in CALLERS
    world = build_world()
    user = world.user(caller)
    client = client_for(user) if user is not None else api_client
    before = snapshot()

    response = client.get(DASHBOARD)

    assert response.status_code == expected
    if expected == 200:
        body = response.json()
        assert body["role"] == user.role
        filled = {section for section in ("admin", "doctor", "patient") if body[section]}
        assert filled == {user.role.lower()}
    assert snapshot() == before


def test_admin_sees_account_counts_and_the_pending_accounts_to_decide_on(client_for, db):
    world = build_world()

    admin = client_for(world.admin).get(DASHBOARD).json()["admin"]

    assert admin["accounts"] == {
        "approved_doctors": 2,
        "pending_doctors": 1,
        "approved_patients": 2,
        "pending_patients": 1,
    }
    assert admin["queues"] == {
        "doctors": [
            {
                "id": world.pending_doctor.pk,
                "full_name": "Kiran Shah",
                "department_name": "Anesthesiologists",
                "created_at": _local(world.pending_doctor.created_at),
            }
        ],
        "patients": [
            {
                "id": world.pending_patient.pk,
                "full_name": "Arun Das",
                "symptoms": "Fever and cough",
                "created_at": _local(world.pending_patient.created_at),
            }
        ],
        "appointment_requests": [],
    }


def _local(instant):
    return timezone.localtime(instant).isoformat()


def test_counts_and_queues_leave_out_rejected_and_deleted_accounts(
    admin_client, make_doctor, make_patient
):
    for status in (AccountStatus.REJECTED, AccountStatus.DELETED):
        make_doctor(status=status)
        make_patient(status=status)
    make_doctor(status=AccountStatus.APPROVED)

    admin = admin_client.get(DASHBOARD).json()["admin"]

    assert (
        admin["accounts"]["approved_doctors"],
        admin["accounts"]["pending_doctors"],
        admin["accounts"]["approved_patients"],
        admin["accounts"]["pending_patients"],
        admin["queues"]["doctors"],
        admin["queues"]["patients"],
    ) == (1, 0, 0, 0, [], [])


def test_each_account_queue_shows_its_five_newest(admin_client, make_doctor, make_patient):
    base = timezone.now() - timedelta(days=30)
    doctors, patients = [], []
    for index in range(14):
        # Interleaved in time, so a queue that mixed the kinds would show it.
        created_at = base + timedelta(days=index)
        if index % 2:
            row = make_doctor(status=AccountStatus.PENDING, user__first_name=f"D{index}")
            Doctor.objects.filter(pk=row.pk).update(created_at=created_at)
            doctors.append(row.pk)
        else:
            row = make_patient(status=AccountStatus.PENDING, user__first_name=f"P{index}")
            Patient.objects.filter(pk=row.pk).update(created_at=created_at)
            patients.append(row.pk)
    # Two applications at the same instant: the later id is the newer.
    twin = make_doctor(status=AccountStatus.PENDING)
    Doctor.objects.filter(pk=twin.pk).update(created_at=base + timedelta(days=13))
    doctors.append(twin.pk)

    body = admin_client.get(DASHBOARD).json()["admin"]
    queues = body["queues"]

    assert [row["id"] for row in queues["doctors"]] == doctors[::-1][:5]
    assert [row["id"] for row in queues["patients"]] == patients[::-1][:5]
    assert (body["accounts"]["pending_doctors"], body["accounts"]["pending_patients"]) == (8, 7)


def test_a_doctor_sees_how_many_approved_patients_are_assigned_to_them(
    client_for, make_doctor, make_patient
):
    doctor = make_doctor()
    for status in (AccountStatus.APPROVED, AccountStatus.APPROVED, AccountStatus.DELETED):
        make_patient(status=status, assigned_doctor=doctor)
    make_patient(status=AccountStatus.PENDING, assigned_doctor=doctor)
    make_patient(assigned_doctor=make_doctor())

    body = client_for(doctor.user).get(DASHBOARD).json()

    assert (body["role"], body["admin"], body["patient"]) == ("DOCTOR", None, None)
    assert body["doctor"]["assigned_patients"] == 2


def test_a_patient_sees_their_assigned_doctors_card(client_for, make_doctor, make_patient):
    doctor = make_doctor(
        user__first_name="Anita",
        user__last_name="Desai",
        mobile="+919845000001",
        address="Staff quarters 1, Hospital Road",
        department=Department.objects.get(code="CARDIOLOGIST"),
    )
    patient = make_patient(assigned_doctor=doctor)

    body = client_for(patient.user).get(DASHBOARD).json()

    assert (body["role"], body["admin"], body["doctor"]) == ("PATIENT", None, None)
    assert body["patient"]["assigned_doctor"] == {
        "id": doctor.pk,
        "full_name": "Anita Desai",
        "department": "CARDIOLOGIST",
        "department_name": "Cardiologist",
        "mobile": "+919845000001",
        "address": "Staff quarters 1, Hospital Road",
    }


def test_a_patient_without_a_doctor_sees_null(client_for, make_patient):
    patient = make_patient()

    body = client_for(patient.user).get(DASHBOARD).json()

    assert body["patient"]["assigned_doctor"] is None


def _query_count(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(DASHBOARD).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["ADMIN", "DOCTOR", "PATIENT"])
def test_the_dashboard_runs_a_constant_number_of_queries(
    admin_user, client_for, make_doctor, make_patient, django_assert_max_num_queries, role
):
    doctor = make_doctor()
    patient = make_patient(assigned_doctor=doctor)
    viewer = {"ADMIN": admin_user, "DOCTOR": doctor.user, "PATIENT": patient.user}[role]
    client = client_for(viewer)

    def add_rows(count: int) -> None:
        for index in range(count):
            make_doctor(status=AccountStatus.PENDING if index % 2 else AccountStatus.APPROVED)
            make_patient(
                status=AccountStatus.PENDING if index % 2 else AccountStatus.APPROVED,
                assigned_doctor=doctor if index % 2 == 0 else None,
            )

    add_rows(3)
    at_three = _query_count(client)
    add_rows(47)

    with django_assert_max_num_queries(at_three):
        assert client.get(DASHBOARD).status_code == 200
    # Sign-in and each section's selectors (see the test below). The admin's also writes one
    # access event (it names the pending patients it lists); no flag, so no events are read.
    assert at_three <= {"ADMIN": ADMIN_DASHBOARD_QUERIES - 1, "DOCTOR": 3, "PATIENT": 5}[role]


@pytest.mark.parametrize(("role", "expected"), [("ADMIN", 3), ("DOCTOR", 2), ("PATIENT", 4)])
def test_each_dashboard_reads_a_fixed_number_of_queries_whatever_the_data(
    admin_user, make_doctor, make_patient, django_assert_num_queries, role, expected
):
    from hms.appointments.models import AppointmentStatus
    from hms.appointments.tests.factories import AppointmentFactory
    from hms.dashboard.selectors import dashboard_get

    doctor = make_doctor()
    patient = make_patient(assigned_doctor=doctor)
    viewer = {"ADMIN": admin_user, "DOCTOR": doctor.user, "PATIENT": patient.user}[role]
    now = timezone.now()

    def add_rows(count: int) -> None:
        for index in range(count):
            make_doctor(status=AccountStatus.PENDING if index % 3 else AccountStatus.APPROVED)
            make_patient(
                status=AccountStatus.PENDING if index % 3 else AccountStatus.APPROVED,
                assigned_doctor=doctor if index % 2 == 0 else None,
            )
            AppointmentFactory(
                doctor=doctor,
                patient=patient,
                starts_at=now + timedelta(days=index % 9, minutes=30 * index),
                status=AppointmentStatus.PENDING if index % 2 else AppointmentStatus.CONFIRMED,
            )

    with django_assert_num_queries(expected):
        dashboard_get(viewer=viewer, at=now)
    add_rows(30)
    # Admin: every count together (accounts, appointments, admissions, this month's invoices,
    # the week's days), the queues together (the two approval queues and the appointment
    # requests: one union), the unusual-access flags. Doctor: every count together, today's list.
    # Patient: the doctor, the next appointment, the admission, the pending requests and
    # invoices together.
    with django_assert_num_queries(expected):
        dashboard_get(viewer=viewer, at=now)


def _json(data):
    import json

    from rest_framework.renderers import JSONRenderer

    return json.loads(JSONRenderer().render(data))


def _local(at):
    from rest_framework.fields import DateTimeField

    return DateTimeField().to_representation(at)


def test_the_admin_dashboard_reads_its_queues_and_flags_together(
    admin_client, make_doctor, make_patient, django_assert_num_queries
):
    from hms.appointments.models import Appointment, AppointmentStatus
    from hms.appointments.tests.factories import AppointmentFactory
    from hms.audit.models import AuditEvent, AuditKind, UnusualAccessFlag
    from hms.audit.serializers import UnusualAccessFlagSerializer
    from hms.audit.services import audit_event_append
    from hms.dashboard.serializers import AppointmentRequestSerializer

    now = timezone.now()
    doctor = make_doctor()
    pending_doctors = [make_doctor(status=AccountStatus.PENDING) for _ in range(2)]
    pending_patients = [make_patient(status=AccountStatus.PENDING) for _ in range(2)]
    patient = make_patient()
    requests = [
        AppointmentFactory(
            doctor=doctor,
            patient=patient,
            starts_at=now + timedelta(days=2 - index),
            status=AppointmentStatus.PENDING,
        )
        for index in range(2)
    ]
    openings = [
        audit_event_append(
            kind=AuditKind.ACCESS,
            actor=doctor.user,
            action="patient.retrieve",
            object_type="patient",
            object_id=pk,
            patient_ids=[pk],
            at=now - timedelta(hours=2, minutes=index),
        )
        for index, pk in enumerate([patient.pk, pending_patients[0].pk])
    ]

    def flag(hours_ago: float, event_ids: list[int]) -> UnusualAccessFlag:
        return UnusualAccessFlag.objects.create(
            actor=doctor.user,
            actor_role="DOCTOR",
            actor_name=doctor.user.full_name,
            raised_at=now - timedelta(hours=hours_ago),
            window_start=now - timedelta(hours=hours_ago, minutes=5),
            patient_count=len(event_ids),
            event_ids=event_ids,
        )

    with_events = flag(1, [event.pk for event in openings])
    without_events = flag(3, [])
    flag(24 * 8, [openings[0].pk])  # raised more than seven days ago: not shown

    with django_assert_num_queries(ADMIN_DASHBOARD_QUERIES):
        response = admin_client.get(DASHBOARD)

    assert response.status_code == 200
    admin = response.json()["admin"]
    assert admin["queues"]["doctors"] == [
        {
            "id": row.pk,
            "full_name": row.user.full_name,
            "department_name": row.department.name,
            "created_at": _local(row.created_at),
        }
        for row in reversed(pending_doctors)
    ]
    assert admin["queues"]["patients"] == [
        {
            "id": row.pk,
            "full_name": row.user.full_name,
            "symptoms": row.symptoms,
            "created_at": _local(row.created_at),
        }
        for row in reversed(pending_patients)
    ]
    stored = Appointment.objects.select_related(
        "patient__user", "doctor__user", "doctor__department"
    ).order_by("starts_at")
    assert [row.pk for row in stored] == [requests[1].pk, requests[0].pk]
    assert admin["queues"]["appointment_requests"] == _json(
        AppointmentRequestSerializer(stored, many=True).data
    )
    events = {event.pk: event for event in AuditEvent.objects.all()}
    with_events.events_behind = [events[event.pk] for event in openings]
    without_events.events_behind = []
    assert admin["unusual_access"] == _json(
        UnusualAccessFlagSerializer([with_events, without_events], many=True).data
    )


def test_the_admin_dashboard_without_flags_reads_no_events(
    admin_client, make_patient, django_assert_num_queries
):
    make_patient(status=AccountStatus.PENDING)

    with django_assert_num_queries(ADMIN_DASHBOARD_QUERIES - 1):
        response = admin_client.get(DASHBOARD)

    assert response.json()["admin"]["unusual_access"] == []
