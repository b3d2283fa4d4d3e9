"""FastLoadingModel makes rows into the same instances Django's own `from_db` makes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
from django.db import connection, models
from django.db.models.signals import post_init, pre_init
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hms.accounts.models import User
from hms.admissions.selectors import admission_list
from hms.admissions.tests.factories import AdmissionFactory
from hms.appointments.models import Appointment, AppointmentStatus
from hms.appointments.selectors import appointment_get_for_display, appointment_list
from hms.appointments.tests.factories import AppointmentFactory
from hms.audit.models import AuditEvent
from hms.audit.services import audit_event_append
from hms.common import models as common_models
from hms.common.models import FastLoadingModel
from hms.patients.models import Patient

pytestmark = pytest.mark.django_db


def _django_from_db(cls: Any, db: str | None, field_names: Any, values: Any) -> Any:
    return models.Model.from_db.__func__(cls, db, field_names, values)  # type: ignore[attr-defined]


@contextmanager
def _as_django_loads() -> Iterator[None]:
    """Every FastLoadingModel loaded by Django's own `from_db` meanwhile."""
    with mock.patch.object(FastLoadingModel, "from_db", classmethod(_django_from_db)):
        yield


def _snapshot(value: Any, seen: frozenset[int] = frozenset()) -> Any:
    """What an instance holds: its class, attributes, state, deferred columns and the related
    rows cached on it (select_related both ways, prefetch_related), recursively; a row met
    again on the way (a one-to-one's reverse side) by its class and id."""
    if isinstance(value, models.Model):
        if id(value) in seen:
            return ("again", type(value), value.pk)
        inner = seen | {id(value)}
        return (
            type(value),
            {
                name: _snapshot(held, inner)
                for name, held in vars(value).items()
                if name != "_state"
            },
            value._state.adding,
            value._state.db,
            sorted(value.get_deferred_fields()),
            {name: _snapshot(held, inner) for name, held in value._state.fields_cache.items()},
        )
    if isinstance(value, dict):
        return {name: _snapshot(held, seen) for name, held in value.items()}
    if isinstance(value, models.QuerySet):
        return [_snapshot(row, seen) for row in value]
    return value


def _loaded_both_ways(load: Any) -> tuple[Any, Any]:
    fast = _snapshot(load())
    with _as_django_loads():
        django = _snapshot(load())
    return fast, django


@pytest.fixture
def hospital(admin_user: User, make_doctor: Any, make_patient: Any) -> dict[str, Any]:
    doctor = make_doctor(department__name="Cardiology")
    patient = make_patient(assigned_doctor=doctor, user__first_name="Ánna", mobile="+15550001")
    other = make_patient(assigned_doctor=None, address="", symptoms="cough")
    start = timezone.now() + timedelta(days=2)
    confirmed = AppointmentFactory(
        patient=patient, doctor=doctor, status=AppointmentStatus.CONFIRMED, starts_at=start
    )
    AppointmentFactory(
        patient=other,
        doctor=doctor,
        status=AppointmentStatus.PENDING,
        starts_at=start + timedelta(hours=1),
    )
    AdmissionFactory(patient=other, doctor=doctor)
    audit_event_append(
        kind="ACCESS",
        actor=admin_user,
        action="patient.list",
        patient_ids=[patient.pk, other.pk],
        detail={"page": 1},
        at=timezone.now(),
    )
    return {"admin": admin_user, "doctor": doctor, "patient": patient, "appointment": confirmed}


def test_list_pages_load_as_django_loads_them(hospital: dict[str, Any]) -> None:
    admin, doctor = hospital["admin"], hospital["doctor"]
    loads = {
        # Built once per shape (TemplateRows): six instances a row, with deferred columns.
        "admin appointments": lambda: list(appointment_list(viewer=admin, filters={})[0:25]),
        "doctor appointments": lambda: list(appointment_list(viewer=doctor.user, filters={})[0:25]),
        "admissions": lambda: list(admission_list(viewer=admin, filters={})[0:25]),
        # Built by the ORM: a filter outside the templated shapes.
        "appointments by patient": lambda: list(
            appointment_list(viewer=admin, filters={"patient": str(hospital["patient"].pk)})
        ),
        # A detail with its history prefetched.
        "appointment detail": lambda: appointment_get_for_display(
            viewer=admin, id=hospital["appointment"].pk
        ),
        "whole rows": lambda: list(Patient.objects.select_related("user").order_by("pk")),
        "deferred columns": lambda: list(User.objects.only("username").order_by("pk")),
        "raw SQL": lambda: list(
            User.objects.raw("SELECT id, role, username FROM accounts_user ORDER BY id")
        ),
        "a custom field": lambda: list(AuditEvent.objects.order_by("pk")),
    }
    for name, load in loads.items():
        fast, django = _loaded_both_ways(load)
        assert fast == django, name
        assert fast, name


def test_rows_are_made_without_init_signals(hospital: dict[str, Any]) -> None:
    with mock.patch.object(pre_init, "send", wraps=pre_init.send) as sent:
        rows = list(Appointment.objects.select_related("patient__user").order_by("pk"))
    assert len(rows) == 2
    assert sent.call_count == 0


def test_a_listening_receiver_hears_every_row(hospital: dict[str, Any]) -> None:
    heard: list[tuple[str, int]] = []

    def receiver(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
        heard.append((sender.__name__, instance.__dict__.get("id", 0)))

    expected = sorted(Patient.objects.values_list("id", flat=True))
    post_init.connect(receiver, sender=Patient)
    try:
        fast, django = _loaded_both_ways(lambda: list(Patient.objects.order_by("pk")))
    finally:
        post_init.disconnect(receiver, sender=Patient)
    assert fast == django
    # Once per row, and both times: the receiver's model is loaded by Django's own path.
    assert heard == [("Patient", pk) for pk in expected] * 2
    # Once disconnected, the model loads without __init__ again.
    heard.clear()
    list(Patient.objects.all())
    assert heard == []


def test_a_column_with_its_own_descriptor_loads_through_django(
    hospital: dict[str, Any],
) -> None:
    assigned: list[Any] = []

    class Recording:
        """A descriptor that acts on assignment, as a file's or an image's does."""

        def __get__(self, instance: Any, owner: Any = None) -> Any:
            return self if instance is None else instance.__dict__["mobile"]

        def __set__(self, instance: Any, value: Any) -> None:
            assigned.append(value)
            instance.__dict__["mobile"] = value

    common_models._loads_plainly.cache_clear()
    try:
        with mock.patch.object(Patient, "mobile", Recording()):
            rows = list(Patient.objects.order_by("pk"))
            assert not common_models._loads_plainly(Patient)
    finally:
        common_models._loads_plainly.cache_clear()
    assert assigned == [row.mobile for row in rows]
    assert assigned == list(Patient.objects.order_by("pk").values_list("mobile", flat=True))
    assert common_models._loads_plainly(Patient)


def test_a_deferred_column_is_read_when_first_used(hospital: dict[str, Any]) -> None:
    patient = hospital["patient"]
    loaded = Patient.objects.only("id").get(pk=patient.pk)
    assert loaded.get_deferred_fields() >= {"mobile", "address", "user_id"}
    with CaptureQueriesContext(connection) as reads:
        assert loaded.mobile == "+15550001"
        assert loaded.mobile == "+15550001"
    assert len(reads) == 1
    assert "mobile" not in loaded.get_deferred_fields()


def test_a_loaded_row_saves_as_an_update(hospital: dict[str, Any]) -> None:
    patient = hospital["patient"]
    users = User.objects.count()
    loaded = User.objects.get(pk=patient.user_id)
    assert loaded._state.adding is False
    assert loaded._state.db == "default"
    loaded.first_name = "Anna"
    with CaptureQueriesContext(connection) as writes:
        loaded.save(update_fields=["first_name"])
    assert [query["sql"].split()[0] for query in writes] == ["UPDATE"]
    assert User.objects.count() == users
    assert User.objects.get(pk=patient.user_id).first_name == "Anna"
    assert User.objects.get(pk=patient.user_id).last_name == patient.user.last_name
