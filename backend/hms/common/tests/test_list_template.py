"""ListTemplate: a list's page and count built once per shape, run again with new values."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.db.models import BooleanField, Exists, OuterRef, QuerySet
from django.db.models.expressions import RawSQL
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hms.accounts.models import AccountStatus, Role, User
from hms.accounts.tests.factories import UserFactory
from hms.admissions.models import Admission
from hms.admissions.tests.factories import AdmissionFactory
from hms.common.errors import ValidationFailed
from hms.common.queries import ListTemplate, TemplateRows
from hms.patients.models import Patient

pytestmark = pytest.mark.django_db


def _patients(shape: str, doctor_user: int) -> QuerySet[Patient]:
    """A doctor's patients (all, or only the approved ones), with their account and a flag."""
    rows = (
        Patient.objects.select_related("user")
        .filter(assigned_doctor__user_id=doctor_user)
        .annotate(in_hospital=Exists(Admission.objects.filter(patient=OuterRef("pk"))))
        .order_by("user__last_name", "pk")
    )
    return rows.filter(user__status=AccountStatus.APPROVED) if shape == "approved" else rows


def _seen(rows: list[Patient]) -> list[tuple[Any, ...]]:
    return [
        (p.pk, p.user_id, p.user.username, p.user.last_name, p.mobile, p.in_hospital) for p in rows
    ]


@pytest.fixture
def two_doctors(make_doctor, make_patient):
    first, second = make_doctor(), make_doctor()
    for index in range(5):
        patient = make_patient(assigned_doctor=first, user__last_name=f"Name{4 - index}")
        if index == 1:
            AdmissionFactory(patient=patient, doctor=first)
    make_patient(assigned_doctor=first, status=AccountStatus.PENDING, user__last_name="Name9")
    make_patient(assigned_doctor=second, user__last_name="Other")
    return first, second


def test_pages_and_counts_are_the_orms_for_each_viewer_and_shape(two_doctors):
    template = ListTemplate(_patients, doctor_user=int)

    for doctor in two_doctors:
        for shape in ("all", "approved"):
            orm = _patients(shape, doctor.user_id)
            rows = template.rows(shape, doctor_user=doctor.user_id)
            assert isinstance(rows, TemplateRows)
            for window in (slice(0, 2), slice(2, 4), slice(4, 25), slice(25, 50)):
                with CaptureQueriesContext(connection) as queries:
                    page = rows[window]
                # One query: the joined account and the annotation come with the rows.
                assert len(queries) == 1
                assert _seen(page) == _seen(list(orm[window]))
            assert rows.count() == orm.count()
            assert _seen(list(rows)) == _seen(list(orm))

    first, second = two_doctors
    assert template.rows("all", doctor_user=first.user_id).count() == 6
    assert template.rows("approved", doctor_user=first.user_id).count() == 5
    assert template.rows("approved", doctor_user=second.user_id).count() == 1
    # The first doctor's approved patients by last name: Name0 .. Name4, the admitted one 4th.
    page = template.rows("approved", doctor_user=first.user_id)[0:5]
    assert [p.user.last_name for p in page] == [f"Name{i}" for i in range(5)]
    assert [p.in_hospital for p in page] == [False, False, False, True, False]


def test_the_statements_are_built_once_per_shape_with_stand_ins(two_doctors):
    built: list[tuple[str, int]] = []

    def build(shape: str, doctor_user: int) -> QuerySet[Patient]:
        built.append((shape, doctor_user))
        return _patients(shape, doctor_user)

    template = ListTemplate(build, doctor_user=int)
    first, second = two_doctors
    for doctor in (first, second, first):
        template.rows("all", doctor_user=doctor.user_id)[0:2]
        template.rows("approved", doctor_user=doctor.user_id).count()

    # Each shape built twice (with two sets of stand-ins, to compare them), then never again.
    assert [shape for shape, _ in built] == ["all", "all", "approved", "approved"]
    assert all(stand_in not in (first.user_id, second.user_id) for _, stand_in in built)
    assert built[0][1] != built[1][1]


def test_the_limit_and_offset_are_written_into_the_statement(two_doctors):
    # A limit sent as a parameter would have PostgreSQL plan the statement again on each run.
    template = ListTemplate(_patients, doctor_user=int)
    rows = template.rows("all", doctor_user=two_doctors[0].user_id)

    with CaptureQueriesContext(connection) as queries:
        rows[2:4]

    assert queries.captured_queries[0]["sql"].endswith("LIMIT 2 OFFSET 2")


def test_a_shape_may_leave_a_parameter_unused(two_doctors):
    # The admin's list does not depend on who looks.
    def build(shape: str, viewer: int) -> QuerySet[User]:
        rows = User.objects.filter(role=Role.DOCTOR).order_by("pk")
        return rows if shape == "admin" else rows.filter(pk=viewer)

    template = ListTemplate(build, viewer=int)
    doctors = [d.user_id for d in two_doctors]

    admin_rows = template.rows("admin", viewer=doctors[1])
    assert admin_rows is not None
    assert [u.pk for u in admin_rows[0:10]] == doctors
    own_rows = template.rows("own", viewer=doctors[1])
    assert own_rows is not None
    assert [u.pk for u in own_rows[0:10]] == [doctors[1]]


def test_prefetched_relations_are_read_as_the_orm_reads_them(two_doctors):
    template = ListTemplate(
        lambda shape, doctor_user: (
            Patient.objects.filter(assigned_doctor__user_id=doctor_user)
            .prefetch_related("admissions")
            .order_by("pk")
        ),
        doctor_user=int,
    )
    rows = template.rows("all", doctor_user=two_doctors[0].user_id)
    assert rows is not None

    with CaptureQueriesContext(connection) as queries:
        page = rows[0:10]
        stays = [len(p.admissions.all()) for p in page]

    assert len(queries) == 2  # the page, then every row's admissions at once
    assert stays == [0, 1, 0, 0, 0, 0]


@pytest.mark.parametrize(
    "build",
    [
        # Reads the database while built: the stand-in's row would be kept for everyone.
        lambda shape, viewer: User.objects.filter(pk=User.objects.get(pk=viewer).pk).order_by("pk"),
        # `now` read when built would stay that instant.
        lambda shape, viewer: User.objects.filter(
            pk=viewer, date_joined__lte=timezone.now() - timedelta(days=1)
        ).order_by("pk"),
        # A value computed from a parameter.
        lambda shape, viewer: User.objects.filter(pk__in=[viewer, viewer + 1]).order_by("pk"),
        # Not a list of model instances, already cut, not ordered, distinct.
        lambda shape, viewer: User.objects.filter(pk=viewer).order_by("pk").values("pk"),
        lambda shape, viewer: User.objects.filter(pk=viewer).order_by("pk")[:5],
        lambda shape, viewer: User.objects.filter(pk=viewer),
        lambda shape, viewer: User.objects.filter(pk=viewer).order_by("pk").distinct(),
        # Matches nothing whatever the values: the ORM answers without asking the database.
        lambda shape, viewer: User.objects.filter(pk__in=[]).order_by("pk"),
    ],
)
def test_a_shape_it_cannot_build_is_left_to_the_orm(admin_user, build):
    template = ListTemplate(build, viewer=int)

    assert template.rows("any", viewer=admin_user.pk) is None
    with CaptureQueriesContext(connection) as queries:
        # Refused once, and remembered: nothing is built or read again.
        assert template.rows("any", viewer=admin_user.pk) is None

    assert len(queries) == 0


def test_an_error_of_the_request_is_not_a_refusal(admin_user):
    calls: list[str] = []

    def build(shape: str, viewer: int) -> QuerySet[User]:
        calls.append(shape)
        if shape == "bad":
            raise ValidationFailed(fields={"status": ["Not a status."]})
        return User.objects.filter(pk=viewer).order_by("pk")

    template = ListTemplate(build, viewer=int)

    for _ in range(2):
        with pytest.raises(ValidationFailed):
            template.rows("bad", viewer=admin_user.pk)
    assert calls == ["bad", "bad"]  # never kept: each such request is answered with its error
    rows = template.rows("good", viewer=admin_user.pk)
    assert rows is not None and rows.count() == 1


def test_values_must_name_every_parameter_and_no_other(admin_user):
    template = ListTemplate(lambda shape, viewer: User.objects.order_by("pk"), viewer=int)

    with pytest.raises(TypeError, match="expected"):
        template.rows("any")
    with pytest.raises(TypeError, match="expected"):
        template.rows("any", viewer=1, other=2)


def test_it_keeps_a_bounded_number_of_shapes(admin_user):
    template = ListTemplate(
        lambda shape, viewer: User.objects.filter(pk=viewer).order_by("pk"), viewer=int
    )

    for shape in range(ListTemplate.MAX_SHAPES * 2 + 3):
        rows = template.rows(shape, viewer=admin_user.pk)
        assert rows is not None and [u.pk for u in rows[0:1]] == [admin_user.pk]

    assert 0 < len(template._compiled) <= ListTemplate.MAX_SHAPES


def _named(shape: str, word_0: str, word_1: str) -> QuerySet[User]:
    """Accounts whose last name holds one word, or two words with one space between them."""
    text = f"{word_0} {word_1}" if shape == "two words" else word_0
    return User.objects.filter(last_name__icontains=text).order_by("pk")


@pytest.mark.parametrize(
    ("shape", "word_0", "word_1"),
    [
        ("one word", "o_b", ""),
        ("one word", "o%b", ""),
        ("one word", "50%", ""),
        ("one word", "a\\b", ""),
        ("one word", "ob", ""),
        ("two words", "o'b", "50%"),
        ("two words", "o_b", "x"),
    ],
)
def test_a_searched_word_matches_as_the_orms_escaped_pattern(db, shape, word_0, word_1):
    for name in ("O_Brien", "OxBrien", "O%Brien", "50% off", "a\\b", "o'b 50% more", "O'B 50"):
        UserFactory(last_name=name, role=Role.PATIENT)
    template = ListTemplate(_named, word_0=str, word_1=str)

    rows = template.rows(shape, word_0=word_0, word_1=word_1)

    assert rows is not None
    built = [u.last_name for u in rows[0:20]]
    assert built == [u.last_name for u in _named(shape, word_0, word_1)]
    assert rows.count() == len(built)
    expected = {
        ("one word", "o_b"): ["O_Brien"],
        ("one word", "o%b"): ["O%Brien"],
        ("one word", "50%"): ["50% off", "o'b 50% more"],
        ("one word", "a\\b"): ["a\\b"],
        ("one word", "ob"): [],
        ("two words", "o'b"): ["o'b 50% more"],
        ("two words", "o_b"): [],
    }
    assert built == expected[(shape, word_0)]


@pytest.mark.parametrize(
    "build",
    [
        # A pattern the build made itself, not escaped as the ORM escapes it.
        lambda shape, word: (
            User.objects.alias(
                hit=RawSQL("last_name LIKE %s", [f"%{word}%"], output_field=BooleanField())
            )
            .filter(hit=True)
            .order_by("pk")
        ),
        # A pattern of another kind, and a word changed before it is matched.
        lambda shape, word: User.objects.filter(last_name__istartswith=word).order_by("pk"),
        lambda shape, word: User.objects.filter(last_name__icontains=word.upper()).order_by("pk"),
        lambda shape, word: User.objects.filter(last_name__icontains=f"{word}-").order_by("pk"),
    ],
)
def test_a_pattern_it_cannot_bind_is_left_to_the_orm(admin_user, build):
    template = ListTemplate(build, word=str)

    assert template.rows("any", word="Smith") is None


def test_only_a_slice_from_a_start_to_a_stop_is_taken(admin_user):
    template = ListTemplate(lambda shape, viewer: User.objects.order_by("pk"), viewer=int)
    rows = template.rows("any", viewer=admin_user.pk)
    assert rows is not None

    for bad in (slice(None, None), slice(-1, 3), slice(0, 4, 2), slice(3, 1)):
        with pytest.raises((TypeError, ValueError)):
            rows[bad]
    with pytest.raises(TypeError):
        rows[0]  # type: ignore[index]


def test_first_is_the_lists_first_row_or_none(two_doctors):
    template = ListTemplate(_patients, doctor_user=int)
    first, second = two_doctors
    nobody = -5

    for doctor_user in (first.user_id, second.user_id, nobody):
        for shape in ("all", "approved"):
            orm = _patients(shape, doctor_user)
            with CaptureQueriesContext(connection) as queries:
                found = template.first(
                    shape, orm=lambda: pytest.fail("not refused"), doctor_user=doctor_user
                )
            assert len(queries) == 1
            expected = orm.first()
            assert (found and _seen([found])) == (expected and _seen([expected]))
    assert template.first("all", orm=lambda: pytest.fail("not refused"), doctor_user=nobody) is None
    assert (
        template.first(
            "approved", orm=lambda: pytest.fail("x"), doctor_user=first.user_id
        ).user.last_name
        == "Name0"
    )


def test_first_of_a_refused_shape_reads_the_orms_list(admin_user):
    template = ListTemplate(
        lambda shape, viewer: User.objects.filter(pk=viewer).order_by("pk")[:5], viewer=int
    )

    found = template.first(
        "any", orm=lambda: User.objects.filter(pk=admin_user.pk), viewer=admin_user.pk
    )

    assert found == admin_user
