"""The one way to write an audit event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from hms.audit.models import AuditEvent, AuditOutcome
from hms.common.request_context import current_client_ip, current_request_id

if TYPE_CHECKING:
    from datetime import datetime

    from hms.accounts.models import User
    from hms.patients.models import Patient


def audit_record(
    *,
    actor: User | None,
    action: str,
    object_type: str = "",
    object_id: object = "",
    patient: Patient | None = None,
    outcome: str = AuditOutcome.SUCCESS,
    at: datetime | None = None,
) -> AuditEvent:
    """Append one audit event; call it inside the transaction of the action it records.

    Never pass health data here: the event names the action and the row, not its contents.
    """
    return AuditEvent.objects.create(
        at=at or timezone.now(),
        actor=actor if actor is not None and actor.pk else None,
        actor_role=getattr(actor, "role", "") or "",
        action=action,
        object_type=object_type,
        object_id="" if object_id in (None, "") else str(object_id),
        patient=patient,
        outcome=outcome,
        request_id=current_request_id() or "",
        ip_address=current_client_ip(),
    )
