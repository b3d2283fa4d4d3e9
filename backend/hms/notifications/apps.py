from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "hms.notifications"
    label = "notifications"
