"""Appointment reads, each scoped to the viewer: rows that are not yours do not exist."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, ClassVar

from django.db.models import F, Prefetch, Q, QuerySet, Subquery, Value, Window
from django.db.models.expressions import BaseExpression
from django.db.models.functions import RowNumber
from django_filters import ChoiceFilter, FilterSet

from hms.accounts.lists import ViewerFirst, ViewerList, ViewerRow
from hms.accounts.models import AccountStatus, Role, User
from hms.appointments.availability import open_slots
from hms.appointments.models import (
    SLOT_HOLDING_STATUSES,
    WAITLIST_ACTIVE_STATUSES,
    Appointment,
    AppointmentEvent,
    AppointmentStatus,
    AvailabilityWindow,
    TimeOff,
    WaitlistEntry,
)
from hms.appointments.policies import visible_appointments, visible_waitlist_entries
from hms.appointments.slots import (
    Slot,
    SlotRules,
    day_slots,
    local_date,
    local_day_bounds,
    slot_rules,
)
from hms.common.counters import status_count_subqueries
from hms.common.dates import BoundedDateFilter
from hms.common.errors import NotFoundError, ValidationFailed
from hms.common.filters import (
    BooleanFilter,
    IntegerFilter,
    ordered_range_form,
    valid_filterset,
)
from hms.common.queries import Constant, ListTemplate, TemplateRows, count_of, read_together
from hms.doctors.models import Department, Doctor
from hms.patients.models import Patient


def _with_people(queryset: QuerySet[Appointment]) -> QuerySet[Appointment]:
    return queryset.select_related("patient__user", "doctor__user", "doctor__department")


# The columns a list row carries (AppointmentSerializer): the appointment's own, the patient's
# details and name, the doctor's name and department. Reading only these keeps the page query
# to the columns it answers with rather than every column of five tables.
_LIST_COLUMNS = (
    "patient__mobile",
    "patient__address",
    "patient__symptoms",
    "patient__user__first_name",
    "patient__user__last_name",
    "doctor__user__first_name",
    "doctor__user__last_name",
    "doctor__department__name",
    "starts_at",
    "ends_at",
    "reason",
    "status",
    "status_reason",
    "status_changed_at",
    "created_at",
    "rescheduled_from",
)


_ORDERINGS = [("starts_at", "Soonest first"), ("-starts_at", "Newest first")]


class AppointmentFilter(FilterSet):
    """The query parameters of the appointment list; newest first unless `ordering` says."""

    # Whether the list without `history=true` shows only CONFIRMED appointments, soonest first.
    confirmed_by_default: ClassVar[bool] = False

    status = ChoiceFilter(
        choices=AppointmentStatus.choices,
        method="filter_status",
        help_text="Only appointments in this status (for a doctor: with history=true).",
    )
    doctor = IntegerFilter(field_name="doctor", min_value=1, help_text="A doctor id.")
    patient = IntegerFilter(field_name="patient", min_value=1, help_text="A patient id.")
    date_from = BoundedDateFilter(
        method="filter_date_from",
        help_text="First calendar date (hospital time zone), inclusive.",
    )
    date_to = BoundedDateFilter(
        method="filter_date_to",
        help_text="Last calendar date (hospital time zone), inclusive.",
    )
    history = BooleanFilter(
        method="filter_history",
        help_text="Doctors: add past visits (completed) and confirmed appointments that were "
        "cancelled to the confirmed ones.",
    )
    ordering = ChoiceFilter(
        choices=_ORDERINGS,
        method="filter_ordering",
        help_text="Default: newest first; a doctor's confirmed list: soonest first.",
    )

    class Meta:
        model = Appointment
        fields = ["status", "doctor", "patient", "date_from", "date_to", "history", "ordering"]
        form = ordered_range_form("date_from", "date_to")

    @property
    def confirmed_only(self) -> bool:
        return self.confirmed_by_default and not self.form.cleaned_data.get("history")

    @property
    def only_status(self) -> str | None:
        """The one status every listed appointment has, or None when the list has several."""
        if self.confirmed_only:
            return AppointmentStatus.CONFIRMED
        return self.form.cleaned_data.get("status") or None

    def filter_status(
        self, queryset: QuerySet[Appointment], name: str, value: str
    ) -> QuerySet[Appointment]:
        if self.confirmed_only:
            return queryset
        return queryset.filter(status=value)

    def filter_date_from(
        self, queryset: QuerySet[Appointment], name: str, value: date
    ) -> QuerySet[Appointment]:
        return queryset.filter(starts_at__gte=local_day_bounds(value, rules=slot_rules())[0])

    def filter_date_to(
        self, queryset: QuerySet[Appointment], name: str, value: date
    ) -> QuerySet[Appointment]:
        return queryset.filter(starts_at__lt=local_day_bounds(value, rules=slot_rules())[1])

    def filter_history(
        self, queryset: QuerySet[Appointment], name: str, value: bool
    ) -> QuerySet[Appointment]:
        # Read by `confirmed_only`; it selects no rows by itself.
        return queryset

    def filter_ordering(
        self, queryset: QuerySet[Appointment], name: str, value: str
    ) -> QuerySet[Appointment]:
        # Applied last, in `filter_queryset`, together with the default ordering.
        return queryset

    def filter_queryset(self, queryset: QuerySet[Appointment]) -> QuerySet[Appointment]:
        queryset = super().filter_queryset(queryset)
        if self.confirmed_only:
            queryset = queryset.filter(status=AppointmentStatus.CONFIRMED)
        ordering = self.form.cleaned_data.get("ordering") or (
            "starts_at" if self.confirmed_only else "-starts_at"
        )
        return queryset.order_by(ordering, ordering.replace("starts_at", "id"))


class DoctorAppointmentFilter(AppointmentFilter):
    """A doctor's list: their CONFIRMED appointments, soonest first, whatever `status` says;
    `history=true` lists every one they may see (visible_appointments), newest first, and lets
    `status` narrow it."""

    confirmed_by_default = True


def appointment_list(
    *, viewer: User, filters: Mapping[str, Any]
) -> QuerySet[Appointment] | TemplateRows:
    """List the appointments the viewer may see, filtered and ordered.

    The admin sees all; a patient their own in every status; a doctor only their own CONFIRMED
    ones, soonest first (those whose time has passed stay until the doctor completes them),
    unless `history` is true, which lists every one they may see (CONFIRMED, COMPLETED, and
    CANCELLED after confirmation; see visible_appointments), newest first. `filters` are the query
    parameters of AppointmentFilter: `status`, `doctor`, `patient` (ids), `date_from` /
    `date_to` (the hospital's calendar dates, inclusive), `ordering` (`starts_at` or
    `-starts_at`; default newest first). Raises ValidationFailed for a parameter that is not
    valid.
    """
    return _APPOINTMENT_LIST(viewer, filters)


def _appointment_rows(viewer: User, filters: Mapping[str, Any]) -> QuerySet[Appointment]:
    filterset_class = DoctorAppointmentFilter if viewer.role == Role.DOCTOR else AppointmentFilter
    filterset = valid_filterset(filterset_class, filters, _with_people(Appointment.objects.all()))
    visible = visible_appointments(viewer, among_status=filterset.only_status)
    return filterset.qs.filter(visible).only(*_LIST_COLUMNS)


# Most requests send no filter but these (a few choices each): their statements are built once.
_APPOINTMENT_LIST = ViewerList(_appointment_rows, chosen_by=("status", "history", "ordering"))


def appointment_get(*, viewer: User, id: int) -> Appointment:
    """Get one appointment the viewer may see, with its status history.

    Raises NotFoundError for a missing id and for one that is not the viewer's.
    """
    appointment = (
        _with_people(Appointment.objects.filter(visible_appointments(viewer)))
        .prefetch_related(
            Prefetch("events", queryset=AppointmentEvent.objects.select_related("actor"))
        )
        .filter(pk=id)
        .first()
    )
    if appointment is None:
        raise NotFoundError()
    return appointment


# What AppointmentEventSerializer answers with: the change and the actor's role and name.
_EVENT_COLUMNS = (
    "appointment_id",
    "from_status",
    "to_status",
    "at",
    "reason",
    "actor__role",
    "actor__first_name",
    "actor__last_name",
)


def appointment_get_for_display(*, viewer: User, id: int) -> Appointment:
    """Get one appointment the viewer may see, read for AppointmentDetailSerializer only.

    The columns of a list row and of the status history, not every column of the six tables
    (`appointment_get` reads whole rows, for the services that change them). The history,
    oldest change first, is a list in the appointment's `history` attribute (as a `Prefetch`
    with `to_attr` leaves it), read by a statement built once rather than by a prefetch the
    ORM builds on every request. Raises NotFoundError for a missing id and for one that is
    not the viewer's.
    """
    appointment = _APPOINTMENT_FOR_DISPLAY(viewer, id)
    if appointment is None:
        raise NotFoundError()
    history = _APPOINTMENT_HISTORY.rows("history", appointment_id=appointment.pk)
    appointment.history = list(  # type: ignore[attr-defined]
        _appointment_history("history", appointment.pk) if history is None else history
    )
    return appointment


def _appointment_for_display(viewer: User, id: int) -> QuerySet[Appointment]:
    return (
        _with_people(Appointment.objects.filter(visible_appointments(viewer)))
        .only(*_LIST_COLUMNS)
        .filter(pk=id)
        .order_by("pk")
    )


def _appointment_history(shape: str, appointment_id: int) -> QuerySet[AppointmentEvent]:
    """The status changes of one appointment (already found among the viewer's), in order."""
    return (
        AppointmentEvent.objects.filter(appointment_id=appointment_id)
        .select_related("actor")
        .only(*_EVENT_COLUMNS)
        .order_by("at", "id")
    )


_APPOINTMENT_HISTORY = ListTemplate(_appointment_history, appointment_id=int)

# Read on every appointment's page: built once per role (ViewerRow).
_APPOINTMENT_FOR_DISPLAY = ViewerRow(_appointment_for_display)


def slot_list(
    *, viewer: User, doctor_id: int, day: date, at: datetime, patient_id: int | None = None
) -> list[Slot]:
    """List a doctor's free slots on a calendar day of the hospital, in time order.

    Free: in the hospital's grid, inside the doctor's weekly template (all hours when they have
    none), outside their time off, overlapping no pending, confirmed or held appointment of the
    doctor, nor of the patient (a patient viewer: themself; an admin: `patient_id` when given).
    Slots that have already started are left out. Raises NotFoundError for an unknown doctor or
    one whose account is not approved.
    """
    doctor = Doctor.objects.filter(pk=doctor_id, user__status=AccountStatus.APPROVED).first()
    if doctor is None:
        raise NotFoundError()
    rules = slot_rules()
    day_start, day_end = local_day_bounds(day, rules=rules)
    people = Q(doctor=doctor)
    if viewer.role == Role.PATIENT:
        # The patient's own row is read inside the query: one value, looked up once.
        people |= Q(patient_id=Subquery(Patient.objects.filter(user=viewer).values("pk")[:1]))
    elif patient_id is not None:
        people |= Q(patient_id=patient_id)
    # The appointments in the way and the doctor's time off, in one query (both are ranges).
    ranges = (
        Appointment.objects.filter(
            people,
            # Written into the SQL: the prepared statement's one plan then uses the partial
            # indexes on the slot-holding statuses.
            status__in=[Constant(status) for status in SLOT_HOLDING_STATUSES],
            starts_at__lt=day_end,
            ends_at__gt=day_start,
        )
        .annotate(kind=Value("busy"))
        .order_by()
        .values_list("kind", "starts_at", "ends_at")
        .union(
            TimeOff.objects.filter(doctor=doctor, starts_at__lt=day_end, ends_at__gt=day_start)
            .annotate(kind=Value("away"))
            .order_by()
            .values_list("kind", "starts_at", "ends_at"),
            all=True,
        )
        .order_by("kind", "starts_at")
    )
    busy: list[tuple[datetime, datetime]] = []
    time_off: list[tuple[datetime, datetime]] = []
    for kind, starts_at, ends_at in ranges:
        (busy if kind == "busy" else time_off).append((starts_at, ends_at))
    return open_slots(
        day_slots(day, rules=rules),
        windows=list(AvailabilityWindow.objects.filter(doctor=doctor)),
        time_off=time_off,
        busy=busy,
        rules=rules,
        at=at,
    )


# The longest calendar: a week for one doctor; every doctor only for one day.
CALENDAR_DAYS_ONE_DOCTOR = 7
# On the calendar: everything that is or was on the day's plan; not refused or withdrawn ones.
CALENDAR_STATUSES = (
    AppointmentStatus.PENDING,
    AppointmentStatus.CONFIRMED,
    AppointmentStatus.HELD,
    AppointmentStatus.COMPLETED,
    AppointmentStatus.NO_SHOW,
)


def _day_availability(
    day: date, *, windows: list[AvailabilityWindow], rules: SlotRules
) -> list[tuple[datetime, datetime]]:
    spans: list[tuple[time | None, time | None]]
    if windows:
        spans = [
            (window.start_time, window.end_time)
            for window in windows
            if window.weekday == day.weekday()
        ]
    else:
        spans = [
            (_clock_time(window.opens), _clock_time(window.closes))
            for window in rules.windows
            if day.weekday() in window.weekdays
        ]
    ranges = []
    for start, end in sorted(spans, key=lambda span: span[0] or time()):
        assert start is not None
        starts_at = datetime.combine(day, start, tzinfo=rules.tz)
        ends_at = (
            datetime.combine(day + timedelta(days=1), time(), tzinfo=rules.tz)
            if end is None
            else datetime.combine(day, end, tzinfo=rules.tz)
        )
        ranges.append((starts_at, ends_at))
    return ranges


def _clock_time(minutes: int) -> time | None:
    """A wall-clock time from minutes after midnight; None for midnight at the day's end."""
    return None if minutes >= 24 * 60 else time(minutes // 60, minutes % 60)


def appointment_calendar(
    *,
    viewer: User,
    date_from: date,
    date_to: date,
    doctor_id: int | None,
    at: datetime,
) -> dict[str, Any]:
    """The calendar of the doctors `viewer` may see between two dates (inclusive).

    One doctor: up to CALENDAR_DAYS_ONE_DOCTOR days; every approved doctor: one day. A doctor
    sees only their own calendar (another doctor's id answers 404) and, of the appointments,
    those visible_appointments lets them see. Per doctor: the availability ranges (template,
    or the hospital's hours without one), time off, free slots (as in slot_list, future only)
    and the appointments that are or were on the plan. A fixed number of queries whatever the
    number of doctors. Raises ValidationFailed for a range that is out of order or too long,
    NotFoundError for a doctor the viewer may not see.
    """
    if date_to < date_from:
        raise ValidationFailed(fields={"to": ["The last day comes before the first day."]})
    days = (date_to - date_from).days + 1
    if viewer.role == Role.DOCTOR:
        own = Doctor.objects.filter(user=viewer).values_list("pk", flat=True).first()
        if doctor_id is not None and doctor_id != own:
            raise NotFoundError()
        doctor_id = own
    if doctor_id is None and days > 1:
        message = "Without a doctor the calendar shows one day; choose a doctor for a week."
        raise ValidationFailed(message, fields={"to": [message]})
    if days > CALENDAR_DAYS_ONE_DOCTOR:
        message = f"The calendar shows at most {CALENDAR_DAYS_ONE_DOCTOR} days."
        raise ValidationFailed(message, fields={"to": [message]})
    doctors_query = (
        Doctor.objects.filter(user__status=AccountStatus.APPROVED)
        .select_related("user", "department")
        .prefetch_related("availability_windows")
        .order_by("user__last_name", "user__first_name", "id")
    )
    if doctor_id is not None:
        doctors_query = doctors_query.filter(pk=doctor_id)
    doctors = list(doctors_query)
    if doctor_id is not None and not doctors:
        raise NotFoundError()
    ids = [doctor.pk for doctor in doctors]
    rules = slot_rules()
    start = local_day_bounds(date_from, rules=rules)[0]
    end = local_day_bounds(date_to, rules=rules)[1]
    time_off: dict[int, list[TimeOff]] = {pk: [] for pk in ids}
    for row in TimeOff.objects.filter(doctor_id__in=ids, starts_at__lt=end, ends_at__gt=start):
        time_off[row.doctor_id].append(row)
    busy: dict[int, list[tuple[datetime, datetime]]] = {pk: [] for pk in ids}
    for doctor_pk, starts_at, ends_at in Appointment.objects.filter(
        doctor_id__in=ids, status__in=SLOT_HOLDING_STATUSES, starts_at__lt=end, ends_at__gt=start
    ).values_list("doctor_id", "starts_at", "ends_at"):
        busy[doctor_pk].append((starts_at, ends_at))
    shown: dict[int, list[Appointment]] = {pk: [] for pk in ids}
    for appointment in (
        Appointment.objects.filter(
            visible_appointments(viewer),
            doctor_id__in=ids,
            status__in=CALENDAR_STATUSES,
            starts_at__gte=start,
            starts_at__lt=end,
        )
        .select_related("patient__user")
        .order_by("starts_at", "id")
    ):
        shown[appointment.doctor_id].append(appointment)
    dates = [date_from + timedelta(days=offset) for offset in range(days)]
    columns = []
    for doctor in doctors:
        windows = list(doctor.availability_windows.all())
        ranges = [(row.starts_at, row.ends_at) for row in time_off[doctor.pk]]
        columns.append(
            {
                "id": doctor.pk,
                "full_name": doctor.full_name,
                "department": doctor.department.name,
                "has_template": bool(windows),
                "availability": [
                    {"starts_at": begin, "ends_at": finish}
                    for day in dates
                    for begin, finish in _day_availability(day, windows=windows, rules=rules)
                ],
                "time_off": time_off[doctor.pk],
                "free_slots": [
                    slot
                    for day in dates
                    for slot in open_slots(
                        day_slots(day, rules=rules),
                        windows=windows,
                        time_off=ranges,
                        busy=busy[doctor.pk],
                        rules=rules,
                        at=at,
                    )
                ],
                "appointments": shown[doctor.pk],
            }
        )
    return {
        "from": date_from,
        "to": date_to,
        "slot_minutes": rules.slot_minutes,
        "doctors": columns,
    }


def appointment_status_count_subqueries(*, viewer: User) -> dict[str, BaseExpression]:
    """Scalar subqueries counting the confirmed and the pending appointments `viewer` may see.

    Named `appointments_confirmed` and `appointments_pending`. For a viewer who sees every
    appointment (the admin) each reads a counter the database keeps by status
    (`hms.common.counters`, installed by migration 0005), whatever the number of appointments;
    for anyone else each reads one range of the (status, starts_at) index. Evaluate them with
    `hms.common.queries.read_together`.
    """
    statuses = {
        "appointments_confirmed": AppointmentStatus.CONFIRMED,
        "appointments_pending": AppointmentStatus.PENDING,
    }
    return status_count_subqueries(
        Appointment, visible=visible_appointments(viewer), statuses=statuses
    )


def appointment_upcoming_count_subquery(*, viewer: User, at: datetime) -> Subquery:
    """A scalar subquery: the confirmed appointments of `viewer` (a doctor) not ended at `at`."""
    # The doctor's id read inside the query: the (doctor, status, starts_at) index's range.
    confirmed = visible_appointments(viewer, among_status=AppointmentStatus.CONFIRMED)
    return count_of(
        Appointment.objects.filter(confirmed, status=AppointmentStatus.CONFIRMED, ends_at__gt=at)
    )


def appointment_list_today_for_doctor(*, viewer: User, at: datetime) -> list[Appointment]:
    """Today's confirmed appointments of `viewer` (a doctor) in time order, with the patient."""
    rules = slot_rules()
    day_start, day_end = local_day_bounds(local_date(at, rules=rules), rules=rules)
    return list(
        Appointment.objects.filter(
            visible_appointments(viewer),
            status=AppointmentStatus.CONFIRMED,
            starts_at__gte=day_start,
            starts_at__lt=day_end,
        )
        .select_related("patient__user")
        .order_by("starts_at", "id")
    )


def appointment_summary_for_doctor(*, viewer: User, at: datetime) -> dict[str, Any]:
    """Summarise the appointments of `viewer` (a doctor) for their dashboard.

    `upcoming_confirmed`: confirmed appointments that have not ended yet; `today`: today's
    confirmed appointments in time order, with the patient (completed ones have left the list).
    """
    counts = read_together(
        User.objects.filter(pk=viewer.pk),
        upcoming_confirmed=appointment_upcoming_count_subquery(viewer=viewer, at=at),
    )
    return {
        "upcoming_confirmed": counts["upcoming_confirmed"],
        "today": appointment_list_today_for_doctor(viewer=viewer, at=at),
    }


def appointment_pending_count_subquery(*, viewer: User) -> Subquery:
    """A scalar subquery: the requests of `viewer` (a patient) waiting for a decision."""
    return count_of(
        Appointment.objects.filter(visible_appointments(viewer), status=AppointmentStatus.PENDING)
    )


def appointment_get_next_for_patient(*, viewer: User, at: datetime) -> Appointment | None:
    """The soonest confirmed appointment of `viewer` (a patient) not ended at `at`, or None."""
    return _NEXT_APPOINTMENT(viewer, at=at)


def _coming_appointments(viewer: User, at: datetime) -> QuerySet[Appointment]:
    return (
        _with_people(Appointment.objects.filter(visible_appointments(viewer)))
        .filter(status=AppointmentStatus.CONFIRMED, ends_at__gt=at)
        .order_by("starts_at", "id")
    )


# Read on every patient's dashboard: built once per role (ViewerFirst).
_NEXT_APPOINTMENT = ViewerFirst(_coming_appointments, at=datetime)


def appointment_summary_for_patient(*, viewer: User, at: datetime) -> dict[str, Any]:
    """Summarise the appointments of `viewer` (a patient) for their dashboard.

    `next_appointment`: the soonest confirmed appointment that has not ended (None when there
    is none); `pending`: how many of their requests wait for the hospital's decision.
    """
    counts = read_together(
        User.objects.filter(pk=viewer.pk), pending=appointment_pending_count_subquery(viewer=viewer)
    )
    return {
        "next_appointment": appointment_get_next_for_patient(viewer=viewer, at=at),
        "pending": counts["pending"],
    }


def appointment_counts_by_day(*, viewer: User, at: datetime, days: int = 7) -> list[dict[str, Any]]:
    """Count the confirmed and pending appointments `viewer` may see per day, from today on.

    Returns one entry per day for today (the hospital's date at `at`) and the `days - 1` days
    after it, in date order, days without appointments included with zeros: `date`,
    `confirmed` (confirmed or already completed: the visits that take place) and `pending`
    (requests waiting for a decision). One query (`appointment_day_count_subqueries` read
    together); each day reads its range of the (status, starts_at) index, whatever the size of
    the table.
    """
    counts = read_together(
        User.objects.filter(pk=viewer.pk),
        **appointment_day_count_subqueries(viewer=viewer, at=at, days=days),
    )
    return appointment_days_from_counts(counts, at=at, days=days)


def appointment_week_bounds(*, at: datetime, days: int = 7) -> list[tuple[datetime, datetime]]:
    """The start and end of today (the hospital's date at `at`) and of each of the `days - 1`
    days after it, in the hospital's time zone."""
    rules = slot_rules()
    first = local_date(at, rules=rules)
    return [local_day_bounds(first + timedelta(days=offset), rules=rules) for offset in range(days)]


def appointment_day_count_subqueries(
    *, viewer: User, at: datetime, days: int = 7
) -> dict[str, Subquery]:
    """Scalar subqueries counting what `appointment_counts_by_day` counts, to read with others.

    Keys `day_<n>_confirmed` and `day_<n>_pending` for today (n = 0, the hospital's date at
    `at`) and the `days - 1` days after it; each reads one day of the (status, starts_at) index.
    Evaluate with `read_together`, then turn the values into the list with
    `appointment_days_from_counts`.
    """
    return appointment_day_count_subqueries_for(
        viewer=viewer, bounds=appointment_week_bounds(at=at, days=days)
    )


def appointment_day_count_subqueries_for(
    *, viewer: User, bounds: Sequence[tuple[datetime, datetime]]
) -> dict[str, Subquery]:
    """`appointment_day_count_subqueries` for the days that start and end at `bounds`."""
    visible = Appointment.objects.filter(visible_appointments(viewer))
    subqueries: dict[str, Subquery] = {}
    for offset, (start, end) in enumerate(bounds):
        that_day = visible.filter(starts_at__gte=start, starts_at__lt=end)
        subqueries[f"day_{offset}_confirmed"] = count_of(
            that_day.filter(status__in=[AppointmentStatus.CONFIRMED, AppointmentStatus.COMPLETED])
        )
        subqueries[f"day_{offset}_pending"] = count_of(
            that_day.filter(status=AppointmentStatus.PENDING)
        )
    return subqueries


def appointment_days_from_counts(
    counts: Mapping[str, int], *, at: datetime, days: int = 7
) -> list[dict[str, Any]]:
    """The days of `appointment_counts_by_day`, from the values of its subqueries."""
    first = local_date(at, rules=slot_rules())
    return [
        {
            "date": first + timedelta(days=offset),
            "confirmed": counts[f"day_{offset}_confirmed"],
            "pending": counts[f"day_{offset}_pending"],
        }
        for offset in range(days)
    ]


def appointment_request_rows(*, viewer: User, limit: int) -> QuerySet[Any, Any]:
    """The requests waiting for a decision that `viewer` may see, at most `limit`, as rows.

    Rows of `id`, `patient_id`, `doctor_id`, `starts_at`, `ends_at`, `created_at`, the
    patient's and the doctor's names, the doctor's `department_name` and `rank` (1 for the
    soonest appointment). Unordered, for the admin dashboard's one read of every queue
    (`rows_together`); the rows are picked off the (status, starts_at) index range of PENDING.
    `appointment_requests_from_rows` turns them into appointments.
    """
    # The soonest ids first, off the index alone; only those rows are joined to their people.
    soonest = (
        Appointment.objects.filter(visible_appointments(viewer), status=AppointmentStatus.PENDING)
        .order_by("starts_at", "id")
        .values("pk")[:limit]
    )
    return (
        Appointment.objects.filter(pk__in=soonest)
        .annotate(
            patient_first_name=F("patient__user__first_name"),
            patient_last_name=F("patient__user__last_name"),
            doctor_first_name=F("doctor__user__first_name"),
            doctor_last_name=F("doctor__user__last_name"),
            department_name=F("doctor__department__name"),
            rank=Window(RowNumber(), order_by=[F("starts_at").asc(), F("id").asc()]),
        )
        .order_by()
        .values(
            "id",
            "patient_id",
            "doctor_id",
            "starts_at",
            "ends_at",
            "created_at",
            "patient_first_name",
            "patient_last_name",
            "doctor_first_name",
            "doctor_last_name",
            "department_name",
            "rank",
        )
    )


def appointment_requests_from_rows(rows: Iterable[Mapping[str, Any]]) -> list[Appointment]:
    """The appointments of `appointment_request_rows`, with their patient, doctor and
    department (unsaved copies holding the names), in the rows' order."""
    return [
        Appointment(
            pk=row["id"],
            patient=Patient(
                pk=row["patient_id"],
                user=User(first_name=row["patient_first_name"], last_name=row["patient_last_name"]),
            ),
            doctor=Doctor(
                pk=row["doctor_id"],
                user=User(first_name=row["doctor_first_name"], last_name=row["doctor_last_name"]),
                department=Department(name=row["department_name"]),
            ),
            starts_at=row["starts_at"],
            ends_at=row["ends_at"],
            created_at=row["created_at"],
            status=AppointmentStatus.PENDING,
        )
        for row in rows
    ]


def waitlist_list(
    *, viewer: User, doctor_id: int | None = None, active: bool = False
) -> QuerySet[WaitlistEntry]:
    """List the waitlist entries the viewer may see, in line order.

    The admin sees every entry, a patient their own; `doctor_id` narrows to one doctor's line
    and `active` to the entries still in line (WAITING or OFFERED).
    """
    queryset = WaitlistEntry.objects.filter(visible_waitlist_entries(viewer)).select_related(
        "patient__user", "doctor__user", "offer"
    )
    if doctor_id is not None:
        queryset = queryset.filter(doctor_id=doctor_id)
    if active:
        queryset = queryset.filter(status__in=WAITLIST_ACTIVE_STATUSES)
    return queryset.order_by("created_at", "id")


def waitlist_get(*, viewer: User, id: int) -> WaitlistEntry:
    """Get one entry the viewer may see. Raises NotFoundError (missing or not yours)."""
    entry = waitlist_list(viewer=viewer).filter(pk=id).first()
    if entry is None:
        raise NotFoundError()
    return entry
