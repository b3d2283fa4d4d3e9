"""Parallel requests on PostgreSQL: row locks and the partial unique index decide, never a 500."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import date

import pytest
from django.db import connection
from django.utils import timezone

from conftest import bearer_client
from hms.accounts.models import AccountStatus
from hms.admissions.models import Admission, AdmissionStatus
from hms.admissions.services import admission_create
from hms.admissions.tests.factories import AdmissionFactory
from hms.audit.models import AuditEvent
from hms.billing.models import Invoice, InvoiceNumberCounter
from hms.common.errors import ValidationFailed
from hms.workflows.services import doctor_close

# transaction=True empties the tables after each test; serialized_rollback reloads what the
# migrations put there (the departments) before the next one.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PARALLEL = 20
DISCHARGE_BODY = {
    "discharged_on": "2026-11-24",
    "room_charge_per_day": "500.00",
    "doctor_fee": "1000.00",
    "medicine_cost": "250.00",
    "other_charge": "100.00",
}


def run_parallel(requests):
    """Start every request at the same moment, each thread on its own connection."""
    barrier = threading.Barrier(len(requests))
    responses = [None] * len(requests)

    def work(index, request):
        try:
            barrier.wait(timeout=30)
            responses[index] = request()
        finally:
            connection.close()

    threads = [
        threading.Thread(target=work, args=(index, request))
        for index, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert all(not thread.is_alive() for thread in threads)
    return responses


def admin_clients(admin_user, count):
    clients = [bearer_client(admin_user) for _ in range(count)]
    for client in clients:
        # openapi-core is not built for threads; the bodies are asserted below instead.
        client.validate_contract = False
    return clients


def test_twenty_parallel_discharges_issue_exactly_one_invoice(admin_user):
    admission = AdmissionFactory(admitted_on=date(2026, 11, 20))
    url = f"/api/v1/admissions/{admission.pk}/discharge/"
    clients = admin_clients(admin_user, PARALLEL)

    responses = run_parallel(
        [lambda client=client: client.post(url, DISCHARGE_BODY) for client in clients]
    )

    assert Counter(response.status_code for response in responses) == {201: 1, 409: 19}
    conflicts = [response.json() for response in responses if response.status_code == 409]
    assert {conflict["code"] for conflict in conflicts} == {"INVALID_STATE"}
    [created] = [response.json() for response in responses if response.status_code == 201]
    invoice = Invoice.objects.get()
    assert (created["id"], created["number"], created["total"]) == (
        invoice.pk,
        "INV-2026-000001",
        "3350.00",
    )
    admission.refresh_from_db()
    assert (admission.status, admission.discharged_on) == (
        AdmissionStatus.DISCHARGED,
        date(2026, 11, 24),
    )
    assert list(InvoiceNumberCounter.objects.values_list("year", "last_value")) == [(2026, 1)]
    assert Counter(AuditEvent.objects.values_list("action", flat=True)) == {
        "admission.discharge": 1,
        "invoice.issue": 1,
    }


def test_twenty_parallel_discharges_of_different_admissions_get_consecutive_numbers(
    admin_user,
):
    admissions = AdmissionFactory.create_batch(PARALLEL, admitted_on=date(2026, 11, 20))
    clients = admin_clients(admin_user, PARALLEL)

    responses = run_parallel(
        [
            lambda client=client, admission=admission: client.post(
                f"/api/v1/admissions/{admission.pk}/discharge/", DISCHARGE_BODY
            )
            for client, admission in zip(clients, admissions, strict=True)
        ]
    )

    assert [response.status_code for response in responses] == [201] * PARALLEL
    assert sorted(response.json()["number"] for response in responses) == [
        f"INV-2026-{n:06d}" for n in range(1, PARALLEL + 1)
    ]
    assert InvoiceNumberCounter.objects.get(year=2026).last_value == PARALLEL


def test_twenty_parallel_admissions_of_one_patient_admit_once(
    admin_user, make_doctor, make_patient
):
    patient = make_patient()
    doctors = [make_doctor() for _ in range(PARALLEL)]
    clients = admin_clients(admin_user, PARALLEL)

    responses = run_parallel(
        [
            lambda client=client, doctor=doctor: client.post(
                "/api/v1/admissions/",
                {"patient": patient.pk, "doctor": doctor.pk, "symptoms": "Fever"},
            )
            for client, doctor in zip(clients, doctors, strict=True)
        ]
    )

    assert Counter(response.status_code for response in responses) == {201: 1, 409: 19}
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"ALREADY_ADMITTED"}
    [admission] = Admission.objects.all()
    patient.refresh_from_db()
    assert patient.assigned_doctor_id == admission.doctor_id


def test_admitting_under_a_doctor_being_deleted_never_leaves_the_patient_with_them(
    admin_user, make_doctor, make_patient
):
    for _ in range(5):
        doctor, patient = make_doctor(), make_patient()

        def admit(doctor=doctor, patient=patient):
            try:
                admission_create(
                    actor=admin_user,
                    patient=patient,
                    doctor=doctor,
                    admitted_on=None,
                    symptoms="Fever",
                    room="",
                    room_charge_per_day=None,
                    at=timezone.now(),
                )
            except ValidationFailed:
                return "refused"
            return "admitted"

        def delete(doctor=doctor):
            doctor_close(actor=admin_user, doctor=doctor, at=timezone.now())
            return "deleted"

        outcomes = run_parallel([admit, delete])

        assert outcomes[1] == "deleted"
        patient.refresh_from_db()
        doctor.user.refresh_from_db()
        assert doctor.user.status == AccountStatus.DELETED
        # Whichever came first, the deletion unassigned the patient or the admission was refused.
        assert patient.assigned_doctor_id is None
        assert Admission.objects.filter(patient=patient).exists() is (outcomes[0] == "admitted")
