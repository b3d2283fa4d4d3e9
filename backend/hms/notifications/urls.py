from rest_framework.routers import SimpleRouter

from hms.notifications import apis

router = SimpleRouter(use_regex_path=False)
router.register(
    "notifications/unsubscribe",
    apis.NotificationUnsubscribeViewSet,
    basename="notification-unsubscribe",
)
router.register("notifications", apis.NotificationViewSet, basename="notification")

urlpatterns = router.urls
