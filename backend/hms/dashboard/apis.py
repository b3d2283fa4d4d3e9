"""The signed-in user's dashboard."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from hms.audit.recording import records_access
from hms.common.schema import error_responses
from hms.common.viewsets import ApiViewSet
from hms.dashboard.selectors import dashboard_get
from hms.dashboard.serializers import DashboardSerializer

_ADMIN_EXAMPLE = {
    "role": "ADMIN",
    "admin": {
        "accounts": {
            "approved_doctors": 6,
            "pending_doctors": 1,
            "approved_patients": 14,
            "pending_patients": 2,
        },
        "appointments": {"confirmed": 9, "pending": 1, "today": 3},
        "appointments_by_day": [
            {"date": "2026-11-26", "confirmed": 3, "pending": 1},
            {"date": "2026-11-27", "confirmed": 2, "pending": 0},
            {"date": "2026-11-28", "confirmed": 0, "pending": 0},
            {"date": "2026-11-29", "confirmed": 0, "pending": 0},
            {"date": "2026-11-30", "confirmed": 1, "pending": 0},
            {"date": "2026-12-01", "confirmed": 0, "pending": 0},
            {"date": "2026-12-02", "confirmed": 0, "pending": 0},
        ],
        "queues": {
            "doctors": [
                {
                    "id": 21,
                    "full_name": "Arjun Nair",
                    "department_name": "Dermatologists",
                    "created_at": "2026-11-25T10:30:00+05:30",
                }
            ],
            "patients": [
                {
                    "id": 34,
                    "full_name": "Kavya Rao",
                    "symptoms": "Persistent cough",
                    "created_at": "2026-11-26T08:15:00+05:30",
                },
                {
                    "id": 33,
                    "full_name": "Rahul Verma",
                    "symptoms": "Knee pain after a fall",
                    "created_at": "2026-11-24T17:40:00+05:30",
                },
            ],
            "appointment_requests": [
                {
                    "id": 118,
                    "patient": 11,
                    "patient_name": "Ravi Kumar",
                    "doctor": 7,
                    "doctor_name": "Meera Iyer",
                    "department_name": "Cardiologist",
                    "starts_at": "2026-11-26T16:00:00+05:30",
                    "ends_at": "2026-11-26T16:30:00+05:30",
                    "created_at": "2026-11-25T19:05:00+05:30",
                }
            ],
        },
        "admissions": {
            "currently_admitted": 2,
            "discharged": 17,
            "invoiced_total_this_month": "42931.25",
            "currency": "INR",
        },
        "unusual_access": [],
    },
    "doctor": None,
    "patient": None,
}


class DashboardViewSet(ApiViewSet):
    """The numbers and queues of the caller's role.

    There is one dashboard per caller, so the resource has no `{id}`: the router serves it on
    its collection route (`list`), while the role map and the schema name the operation
    `dashboard.retrieve`; it answers one object, never a page.
    """

    policy_resource = "dashboard"
    policy_operation = "retrieve"
    pagination_class = None

    @extend_schema(
        operation_id="dashboard_retrieve",
        responses={200: DashboardSerializer, **error_responses(403)},
        examples=[
            OpenApiExample(
                "An admin's dashboard: the week ahead and what waits for a decision",
                value=_ADMIN_EXAMPLE,
                response_only=True,
                status_codes=["200"],
            )
        ],
        tags=["dashboard"],
    )
    @records_access(
        resource="dashboard",
        patients=(
            "admin.queues.patients[].id",
            "admin.queues.appointment_requests[].patient",
            "doctor.appointments.today[].patient",
        ),
        skip_empty=True,
    )
    def list(self, request: Request) -> Response:
        """Open your dashboard; only the section of your role is filled.

        Admin: approved and pending doctor and patient counts; the confirmed, pending and
        today's appointment counts, and `appointments_by_day` (today and the next six days,
        for a chart); `queues`: the newest pending doctors and patients and the soonest
        appointment requests, at most 5 of each, with what it takes to approve or reject them
        in place; admissions and this month's invoiced total; unusual-access flags. The
        patients the queues name are recorded in the access log. Doctor: how many approved
        patients are assigned to them, the upcoming confirmed count and today's confirmed list,
        and their admitted and discharged patients.
        Patient: their assigned doctor (or null), their next confirmed appointment (or null)
        and pending requests, their admission and how many invoices they have.
        """
        return Response(
            _DASHBOARD.to_representation(dashboard_get(viewer=self.viewer, at=timezone.now()))
        )


# One serializer for every answer: it holds no request's state, and building its nested fields
# (a deep copy of every declared field of some twenty serializers) cost more than rendering the
# numbers and short queues they describe. Its fields are built on the first answer and kept.
_DASHBOARD = DashboardSerializer()
