"""The dashboard: each app contributes its own numbers for a role; this module only composes.

To add numbers to a role's dashboard, write a selector in the app that owns the rows and add
its key to that role's function below (and to its serializer in `hms.dashboard.serializers`).
Every contribution runs a fixed number of queries, whatever the size of the hospital.
"""

from __future__ import annotations

import functools
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import QuerySet

from hms.accounts.models import Role, User
from hms.accounts.selectors import PendingAccount, account_count_subqueries
from hms.admissions.selectors import (
    admission_count_subqueries,
    admission_get_current,
    admission_patient_count_subqueries,
)
from hms.appointments.selectors import (
    appointment_day_count_subqueries_for,
    appointment_days_from_counts,
    appointment_get_next_for_patient,
    appointment_list_today_for_doctor,
    appointment_pending_count_subquery,
    appointment_request_rows,
    appointment_requests_from_rows,
    appointment_status_count_subqueries,
    appointment_upcoming_count_subquery,
    appointment_week_bounds,
)
from hms.audit.selectors import unusual_access_from_rows, unusual_access_rows_between
from hms.billing.selectors import (
    invoice_count_subquery,
    invoice_month_bounds,
    invoice_total_between_subquery,
)
from hms.common.queries import (
    QueryTemplate,
    from_together,
    split_together,
    together,
    union_together,
)
from hms.doctors.selectors import doctor_get_assigned, doctor_pending_rows
from hms.patients.selectors import patient_count_assigned_subquery, patient_pending_rows

# Each of the admin's queues on the dashboard shows at most this many rows; its list holds the rest.
QUEUE_LIMIT = 5
# The admin's appointment load covers today and the next six days.
APPOINTMENT_DAYS = 7
# The unusual-access flags on the admin's dashboard: those raised in this window before now.
UNUSUAL_ACCESS_WINDOW = timedelta(days=7)


def _pending_accounts(kind: str, rows: list[dict[str, Any]]) -> list[PendingAccount]:
    return [
        PendingAccount(
            kind=kind,
            id=row["id"],
            full_name=f"{row['first_name']} {row['last_name']}".strip(),
            created_at=row["created_at"],
            detail=row["detail"],
        )
        for row in rows
    ]


def _admin_counts(
    *, viewer: int, month_start: datetime, month_end: datetime, **days: datetime
) -> QuerySet[Any, dict[str, Any]]:
    # Every admin sees every row: the admin's own id is the only thing of theirs the query holds.
    admin = User(pk=viewer, role=Role.ADMIN)
    week = [(days[f"day_{n}_start"], days[f"day_{n}_end"]) for n in range(APPOINTMENT_DAYS)]
    return together(
        User.objects.filter(pk=viewer),
        **account_count_subqueries(roles=[Role.DOCTOR, Role.PATIENT]),
        **appointment_status_count_subqueries(viewer=admin),
        **admission_count_subqueries(viewer=admin),
        invoiced_total_this_month=invoice_total_between_subquery(
            viewer=admin, bounds=(month_start, month_end)
        ),
        **appointment_day_count_subqueries_for(viewer=admin, bounds=week),
    )


_ADMIN_COUNTS = QueryTemplate(
    _admin_counts,
    viewer=int,
    month_start=datetime,
    month_end=datetime,
    **{f"day_{n}_{edge}": datetime for n in range(APPOINTMENT_DAYS) for edge in ("start", "end")},
)


def _admin_queue_lists() -> dict[str, QuerySet[Any, Any]]:
    return {
        "doctors": doctor_pending_rows(limit=QUEUE_LIMIT),
        "patients": patient_pending_rows(limit=QUEUE_LIMIT),
        "appointment_requests": appointment_request_rows(
            viewer=User(role=Role.ADMIN), limit=QUEUE_LIMIT
        ),
    }


_ADMIN_QUEUES = QueryTemplate(lambda: union_together(**_admin_queue_lists())[0])


@functools.cache
def _admin_queue_columns() -> dict[str, list[str]]:
    return union_together(**_admin_queue_lists())[1]


_UNUSUAL_ACCESS = QueryTemplate(
    lambda since, until: unusual_access_rows_between(since=since, until=until),
    since=datetime,
    until=datetime,
)


def admin_dashboard(*, viewer: User, at: datetime) -> dict[str, Any]:
    """Return the admin's numbers and queues: accounts, appointments, admissions, bills.

    `appointments_by_day` counts the confirmed and pending appointments of today and the
    next six days (hospital time zone); `queues` holds the newest pending doctors and patients
    and the soonest appointment requests, at most QUEUE_LIMIT of each; `unusual_access` the
    unusual-access flags of the last seven days with the events behind them. Three queries
    (and one more for the events behind any flag): every count together, the week's days
    among them; the two approval queues and the appointment requests together (one union);
    the flags. (The flags' columns have nothing in common with the queues': padded into the
    same union they cost more to build than a query of their own.) Each is a QueryTemplate:
    its shape is the same for every admin and every day, so it is built once per process
    (building them cost more than running them).
    """
    month_start, month_end = invoice_month_bounds(at)
    week = appointment_week_bounds(at=at, days=APPOINTMENT_DAYS)
    bounds: dict[str, Any] = {"month_start": month_start, "month_end": month_end}
    for n, (start, end) in enumerate(week):
        bounds[f"day_{n}_start"], bounds[f"day_{n}_end"] = start, end
    counts = from_together(_ADMIN_COUNTS.row(viewer=viewer.pk, **bounds))
    lists = split_together(_ADMIN_QUEUES.rows(), _admin_queue_columns())
    appointments_by_day = appointment_days_from_counts(counts, at=at, days=APPOINTMENT_DAYS)
    return {
        "accounts": {
            "approved_doctors": counts["doctor_approved"],
            "pending_doctors": counts["doctor_pending"],
            "approved_patients": counts["patient_approved"],
            "pending_patients": counts["patient_pending"],
        },
        "appointments": {
            "confirmed": counts["appointments_confirmed"],
            "pending": counts["appointments_pending"],
            # Today's visits are the first day of the week ahead.
            "today": appointments_by_day[0]["confirmed"],
        },
        "appointments_by_day": appointments_by_day,
        "queues": {
            "doctors": _pending_accounts(Role.DOCTOR, lists["doctors"]),
            "patients": _pending_accounts(Role.PATIENT, lists["patients"]),
            "appointment_requests": appointment_requests_from_rows(lists["appointment_requests"]),
        },
        "admissions": {
            "currently_admitted": counts["currently_admitted"],
            "discharged": counts["discharged"],
            "invoiced_total_this_month": Decimal(str(counts["invoiced_total_this_month"])).quantize(
                Decimal("0.01")
            ),
            "currency": settings.HMS_CURRENCY,
        },
        "unusual_access": unusual_access_from_rows(
            _UNUSUAL_ACCESS.rows(since=at - UNUSUAL_ACCESS_WINDOW, until=at)
        ),
    }


def _doctor_counts(*, viewer: int, at: datetime) -> QuerySet[Any, dict[str, Any]]:
    doctor = User(pk=viewer, role=Role.DOCTOR)
    return together(
        User.objects.filter(pk=viewer),
        assigned_patients=patient_count_assigned_subquery(doctor_user=doctor),
        upcoming_confirmed=appointment_upcoming_count_subquery(viewer=doctor, at=at),
        **admission_patient_count_subqueries(viewer=doctor),
    )


# The doctor's counts: a query of the same shape for every doctor, built once (QueryTemplate).
_DOCTOR_COUNTS = QueryTemplate(_doctor_counts, viewer=int, at=datetime)


def _patient_counts(*, viewer: int) -> QuerySet[Any, dict[str, Any]]:
    patient = User(pk=viewer, role=Role.PATIENT)
    return together(
        User.objects.filter(pk=viewer),
        pending=appointment_pending_count_subquery(viewer=patient),
        invoices=invoice_count_subquery(viewer=patient),
    )


_PATIENT_COUNTS = QueryTemplate(_patient_counts, viewer=int)


def doctor_dashboard(*, viewer: User, at: datetime) -> dict[str, Any]:
    """Return a doctor's numbers: assigned patients, appointments and admissions.

    Two queries: every count together, and today's list.
    """
    counts = from_together(_DOCTOR_COUNTS.row(viewer=viewer.pk, at=at))
    return {
        "assigned_patients": counts["assigned_patients"],
        "appointments": {
            "upcoming_confirmed": counts["upcoming_confirmed"],
            "today": appointment_list_today_for_doctor(viewer=viewer, at=at),
        },
        "admissions": {
            "admitted_patients": counts["admitted_patients"],
            "discharged_patients": counts["discharged_patients"],
        },
    }


def patient_dashboard(*, viewer: User, at: datetime) -> dict[str, Any]:
    """Return a patient's numbers: their doctor, appointments, admission and invoices.

    Four queries: the doctor, the next appointment, the admission, and the counts together.
    """
    counts = from_together(_PATIENT_COUNTS.row(viewer=viewer.pk))
    return {
        "assigned_doctor": doctor_get_assigned(patient_user=viewer),
        "appointments": {
            "next_appointment": appointment_get_next_for_patient(viewer=viewer, at=at),
            "pending": counts["pending"],
        },
        "admissions": {
            "admission": admission_get_current(viewer=viewer),
            "invoices": counts["invoices"],
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
