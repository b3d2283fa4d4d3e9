from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "hms.payments"
    label = "payments"
