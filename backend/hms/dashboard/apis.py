"""The signed-in user's dashboard."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from hms.audit.recording import records_access
from hms.common.schema import error_responses
from hms.common.viewsets import ApiViewSet
from hms.dashboard.selectors import dashboard_get
from hms.dashboard.serializers import DashboardSerializer


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
        tags=["dashboard"],
    )
    @records_access(
        resource="dashboard",
        patients=(
            "admin.accounts.newest_pending[kind=PATIENT].id",
            "doctor.appointments.today[].patient",
        ),
        skip_empty=True,
    )
    def list(self, request: Request) -> Response:
        """Open your dashboard; only the section of your role is filled.

        Admin: approved and pending doctor and patient counts and the newest pending accounts
        (at most 10); the confirmed, pending and today's appointment counts, and
        `appointments_by_day` (today and the next six days); admissions and this month's
        invoiced total. Doctor: how many approved patients are assigned to them, the upcoming
        confirmed count and today's confirmed list, and their admitted and discharged patients.
        Patient: their assigned doctor (or null), their next confirmed appointment (or null)
        and pending requests, their admission and how many invoices they have.
        """
        return Response(
            DashboardSerializer(dashboard_get(viewer=self.viewer, at=timezone.now())).data
        )
