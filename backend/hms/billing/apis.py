"""Invoices: list, read, and download the PDF stored at issue."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from hms.accounts.models import User
from hms.billing import serializers as s
from hms.billing.selectors import invoice_get, invoice_list
from hms.billing.services import invoice_pdf_download
from hms.common.pagination import PageNumberPagination
from hms.common.permissions import RoleMapPermission
from hms.common.schema import error_responses


class _InvoicesApi(APIView):
    permission_classes = [IsAuthenticated, RoleMapPermission]
    policy_resource = "invoices"


class InvoiceListApi(_InvoicesApi):
    policy_operation = "list"
    pagination_class = PageNumberPagination

    @extend_schema(
        operation_id="invoices_list",
        parameters=[s.InvoiceListFilterSerializer],
        responses={200: s.InvoiceSerializer(many=True), **error_responses(400, 403)},
        tags=["invoices"],
    )
    def get(self, request: Request) -> Response:
        """List invoices, newest first: the admin all (filterable), a patient their own.

        Doctors get 403: they see their discharged patients' admissions, not their bills.
        """
        user: User = request.user  # type: ignore[assignment]
        queryset = invoice_list(viewer=user, filters=request.query_params)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(queryset, request, view=self)
        return paginator.get_paginated_response(s.InvoiceSerializer(page, many=True).data)


class InvoiceDetailApi(_InvoicesApi):
    policy_operation = "retrieve"

    @extend_schema(
        operation_id="invoices_retrieve",
        responses={200: s.InvoiceSerializer, **error_responses(403, 404)},
        tags=["invoices"],
    )
    def get(self, request: Request, invoice_id: int) -> Response:
        """One invoice: the admin any, a patient their own (404 otherwise)."""
        user: User = request.user  # type: ignore[assignment]
        return Response(s.InvoiceSerializer(invoice_get(viewer=user, id=invoice_id)).data)


class _JsonErrorsNegotiation(BaseContentNegotiation):
    """Answer whatever the client accepts: the PDF as application/pdf, errors as JSON."""

    def select_parser(self, request: Request, parsers: Any) -> Any:
        return parsers[0] if parsers else None

    def select_renderer(
        self, request: Request, renderers: Any, format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        return JSONRenderer(), JSONRenderer.media_type


class InvoicePdfApi(_InvoicesApi):
    policy_operation = "pdf"
    content_negotiation_class = _JsonErrorsNegotiation

    @extend_schema(
        operation_id="invoices_pdf",
        responses={
            (200, "application/pdf"): OpenApiResponse(
                response=OpenApiTypes.BINARY,
                description="The invoice PDF, byte for byte as rendered at issue.",
            ),
            **error_responses(403, 404),
        },
        tags=["invoices"],
    )
    def get(self, request: Request, invoice_id: int) -> HttpResponse:
        """Download the invoice PDF stored at issue: the same bytes on every download.

        Sent as an attachment named `invoice-<number>.pdf` with `Cache-Control: no-store`;
        its SHA-256 is the invoice's `pdf_sha256`. Each download is recorded in the audit
        trail. The admin any, a patient their own (404 otherwise).
        """
        user: User = request.user  # type: ignore[assignment]
        invoice = invoice_pdf_download(
            actor=user,
            invoice=invoice_get(viewer=user, id=invoice_id, with_pdf=True),
            at=timezone.now(),
        )
        response = HttpResponse(bytes(invoice.pdf), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="invoice-{invoice.number}.pdf"'
        response["Content-Length"] = str(len(invoice.pdf))
        response["Cache-Control"] = "no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
