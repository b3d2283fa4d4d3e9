"""The dashboard: each app contributes its own numbers for a role; this module only composes.

To add numbers to a role's dashboard, write a selector in the app that owns the rows and add
its key to that role's function below (and to its serializer in `hms.dashboard.serializers`).
Every contribution runs a fixed number of queries, whatever the size of the hospital.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings

from hms.accounts.models import Role, User
from hms.accounts.selectors import PendingAccount, account_counts
from hms.admissions.selectors import (
    admission_counts,
    admission_get_current,
    admission_summary_for_doctor,
)
from hms.appointments.selectors import (
    appointment_overview_for_admin,
    appointment_summary_for_doctor,
    appointment_summary_for_patient,
)
from hms.audit.selectors import unusual_access_recent
from hms.billing.selectors import invoice_count, invoice_total_for_month
from hms.doctors.selectors import doctor_get_assigned, doctor_pending_rows
from hms.patients.selectors import patient_count_assigned, patient_pending_rows

# The admin's approval queue on the dashboard shows at most this many accounts.
NEWEST_PENDING_LIMIT = 10
# The admin's appointment load covers today and the next six days.
APPOINTMENT_DAYS = 7


def _newest_pending_accounts(*, limit: int) -> list[PendingAccount]:
    """The newest pending doctor and patient accounts, newest first: one union query."""
    rows = (
        doctor_pending_rows()
        .union(patient_pending_rows(), all=True)
        .order_by("-created_at", "-kind", "-id")[:limit]  # type: ignore[misc]  # an annotation
    )
    return [
        PendingAccount(kind=kind, id=id, full_name=f"{first} {last}".strip(), created_at=created_at)
        for kind, id, first, last, created_at in rows
    ]


def admin_dashboard(*, viewer: User, at: datetime) -> dict[str, Any]:
    """Return the admin's numbers: accounts, appointments, admissions and this month's bills.

    `appointments_by_day` counts the confirmed and pending appointments of today and the
    next six days (hospital time zone); `unusual_access` holds the unusual-access flags of the
    last seven days with the events behind them.
    """
    counts = account_counts(roles=[Role.DOCTOR, Role.PATIENT])
    doctors, patients = counts[Role.DOCTOR], counts[Role.PATIENT]
    appointments, appointments_by_day = appointment_overview_for_admin(
        viewer=viewer, at=at, days=APPOINTMENT_DAYS
    )
    return {
        "accounts": {
            "approved_doctors": doctors.approved,
            "pending_doctors": doctors.pending,
            "approved_patients": patients.approved,
            "pending_patients": patients.pending,
            "newest_pending": _newest_pending_accounts(limit=NEWEST_PENDING_LIMIT),
        },
        "appointments": appointments,
        "appointments_by_day": appointments_by_day,
        "admissions": {
            **admission_counts(viewer=viewer),
            "invoiced_total_this_month": invoice_total_for_month(viewer=viewer, at=at),
            "currency": settings.HMS_CURRENCY,
        },
        "unusual_access": unusual_access_recent(at=at),
    }


def doctor_dashboard(*, viewer: User, at: datetime) -> dict[str, Any]:
    """Return a doctor's numbers: assigned patients, appointments and admissions."""
    return {
        "assigned_patients": patient_count_assigned(doctor_user=viewer),
        "appointments": appointment_summary_for_doctor(viewer=viewer, at=at),
        "admissions": admission_summary_for_doctor(viewer=viewer),
    }


def patient_dashboard(*, viewer: User, at: datetime) -> dict[str, Any]:
    """Return a patient's numbers: their doctor, appointments, admission and invoices."""
    return {
        "assigned_doctor": doctor_get_assigned(patient_user=viewer),
        "appointments": appointment_summary_for_patient(viewer=viewer, at=at),
        "admissions": {
            "admission": admission_get_current(viewer=viewer),
            "invoices": invoice_count(viewer=viewer),
        },
    }


def dashboard_get(*, viewer: User, at: datetime) -> dict[str, Any]:
    """Return the dashboard of `viewer`: the section of their role, the others None.

    `at` is the moment the dashboard describes (for "today" numbers).
    """
    return {
        "role": viewer.role,
        "admin": admin_dashboard(viewer=viewer, at=at) if viewer.role == Role.ADMIN else None,
        "doctor": doctor_dashboard(viewer=viewer, at=at) if viewer.role == Role.DOCTOR else None,
        "patient": patient_dashboard(viewer=viewer, at=at) if viewer.role == Role.PATIENT else None,
    }
