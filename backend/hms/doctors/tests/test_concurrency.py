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
from hms.patients.services import patient_approve, patient_reject, patient_update
from hms.workflows.services import doctor_close

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


def test_two_deletes_of_the_same_doctor_one_wins():
    w = build_world()
    at = timezone.now()

    outcomes = race(
        lambda: doctor_close(actor=w.admin, doctor=w.doctor, at=at),
        lambda: doctor_close(actor=w.admin, doctor=w.doctor, at=at),
    )

    assert sorted(outcomes) == ["INVALID_STATE", "ok"]
    assert list(AuditEvent.objects.order_by("id").values_list("action", flat=True)) == [
        "doctor.delete",
        "patient.unassign",
    ]


@pytest.mark.parametrize("attempt", range(5))
def test_a_patient_is_never_left_with_a_doctor_deleted_at_the_same_moment(attempt):
    w = build_world()
    at = timezone.now()

    outcomes = race(
        lambda: doctor_close(actor=w.admin, doctor=w.other_doctor, at=at),
        lambda: patient_update(
            actor=w.admin, patient=w.patient, data={"assigned_doctor": w.other_doctor}, at=at
        ),
    )

    # Either the assignment came first and the deletion undid it, or the deletion came first
    # and the assignment was refused; never a patient assigned to a deleted doctor, never a 500.
    assert outcomes[0] == "ok"
    assert outcomes[1] in {"ok", "VALIDATION_ERROR"}
    assert not Patient.objects.filter(assigned_doctor__user__status=AccountStatus.DELETED).exists()
    assert Patient.objects.get(pk=w.patient.pk).assigned_doctor_id in {None, w.doctor.pk}
