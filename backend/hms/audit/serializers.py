from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hms.audit.models import AuditEvent, UnusualAccessFlag


class AuditEventSerializer(serializers.ModelSerializer[AuditEvent]):
    """One row of the audit log as the admin's viewer shows it."""

    actor = serializers.IntegerField(source="actor_id", allow_null=True, read_only=True)
    patient_ids = serializers.ListField(child=serializers.IntegerField(), read_only=True)
    filters = serializers.SerializerMethodField(
        help_text="For a list: the names of the query parameters it was asked with (no values)."
    )

    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "at",
            "kind",
            "action",
            "outcome",
            "actor",
            "actor_name",
            "actor_role",
            "object_type",
            "object_id",
            "patient_ids",
            "filters",
            "request_id",
            "ip_address",
            "hash",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_filters(self, event: AuditEvent) -> list[str]:
        detail: Any = event.detail
        filters = detail.get("filters", []) if isinstance(detail, dict) else []
        return [str(name) for name in filters]


class AccessLogEntrySerializer(serializers.ModelSerializer[AuditEvent]):
    """Who opened or changed the patient's record, when and what (the action and the row)."""

    actor_name = serializers.CharField(read_only=True, help_text="Name at the time of access.")
    actor_role = serializers.CharField(read_only=True, help_text="ADMIN or DOCTOR.")

    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "at",
            "kind",
            "actor_name",
            "actor_role",
            "action",
            "object_type",
            "object_id",
        ]
        read_only_fields = fields


class FhirAuditEventSerializer(serializers.Serializer[Any]):
    """A FHIR R4 AuditEvent resource (JSON); see http://hl7.org/fhir/R4/auditevent.html."""

    resourceType = serializers.CharField()
    id = serializers.CharField()
    type = serializers.DictField()
    subtype = serializers.ListField(child=serializers.DictField(), required=False)
    action = serializers.CharField()
    recorded = serializers.CharField()
    outcome = serializers.CharField()
    agent = serializers.ListField(child=serializers.DictField())
    source = serializers.DictField()  # type: ignore[assignment]
    entity = serializers.ListField(child=serializers.DictField())


class UnusualAccessFlagSerializer(serializers.ModelSerializer[UnusualAccessFlag]):
    """One person who opened more distinct patients than allowed within a few minutes."""

    actor = serializers.IntegerField(source="actor_id", read_only=True)
    events = AuditEventSerializer(
        source="events_behind", many=True, read_only=True, help_text="The openings behind it."
    )

    class Meta:
        model = UnusualAccessFlag
        fields = [
            "id",
            "actor",
            "actor_name",
            "actor_role",
            "raised_at",
            "window_start",
            "patient_count",
            "events",
        ]
        read_only_fields = fields
