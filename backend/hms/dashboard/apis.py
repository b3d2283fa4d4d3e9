"""The signed-in user's dashboard."""

from __future__ import annotations

from typing import cast

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from hms.accounts.models import User
from hms.common.permissions import RoleMapPermission
from hms.common.schema import error_responses
from hms.dashboard.selectors import dashboard_get
from hms.dashboard.serializers import DashboardSerializer


class DashboardApi(APIView):
    """The numbers and queues of the caller's role."""

    policy_resource = "dashboard"
    policy_operation = "retrieve"
    permission_classes = [RoleMapPermission]

    @extend_schema(
        operation_id="dashboard_retrieve",
        responses={200: DashboardSerializer, **error_responses(403)},
        tags=["dashboard"],
    )
    def get(self, request: Request) -> Response:
        """The caller's dashboard; only the section of their role is filled.

        Admin: approved and pending doctor and patient counts and the newest pending accounts
        (at most 10). Doctor: how many approved patients are assigned to them. Patient: their
        assigned doctor, or null. `appointments`: for the admin the confirmed, pending and
        today's counts; for a doctor the upcoming confirmed count and today's confirmed list;
        for a patient their next confirmed appointment (or null) and pending requests.
        """
        dashboard = dashboard_get(viewer=cast(User, request.user), at=timezone.now())
        return Response(DashboardSerializer(dashboard).data)
