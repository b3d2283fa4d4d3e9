from django.urls import path

from hms.common import apis

urlpatterns = [
    path("health/live/", apis.HealthLiveApi.as_view(), name="health-live"),
    path("health/ready/", apis.HealthReadyApi.as_view(), name="health-ready"),
]
