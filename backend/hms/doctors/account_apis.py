"""Admin security actions on a doctor's account: `doctors/{id}/sessions/revoke/`."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from hms.accounts.account_apis import AccountSecurityViewSet
from hms.accounts.models import User
from hms.doctors.models import Doctor
from hms.doctors.selectors import doctor_get


@extend_schema_view(
    revoke_sessions=extend_schema(operation_id="doctors_sessions_revoke", tags=["doctors"]),
)
class DoctorAccountViewSet(AccountSecurityViewSet):
    policy_resource = "doctors"
    queryset = Doctor.objects.none()

    def account_of(self, id: int) -> User:
        return doctor_get(viewer=self.viewer, id=id).user
