from rest_framework.routers import SimpleRouter

from hms.appointments import apis

# Path converters (`<int:id>`): handlers get an int and the schema declares an integer.
router = SimpleRouter(use_regex_path=False)
router.register("appointments", apis.AppointmentViewSet, basename="appointment")
# `doctors/{id}/slots/`: the appointments app answers which of a doctor's slots are free.
router.register("doctors", apis.DoctorSlotViewSet, basename="doctor-slots")

router.register("time-off", apis.TimeOffViewSet, basename="time-off")
router.register("waitlist", apis.WaitlistViewSet, basename="waitlist")

urlpatterns = router.urls
