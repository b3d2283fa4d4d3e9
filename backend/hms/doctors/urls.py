"""Routes of the doctors app.

`doctors/` and `doctors/{id}/...` are registered by `hms.workflows.urls`: their viewset is this
app's `DoctorViewSet` plus the deletion that spans apps.
"""

from rest_framework.routers import SimpleRouter

from hms.doctors import apis
from hms.doctors.account_apis import DoctorAccountViewSet

router = SimpleRouter(use_regex_path=False)
router.register("auth/signup/doctor", apis.DoctorSignupViewSet, basename="auth-signup-doctor")
router.register("departments", apis.DepartmentViewSet, basename="department")
router.register("doctors/directory", apis.DoctorDirectoryViewSet, basename="doctor-directory")
# `doctors/{id}/sessions/revoke/`: the admin ends every session of the account.
router.register("doctors", DoctorAccountViewSet, basename="doctor-account")

urlpatterns = router.urls
