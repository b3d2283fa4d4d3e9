"""Two admins acting on the same account at the same moment (PostgreSQL row locks)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from hms.accounts.models import AccountStatus
from hms.audit.models import AuditEvent
from hms.common.errors import DomainError
from hms.doctors.models import Doctor
from hms.doctors.services import doctor_approve, doctor_reject
from hms.doctors.tests.world import build_world
from hms.patients.models import Patient
from hms.patients.services import patient_approve, patient_reject

# transaction=True empties the tables after each test; serialized_rollback reloads the
# departments the data migration created.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def race(*calls: Callable[[], Any]) -> list[str]:
    """Run the calls in parallel threads, released together; return each one's outcome."""
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = [""] * len(calls)

    def run(index: int, call: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            call()
            outcomes[index] = "ok"
        except DomainError as error:
            outcomes[index] = error.code
        except Exception as error:  # noqa: BLE001 - any other failure is what the test hunts
            outcomes[index] = f"crash: {type(error).__name__}"
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_approve_and_reject_of_the_same_doctor_one_wins():
    w = build_world()
    at = timezone.now()

    outcomes = race(
        lambda: doctor_approve(actor=w.admin, doctor=w.pending_doctor, at=at),
        lambda: doctor_reject(actor=w.admin, doctor=w.pending_doctor, reason="", at=at),
    )

    assert sorted(outcomes) == ["INVALID_STATE", "ok"]
    status = Doctor.objects.get(pk=w.pending_doctor.pk).user.status
    winner = "doctor.approve" if outcomes[0] == "ok" else "doctor.reject"
    assert status == (AccountStatus.APPROVED if outcomes[0] == "ok" else AccountStatus.REJECTED)
    assert list(AuditEvent.objects.values_list("action", flat=True)) == [winner]


def test_approve_and_reject_of_the_same_patient_one_wins():
    w = build_world()
    at = timezone.now()

    outcomes = race(
        lambda: patient_approve(actor=w.admin, patient=w.pending_patient, at=at),
        lambda: patient_reject(actor=w.admin, patient=w.pending_patient, reason="", at=at),
    )

    assert sorted(outcomes) == ["INVALID_STATE", "ok"]
    patient = Patient.objects.select_related("user").get(pk=w.pending_patient.pk)
    if outcomes[0] == "ok":
        assert (patient.user.status, patient.assigned_doctor_id) == (
            AccountStatus.APPROVED,
            w.doctor.pk,
        )
    else:
        assert (patient.user.status, patient.assigned_doctor_id) == (AccountStatus.REJECTED, None)
