from __future__ import annotations

import pytest
from django.contrib import admin
from django.db import DatabaseError, connection, transaction

from hms.audit.models import AuditEvent
from hms.audit.services import audit_record

pytestmark = pytest.mark.django_db


def test_audit_record_writes_who_what_and_the_request(admin_user):
    event = audit_record(
        actor=admin_user, action="doctor.approve", object_type="doctor", object_id=7
    )

    stored = AuditEvent.objects.get(pk=event.pk)
    assert (
        stored.actor_id,
        stored.actor_role,
        stored.action,
        stored.object_type,
        stored.object_id,
    ) == (
        admin_user.pk,
        "ADMIN",
        "doctor.approve",
        "doctor",
        "7",
    )
    assert stored.outcome == "SUCCESS"


def test_audit_events_cannot_be_updated_in_the_database(admin_user):
    event = audit_record(
        actor=admin_user, action="doctor.approve", object_type="doctor", object_id=7
    )

    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="doctor.reject")

    assert AuditEvent.objects.get(pk=event.pk).action == "doctor.approve"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row DELETE is refused on PostgreSQL")
def test_audit_events_cannot_be_deleted_on_postgresql(admin_user):
    event = audit_record(
        actor=admin_user, action="doctor.approve", object_type="doctor", object_id=7
    )

    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()

    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_django_admin_offers_no_change_or_delete(admin_user, rf):
    model_admin = admin.site._registry[AuditEvent]
    request = rf.get("/")
    request.user = admin_user
    assert model_admin.has_add_permission(request) is False
    assert model_admin.has_change_permission(request) is False
    assert model_admin.has_delete_permission(request) is False
