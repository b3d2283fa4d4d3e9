"""Every list answered from statements built once (ListTemplate) answers byte for byte what the
ORM's own queryset answers, for every role, common filter and page."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import timedelta
from typing import Any
from unittest.mock import patch

import pytest
from django.utils import timezone
from pytest_django import DjangoDbBlocker

from conftest import bearer_client, new_doctor, new_patient
from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.tests.factories import AdminFactory, UserFactory
from hms.admissions.tests.factories import AdmissionFactory, discharge
from hms.appointments.models import Appointment, AppointmentEvent, AppointmentStatus
from hms.appointments.tests.factories import AppointmentFactory
from hms.common.queries import ListTemplate, TemplateRows
from hms.common.tests.module_rows import rows_for_the_module

pytestmark = pytest.mark.django_db


def _hospital() -> dict[str, User]:
    """Two doctors with patients in every account status, appointments in every status, open
    and discharged stays with their invoices."""
    admin_user = AdminFactory(username="admin.one")
    first = new_doctor(user__last_name="Zimmer")
    second = new_doctor(user__last_name="Adams")
    new_doctor(status=AccountStatus.PENDING)
    new_doctor(status=AccountStatus.DELETED)
    patients = [
        new_patient(assigned_doctor=first if index % 3 else second, user__last_name=f"P{index}")
        for index in range(7)
    ]
    new_patient(assigned_doctor=first, status=AccountStatus.PENDING)
    new_patient(assigned_doctor=first, status=AccountStatus.DELETED)
    # Texts a LIKE pattern must escape (`_`, `%`, `\`), in names and symptoms alike.
    new_patient(
        assigned_doctor=first,
        user__first_name="Anne_Marie",
        user__last_name="O'Brien",
        symptoms="Pain 50% worse at night, back\\neck",
    )
    new_patient(assigned_doctor=first, user__first_name="AnneXMarie", symptoms="Pain 50 worse")
    new_doctor(user__first_name="Ann_a", user__last_name="Zimmer-Lee")
    for index, status in enumerate(AppointmentStatus.values * 2):
        AppointmentFactory(
            patient=patients[index % len(patients)],
            doctor=first if index % 2 else second,
            status=status,
            status_reason="Not today" if status == AppointmentStatus.REJECTED else "",
        )
    actor = UserFactory(role=Role.ADMIN)
    for index, patient in enumerate(patients[:4]):
        stay = AdmissionFactory(patient=patient, doctor=first if index % 2 else second)
        if index < 3:
            discharge(stay, actor=actor)
    return {"admin": admin_user, "doctor": first.user, "patient": patients[1].user}


@pytest.fixture(scope="module")
def module_hospital(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker
) -> Iterator[dict[str, User]]:
    # Built once: its three discharges render their invoices' PDFs, which cost more than a
    # case's requests. Each test's writes are rolled back before the next (module_rows.py).
    with rows_for_the_module(django_db_blocker):
        yield _hospital()


@pytest.fixture
def hospital(module_hospital: dict[str, User], db: None) -> dict[str, User]:
    return copy.deepcopy(module_hospital)


# (who, path): every list with a template, and the filters chosen from a few values.
CASES = [
    *(
        (role, f"/api/v1/appointments/{query}")
        for role in ("admin", "doctor", "patient")
        for query in (
            "",
            "?history=true",
            "?ordering=starts_at",
            "?status=CANCELLED",
            "?status=PENDING&history=true",
            "?status=NOPE",
        )
    ),
    *(("admin", f"/api/v1/appointments/?status={status}") for status in AppointmentStatus.values),
    *(
        (role, f"/api/v1/patients/{query}")
        for role in ("admin", "doctor")
        for query in ("", "?status=PENDING", "?status=DELETED", "?ordering=-created_at")
    ),
    *(
        (role, f"/api/v1/admissions/{query}")
        for role in ("admin", "doctor", "patient")
        for query in ("", "?status=ADMITTED", "?status=DISCHARGED")
    ),
    *(
        (role, f"/api/v1/invoices/{query}")
        for role in ("admin", "patient")
        for query in ("", "?payment_state=UNPAID", "?payment_state=PAID")
    ),
    *(("admin", f"/api/v1/doctors/{query}") for query in ("", "?status=DELETED", "?ordering=name")),
    ("patient", "/api/v1/doctors/directory/"),
    # Searched words: each in a name, or the whole text in the symptoms; LIKE's own characters
    # match only themselves.
    *(
        (role, f"/api/v1/patients/?search={text}{extra}")
        for role in ("admin", "doctor")
        for text in (
            "p1",
            "P",
            "anne_marie",
            "Anne%25",
            "50%25 worse",
            "pain 50",
            "back%5Cneck",
            "o'brien anne",
            "a b c d e",
        )
        for extra in ("", "&status=DELETED&ordering=-name")
    ),
    *(
        ("admin", f"/api/v1/doctors/?search={text}")
        for text in ("zimmer", "ann_", "zim lee", "a%25", "ZIMMER&status=APPROVED&ordering=-name")
    ),
    *(
        (role, f"/api/v1/doctors/directory/?search={text}")
        for role in ("patient", "doctor")
        for text in ("zimmer", "ann_", "zim lee", "a%25", "")
    ),
]

# Searched texts the ORM builds on every request: more words than a search reads, spaces that
# are not single ones, characters that are not printable, or a text the filter refuses.
ORM_SEARCHES = [
    "/api/v1/patients/?search=a b c d e f",
    "/api/v1/patients/?search=pain%20%2050",
    "/api/v1/patients/?search=pain%0950",
    "/api/v1/patients/?search=%20pain",
    "/api/v1/patients/?search=pain%00",
    "/api/v1/patients/?search=pain&search=back",
    f"/api/v1/patients/?search={'x' * 101}",
    "/api/v1/doctors/?search=zim%09lee",
    "/api/v1/doctors/directory/?search=zim%20%20lee",
    "/api/v1/doctors/directory/?search=zimmer&department=GEN",
]


@pytest.fixture
def templates_counted() -> Iterator[list[Any]]:
    """The rows answered from a template, one entry per list read."""
    used: list[Any] = []
    real = ListTemplate.rows

    def counted(self: ListTemplate, *args: Any, **kwargs: Any) -> TemplateRows | None:
        rows = real(self, *args, **kwargs)
        used.append(rows)
        return rows

    with patch.object(ListTemplate, "rows", counted):
        yield used


def _without_templates(client: Any, path: str) -> Any:
    with patch.object(ListTemplate, "rows", lambda self, *args, **kwargs: None):
        return client.get(path)


@pytest.mark.parametrize(("role", "path"), CASES)
def test_a_list_from_its_template_is_the_orms_list(hospital, templates_counted, role, path):
    client = bearer_client(hospital[role])
    separator = "&" if "?" in path else "?"

    for page in ("", f"{separator}page_size=2", f"{separator}page_size=2&page=2"):
        templates_counted.clear()
        built = client.get(path + page)
        orm = _without_templates(client, path + page)

        assert built.status_code == orm.status_code
        assert built.content == orm.content
        if built.status_code == 200:
            # Answered from the template, not from the ORM's queryset as well.
            assert len(templates_counted) == 1
            assert isinstance(templates_counted[0], TemplateRows)
        else:
            assert built.status_code == 400 and built.json()["code"] == "VALIDATION_ERROR"


def test_the_cases_list_rows(hospital):
    # The comparison above means something only where the lists have rows to compare.
    for role, path in [
        ("admin", "/api/v1/appointments/"),
        ("doctor", "/api/v1/appointments/"),
        ("patient", "/api/v1/appointments/"),
        ("admin", "/api/v1/patients/"),
        ("doctor", "/api/v1/patients/"),
        ("admin", "/api/v1/admissions/"),
        ("doctor", "/api/v1/admissions/"),
        ("admin", "/api/v1/invoices/"),
        ("admin", "/api/v1/doctors/"),
        ("patient", "/api/v1/doctors/directory/"),
    ]:
        assert bearer_client(hospital[role]).get(path).json()["count"] >= 2, (role, path)


@pytest.mark.parametrize("path", ORM_SEARCHES)
def test_a_search_the_template_does_not_take_is_the_orms_answer(hospital, templates_counted, path):
    client = bearer_client(hospital["admin"])

    built = client.get(path)
    orm = _without_templates(client, path)

    assert built.status_code == orm.status_code
    assert built.content == orm.content
    assert templates_counted == []


def test_the_searches_find_rows(hospital):
    # What the searches above compare: the words find their rows, and LIKE's own characters
    # match only themselves (`_` is not any one character, `%` not any text).
    client = bearer_client(hospital["admin"])

    def names(path: str) -> list[str]:
        return [row["first_name"] for row in client.get(path).json()["results"]]

    assert names("/api/v1/patients/?search=anne_marie") == ["Anne_Marie"]
    assert names("/api/v1/patients/?search=anne%25") == []
    assert names("/api/v1/patients/?search=50%25 worse") == ["Anne_Marie"]
    assert names("/api/v1/patients/?search=back%5Cneck") == ["Anne_Marie"]
    assert sorted(names("/api/v1/patients/?search=pain 50")) == ["AnneXMarie", "Anne_Marie"]
    assert names("/api/v1/patients/?search=o'brien anne") == ["Anne_Marie"]
    assert names("/api/v1/doctors/?search=ann_") == ["Ann_a"]
    assert names("/api/v1/doctors/?search=zim lee") == ["Ann_a"]
    directory = client.get("/api/v1/doctors/directory/?search=ann_").json()["results"]
    assert [row["full_name"] for row in directory] == ["Ann_a Zimmer-Lee"]


def test_an_appointments_page_from_its_templates_is_the_orms(hospital, templates_counted):
    """The appointment's row and its status history, both read from statements built once."""
    appointment = (
        Appointment.objects.filter(
            patient__user=hospital["patient"], doctor__user=hospital["doctor"]
        )
        .order_by("pk")
        .first()
    )
    assert appointment is not None
    at = timezone.now()
    changes = [
        # Written out of id order: the history is in the order of the changes.
        ("", AppointmentStatus.PENDING, hospital["patient"], at - timedelta(hours=3), ""),
        (AppointmentStatus.CONFIRMED, AppointmentStatus.CANCELLED, None, at, "No-show"),
        (
            AppointmentStatus.PENDING,
            AppointmentStatus.CONFIRMED,
            hospital["admin"],
            at - timedelta(hours=1),
            "",
        ),
    ]
    for from_status, to_status, actor, when, reason in changes:
        AppointmentEvent.objects.create(
            appointment=appointment,
            from_status=from_status,
            to_status=to_status,
            actor=actor,
            at=when,
            reason=reason,
        )
    path = f"/api/v1/appointments/{appointment.pk}/"

    for role in ("admin", "doctor", "patient"):
        client = bearer_client(hospital[role])
        templates_counted.clear()
        built = client.get(path)
        orm = _without_templates(client, path)

        assert built.status_code == orm.status_code == 200
        assert built.content == orm.content
        assert [(row["to_status"], row["actor_role"]) for row in built.json()["history"]] == [
            ("PENDING", "PATIENT"),
            ("CONFIRMED", "ADMIN"),
            ("CANCELLED", None),
        ]
        # The row and the history: each from its template, not from the ORM as well.
        assert len(templates_counted) == 2
        assert all(isinstance(rows, TemplateRows) for rows in templates_counted)
