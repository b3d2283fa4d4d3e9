from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    name = "hms.appointments"
    label = "appointments"

    def ready(self) -> None:
        # A mistyped HMS_WORKING_HOURS or HMS_SLOT_MINUTES stops the server at start-up with a
        # clear ImproperlyConfigured message, instead of failing the first booking.
        from hms.appointments.slots import slot_rules
        from hms.common.counters import counted_table

        slot_rules()
        counted_table("appointments_appointment", ("status",))  # the triggers: migration 0005
