from rest_framework.routers import SimpleRouter

from hms.dashboard.apis import DashboardViewSet

router = SimpleRouter()
router.register("dashboard", DashboardViewSet, basename="dashboard")

urlpatterns = router.urls
