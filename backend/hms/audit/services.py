"""The one way to write an audit event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone

from hms.audit.models import AuditEvent, AuditOutcome
from hms.common.request_context import current_client_ip, current_request_id

if TYPE_CHECKING:
    from datetime import datetime

    # django-stubs resolves this alias to the project's AUTH_USER_MODEL.
    from django.contrib.auth.models import _User


def audit_record(
    *,
    actor: _User | None,
    action: str,
    object_type: str = "",
    object_id: object = "",
    patient: models.Model | None = None,
    outcome: str = AuditOutcome.SUCCESS,
    at: datetime | None = None,
) -> AuditEvent:
    """Append one audit event; call it inside the transaction of the action it records.

    `patient` is the patient row the event is about, if any (a `patients.Patient`; the audit
    layer stores the reference without knowing the profile). Never pass health data here: the
    event names the action and the row, not its contents.
    """
    return AuditEvent.objects.create(
        at=at or timezone.now(),
        actor=actor if actor is not None and actor.pk else None,
        actor_role=getattr(actor, "role", "") or "",
        action=action,
        object_type=object_type,
        object_id="" if object_id in (None, "") else str(object_id),
        patient_id=patient.pk if patient is not None else None,
        outcome=outcome,
        request_id=current_request_id() or "",
        ip_address=current_client_ip(),
    )
