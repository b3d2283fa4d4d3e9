from django.urls import path

from hms.accounts import apis

urlpatterns = [
    path("auth/signup/admin/", apis.AdminSignupApi.as_view(), name="auth-signup-admin"),
    path("auth/signup/doctor/", apis.DoctorSignupApi.as_view(), name="auth-signup-doctor"),
    path("auth/signup/patient/", apis.PatientSignupApi.as_view(), name="auth-signup-patient"),
    path("auth/token/", apis.TokenObtainApi.as_view(), name="auth-token"),
    path("auth/token/refresh/", apis.TokenRefreshApi.as_view(), name="auth-token-refresh"),
    path("auth/logout/", apis.LogoutApi.as_view(), name="auth-logout"),
    path("auth/me/", apis.MeApi.as_view(), name="auth-me"),
    path("auth/password/", apis.PasswordChangeApi.as_view(), name="auth-password"),
    path("departments/", apis.DepartmentListApi.as_view(), name="departments"),
    path("hospital/", apis.HospitalApi.as_view(), name="hospital"),
]
