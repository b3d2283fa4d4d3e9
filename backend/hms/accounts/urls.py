from rest_framework.routers import SimpleRouter

from hms.accounts import apis
from hms.accounts.mfa_apis import MfaLoginViewSet, MfaViewSet
from hms.accounts.password_reset_apis import PasswordResetViewSet
from hms.accounts.session_apis import SignedInSessionViewSet

router = SimpleRouter(use_regex_path=False)
router.register("auth/signup/admin", apis.AdminSignupViewSet, basename="auth-signup-admin")
router.register("auth", apis.SessionViewSet, basename="auth-session")
router.register("auth/token/mfa", MfaLoginViewSet, basename="auth-token-mfa")
router.register("auth/mfa", MfaViewSet, basename="auth-mfa")
router.register("auth/password/reset", PasswordResetViewSet, basename="auth-password-reset")
router.register("auth/sessions", SignedInSessionViewSet, basename="auth-signed-in-session")
router.register("auth", apis.AccountViewSet, basename="auth-account")
router.register("", apis.HospitalViewSet, basename="hospital")

urlpatterns = router.urls
