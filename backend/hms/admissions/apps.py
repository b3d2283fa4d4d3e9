from django.apps import AppConfig


class AdmissionsConfig(AppConfig):
    name = "hms.admissions"
    label = "admissions"

    def ready(self) -> None:
        from hms.common.counters import counted_table

        counted_table("admissions_admission", ("status",))  # the triggers: migration 0003
