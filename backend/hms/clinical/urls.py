from rest_framework.routers import SimpleRouter

from hms.clinical import apis

router = SimpleRouter(use_regex_path=False)
router.register("clinical/visit-notes", apis.VisitNoteViewSet, basename="visit-note")
router.register("clinical/prescriptions", apis.PrescriptionViewSet, basename="prescription")
router.register("clinical/progress-notes", apis.ProgressNoteViewSet, basename="progress-note")
router.register(
    "clinical/discharge-summaries", apis.DischargeSummaryViewSet, basename="discharge-summary"
)
router.register("clinical/vitals", apis.VitalsViewSet, basename="vitals")
router.register("clinical/icd10", apis.Icd10ViewSet, basename="icd10")
router.register("clinical/patients", apis.PatientTimelineViewSet, basename="patient-timeline")
router.register(
    "clinical/admissions", apis.DischargeReadinessViewSet, basename="discharge-readiness"
)

urlpatterns = router.urls
