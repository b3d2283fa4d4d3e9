"""Admin security actions on a patient's account: end their sessions, reset their MFA."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from hms.accounts.account_apis import AccountSecurityViewSet
from hms.accounts.models import User
from hms.patients.models import Patient
from hms.patients.selectors import patient_get


@extend_schema_view(
    revoke_sessions=extend_schema(operation_id="patients_sessions_revoke", tags=["patients"]),
    reset_mfa=extend_schema(operation_id="patients_mfa_reset", tags=["patients"]),
)
class PatientAccountViewSet(AccountSecurityViewSet):
    policy_resource = "patients"
    queryset = Patient.objects.none()

    def account_of(self, id: int) -> User:
        return patient_get(viewer=self.viewer, id=id).user
