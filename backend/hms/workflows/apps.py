from django.apps import AppConfig


class WorkflowsConfig(AppConfig):
    name = "hms.workflows"
    label = "workflows"
