from django.apps import AppConfig


class DoctorsConfig(AppConfig):
    name = "hms.doctors"
    label = "doctors"
