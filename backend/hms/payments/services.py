"""Money moves: payments, advances, refunds, voids, corrected invoices, and the discharge that
applies the stay's advances.

Lock order (it extends the one in `hms.workflows.services`): the admission row first, then the
invoice's account row. A payment locks only the account; an advance, an advance refund, a void,
a corrected invoice and a discharge lock the admission first. Every ledger number is taken
under its year's counter lock inside the same transaction, so a rollback leaves no gap.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from django.conf import settings
from django.db import transaction
from django.db.models import (
    Case,
    DecimalField,
    Exists,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from hms.accounts.models import User
from hms.admissions.models import Admission, AdmissionStatus
from hms.admissions.services import (
    admission_discharge,
    admission_discharge_preview,
    admission_rebill,
)
from hms.audit.services import audit_record
from hms.billing.models import Invoice
from hms.common.errors import NotFoundError
from hms.common.formatting import format_money
from hms.common.queries import QueryTemplate, from_together, sum_of, together
from hms.notifications.events import notify_payment_received
from hms.patients.models import Patient
from hms.payments.errors import (
    AdmissionNotOpen,
    AlreadyRebilled,
    AmountOverBalance,
    InvoiceHasPayments,
    InvoiceNotVoid,
    InvoiceVoid,
    RefundOverPaid,
)
from hms.payments.models import (
    CreditNote,
    InvoiceAccount,
    LedgerNumberCounter,
    LedgerSeries,
    Payment,
    PaymentKind,
    PaymentState,
    Refund,
)
from hms.payments.pdf import LedgerDocument, ledger_document_render_pdf

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Charges:
    """The discharge values of a corrected invoice (as for a discharge)."""

    discharged_on: date | None
    room_charge_per_day: Decimal | None
    doctor_fee: Decimal
    medicine_cost: Decimal
    other_charge: Decimal


def _number_take(*, series: str, at: datetime) -> str:
    # Create the year's counter if missing (a no-op when another transaction made it), then
    # lock it: concurrent moves queue here, so each number is taken exactly once.
    year = timezone.localtime(at, timezone.get_default_timezone()).year
    LedgerNumberCounter.objects.bulk_create(
        [LedgerNumberCounter(series=series, year=year, last_value=0)], ignore_conflicts=True
    )
    counter = LedgerNumberCounter.objects.select_for_update().get(series=series, year=year)
    counter.last_value += 1
    counter.save(update_fields=["last_value"])
    return f"{series}-{year}-{counter.last_value:06d}"


_Ledger = TypeVar("_Ledger", Payment, Refund, CreditNote)


def _ledger_issue(
    model: type[_Ledger],
    *,
    series: str,
    title: str,
    patient_name: str,
    lines: tuple[tuple[str, str], ...],
    note: str,
    at: datetime,
    record: dict[str, Any],
) -> _Ledger:
    """Number, render and store one ledger document (a receipt, a refund or a credit note).

    `record` holds the row's own fields; its `patient_id`, `amount` and `currency` are printed
    too. Called inside the transaction that moved the money, so a rollback takes the number
    back with everything else.
    """
    number = _number_take(series=series, at=at)
    pdf = ledger_document_render_pdf(
        document=LedgerDocument(
            title=title,
            number=number,
            at=at,
            patient_name=patient_name,
            patient_id=record["patient_id"],
            amount=record["amount"],
            currency=record["currency"],
            lines=lines,
            note=note,
        )
    )
    return model._default_manager.create(
        number=number, pdf=pdf, pdf_sha256=hashlib.sha256(pdf).hexdigest(), **record
    )


def payment_state_for(*, total: Decimal, balance: Decimal) -> str:
    """Name the state of an invoice that is not void: PAID at 0, UNPAID at the total, else
    PART_PAID."""
    if balance == 0:
        return PaymentState.PAID
    if balance == total:
        return PaymentState.UNPAID
    return PaymentState.PART_PAID


def _account_values(account: InvoiceAccount) -> None:
    account.balance = account.total - account.paid + account.refunded
    account.payment_state = payment_state_for(total=account.total, balance=account.balance)


def invoice_account_open(*, invoice: Invoice, at: datetime) -> InvoiceAccount:
    """Open the account of a newly issued invoice: the advance it applied counts as paid."""
    account = InvoiceAccount(
        invoice=invoice,
        total=invoice.total,
        paid=invoice.advance_applied,
        refunded=ZERO,
        updated_at=at,
    )
    _account_values(account)
    account.save(force_insert=True)
    return account


def _account_lock(*, invoice: Invoice, at: datetime) -> InvoiceAccount:
    # Invoices issued before this app existed have no account yet: create it (a no-op when
    # another transaction made it), then lock it.
    opening = InvoiceAccount(
        invoice=invoice, total=invoice.total, paid=invoice.advance_applied, updated_at=at
    )
    _account_values(opening)
    InvoiceAccount.objects.bulk_create([opening], ignore_conflicts=True)
    return InvoiceAccount.objects.select_for_update().get(invoice=invoice)


def _admission_lock(admission_id: int) -> Admission:
    admission = (
        Admission.objects.select_for_update(of=("self",))
        .select_related("patient__user")
        .filter(pk=admission_id)
        .first()
    )
    if admission is None:
        raise NotFoundError()
    return admission


def _advance_amounts(admission: int) -> QuerySet[Any, dict[str, Any]]:
    money = DecimalField(max_digits=16, decimal_places=2)
    advances = Payment.objects.filter(admission=OuterRef("pk"), kind=PaymentKind.ADVANCE)
    # The current invoice is the stay's latest; a void one (it has a credit note) absorbs none.
    current = (
        Invoice.objects.filter(admission=OuterRef("pk"))
        .order_by("-id")
        .annotate(
            absorbed=Case(
                When(Exists(CreditNote.objects.filter(invoice=OuterRef("pk"))), then=Value(ZERO)),
                default=F("advance_applied"),
                output_field=money,
            )
        )
        .values("absorbed")[:1]
    )
    return together(
        Admission.objects.filter(pk=admission),
        received=sum_of(advances, "amount", output_field=money),
        refunded=sum_of(
            Refund.objects.filter(
                payment__admission=OuterRef("pk"), payment__kind=PaymentKind.ADVANCE
            ),
            "amount",
            output_field=money,
        ),
        applied=Coalesce(Subquery(current, output_field=money), Value(ZERO), output_field=money),
    )


_ADVANCE_AMOUNTS = QueryTemplate(_advance_amounts, admission=int)


def advance_available(*, admission: Admission) -> Decimal:
    """Return what the stay's advances still hold: received, less refunded, less what its
    current (not void) invoice absorbed.

    One query, built once: the three amounts are scalar subqueries read off the admission's row.
    """
    amounts = from_together(_ADVANCE_AMOUNTS.row(admission=admission.pk))
    return _money(amounts["received"]) - _money(amounts["refunded"]) - _money(amounts["applied"])


def _money(value: Any) -> Decimal:
    # SQLite may hand back a sum as an int or a float: two places, like the columns.
    return Decimal(str(value)).quantize(ZERO)


def _receipt_issue(
    *,
    actor: User,
    kind: str,
    patient: Patient,
    patient_name: str,
    admission_id: int,
    invoice: Invoice | None,
    amount: Decimal,
    currency: str,
    method: str,
    reference: str,
    subject: tuple[str, str],
    after: tuple[str, str],
    note: str,
    link: str,
    at: datetime,
) -> Payment:
    """Number, render and store one receipt (a payment or an advance); record it and tell the
    patient. Called inside the transaction that changed the balance it reports."""
    payment = _ledger_issue(
        Payment,
        series=LedgerSeries.RECEIPT,
        title="Receipt",
        patient_name=patient_name,
        lines=(
            subject,
            ("Method", method),
            *((("Reference", reference),) if reference else ()),
            ("Received by", actor.full_name),
            after,
        ),
        note=note,
        at=at,
        record={
            "kind": kind,
            "admission_id": admission_id,
            "invoice": invoice,
            "patient_id": patient.pk,
            "amount": amount,
            "currency": currency,
            "method": method,
            "reference": reference,
            "received_at": at,
            "received_by": actor,
        },
    )
    audit_record(
        actor=actor,
        action="payment.record" if kind == PaymentKind.PAYMENT else "payment.advance",
        object_type="payment",
        object_id=payment.pk,
        patient=patient,
        at=at,
    )
    notify_payment_received(
        patient=patient.user,
        amount=amount,
        currency=currency,
        receipt_number=payment.number,
        link=link,
        at=at,
    )
    return payment


def payment_record(
    *,
    actor: User,
    invoice: Invoice,
    amount: Decimal,
    method: str,
    reference: str,
    at: datetime,
) -> Payment:
    """Record a payment against an invoice and render its numbered receipt.

    The amount must be more than 0 (the API refuses it earlier) and at most the balance.
    Raises InvoiceVoid (the invoice is void) and AmountOverBalance; nothing is recorded then.
    """
    with transaction.atomic():
        account = _account_lock(invoice=invoice, at=at)
        if account.payment_state == PaymentState.VOID:
            raise InvoiceVoid()
        if amount <= 0 or amount > account.balance:
            raise AmountOverBalance(
                f"The amount is more than the balance ({account.balance:.2f} {invoice.currency}).",
                fields={"amount": [f"At most {account.balance:.2f}."]},
            )
        account.paid += amount
        _account_values(account)
        account.updated_at = at
        account.save(update_fields=["paid", "balance", "payment_state", "updated_at"])
        payment = _receipt_issue(
            actor=actor,
            kind=PaymentKind.PAYMENT,
            patient=invoice.patient,
            patient_name=invoice.patient_name,
            admission_id=invoice.admission_id,
            invoice=invoice,
            amount=amount,
            currency=invoice.currency,
            method=method,
            reference=reference,
            subject=(
                "Invoice",
                f"{invoice.number} (total {format_money(invoice.total, invoice.currency)})",
            ),
            after=(
                "Balance after this payment",
                format_money(account.balance, invoice.currency),
            ),
            note="Payment received with thanks.",
            link=f"/patient/invoices/{invoice.pk}",
            at=at,
        )
    return payment


def advance_record(
    *,
    actor: User,
    admission: Admission,
    amount: Decimal,
    method: str,
    reference: str,
    at: datetime,
) -> Payment:
    """Take an advance against an open admission and render its numbered receipt.

    The discharge applies the stay's advances to its invoice. Raises NotFoundError and
    AdmissionNotOpen (the stay is discharged); nothing is recorded then.
    """
    with transaction.atomic():
        locked = _admission_lock(admission.pk)
        if locked.status != AdmissionStatus.ADMITTED:
            raise AdmissionNotOpen()
        held = advance_available(admission=locked) + amount
        payment = _receipt_issue(
            actor=actor,
            kind=PaymentKind.ADVANCE,
            patient=locked.patient,
            patient_name=locked.patient.user.full_name,
            admission_id=locked.pk,
            invoice=None,
            amount=amount,
            currency=settings.HMS_CURRENCY,
            method=method,
            reference=reference,
            subject=("Advance for admission", f"#{locked.pk} (admitted {locked.admitted_on})"),
            after=("Advances held for this stay", format_money(held, settings.HMS_CURRENCY)),
            note="Advance received; it is applied to the invoice at discharge.",
            link="/patient/invoices",
            at=at,
        )
    return payment


def _refunded_on(payment: Payment) -> Decimal:
    return Refund.objects.filter(payment=payment).aggregate(total=Sum("amount"))["total"] or ZERO


def refund_record(
    *, actor: User, payment: Payment, amount: Decimal, reason: str, at: datetime
) -> Refund:
    """Refund part or all of a receipt, referencing it, and render the numbered refund.

    A payment's refund is at most what is left of it (paid less refunded) and raises its
    invoice's balance; an advance's refund is at most what the stay's advances still hold (not
    absorbed by its invoice). Raises InvoiceVoid and RefundOverPaid; nothing is recorded then.
    """
    with transaction.atomic():
        admission = _admission_lock(payment.admission_id)
        invoice: Invoice | None = None
        account: InvoiceAccount | None = None
        left = payment.amount - _refunded_on(payment)
        if payment.kind == PaymentKind.PAYMENT:
            assert payment.invoice is not None
            invoice = payment.invoice
            account = _account_lock(invoice=invoice, at=at)
            if account.payment_state == PaymentState.VOID:
                raise InvoiceVoid()
        else:
            left = min(left, advance_available(admission=admission))
        if amount <= 0 or amount > left:
            raise RefundOverPaid(
                f"At most {max(left, ZERO):.2f} can be refunded on receipt {payment.number}.",
                fields={"amount": [f"At most {max(left, ZERO):.2f}."]},
            )
        if account is not None:
            account.refunded += amount
            _account_values(account)
            account.updated_at = at
            account.save(update_fields=["refunded", "balance", "payment_state", "updated_at"])
        lines: list[tuple[str, str]] = [("Refund of receipt", payment.number)]
        if invoice is not None and account is not None:
            lines.append(("Invoice", invoice.number))
        lines.extend([("Reason", reason), ("Refunded by", actor.full_name)])
        if account is not None:
            lines.append(
                (
                    "Invoice balance after this refund",
                    format_money(account.balance, payment.currency),
                )
            )
        refund = _ledger_issue(
            Refund,
            series=LedgerSeries.REFUND,
            title="Refund",
            patient_name=invoice.patient_name if invoice else admission.patient.user.full_name,
            lines=tuple(lines),
            note="Money refunded to the patient.",
            at=at,
            record={
                "payment": payment,
                "invoice": invoice,
                "patient_id": payment.patient_id,
                "amount": amount,
                "currency": payment.currency,
                "reason": reason,
                "refunded_at": at,
                "refunded_by": actor,
            },
        )
        audit_record(
            actor=actor,
            action="payment.refund",
            object_type="refund",
            object_id=refund.pk,
            patient=admission.patient,
            at=at,
        )
    return refund


def invoice_void(*, actor: User, invoice: Invoice, reason: str, at: datetime) -> CreditNote:
    """Void an invoice on which nothing is paid, with a reason, issuing a numbered credit note.

    "Nothing paid" means every payment against it is refunded; an advance it absorbed goes back
    to the stay, for the corrected invoice. Raises InvoiceVoid (already void) and
    InvoiceHasPayments; nothing changes then.
    """
    with transaction.atomic():
        admission = _admission_lock(invoice.admission_id)
        account = _account_lock(invoice=invoice, at=at)
        if account.payment_state == PaymentState.VOID:
            raise InvoiceVoid("This invoice is already void.")
        if account.paid - invoice.advance_applied - account.refunded > 0:
            raise InvoiceHasPayments()
        account.payment_state = PaymentState.VOID
        account.balance = ZERO
        account.updated_at = at
        account.save(update_fields=["balance", "payment_state", "updated_at"])
        credit_note = _ledger_issue(
            CreditNote,
            series=LedgerSeries.CREDIT_NOTE,
            title="Credit note",
            patient_name=invoice.patient_name,
            lines=(
                ("Voids invoice", f"{invoice.number} (issued {invoice.issued_at:%Y-%m-%d})"),
                ("Reason", reason),
                ("Issued by", actor.full_name),
            ),
            note="The invoice named above is void; nothing is due on it.",
            at=at,
            record={
                "invoice": invoice,
                "patient_id": invoice.patient_id,
                "amount": invoice.total,
                "currency": invoice.currency,
                "reason": reason,
                "issued_at": at,
                "issued_by": actor,
            },
        )
        audit_record(
            actor=actor,
            action="invoice.void",
            object_type="invoice",
            object_id=invoice.pk,
            patient=admission.patient,
            at=at,
        )
    return credit_note


def invoice_rebill(*, actor: User, invoice: Invoice, charges: Charges, at: datetime) -> Invoice:
    """Bill a voided invoice's stay again: a corrected invoice that references the voided one.

    The stay's remaining advances are applied to it. Raises InvoiceNotVoid, AlreadyRebilled
    and the discharge's ValidationFailed; nothing changes then.
    """
    with transaction.atomic():
        admission = _admission_lock(invoice.admission_id)
        account = _account_lock(invoice=invoice, at=at)
        if account.payment_state != PaymentState.VOID:
            raise InvoiceNotVoid()
        if Invoice.objects.filter(replaces=invoice).exists():
            raise AlreadyRebilled()
        corrected = admission_rebill(
            actor=actor,
            admission=admission,
            replaces=invoice,
            discharged_on=charges.discharged_on,
            room_charge_per_day=charges.room_charge_per_day,
            doctor_fee=charges.doctor_fee,
            medicine_cost=charges.medicine_cost,
            other_charge=charges.other_charge,
            at=at,
            advance_available=advance_available(admission=admission),
        )
        invoice_account_open(invoice=corrected, at=at)
    return corrected


def discharge_preview_with_advances(
    *, actor: User, admission: Admission, charges: Charges, at: datetime
) -> Invoice:
    """Compute the discharge bill with the stay's advances applied, saving nothing."""
    return admission_discharge_preview(
        actor=actor,
        admission=admission,
        discharged_on=charges.discharged_on,
        room_charge_per_day=charges.room_charge_per_day,
        doctor_fee=charges.doctor_fee,
        medicine_cost=charges.medicine_cost,
        other_charge=charges.other_charge,
        at=at,
        advance_available=advance_available(admission=admission),
    )


def discharge_with_advances(
    *, actor: User, admission: Admission, charges: Charges, at: datetime
) -> Invoice:
    """Discharge an admission, apply its advances to the invoice, and open the invoice's account.

    The admission is locked first, so an advance taken at the same moment is either in the
    invoice or refused as taken after discharge. Raises what `admission_discharge` raises.
    """
    with transaction.atomic():
        # A missing or hidden admission is refused by admission_discharge with NotFoundError.
        locked = Admission.objects.select_for_update(of=("self",)).filter(pk=admission.pk).first()
        available = advance_available(admission=locked) if locked is not None else ZERO
        invoice = admission_discharge(
            actor=actor,
            admission=admission,
            discharged_on=charges.discharged_on,
            room_charge_per_day=charges.room_charge_per_day,
            doctor_fee=charges.doctor_fee,
            medicine_cost=charges.medicine_cost,
            other_charge=charges.other_charge,
            at=at,
            advance_available=available,
        )
        invoice_account_open(invoice=invoice, at=at)
    return invoice
