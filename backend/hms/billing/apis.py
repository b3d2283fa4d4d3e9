"""Invoices: list, read, and download the PDF stored at issue."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import action
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from hms.audit.recording import records_access
from hms.billing import serializers as s
from hms.billing.models import Invoice
from hms.billing.selectors import InvoiceFilter, invoice_get, invoice_list
from hms.common.filters import filterset_parameters
from hms.common.schema import error_responses
from hms.common.viewsets import ApiViewSet

TAGS = ["invoices"]


class _JsonErrorsNegotiation(BaseContentNegotiation):
    """Answer whatever the client accepts: the PDF as application/pdf, errors as JSON."""

    def select_parser(self, request: Request, parsers: Any) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(
        self, request: Request, renderers: Any, format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        return JSONRenderer(), JSONRenderer.media_type


class InvoiceViewSet(ApiViewSet):
    """The role map's `invoices` resource: each method's name is its operation."""

    policy_resource = "invoices"
    queryset = Invoice.objects.none()

    @extend_schema(
        operation_id="invoices_list",
        parameters=filterset_parameters(InvoiceFilter),
        responses={200: s.InvoiceSerializer(many=True), **error_responses(400, 403)},
        tags=TAGS,
    )
    @records_access(resource="invoice", patients="results[].patient")
    def list(self, request: Request) -> Response:
        """List invoices, newest first.

        The admin sees every invoice and may filter them; a patient sees their own. Doctors get
        403: they see their discharged patients' admissions, not their bills.
        """
        return self.paginated(
            invoice_list(viewer=self.viewer, filters=request.query_params), s.InvoiceSerializer
        )

    @extend_schema(
        operation_id="invoices_retrieve",
        responses={200: s.InvoiceSerializer, **error_responses(403, 404)},
        tags=TAGS,
    )
    @records_access(resource="invoice", patients="patient")
    def retrieve(self, request: Request, id: int) -> Response:
        """Open one invoice.

        The admin opens any invoice, a patient their own; any other id answers 404, exactly
        like an id that does not exist.
        """
        return Response(s.InvoiceSerializer(invoice_get(viewer=self.viewer, id=id)).data)

    @extend_schema(
        operation_id="invoices_pdf",
        responses={
            (200, "application/pdf"): OpenApiResponse(
                response=OpenApiTypes.BINARY,
                description="The invoice PDF, byte for byte as rendered at issue.",
            ),
            **error_responses(403, 404),
        },
        tags=TAGS,
    )
    @action(detail=True, methods=["get"], content_negotiation_class=_JsonErrorsNegotiation)
    @records_access(resource="invoice", patients=())
    def pdf(self, request: Request, id: int) -> HttpResponse:
        """Download the invoice PDF stored at issue.

        The same bytes on every download, sent as an attachment named `invoice-<number>.pdf`
        with `Cache-Control: no-store`; their SHA-256 is the invoice's `pdf_sha256`. Each
        download is recorded in the audit trail. The admin downloads any invoice, a patient
        their own (404 otherwise).
        """
        invoice = invoice_get(viewer=self.viewer, id=id, with_pdf=True)
        response = HttpResponse(bytes(invoice.pdf), content_type="application/pdf")
        response.accessed_patient_ids = [invoice.patient_id]  # type: ignore[attr-defined]
        response["Content-Disposition"] = f'attachment; filename="invoice-{invoice.number}.pdf"'
        response["Content-Length"] = str(len(invoice.pdf))
        response["Cache-Control"] = "no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
