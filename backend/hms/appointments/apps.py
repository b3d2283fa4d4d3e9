from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    name = "hms.appointments"
    label = "appointments"
