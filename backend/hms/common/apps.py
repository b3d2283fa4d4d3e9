from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "hms.common"
    label = "common"
