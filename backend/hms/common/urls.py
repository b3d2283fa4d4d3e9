from django.urls import path

from hms.common import health

urlpatterns = [
    path("health/live/", health.health_live, name="health-live"),
    path("health/ready/", health.health_ready, name="health-ready"),
]
