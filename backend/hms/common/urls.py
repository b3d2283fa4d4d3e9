from rest_framework.routers import SimpleRouter

from hms.common import apis

router = SimpleRouter(use_regex_path=False)
router.register("health", apis.HealthViewSet, basename="health")

urlpatterns = router.urls
