"""QueryTemplate: a query built once per database, run again with new parameter values."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.db.models import DecimalField, QuerySet
from django.test.utils import CaptureQueriesContext

from hms.accounts.models import Role, User
from hms.admissions.models import Admission
from hms.admissions.tests.factories import AdmissionFactory
from hms.common.queries import QueryTemplate, count_of, from_together, sum_of, together

pytestmark = pytest.mark.django_db

MONEY = DecimalField(max_digits=14, decimal_places=2)
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _stays_since(anchor: int, since: datetime) -> QuerySet[Any, dict[str, Any]]:
    stays = Admission.objects.filter(admitted_at__gte=since)
    return together(
        User.objects.filter(pk=anchor),
        stays=count_of(stays),
        rates=sum_of(stays, "room_charge_per_day", output_field=MONEY),
    )


@pytest.fixture
def stays(admin_user, make_patient):
    AdmissionFactory(patient=make_patient(), admitted_at=T0, room_charge_per_day=Decimal("500.00"))
    AdmissionFactory(
        patient=make_patient(),
        admitted_at=T0 + timedelta(days=2),
        room_charge_per_day=Decimal("250.50"),
    )


def test_each_run_answers_what_the_orm_answers_for_its_own_values(admin_user, stays):
    template = QueryTemplate(_stays_since, anchor=int, since=datetime)

    for since, expected in [
        (T0 - timedelta(days=1), {"stays": 2, "rates": Decimal("750.50")}),
        (T0 + timedelta(days=1), {"stays": 1, "rates": Decimal("250.50")}),
        (T0 + timedelta(days=3), {"stays": 0, "rates": Decimal("0")}),
    ]:
        orm = from_together(next(iter(_stays_since(admin_user.pk, since)), None))
        with CaptureQueriesContext(connection) as queries:
            found = from_together(template.row(anchor=admin_user.pk, since=since))

        assert len(queries) == 1
        assert found == orm == expected
        # Converted as the ORM converts: a Decimal at the column's places, not a float.
        assert isinstance(found["rates"], Decimal)


def test_the_query_is_built_once_per_database(admin_user, stays):
    built: list[dict[str, Any]] = []

    def build(anchor: int, since: datetime) -> QuerySet[Any, dict[str, Any]]:
        built.append({"anchor": anchor, "since": since})
        return _stays_since(anchor, since)

    template = QueryTemplate(build, anchor=int, since=datetime)
    template.row(anchor=admin_user.pk, since=T0)
    template.row(anchor=admin_user.pk, since=T0 + timedelta(days=1))

    assert len(built) == 1
    # Built with stand-ins, never with a caller's values.
    assert built[0]["anchor"] != admin_user.pk
    assert built[0]["since"].year == 1901


def test_rows_lists_every_row_and_row_none_when_there_is_none(admin_user, make_patient):
    patients = [make_patient(), make_patient()]
    template = QueryTemplate(
        lambda after: (
            User.objects.filter(role=Role.PATIENT, pk__gt=after).order_by("pk").values("pk", "role")
        ),
        after=int,
    )

    assert template.rows(after=0) == [{"pk": p.user.pk, "role": "PATIENT"} for p in patients]
    assert template.row(after=patients[1].user.pk) is None


def test_a_parameter_the_query_transforms_is_refused_when_built(admin_user):
    # `pk + 1` sends another number than the one given: the template cannot place it.
    template = QueryTemplate(
        lambda anchor: User.objects.filter(pk=anchor + 1).values("pk"), anchor=int
    )

    with pytest.raises(TypeError, match="anchor"):
        template.row(anchor=admin_user.pk)


def test_values_must_name_every_parameter_and_no_other(admin_user):
    template = QueryTemplate(_stays_since, anchor=int, since=datetime)

    with pytest.raises(TypeError, match="expected"):
        template.row(anchor=admin_user.pk)
    with pytest.raises(TypeError, match="expected"):
        template.row(anchor=admin_user.pk, since=T0, other=1)


def test_only_int_str_and_datetime_parameters_are_taken(admin_user):
    template = QueryTemplate(
        lambda day: User.objects.filter(date_joined__date=day).values("pk"), day=date
    )

    with pytest.raises(TypeError, match="int, str or datetime"):
        template.row(day=T0.date())


def test_a_text_parameter_is_sent_as_given(admin_user, make_patient):
    patient = make_patient()
    template = QueryTemplate(lambda name: User.objects.filter(username=name).values("pk"), name=str)

    assert template.row(name=patient.user.username) == {"pk": patient.user.pk}
    assert template.row(name=admin_user.username) == {"pk": admin_user.pk}
    assert template.row(name="nobody") is None


def test_a_text_parameter_the_lookup_wraps_in_a_pattern_is_escaped_as_the_orm_escapes_it(
    admin_user,
):
    # icontains sends `%name%`, with LIKE's own characters escaped: `_` is not any character.
    template = QueryTemplate(
        lambda name: User.objects.filter(username__icontains=name).values("pk"), name=str
    )

    assert template.row(name=admin_user.username[1:-1]) == {"pk": admin_user.pk}
    assert template.row(name=f"{admin_user.username[:1]}_{admin_user.username[2:]}") is None
    assert template.row(name="%") is None


def test_a_text_parameter_the_lookup_changes_is_refused_when_built(admin_user):
    # istartswith sends `name%`: neither the value given nor a `contains` pattern.
    template = QueryTemplate(
        lambda name: User.objects.filter(username__istartswith=name).values("pk"), name=str
    )

    with pytest.raises(TypeError):
        template.row(name="adm")


def test_a_value_computed_from_a_parameter_is_refused_when_built(admin_user):
    # `since` is placed, but `since - 7 days` would stay the stand-in's, built in.
    template = QueryTemplate(
        lambda since: Admission.objects.filter(
            admitted_at__lte=since, admitted_at__gt=since - timedelta(days=7)
        ).values("pk"),
        since=datetime,
    )
    numbers = QueryTemplate(
        lambda anchor: User.objects.filter(pk__in=[anchor, anchor + 1]).values("pk"), anchor=int
    )

    with pytest.raises(TypeError, match="derived"):
        template.row(since=T0)
    with pytest.raises(TypeError, match="derived"):
        numbers.row(anchor=admin_user.pk)
