"""The admin's audit viewer: the filtered log, its CSV export, and any event as FHIR."""

from __future__ import annotations

from django.http import StreamingHttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from hms.audit import serializers as s
from hms.audit.export import audit_events_csv
from hms.audit.fhir import audit_event_to_fhir
from hms.audit.models import AuditEvent
from hms.audit.recording import records_access
from hms.audit.selectors import (
    AuditEventFilter,
    audit_event_export_rows,
    audit_event_get,
    audit_event_list,
)
from hms.common.filters import filterset_parameters
from hms.common.schema import error_responses
from hms.common.viewsets import ApiViewSet

TAGS = ["audit"]


class AuditEventViewSet(ApiViewSet):
    """The role map's `audit_events` resource (admin only)."""

    policy_resource = "audit_events"
    queryset = AuditEvent.objects.none()

    @extend_schema(
        operation_id="audit_events_list",
        parameters=filterset_parameters(AuditEventFilter),
        responses={200: s.AuditEventSerializer(many=True), **error_responses(400, 403)},
        tags=TAGS,
    )
    def list(self, request: Request) -> Response:
        """List audit events, newest first.

        Filter by `actor` (user id), `patient` (events naming this patient id), `action`,
        `kind` (CHANGE, ACCESS, SECURITY) and an inclusive date range in the hospital's time
        zone. For lists, `filters` names the query parameters the list was asked with; their
        values are never stored (a search can carry health data).
        """
        return self.paginated(
            audit_event_list(filters=request.query_params), s.AuditEventSerializer
        )

    @extend_schema(
        operation_id="audit_events_export",
        parameters=filterset_parameters(AuditEventFilter),
        responses={
            (200, "text/csv"): OpenApiResponse(
                response=OpenApiTypes.STR,
                description="Every event matching the filters, newest first, as CSV.",
            ),
            **error_responses(400, 403),
        },
        tags=TAGS,
    )
    @action(detail=False, methods=["get"], url_path="export")
    @records_access(resource="audit_event", patients=())
    def export(self, request: Request) -> StreamingHttpResponse:
        """Download the filtered audit events as CSV (streamed, any size).

        Same filters as the list. Columns: id, at (ISO 8601, hospital time zone), kind,
        action, outcome, actor_id, actor_name, actor_role, object_type, object_id,
        patient_ids and filters (space-separated), request_id, ip_address, hash.
        """
        events = audit_event_export_rows(filters=request.query_params)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        response = StreamingHttpResponse(
            audit_events_csv(events), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="audit-events-{stamp}.csv"'
        response["Cache-Control"] = "no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response

    @extend_schema(
        operation_id="audit_events_fhir",
        responses={200: s.FhirAuditEventSerializer, **error_responses(403, 404)},
        tags=TAGS,
    )
    @action(detail=True, methods=["get"], url_path="fhir")
    def fhir(self, request: Request, id: int) -> Response:
        """One audit event as a FHIR R4 AuditEvent resource.

        The agent is the HMS user, each patient the event names an entity `Patient/<id>`, the
        row acted on a "System Object" entity with the server's request id.
        """
        return Response(audit_event_to_fhir(audit_event_get(id=id)))
