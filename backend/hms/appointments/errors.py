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


class DoctorUnavailable(DomainError):
    """The slot lies outside the doctor's weekly availability, or in their time off."""

    status_code = 400
    code = "DOCTOR_UNAVAILABLE"
    default_message = "The doctor is not available at this time; choose another slot."


class OutsideWorkingHours(DomainError):
    """A doctor's weekly availability must lie inside the hospital's working hours."""

    status_code = 400
    code = "OUTSIDE_WORKING_HOURS"
    default_message = "Availability must lie inside the hospital's working hours."


class TimeOffOverlap(DomainError):
    """The doctor already has time off overlapping this range."""

    status_code = 409
    code = "TIME_OFF_OVERLAP"
    default_message = "The doctor already has time off overlapping this range."


class OfferExpired(DomainError):
    """The waitlist offer's hold has run out; the slot has passed to the next in line."""

    status_code = 409
    code = "OFFER_EXPIRED"
    default_message = "This offer has expired; you are no longer holding the slot."


class AlreadyWaiting(DomainError):
    """The patient is already on this doctor's waitlist."""

    status_code = 409
    code = "ALREADY_WAITING"
    default_message = "The patient is already on this doctor's waitlist."
