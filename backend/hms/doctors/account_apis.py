"""Admin security actions on a doctor's account: end their sessions, reset their MFA."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from hms.accounts.account_apis import AccountSecurityViewSet
from hms.accounts.models import User
from hms.doctors.models import Doctor
from hms.doctors.selectors import doctor_get


@extend_schema_view(
    revoke_sessions=extend_schema(operation_id="doctors_sessions_revoke", tags=["doctors"]),
    reset_mfa=extend_schema(operation_id="doctors_mfa_reset", tags=["doctors"]),
)
class DoctorAccountViewSet(AccountSecurityViewSet):
    policy_resource = "doctors"
    queryset = Doctor.objects.none()

    def account_of(self, id: int) -> User:
        return doctor_get(viewer=self.viewer, id=id).user
