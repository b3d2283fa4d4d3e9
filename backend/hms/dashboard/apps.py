from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "hms.dashboard"
    label = "dashboard"
