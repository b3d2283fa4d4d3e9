from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hms.accounts.models import AccountStatus
from hms.appointments.models import (
    Appointment,
    AppointmentEvent,
    AppointmentStatus,
    AvailabilityWindow,
    TimeOff,
    WaitlistEntry,
    WaitlistStatus,
)
from hms.appointments.slots import DAY_NAMES
from hms.common.dates import BoundedDateField
from hms.common.fields import NullableNestedField, RowIdField
from hms.common.rows import FastRowsMixin
from hms.doctors.models import Doctor
from hms.patients.models import Patient


class AppointmentPatientSerializer(FastRowsMixin, serializers.ModelSerializer[Patient]):
    """The patient of an appointment, as the doctor needs them for the visit."""

    full_name = serializers.CharField(read_only=True)

    class Meta:
        model = Patient
        fields = ["id", "full_name", "mobile", "address", "symptoms"]
        read_only_fields = fields


class AppointmentSerializer(FastRowsMixin, serializers.ModelSerializer[Appointment]):
    """An appointment. `patient` and `doctor` are ids; the names and details ride along."""

    patient_details = AppointmentPatientSerializer(source="patient", read_only=True)
    doctor_name = serializers.CharField(source="doctor.full_name", read_only=True)
    doctor_department = serializers.CharField(source="doctor.department.name", read_only=True)
    status = serializers.ChoiceField(choices=AppointmentStatus.choices, read_only=True)

    class Meta:
        model = Appointment
        fields = [
            "id",
            "patient",
            "patient_details",
            "doctor",
            "doctor_name",
            "doctor_department",
            "starts_at",
            "ends_at",
            "reason",
            "status",
            "status_reason",
            "status_changed_at",
            "created_at",
            "rescheduled_from",
        ]
        read_only_fields = fields


class AppointmentEventSerializer(serializers.ModelSerializer[AppointmentEvent]):
    """One status change: from what to what, when, by whom (role and name), and why."""

    from_status = serializers.ChoiceField(
        choices=AppointmentStatus.choices,
        allow_null=True,
        read_only=True,
        help_text="Null for the booking itself.",
    )
    to_status = serializers.ChoiceField(choices=AppointmentStatus.choices, read_only=True)
    actor_role = serializers.CharField(
        source="actor.role",
        read_only=True,
        allow_null=True,
        help_text="Null when the hospital's scheduled job made the change.",
    )
    actor_name = serializers.CharField(source="actor.full_name", read_only=True, allow_null=True)

    class Meta:
        model = AppointmentEvent
        fields = ["from_status", "to_status", "at", "actor_role", "actor_name", "reason"]
        read_only_fields = fields

    def to_representation(self, instance: AppointmentEvent) -> dict[str, Any]:
        data = super().to_representation(instance)
        data["from_status"] = data["from_status"] or None
        return data


class AppointmentDetailSerializer(AppointmentSerializer):
    """An appointment with its status history, oldest first."""

    # The `history` list that appointment_get_for_display reads.
    history = AppointmentEventSerializer(many=True, read_only=True)

    class Meta(AppointmentSerializer.Meta):
        fields = [*AppointmentSerializer.Meta.fields, "history"]
        read_only_fields = fields


class AppointmentBookSerializer(serializers.Serializer):
    """Book a slot. `patient` is required from an admin and ignored from a patient."""

    doctor = RowIdField(
        queryset=Doctor.objects.filter(user__status=AccountStatus.APPROVED),
        error_messages={"does_not_exist": "No approved doctor has this id."},
    )
    patient = RowIdField(
        queryset=Patient.objects.filter(user__status=AccountStatus.APPROVED),
        required=False,
        error_messages={"does_not_exist": "No approved patient has this id."},
        help_text="The patient to book for: required when an admin books; ignored for a patient.",
    )
    starts_at = serializers.DateTimeField(
        help_text="The slot start, ISO 8601 with an offset; see GET /doctors/{id}/slots/."
    )
    reason = serializers.CharField(max_length=1000, help_text="Why the patient wants to be seen.")


class AppointmentRejectSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=500, help_text="Why the request is refused; the patient sees it."
    )


class AppointmentCancelSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class SlotSerializer(serializers.Serializer):
    """A free slot: it starts and ends at these instants (hospital time zone offset)."""

    starts_at = serializers.DateTimeField(read_only=True)
    ends_at = serializers.DateTimeField(read_only=True)


class SlotListQuerySerializer(serializers.Serializer):
    date = BoundedDateField(help_text="A calendar date in the hospital's time zone.")
    patient = serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        required=False,
        help_text="Admin: also leave out this patient's own bookings (a patient: always theirs).",
    )


class AdminAppointmentSummarySerializer(serializers.Serializer):
    """Appointment counts on the admin's dashboard."""

    confirmed = serializers.IntegerField(help_text="Appointments currently confirmed.")
    pending = serializers.IntegerField(help_text="Requests waiting for approval.")
    today = serializers.IntegerField(help_text="Confirmed or completed appointments today.")


class DoctorTodayAppointmentSerializer(serializers.ModelSerializer[Appointment]):
    """One of today's confirmed appointments on the doctor's dashboard."""

    patient_name = serializers.CharField(source="patient.full_name", read_only=True)

    class Meta:
        model = Appointment
        fields = ["id", "starts_at", "ends_at", "patient", "patient_name"]
        read_only_fields = fields


class DoctorAppointmentSummarySerializer(serializers.Serializer):
    """Appointments on the doctor's dashboard."""

    upcoming_confirmed = serializers.IntegerField(
        help_text="Confirmed appointments that have not ended yet."
    )
    today = DoctorTodayAppointmentSerializer(many=True)


class PatientAppointmentSummarySerializer(serializers.Serializer):
    """Appointments on the patient's dashboard."""

    next_appointment = NullableNestedField(
        AppointmentSerializer(), help_text="The soonest confirmed appointment not yet ended."
    )
    pending = serializers.IntegerField(help_text="Requests waiting for the hospital's decision.")


class AppointmentRescheduleSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField(
        help_text="The new slot's start (same doctor), ISO 8601 with an offset."
    )


@extend_schema_field(
    {
        "type": "string",
        "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
        "maxLength": 5,
        "example": "09:00",
    }
)
class ClockTimeField(serializers.TimeField):
    """A wall-clock time written HH:MM (hospital time zone)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", input_formats=["%H:%M"], **kwargs)


class AvailabilityWindowSerializer(serializers.ModelSerializer[AvailabilityWindow]):
    """One window of a weekly template: wall-clock times in the hospital's time zone."""

    weekday = serializers.IntegerField(
        min_value=0, max_value=6, help_text="0 = Monday ... 6 = Sunday."
    )
    start_time = ClockTimeField(help_text="HH:MM")
    end_time = ClockTimeField(help_text="HH:MM, after start_time.")
    weekday_name = serializers.SerializerMethodField(help_text="MON ... SUN.")

    class Meta:
        model = AvailabilityWindow
        fields = ["weekday", "weekday_name", "start_time", "end_time"]

    def get_weekday_name(self, window: AvailabilityWindow) -> str:
        return DAY_NAMES[window.weekday]


class AvailabilitySerializer(serializers.Serializer):
    """A doctor's weekly template; no windows: bookable in all of the hospital's hours."""

    windows = AvailabilityWindowSerializer(many=True, max_length=70)  # type: ignore[call-arg]


class DoctorAvailabilitySerializer(AvailabilitySerializer):
    doctor = serializers.IntegerField(read_only=True)
    working_hours = serializers.CharField(
        read_only=True, help_text="The hospital's working hours (HMS_WORKING_HOURS)."
    )


class TimeOffSerializer(serializers.ModelSerializer[TimeOff]):
    """A stretch of time a doctor is away: [starts_at, ends_at)."""

    doctor_name = serializers.CharField(source="doctor.full_name", read_only=True)

    class Meta:
        model = TimeOff
        fields = ["id", "doctor", "doctor_name", "starts_at", "ends_at", "reason", "created_at"]
        read_only_fields = fields


class TimeOffCreateSerializer(serializers.Serializer):
    doctor = RowIdField(
        queryset=Doctor.objects.filter(user__status=AccountStatus.APPROVED),
        error_messages={"does_not_exist": "No approved doctor has this id."},
    )
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    reason = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class TimeOffCreatedSerializer(TimeOffSerializer):
    """The recorded time off, with the appointments inside it for the admin to move."""

    affected_appointments = AppointmentSerializer(many=True, read_only=True)

    class Meta(TimeOffSerializer.Meta):
        fields = [*TimeOffSerializer.Meta.fields, "affected_appointments"]
        read_only_fields = fields


class TimeOffListQuerySerializer(serializers.Serializer):
    doctor = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, required=False, help_text="A doctor id."
    )


class CalendarQuerySerializer(serializers.Serializer):
    """`from` and `to` (inclusive): one day for every doctor, or up to 7 days for one doctor."""

    def get_fields(self) -> dict[str, serializers.Field]:
        return {
            "from": BoundedDateField(help_text="First calendar date (hospital time zone)."),
            "to": BoundedDateField(help_text="Last calendar date, inclusive."),
            "doctor": serializers.IntegerField(
                min_value=1,
                max_value=2**31 - 1,
                required=False,
                help_text="One doctor (needed for a week); a doctor sees only their own.",
            ),
        }


class CalendarTimeOffSerializer(SlotSerializer):
    id = serializers.IntegerField(read_only=True)
    reason = serializers.CharField(read_only=True)


class CalendarAppointmentSerializer(serializers.ModelSerializer[Appointment]):
    """An appointment on the calendar: who and when (open it for the details)."""

    patient_name = serializers.CharField(source="patient.full_name", read_only=True)
    status = serializers.ChoiceField(choices=AppointmentStatus.choices, read_only=True)

    class Meta:
        model = Appointment
        fields = ["id", "patient", "patient_name", "starts_at", "ends_at", "status"]
        read_only_fields = fields


class CalendarDoctorSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    full_name = serializers.CharField(read_only=True)
    department = serializers.CharField(read_only=True)
    has_template = serializers.BooleanField(
        read_only=True, help_text="False: bookable in all of the hospital's hours."
    )
    availability = SlotSerializer(many=True, read_only=True)
    time_off = CalendarTimeOffSerializer(many=True, read_only=True)
    free_slots = SlotSerializer(many=True, read_only=True)
    appointments = CalendarAppointmentSerializer(many=True, read_only=True)


class CalendarSerializer(serializers.Serializer):
    """The calendar of one or more doctors over a range of days."""

    def get_fields(self) -> dict[str, serializers.Field]:
        return {
            "from": serializers.DateField(read_only=True),
            "to": serializers.DateField(read_only=True),
            "slot_minutes": serializers.IntegerField(read_only=True),
            "doctors": CalendarDoctorSerializer(many=True, read_only=True),
        }


class WaitlistOfferSerializer(serializers.Serializer):
    """The slot held for this entry until `expires_at`."""

    appointment = serializers.IntegerField(source="offer_id", read_only=True)
    starts_at = serializers.DateTimeField(source="offer.starts_at", read_only=True)
    ends_at = serializers.DateTimeField(source="offer.ends_at", read_only=True)
    expires_at = serializers.DateTimeField(source="offer_expires_at", read_only=True)


class WaitlistEntrySerializer(serializers.ModelSerializer[WaitlistEntry]):
    """A place on a doctor's waitlist; `offer` is set while a freed slot is held for it."""

    patient_name = serializers.CharField(source="patient.full_name", read_only=True)
    doctor_name = serializers.CharField(source="doctor.full_name", read_only=True)
    status = serializers.ChoiceField(choices=WaitlistStatus.choices, read_only=True)
    offer = NullableNestedField(
        WaitlistOfferSerializer(),
        source="current_offer",
        help_text="The slot held for this entry while it is OFFERED; otherwise null.",
    )

    class Meta:
        model = WaitlistEntry
        fields = [
            "id",
            "patient",
            "patient_name",
            "doctor",
            "doctor_name",
            "date_from",
            "date_to",
            "reason",
            "status",
            "status_changed_at",
            "created_at",
            "offer",
        ]
        read_only_fields = fields


class WaitlistJoinSerializer(serializers.Serializer):
    """Join a doctor's waitlist. `patient` is required from an admin, ignored from a patient."""

    doctor = RowIdField(
        queryset=Doctor.objects.filter(user__status=AccountStatus.APPROVED),
        error_messages={"does_not_exist": "No approved doctor has this id."},
    )
    patient = RowIdField(
        queryset=Patient.objects.filter(user__status=AccountStatus.APPROVED),
        required=False,
        error_messages={"does_not_exist": "No approved patient has this id."},
    )
    date_from = BoundedDateField(help_text="First acceptable day.")
    date_to = BoundedDateField(help_text="Last acceptable day.")
    reason = serializers.CharField(max_length=1000, help_text="Why the patient wants to be seen.")


class WaitlistListQuerySerializer(serializers.Serializer):
    doctor = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, required=False, help_text="A doctor id."
    )
    active = serializers.BooleanField(
        required=False, default=True, help_text="Only entries still in line (default true)."
    )
