"""Reads of the audit log: the admin's viewer (filtered) and a patient's own access log."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

import django_filters
from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from hms.audit.models import AuditEvent, AuditKind, UnusualAccessFlag
from hms.common.dates import BoundedDateFilter
from hms.common.errors import NotFoundError
from hms.common.filters import IntegerFilter, filter_rows, ordered_range_form


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


class AuditEventFilter(django_filters.FilterSet):
    """The query parameters of the audit viewer and its CSV export."""

    actor = IntegerFilter(field_name="actor", min_value=1, help_text="User id of the actor.")
    patient = IntegerFilter(
        method="filter_patient", min_value=1, help_text="Patient id: events naming this patient."
    )
    action = django_filters.CharFilter(
        field_name="action", max_length=64, help_text="Exact action, e.g. `patient.retrieve`."
    )
    kind = django_filters.ChoiceFilter(field_name="kind", choices=AuditKind.choices)
    date_from = BoundedDateFilter(
        method="filter_date_from", help_text="On or after this date (hospital time zone)."
    )
    date_to = BoundedDateFilter(
        method="filter_date_to", help_text="On or before this date (hospital time zone)."
    )

    class Meta:
        model = AuditEvent
        fields = ["actor", "patient", "action", "kind", "date_from", "date_to"]
        form = ordered_range_form("date_from", "date_to")

    def filter_patient(
        self, queryset: QuerySet[AuditEvent], name: str, value: int
    ) -> QuerySet[AuditEvent]:
        return queryset.filter(patient_ids__has_id=value)

    def filter_date_from(
        self, queryset: QuerySet[AuditEvent], name: str, value: date
    ) -> QuerySet[AuditEvent]:
        return queryset.filter(at__gte=_day_start(value))

    def filter_date_to(
        self, queryset: QuerySet[AuditEvent], name: str, value: date
    ) -> QuerySet[AuditEvent]:
        return queryset.filter(at__lt=_day_start(value + timedelta(days=1)))


def audit_event_list(*, filters: Mapping[str, Any]) -> QuerySet[AuditEvent]:
    """Every audit event matching `filters` (AuditEventFilter), newest first.

    Only the admin reaches this (role map). Raises ValidationFailed for an invalid parameter.
    """
    return filter_rows(AuditEventFilter, filters, AuditEvent.objects.all()).order_by("-at", "-id")


def audit_event_export_rows(*, filters: Mapping[str, Any]) -> QuerySet[AuditEvent]:
    """The events `audit_event_list` finds, frozen at the newest row written so far.

    The export is read while it streams; rows appended meanwhile (the export's own access
    event among them) are left out.
    """
    latest = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    return audit_event_list(filters=filters).filter(pk__lte=latest)


def audit_event_get(*, id: int) -> AuditEvent:
    """One audit event. Raises NotFoundError when there is none with this id."""
    event = AuditEvent.objects.filter(pk=id).first()
    if event is None:
        raise NotFoundError()
    return event


def access_log_for_patient(*, patient_id: int, patient_user_id: int) -> QuerySet[AuditEvent]:
    """Who opened or changed a patient's record, newest first; the patient's own acts left out.

    Lists every successful ACCESS and CHANGE event naming the patient whose actor is someone
    else (staff). Security events (refused attempts) are for the admin's viewer.
    """
    return (
        AuditEvent.objects.filter(
            patient_ids__has_id=patient_id,
            kind__in=[AuditKind.ACCESS, AuditKind.CHANGE],
            outcome="SUCCESS",
        )
        .exclude(actor_id=patient_user_id)
        .exclude(actor__isnull=True)
        .order_by("-at", "-id")
    )


def unusual_access_rows(*, at: datetime, days: int = 7, limit: int = 10) -> QuerySet[Any, Any]:
    """The newest unusual-access flags raised in the `days` before `at`, at most `limit`, as rows.

    Rows of the flag's columns and `rank` (1 for the newest). Unordered and cut by a ranked
    filter over the `raised_at` index, for the admin dashboard's one read of every list
    (`rows_together`); `unusual_access_from_rows` turns them into flags with their events.
    """
    return unusual_access_rows_between(since=at - timedelta(days=days), until=at, limit=limit)


def unusual_access_rows_between(
    *, since: datetime, until: datetime, limit: int = 10
) -> QuerySet[Any, Any]:
    """`unusual_access_rows` of the flags raised after `since`, up to and including `until`."""
    return (
        UnusualAccessFlag.objects.filter(raised_at__gt=since, raised_at__lte=until)
        .annotate(rank=Window(RowNumber(), order_by=[F("raised_at").desc(), F("id").desc()]))
        .filter(rank__lte=limit)
        .order_by()
        .values(
            "id",
            "actor_id",
            "actor_role",
            "actor_name",
            "raised_at",
            "window_start",
            "patient_count",
            "event_ids",
            "rank",
        )
    )


def unusual_access_from_rows(rows: Iterable[Mapping[str, Any]]) -> list[UnusualAccessFlag]:
    """The flags of `unusual_access_rows`, in the rows' order, each with its events.

    Each flag's `events_behind` holds the access events it was raised for, oldest first: one
    query when any flag names events, none otherwise.
    """
    flags = [
        UnusualAccessFlag(
            pk=row["id"],
            actor_id=row["actor_id"],
            actor_role=row["actor_role"],
            actor_name=row["actor_name"],
            raised_at=row["raised_at"],
            window_start=row["window_start"],
            patient_count=row["patient_count"],
            event_ids=row["event_ids"],
        )
        for row in rows
    ]
    wanted = {event_id for flag in flags for event_id in flag.event_ids}
    events = (
        {event.pk: event for event in AuditEvent.objects.filter(pk__in=wanted)} if wanted else {}
    )
    for flag in flags:
        flag.events_behind = [events[pk] for pk in flag.event_ids if pk in events]  # type: ignore[attr-defined]
    return flags
