from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "hms.billing"
    label = "billing"
