"""The refusals of money moves, each with its own stable code."""

from hms.common.errors import DomainError


class AmountOverBalance(DomainError):
    status_code = 409
    code = "AMOUNT_OVER_BALANCE"
    default_message = "The amount is more than the invoice's balance."


class InvoiceVoid(DomainError):
    status_code = 409
    code = "INVOICE_VOID"
    default_message = "This invoice is void: nothing can be paid on it or refunded against it."


class InvoiceHasPayments(DomainError):
    status_code = 409
    code = "INVOICE_HAS_PAYMENTS"
    default_message = "Money is paid on this invoice; refund the payments before voiding it."


class RefundOverPaid(DomainError):
    status_code = 409
    code = "REFUND_OVER_PAID"
    default_message = "The refund is more than what is left to refund on this receipt."


class InvoiceNotVoid(DomainError):
    status_code = 409
    code = "INVOICE_NOT_VOID"
    default_message = "Only a voided invoice is billed again."


class AlreadyRebilled(DomainError):
    status_code = 409
    code = "ALREADY_REBILLED"
    default_message = "This voided invoice was already replaced by a corrected invoice."


class AdmissionNotOpen(DomainError):
    status_code = 409
    code = "ADMISSION_NOT_OPEN"
    default_message = "Advances are taken only while the patient is admitted."


class IdempotencyKeyRequired(DomainError):
    status_code = 400
    code = "IDEMPOTENCY_KEY_REQUIRED"
    default_message = (
        "Send an Idempotency-Key header (1 to 255 visible ASCII characters) with every "
        "request that moves money."
    )


class IdempotencyKeyReused(DomainError):
    status_code = 409
    code = "IDEMPOTENCY_KEY_REUSED"
    default_message = (
        "This Idempotency-Key was already used for a different request; use a new key."
    )
