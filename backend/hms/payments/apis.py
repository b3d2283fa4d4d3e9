"""Money collected: receipts, refunds, credit notes, the cashier's reports, and the invoice and
admission resources completed with their money operations.

The billing and admissions apps sit below payments, so their viewsets stop short of money; the
subclasses here add it (payments and balance on invoices, voids, corrected invoices,
statements, advances, and the discharge that applies the stay's advances), and
`hms.payments.urls` registers them under the same paths.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from django.conf import settings
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from hms.admissions import apis as admissions
from hms.admissions import serializers as admission_serializers
from hms.admissions.selectors import admission_get, admission_get_for_display
from hms.audit.recording import records_access, records_refusals
from hms.billing import apis as billing
from hms.billing.selectors import InvoiceFilter, invoice_get
from hms.billing.serializers import InvoicePreviewSerializer
from hms.common.filters import filterset_parameters
from hms.common.schema import error_responses
from hms.common.viewsets import ApiViewSet
from hms.payments import serializers as s
from hms.payments.idempotency import IDEMPOTENCY_KEY_PARAMETER, idempotent
from hms.payments.models import CreditNote, Payment, Refund
from hms.payments.pdf import statement_render_pdf
from hms.payments.selectors import (
    CollectionsFilter,
    CreditNoteFilter,
    InvoicePaymentFilter,
    OutstandingFilter,
    PaymentFilter,
    RefundFilter,
    collections_csv_rows,
    collections_range,
    collections_report,
    credit_note_get,
    credit_note_list,
    invoice_get_with_state,
    invoice_list_with_state,
    outstanding_as_of,
    outstanding_csv_rows,
    outstanding_patient_ids,
    outstanding_report,
    payment_get,
    payment_list,
    refund_get,
    refund_list,
    statement_lines,
)
from hms.payments.services import (
    Charges,
    advance_record,
    discharge_preview_with_advances,
    discharge_with_advances,
    invoice_rebill,
    invoice_void,
    payment_record,
    refund_record,
)

PDF_RESPONSE: dict[Any, Any] = {
    (200, "application/pdf"): OpenApiResponse(
        response=OpenApiTypes.BINARY, description="The PDF, byte for byte as rendered at issue."
    ),
    **error_responses(403, 404),
}


# The payment state of a newly issued invoice, as the discharge example shows it.
INVOICE_PAYMENT_EXAMPLE = {
    "payment_state": "UNPAID",
    "balance": "3350.00",
    "amount_paid": "0.00",
    "amount_refunded": "0.00",
    "credit_note": None,
    "replaced_by": None,
}


def _pdf_response(*, pdf: bytes | memoryview, filename: str, patient_id: int) -> HttpResponse:
    response = HttpResponse(bytes(pdf), content_type="application/pdf")
    response.accessed_patient_ids = [patient_id]  # type: ignore[attr-defined]
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Length"] = str(len(pdf))
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def discharge_charges(data: dict[str, Any]) -> Charges:
    return Charges(
        discharged_on=data.get("discharged_on"),
        room_charge_per_day=data.get("room_charge_per_day"),
        doctor_fee=data["doctor_fee"],
        medicine_cost=data["medicine_cost"],
        other_charge=data["other_charge"],
    )


class InvoiceViewSet(billing.InvoiceViewSet):
    """The `invoices` resource: the billing app's operations with payment state, and money."""

    @extend_schema(
        operation_id="invoices_list",
        parameters=[
            *filterset_parameters(InvoiceFilter),
            *filterset_parameters(InvoicePaymentFilter),
        ],
        responses={200: s.InvoiceWithPaymentSerializer(many=True), **error_responses(400, 403)},
        tags=billing.TAGS,
    )
    @records_access(resource="invoice", patients="results[].patient")
    def list(self, request: Request) -> Response:
        """List invoices, newest first, with their payment state and balance.

        The admin sees every invoice and may filter them (also by `payment_state`); a patient
        sees their own. Doctors get 403: they see their discharged patients' admissions, not
        their bills.
        """
        return self.paginated(
            invoice_list_with_state(viewer=self.viewer, filters=request.query_params),
            s.InvoiceWithPaymentSerializer,
        )

    @extend_schema(
        operation_id="invoices_retrieve",
        responses={200: s.InvoiceWithPaymentSerializer, **error_responses(403, 404)},
        tags=billing.TAGS,
    )
    @records_access(resource="invoice", patients="patient")
    def retrieve(self, request: Request, id: int) -> Response:
        """Open one invoice, with its payment state and balance.

        The admin opens any invoice, a patient their own; any other id answers 404, exactly
        like an id that does not exist.
        """
        return Response(
            s.InvoiceWithPaymentSerializer(invoice_get_with_state(viewer=self.viewer, id=id)).data
        )

    @extend_schema(
        operation_id="invoices_pay",
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        request=s.PaymentCreateSerializer,
        responses={201: s.PaymentSerializer, **error_responses(400, 403, 404, 409)},
        tags=billing.TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="invoice")
    def pay(self, request: Request, id: int) -> Response:
        """Record a payment against the invoice (admin) and issue its numbered receipt.

        The amount is a decimal string more than 0 with at most two places and at most the
        balance (else 409 AMOUNT_OVER_BALANCE); a void invoice answers 409 INVOICE_VOID. Needs
        an `Idempotency-Key`: a repeat answers the first receipt. Answers 201 with the receipt
        (`RCPT-YYYY-NNNNNN`); its PDF is at `payments/{id}/pdf/`.
        """
        invoice = invoice_get(viewer=self.viewer, id=id)
        at = timezone.now()

        body = s.PaymentCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)

        def run() -> tuple[int, Any]:
            payment = payment_record(
                actor=self.viewer, invoice=invoice, at=at, **body.validated_data
            )
            return 201, s.PaymentSerializer(payment_get(viewer=self.viewer, id=payment.pk)).data

        return idempotent(
            request=request, viewer=self.viewer, operation=f"invoices.pay:{id}", at=at, run=run
        )

    @extend_schema(
        operation_id="invoices_void",
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        request=s.InvoiceVoidSerializer,
        responses={200: s.InvoiceWithPaymentSerializer, **error_responses(400, 403, 404, 409)},
        tags=billing.TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="invoice")
    def void(self, request: Request, id: int) -> Response:
        """Void the invoice with a reason (admin), issuing a numbered credit note.

        Only when nothing is paid on it (else 409 INVOICE_HAS_PAYMENTS: refund first); a void
        invoice answers 409 INVOICE_VOID. An advance it absorbed goes back to the stay. Needs
        an `Idempotency-Key`. Answers 200 with the invoice (`payment_state` VOID,
        `credit_note` set); the stay is billed again with `invoices/{id}/rebill/`.
        """
        invoice = invoice_get(viewer=self.viewer, id=id)
        at = timezone.now()

        body = s.InvoiceVoidSerializer(data=request.data)
        body.is_valid(raise_exception=True)

        def run() -> tuple[int, Any]:
            invoice_void(
                actor=self.viewer, invoice=invoice, reason=body.validated_data["reason"], at=at
            )
            return 200, s.InvoiceWithPaymentSerializer(
                invoice_get_with_state(viewer=self.viewer, id=id)
            ).data

        return idempotent(
            request=request, viewer=self.viewer, operation=f"invoices.void:{id}", at=at, run=run
        )

    @extend_schema(
        operation_id="invoices_rebill",
        request=admission_serializers.AdmissionDischargeSerializer,
        responses={201: s.InvoiceWithPaymentSerializer, **error_responses(400, 403, 404, 409)},
        tags=billing.TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="invoice")
    def rebill(self, request: Request, id: int) -> Response:
        """Bill a voided invoice's stay again (admin): a corrected invoice that references it.

        Same body and rules as the discharge; the stay's remaining advances are applied. A
        voided invoice is replaced once: not void answers 409 INVOICE_NOT_VOID, already
        replaced 409 ALREADY_REBILLED. Answers 201 with the corrected invoice (`replaces`).
        """
        invoice = invoice_get(viewer=self.viewer, id=id)
        body = admission_serializers.AdmissionDischargeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        corrected = invoice_rebill(
            actor=self.viewer,
            invoice=invoice,
            charges=discharge_charges(body.validated_data),
            at=timezone.now(),
        )
        return Response(
            s.InvoiceWithPaymentSerializer(
                invoice_get_with_state(viewer=self.viewer, id=corrected.pk)
            ).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        operation_id="invoices_statement",
        responses={
            (200, "application/pdf"): OpenApiResponse(
                response=OpenApiTypes.BINARY,
                description="The invoice with its payments, refunds and balance, rendered now.",
            ),
            **error_responses(403, 404),
        },
        tags=billing.TAGS,
    )
    @action(
        detail=True,
        methods=["get"],
        content_negotiation_class=billing._JsonErrorsNegotiation,
    )
    @records_access(resource="invoice", patients=())
    def statement(self, request: Request, id: int) -> HttpResponse:
        """Download the invoice's statement: the invoice with its payments and balance.

        Rendered on demand, so it shows the ledger as it is now; the issued invoice PDF
        (`invoices/{id}/pdf/`) never changes. The admin downloads any, a patient their own.
        """
        invoice = invoice_get_with_state(viewer=self.viewer, id=id)
        at = timezone.now()
        pdf = statement_render_pdf(
            invoice=invoice,
            lines=statement_lines(invoice=invoice),
            balance=invoice.balance_value,  # type: ignore[attr-defined]
            payment_state=invoice.payment_state_value,  # type: ignore[attr-defined]
            at=at,
        )
        return _pdf_response(
            pdf=pdf,
            filename=f"statement-{invoice.number}-{timezone.localdate(at):%Y%m%d}.pdf",
            patient_id=invoice.patient_id,
        )


# The discharge's schema, shared with the viewset that hms.workflows registers.
DISCHARGE_SCHEMA: dict[str, Any] = {
    "operation_id": "admissions_discharge",
    "request": admission_serializers.AdmissionDischargeSerializer,
    "responses": {201: s.InvoiceWithPaymentSerializer, **error_responses(400, 403, 404, 409)},
    "examples": [
        OpenApiExample("Discharge charges", value=admissions._DISCHARGE_BODY, request_only=True),
        OpenApiExample(
            "The issued invoice",
            value={**admissions._invoice_example(), **INVOICE_PAYMENT_EXAMPLE},
            response_only=True,
            status_codes=["201"],
        ),
    ],
    "tags": admissions.TAGS,
}


class AdmissionViewSet(admissions.AdmissionViewSet):
    """The `admissions` resource: the admissions app's operations, advances, and a discharge
    that applies the stay's advances to its invoice."""

    @extend_schema(
        operation_id="admissions_advance",
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        request=s.PaymentCreateSerializer,
        responses={201: s.PaymentSerializer, **error_responses(400, 403, 404, 409)},
        tags=admissions.TAGS,
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="admission")
    def advance(self, request: Request, id: int) -> Response:
        """Take an advance payment against an open admission (admin), with a numbered receipt.

        The discharge applies the stay's advances to its invoice (`advance_applied`). A
        discharged stay answers 409 ADMISSION_NOT_OPEN. Needs an `Idempotency-Key`. Answers 201
        with the receipt (`kind` ADVANCE).
        """
        admission = admission_get(viewer=self.viewer, id=id)
        at = timezone.now()

        body = s.PaymentCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)

        def run() -> tuple[int, Any]:
            payment = advance_record(
                actor=self.viewer, admission=admission, at=at, **body.validated_data
            )
            return 201, s.PaymentSerializer(payment_get(viewer=self.viewer, id=payment.pk)).data

        return idempotent(
            request=request,
            viewer=self.viewer,
            operation=f"admissions.advance:{id}",
            at=at,
            run=run,
        )

    @extend_schema(
        operation_id="admissions_discharge_preview",
        request=admission_serializers.AdmissionDischargeSerializer,
        responses={200: InvoicePreviewSerializer, **error_responses(400, 403, 404, 409)},
        examples=[
            OpenApiExample(
                "Discharge charges", value=admissions._DISCHARGE_BODY, request_only=True
            ),
            OpenApiExample(
                "The unsaved bill",
                value=admissions._invoice_example(
                    id=None, number=None, issued_at=None, issued_by=None, pdf_sha256=None
                ),
                response_only=True,
                status_codes=["200"],
            ),
        ],
        tags=admissions.TAGS,
    )
    @action(detail=True, methods=["post"], url_path="discharge/preview")
    @records_access(resource="admission", patients="patient")
    def discharge_preview(self, request: Request, id: int) -> Response:  # type: ignore[override]
        """Preview the discharge bill (admin); nothing is saved.

        Same body, validation and numbers as `discharge/`, with the stay's advances applied
        (`advance_applied`); `id`, `number`, `issued_at`, `issued_by` and `pdf_sha256` are
        null. An admission that is already discharged answers 409 INVALID_STATE.
        """
        # Nothing is written: the columns the bill shows are enough.
        admission = admission_get_for_display(viewer=self.viewer, id=id)
        body = admission_serializers.AdmissionDischargeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        draft = discharge_preview_with_advances(
            actor=self.viewer,
            admission=admission,
            charges=discharge_charges(body.validated_data),
            at=timezone.now(),
        )
        return Response(InvoicePreviewSerializer(draft).data)

    @extend_schema(**DISCHARGE_SCHEMA)
    @action(detail=True, methods=["post"])
    def discharge(self, request: Request, id: int) -> Response:  # type: ignore[override]
        """Discharge the patient and issue the invoice (admin), in one transaction.

        `discharged_on` defaults to today (hospital time zone); it may be neither in the future
        nor before the admission date. `room_charge_per_day` defaults to the admission's daily
        rate. Money fields are decimal strings with at most two places. Days = discharge date
        minus admission date, at least 1; total = days x daily rate + doctor fee + medicine
        cost + other charges. The stay's advances are applied to the invoice, up to its total
        (`advance_applied`, shown on the PDF). An admission that is already discharged answers
        409 INVALID_STATE and nothing changes. Answers 201 with the issued invoice and its
        payment state; its PDF is at `invoices/{id}/pdf/`.
        """
        admission = admission_get(viewer=self.viewer, id=id)
        body = admission_serializers.AdmissionDischargeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        invoice = discharge_with_advances(
            actor=self.viewer,
            admission=admission,
            charges=discharge_charges(body.validated_data),
            at=timezone.now(),
        )
        return Response(
            s.InvoiceWithPaymentSerializer(
                invoice_get_with_state(viewer=self.viewer, id=invoice.pk)
            ).data,
            status=status.HTTP_201_CREATED,
        )


class PaymentViewSet(ApiViewSet):
    """The role map's `payments` resource: receipts (payments and advances)."""

    policy_resource = "payments"
    queryset = Payment.objects.none()

    @extend_schema(
        operation_id="payments_list",
        parameters=filterset_parameters(PaymentFilter),
        responses={200: s.PaymentSerializer(many=True), **error_responses(400, 403)},
        tags=["payments"],
    )
    @records_access(resource="payment", patients="results[].patient")
    def list(self, request: Request) -> Response:
        """List receipts (payments and advances), newest first.

        The admin sees every receipt and may filter them; a patient sees their own.
        """
        return self.paginated(
            payment_list(viewer=self.viewer, filters=request.query_params), s.PaymentSerializer
        )

    @extend_schema(
        operation_id="payments_retrieve",
        responses={200: s.PaymentSerializer, **error_responses(403, 404)},
        tags=["payments"],
    )
    @records_access(resource="payment", patients="patient")
    def retrieve(self, request: Request, id: int) -> Response:
        """Open one receipt (the admin any, a patient their own; else 404)."""
        return Response(s.PaymentSerializer(payment_get(viewer=self.viewer, id=id)).data)

    @extend_schema(operation_id="payments_pdf", responses=PDF_RESPONSE, tags=["payments"])
    @action(detail=True, methods=["get"], content_negotiation_class=billing._JsonErrorsNegotiation)
    @records_access(resource="payment", patients=())
    def pdf(self, request: Request, id: int) -> HttpResponse:
        """Download the receipt PDF stored when the money was received.

        The same bytes on every download (their SHA-256 is `pdf_sha256`), named
        `receipt-<number>.pdf`. The admin downloads any receipt, a patient their own.
        """
        payment = payment_get(viewer=self.viewer, id=id, with_pdf=True)
        return _pdf_response(
            pdf=payment.pdf, filename=f"receipt-{payment.number}.pdf", patient_id=payment.patient_id
        )

    @extend_schema(
        operation_id="payments_refund",
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        request=s.RefundCreateSerializer,
        responses={201: s.RefundSerializer, **error_responses(400, 403, 404, 409)},
        tags=["payments"],
    )
    @action(detail=True, methods=["post"])
    @records_refusals(resource="payment")
    def refund(self, request: Request, id: int) -> Response:
        """Refund part or all of a receipt (admin), with a reason and a numbered refund.

        A payment's refund is at most what is left of it and raises its invoice's balance; an
        advance's refund is at most what the stay's advances still hold. More answers 409
        REFUND_OVER_PAID; a void invoice 409 INVOICE_VOID. Needs an `Idempotency-Key`. Answers
        201 with the refund (`RFD-YYYY-NNNNNN`).
        """
        payment = payment_get(viewer=self.viewer, id=id)
        at = timezone.now()

        body = s.RefundCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)

        def run() -> tuple[int, Any]:
            refund = refund_record(actor=self.viewer, payment=payment, at=at, **body.validated_data)
            return 201, s.RefundSerializer(refund_get(viewer=self.viewer, id=refund.pk)).data

        return idempotent(
            request=request, viewer=self.viewer, operation=f"payments.refund:{id}", at=at, run=run
        )


class RefundViewSet(ApiViewSet):
    """The role map's `refunds` resource."""

    policy_resource = "refunds"
    queryset = Refund.objects.none()

    @extend_schema(
        operation_id="refunds_list",
        parameters=filterset_parameters(RefundFilter),
        responses={200: s.RefundSerializer(many=True), **error_responses(400, 403)},
        tags=["payments"],
    )
    @records_access(resource="refund", patients="results[].patient")
    def list(self, request: Request) -> Response:
        """List refunds, newest first (the admin all, a patient their own)."""
        return self.paginated(
            refund_list(viewer=self.viewer, filters=request.query_params), s.RefundSerializer
        )

    @extend_schema(
        operation_id="refunds_retrieve",
        responses={200: s.RefundSerializer, **error_responses(403, 404)},
        tags=["payments"],
    )
    @records_access(resource="refund", patients="patient")
    def retrieve(self, request: Request, id: int) -> Response:
        """Open one refund (the admin any, a patient their own; else 404)."""
        return Response(s.RefundSerializer(refund_get(viewer=self.viewer, id=id)).data)

    @extend_schema(operation_id="refunds_pdf", responses=PDF_RESPONSE, tags=["payments"])
    @action(detail=True, methods=["get"], content_negotiation_class=billing._JsonErrorsNegotiation)
    @records_access(resource="refund", patients=())
    def pdf(self, request: Request, id: int) -> HttpResponse:
        """Download the refund PDF stored when it was recorded (`refund-<number>.pdf`)."""
        refund = refund_get(viewer=self.viewer, id=id, with_pdf=True)
        return _pdf_response(
            pdf=refund.pdf, filename=f"refund-{refund.number}.pdf", patient_id=refund.patient_id
        )


class CreditNoteViewSet(ApiViewSet):
    """The role map's `credit_notes` resource."""

    policy_resource = "credit_notes"
    queryset = CreditNote.objects.none()

    @extend_schema(
        operation_id="credit_notes_list",
        parameters=filterset_parameters(CreditNoteFilter),
        responses={200: s.CreditNoteSerializer(many=True), **error_responses(400, 403)},
        tags=["payments"],
    )
    @records_access(resource="credit_note", patients="results[].patient")
    def list(self, request: Request) -> Response:
        """List credit notes, newest first (the admin all, a patient their own)."""
        return self.paginated(
            credit_note_list(viewer=self.viewer, filters=request.query_params),
            s.CreditNoteSerializer,
        )

    @extend_schema(
        operation_id="credit_notes_retrieve",
        responses={200: s.CreditNoteSerializer, **error_responses(403, 404)},
        tags=["payments"],
    )
    @records_access(resource="credit_note", patients="patient")
    def retrieve(self, request: Request, id: int) -> Response:
        """Open one credit note (the admin any, a patient their own; else 404)."""
        return Response(s.CreditNoteSerializer(credit_note_get(viewer=self.viewer, id=id)).data)

    @extend_schema(operation_id="credit_notes_pdf", responses=PDF_RESPONSE, tags=["payments"])
    @action(detail=True, methods=["get"], content_negotiation_class=billing._JsonErrorsNegotiation)
    @records_access(resource="credit_note", patients=())
    def pdf(self, request: Request, id: int) -> HttpResponse:
        """Download the credit note PDF stored at the void (`credit-note-<number>.pdf`)."""
        credit_note = credit_note_get(viewer=self.viewer, id=id, with_pdf=True)
        return _pdf_response(
            pdf=credit_note.pdf,
            filename=f"credit-note-{credit_note.number}.pdf",
            patient_id=credit_note.patient_id,
        )


class _Line:
    """A file-like object whose write() hands the CSV line back instead of storing it."""

    def write(self, value: str) -> str:
        return value


def _csv(rows: Iterable[list[Any]]) -> Iterator[str]:
    writer = csv.writer(_Line())
    for row in rows:
        # A cell a spreadsheet would run as a formula gets a leading apostrophe.
        yield writer.writerow(
            [
                f"'{cell}"
                if isinstance(cell, str) and cell.startswith(("=", "+", "-", "@"))
                else cell
                for cell in row
            ]
        )


def _csv_response(rows: Iterable[list[Any]], filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


CSV_RESPONSE: dict[Any, Any] = {
    (200, "text/csv"): OpenApiResponse(response=OpenApiTypes.STR, description="CSV, streamed."),
    **error_responses(400, 403),
}


class ReportViewSet(ApiViewSet):
    """The role map's `reports` resource: the cashier's reports (admin)."""

    policy_resource = "reports"
    queryset = Payment.objects.none()

    @extend_schema(
        operation_id="reports_collections",
        parameters=filterset_parameters(CollectionsFilter),
        responses={200: s.CollectionsReportSerializer, **error_responses(400, 403)},
        tags=["reports"],
    )
    @action(detail=False, methods=["get"])
    def collections(self, request: Request) -> Response:
        """Daily collections: money received by method, by cashier and by day (admin).

        `date_from` and `date_to` are inclusive days of the hospital's time zone (default
        today). Payments and advances count as received; refunds given in the range are
        summed apart, and `net` = received - refunded.
        """
        date_from, date_to = collections_range(filters=request.query_params, at=timezone.now())
        report = collections_report(date_from=date_from, date_to=date_to)
        return Response(
            s.CollectionsReportSerializer(
                {**report.__dict__, "currency": settings.HMS_CURRENCY}
            ).data
        )

    @extend_schema(
        operation_id="reports_collections_csv",
        parameters=filterset_parameters(CollectionsFilter),
        responses=CSV_RESPONSE,
        tags=["reports"],
    )
    @action(detail=False, methods=["get"], url_path="collections/csv")
    def collections_csv(self, request: Request) -> StreamingHttpResponse:
        """Download the collections as CSV (streamed): one line per day, method and cashier.

        Columns: date, method, cashier_id, cashier_name, count, amount.
        """
        date_from, date_to = collections_range(filters=request.query_params, at=timezone.now())
        return _csv_response(
            collections_csv_rows(date_from=date_from, date_to=date_to),
            f"collections-{date_from:%Y%m%d}-{date_to:%Y%m%d}.csv",
        )

    @extend_schema(
        operation_id="reports_outstanding",
        parameters=filterset_parameters(OutstandingFilter),
        responses={200: s.OutstandingReportSerializer, **error_responses(400, 403)},
        tags=["reports"],
    )
    @action(detail=False, methods=["get"])
    def outstanding(self, request: Request) -> Response:
        """Outstanding invoices by age (admin): unpaid and part-paid, counted and summed.

        Age is in days from the issue date to `as_of` (default today): 0-30, 31-60, 61-90 and
        90+ (over 90 days).
        """
        as_of = outstanding_as_of(filters=request.query_params, at=timezone.now())
        return Response(
            s.OutstandingReportSerializer(
                {**outstanding_report(as_of=as_of), "currency": settings.HMS_CURRENCY}
            ).data
        )

    @extend_schema(
        operation_id="reports_outstanding_csv",
        parameters=filterset_parameters(OutstandingFilter),
        responses=CSV_RESPONSE,
        tags=["reports"],
    )
    @action(detail=False, methods=["get"], url_path="outstanding/csv")
    @records_access(resource="report", patients=())
    def outstanding_csv(self, request: Request) -> StreamingHttpResponse:
        """Download the outstanding invoices as CSV (streamed), oldest first.

        Columns: invoice, patient_id, patient_name, issued_on, age_days, bucket, currency,
        total, balance, payment_state. The download is recorded in the access log with every
        patient it lists.
        """
        as_of = outstanding_as_of(filters=request.query_params, at=timezone.now())
        response = _csv_response(
            outstanding_csv_rows(as_of=as_of), f"outstanding-{as_of:%Y%m%d}.csv"
        )
        response.accessed_patient_ids = outstanding_patient_ids(  # type: ignore[attr-defined]
            as_of=as_of
        )
        return response
