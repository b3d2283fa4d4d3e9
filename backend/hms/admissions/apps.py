from django.apps import AppConfig


class AdmissionsConfig(AppConfig):
    name = "hms.admissions"
    label = "admissions"
