"""Parallel bookings of one slot on PostgreSQL: exactly one wins, the others get SLOT_TAKEN."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from conftest import bearer_client
from hms.appointments.models import Appointment, AppointmentEvent
from hms.appointments.tests.factories import slot
from hms.audit.models import AuditEvent

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PARALLEL = 50
ROUNDS = 3
URL = "/api/v1/appointments/"


def run_parallel(requests: list[Callable[[], Any]]) -> tuple[list[Any], float]:
    """Start every request at the same moment, each thread on its own open connection."""
    barrier = threading.Barrier(len(requests))
    responses: list[Any] = [None] * len(requests)
    started: list[float] = []

    def work(index: int, request: Callable[[], Any]) -> None:
        try:
            connection.ensure_connection()  # connect before the barrier: the race is the request
            barrier.wait(timeout=60)
            if index == 0:
                started.append(time.perf_counter())
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
        thread.join(timeout=180)
    finished = time.perf_counter()
    assert all(not thread.is_alive() for thread in threads)
    return responses, finished - started[0]


def client(user: Any) -> Any:
    api = bearer_client(user)
    # openapi-core is not built for threads; the bodies are asserted below instead.
    api.validate_contract = False
    return api


def test_fifty_patients_race_for_one_doctor_slot_and_exactly_one_wins(
    frozen_now, make_doctor, make_patient
):
    doctor = make_doctor()
    patients = [make_patient() for _ in range(PARALLEL)]
    clients = [client(patient.user) for patient in patients]
    report = []

    for round_number in range(ROUNDS):
        starts_at = slot(round_number).isoformat()
        body = {"doctor": doctor.pk, "starts_at": starts_at, "reason": "Race"}

        responses, seconds = run_parallel(
            [lambda api=api, body=body: api.post(URL, body, format="json") for api in clients]
        )

        statuses = Counter(response.status_code for response in responses)
        report.append((round_number + 1, dict(statuses), round(seconds, 3)))
        assert statuses == {201: 1, 409: PARALLEL - 1}, statuses
        conflicts = [response.json() for response in responses if response.status_code == 409]
        assert {(body["code"], body["message"]) for body in conflicts} == {
            (
                "SLOT_TAKEN",
                "The doctor already has an appointment at this time; choose another slot.",
            )
        }
        [winner] = [response.json() for response in responses if response.status_code == 201]
        stored = Appointment.objects.get(doctor=doctor, starts_at=slot(round_number))
        assert (winner["id"], winner["status"], winner["patient"]) == (
            stored.pk,
            "PENDING",
            stored.patient_id,
        )

    assert Appointment.objects.count() == ROUNDS
    assert AppointmentEvent.objects.count() == ROUNDS
    assert AuditEvent.objects.filter(action="appointment.book").count() == ROUNDS
    print(f"\nappointments race, {PARALLEL} threads (round, statuses, seconds): {report}")


def test_one_patient_racing_for_one_slot_with_fifty_doctors_gets_it_once(
    frozen_now, make_doctor, make_patient
):
    patient = make_patient()
    doctors = [make_doctor() for _ in range(PARALLEL)]
    api = [client(patient.user) for _ in doctors]

    responses, seconds = run_parallel(
        [
            lambda api=api_client, doctor=doctor: api.post(
                URL,
                {"doctor": doctor.pk, "starts_at": slot(4).isoformat(), "reason": "Race"},
                format="json",
            )
            for api_client, doctor in zip(api, doctors, strict=True)
        ]
    )

    statuses = Counter(response.status_code for response in responses)
    assert statuses == {201: 1, 409: PARALLEL - 1}, statuses
    assert {
        response.json()["message"] for response in responses if response.status_code == 409
    } == {"You already have an appointment at this time; choose another slot."}
    assert Appointment.objects.filter(patient=patient).count() == 1
    print(f"\npatient double-booking race, {PARALLEL} threads: {dict(statuses)} in {seconds:.3f}s")
