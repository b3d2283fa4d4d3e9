from django.urls import path

from hms.dashboard.apis import DashboardApi

urlpatterns = [
    path("dashboard/", DashboardApi.as_view(), name="dashboard"),
]
