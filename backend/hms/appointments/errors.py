"""Errors of the appointment rules; the exception handler answers each with its code."""

from __future__ import annotations

from hms.common.errors import DomainError


class SlotOutsideHours(DomainError):
    """The start time is not a bookable slot: in the past, off the grid or outside hours."""

    status_code = 400
    code = "SLOT_OUTSIDE_HOURS"
    default_message = "This time is not a bookable slot."


class SlotTaken(DomainError):
    """The doctor, or the patient, already has a pending or confirmed appointment then."""

    status_code = 409
    code = "SLOT_TAKEN"
    default_message = "This slot has just been taken; choose another time."
