from rest_framework.routers import SimpleRouter

from hms.workflows import apis

router = SimpleRouter(use_regex_path=False)
router.register("doctors", apis.DoctorViewSet, basename="doctor")
router.register("patients", apis.PatientViewSet, basename="patient")
router.register("admissions", apis.AdmissionViewSet, basename="admission")

urlpatterns = router.urls
