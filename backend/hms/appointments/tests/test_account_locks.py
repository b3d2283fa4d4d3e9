"""The accounts a booking locks do not hold up the access log's appends by those people.

A booking locks the doctor's and the patient's accounts until it commits, and appends its audit
event last. An access event appended meanwhile by one of them takes the log's chain lock, then
checks its actor's row (a key-share lock, at the commit of its one-statement transaction). Were
the booking's lock FOR UPDATE, that check would wait for the booking, and the booking, wanting
the chain lock for its own event, would wait for it: a deadlock, which PostgreSQL breaks by
failing one of the two. FOR NO KEY UPDATE does not conflict with the check.
"""

from __future__ import annotations

import pytest
from django.db import transaction

from hms.appointments.services import _lock_accounts
from hms.audit.models import AuditEvent
from hms.common.tests.direct_connection import direct_connection

pytestmark = pytest.mark.postgres

ACCESS_EVENT = (
    "INSERT INTO audit_auditevent (at, kind, actor_id, actor_role, actor_name, action,"
    " object_type, object_id, patient_ids, detail, outcome, request_id, prev_hash, hash)"
    " VALUES (now(), 'ACCESS', %s, 'DOCTOR', '', 'appointment.list', 'appointment', '', '[]',"
    " '{}', 'SUCCESS', '', '', '')"
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_access_event_by_a_locked_account_is_appended_without_waiting(make_doctor, make_patient):
    doctor, patient = make_doctor(), make_patient()
    before = AuditEvent.objects.count()

    with transaction.atomic(), direct_connection() as other:
        _lock_accounts(doctor=doctor, patient=patient)
        # The doctor's own read, from another connection, while the booking holds the lock:
        # it must not wait for the booking (it would time out here if it did).
        other.execute("SET lock_timeout = '3s'")
        other.execute(ACCESS_EVENT, [doctor.user_id])

        assert AuditEvent.objects.filter(actor_id=doctor.user_id).count() == 1

    assert AuditEvent.objects.count() == before + 1
