"""Errors of the clinical record; the exception handler answers each with its code."""

from __future__ import annotations

from hms.common.errors import DomainError


class DocumentSigned(DomainError):
    """The document is signed: it never changes again; a correction is an addendum."""

    status_code = 409
    code = "DOCUMENT_SIGNED"
    default_message = "This document is signed and cannot change; add an addendum instead."


class AlreadySigned(DomainError):
    """The document was signed before; signing happens once."""

    status_code = 409
    code = "ALREADY_SIGNED"
    default_message = "This document is already signed."


class DocumentNotSigned(DomainError):
    """Addenda and PDFs exist only for signed documents."""

    status_code = 409
    code = "DOCUMENT_NOT_SIGNED"
    default_message = "This document is still a draft; sign it first."


class DocumentExists(DomainError):
    """The appointment already has its visit note, or the stay its discharge summary."""

    status_code = 409
    code = "DOCUMENT_EXISTS"
    default_message = "This document already exists; open it instead of starting another."


class VisitNotStarted(DomainError):
    """A visit note is written once the visit has begun, never before."""

    status_code = 409
    code = "VISIT_NOT_STARTED"
    default_message = "This visit has not started yet; write its note once it has begun."


class DischargeSummaryRequired(DomainError):
    """The hospital requires a signed discharge summary before a discharge."""

    status_code = 409
    code = "DISCHARGE_SUMMARY_REQUIRED"
    default_message = (
        "This stay has no signed discharge summary; the attending doctor signs one first."
    )
