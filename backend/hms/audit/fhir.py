"""An audit event as a FHIR R4 `AuditEvent` resource (http://hl7.org/fhir/R4/auditevent.html)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone

from hms.audit.models import AuditEvent, AuditKind, AuditOutcome

_EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type"
_DICOM = "http://dicom.nema.org/resources/ontology/DCM"
_INTERACTION = "http://hl7.org/fhir/restful-interaction"
_ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type"
_OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role"
_SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type"
_ROLE_SYSTEM = "urn:hms:role"
_USER_SYSTEM = "urn:hms:user"


def _type_and_subtype(event: AuditEvent) -> tuple[dict[str, str], list[dict[str, str]]]:
    if event.kind == AuditKind.SECURITY:
        if event.action.startswith("auth."):
            return {"system": _DICOM, "code": "110114", "display": "User Authentication"}, []
        return {"system": _DICOM, "code": "110113", "display": "Security Alert"}, []
    rest = {"system": _EVENT_TYPE, "code": "rest", "display": "RESTful Operation"}
    if event.kind == AuditKind.ACCESS:
        code = "read" if event.object_id else "search-type"
    else:
        code = "update"
    return rest, [{"system": _INTERACTION, "code": code}]


def _action_code(event: AuditEvent) -> str:
    if event.kind == AuditKind.ACCESS:
        return "R"
    if event.kind == AuditKind.CHANGE:
        return "U"
    return "E"


def audit_event_to_fhir(event: AuditEvent) -> dict[str, Any]:
    """Return the FHIR R4 AuditEvent for `event` as JSON-ready data.

    The agent is the HMS user (identifier `urn:hms:user`, role `urn:hms:role`); each patient
    the event names is an entity `Patient/<id>` in the role "Patient"; the row acted on is a
    "System Object" entity carrying the server's request id.
    """
    event_type, subtype = _type_and_subtype(event)
    agent: dict[str, Any] = {"requestor": True}
    if event.actor_id is not None:
        agent["who"] = {
            "identifier": {"system": _USER_SYSTEM, "value": str(event.actor_id)},
            "display": event.actor_name or f"user {event.actor_id}",
        }
    if event.actor_role:
        agent["type"] = {"coding": [{"system": _ROLE_SYSTEM, "code": event.actor_role}]}
    if event.ip_address:
        agent["network"] = {"address": event.ip_address, "type": "2"}
    entities: list[dict[str, Any]] = [
        {
            "what": {"reference": f"Patient/{patient_id}"},
            "type": {"system": _ENTITY_TYPE, "code": "1", "display": "Person"},
            "role": {"system": _OBJECT_ROLE, "code": "1", "display": "Patient"},
        }
        for patient_id in event.patient_ids
    ]
    details = [{"type": "request_id", "valueString": event.request_id}] if event.request_id else []
    filters = event.detail.get("filters") if isinstance(event.detail, dict) else None
    if filters:
        details.append({"type": "filters", "valueString": ",".join(filters)})
    system_object: dict[str, Any] = {
        "type": {"system": _ENTITY_TYPE, "code": "2", "display": "System Object"},
        "name": event.action,
    }
    if event.object_type:
        system_object["what"] = {
            "identifier": {
                "system": f"urn:hms:{event.object_type}",
                "value": event.object_id or "list",
            }
        }
    if details:
        system_object["detail"] = details
    entities.append(system_object)
    resource: dict[str, Any] = {
        "resourceType": "AuditEvent",
        "id": str(event.pk),
        "type": event_type,
        "action": _action_code(event),
        "recorded": timezone.localtime(event.at).isoformat(),
        "outcome": "0" if event.outcome == AuditOutcome.SUCCESS else "4",
        "agent": [agent],
        "source": {
            "observer": {"display": settings.HMS_HOSPITAL_NAME},
            "type": [{"system": _SOURCE_TYPE, "code": "4", "display": "Application Server"}],
        },
        "entity": entities,
    }
    if subtype:
        resource["subtype"] = subtype
    return resource
