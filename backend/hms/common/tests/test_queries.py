"""count_of, sum_of and read_together: several numbers from one query."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import DecimalField
from django.test.utils import CaptureQueriesContext

from hms.accounts.models import AccountStatus, Role, User
from hms.admissions.models import Admission
from hms.admissions.tests.factories import AdmissionFactory
from hms.common.queries import Constant, count_of, read_together, sum_of

pytestmark = pytest.mark.django_db


def test_counts_distinct_counts_and_sums_come_back_in_one_query(admin_user, make_patient):
    first, second = make_patient(), make_patient(status=AccountStatus.PENDING)
    AdmissionFactory(patient=first, room_charge_per_day=Decimal("500.00"))
    AdmissionFactory(
        patient=first,
        room_charge_per_day=Decimal("250.50"),
        status="DISCHARGED",
        discharged_on="2026-11-21",
        discharged_at="2026-11-21T10:00:00Z",
        discharged_by=admin_user,
    )
    money = DecimalField(max_digits=14, decimal_places=2)

    with CaptureQueriesContext(connection) as queries:
        values = read_together(
            User.objects.filter(pk=admin_user.pk),
            patients=count_of(User.objects.filter(role=Role.PATIENT)),
            pending=count_of(User.objects.filter(role=Role.PATIENT, status=AccountStatus.PENDING)),
            stays=count_of(Admission.objects.all()),
            admitted_people=count_of(Admission.objects.all(), field="patient", distinct=True),
            discharged_by=count_of(Admission.objects.all(), field="discharged_by"),
            rates=sum_of(Admission.objects.all(), "room_charge_per_day", output_field=money),
            no_rates=sum_of(Admission.objects.none(), "room_charge_per_day", output_field=money),
            # A value may share its name with a column of the anchor.
            status=count_of(Admission.objects.filter(patient=second)),
        )

    assert len(queries) == 1
    assert values == {
        "patients": 2,
        "pending": 1,
        "stays": 2,
        "admitted_people": 1,
        "discharged_by": 1,
        "rates": Decimal("750.50"),
        "no_rates": 0,
        "status": 0,
    }


def test_an_anchor_without_a_row_is_a_lookup_error(db):
    with pytest.raises(LookupError):
        read_together(User.objects.filter(pk=-1), users=count_of(User.objects.all()))


def test_a_constant_is_written_into_the_sql_and_matches_like_the_value(admin_user, make_patient):
    make_patient()
    rows = User.objects.filter(role=Constant(Role.PATIENT))
    with CaptureQueriesContext(connection) as queries:
        found = list(rows.values_list("role", flat=True))
    assert found == [Role.PATIENT]
    assert "'PATIENT'" in queries[0]["sql"]
    assert list(User.objects.exclude(role=Constant(Role.PATIENT))) == [admin_user]


@pytest.mark.parametrize("value", ["", "O'Brien", "A B", "x; DROP TABLE y"])
def test_a_constant_refuses_anything_but_an_identifier(value):
    with pytest.raises(ValueError, match="fixed identifier"):
        Constant(value)
