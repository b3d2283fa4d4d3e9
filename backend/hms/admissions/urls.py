from rest_framework.routers import SimpleRouter

from hms.admissions import apis

# Path converters (`<int:id>`): handlers get an int and the schema declares an integer.
router = SimpleRouter(use_regex_path=False)
router.register("admissions", apis.AdmissionViewSet, basename="admission")

urlpatterns = router.urls
