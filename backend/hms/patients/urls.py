"""Routes of the patients app.

`patients/` and `patients/{id}/...` are registered by `hms.workflows.urls`: their viewset is this
app's `PatientViewSet` plus the deletion that spans apps.
"""

from rest_framework.routers import SimpleRouter

from hms.patients import apis
from hms.patients.account_apis import PatientAccountViewSet

router = SimpleRouter(use_regex_path=False)
router.register("auth/signup/patient", apis.PatientSignupViewSet, basename="auth-signup-patient")
router.register(
    "patients/me/access-log", apis.PatientAccessLogViewSet, basename="patient-access-log"
)
# `patients/{id}/sessions/revoke/`: the admin ends every session of the account.
router.register("patients", PatientAccountViewSet, basename="patient-account")

urlpatterns = router.urls
