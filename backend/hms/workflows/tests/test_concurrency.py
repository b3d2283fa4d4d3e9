"""Two admins acting on the same account at the same moment (PostgreSQL row locks)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from hms.accounts.models import AccountStatus
from hms.audit.models import AuditEvent

# transaction=True empties the tables after each test; serialized_rollback reloads the
# departments the data migration created.
from hms.doctors.tests.test_concurrency import race
from hms.doctors.tests.world import build_world
from hms.patients.models import Patient
from hms.patients.services import patient_update
from hms.workflows.services import doctor_close

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


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
