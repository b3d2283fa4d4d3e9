"""Rows built once per module: each test sees them and no other test's rows; none committed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_django import DjangoDbBlocker

from hms.common.tests.direct_connection import direct_connection
from hms.common.tests.module_rows import rows_for_the_module
from hms.doctors.models import Department

MODULE_CODE = "MODULE-ROWS"


def test_leaving_rolls_back_what_was_written_inside(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker
):
    # No django_db mark: no test transaction around this one. Rows kept on leaving (committed,
    # or released into a transaction still open around it) would be seen below.
    with rows_for_the_module(django_db_blocker):
        Department.objects.create(code="LEFT-BEHIND", name="Left behind", position=92)
    with django_db_blocker.unblock():
        kept = list(Department.objects.filter(code="LEFT-BEHIND").values_list("code", flat=True))
        Department.objects.filter(code="LEFT-BEHIND").delete()
        assert kept == []


@pytest.fixture(scope="module")
def module_department(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker
) -> Iterator[Department]:
    with rows_for_the_module(django_db_blocker):
        yield Department.objects.create(code=MODULE_CODE, name="Built once", position=90)


@pytest.mark.django_db
@pytest.mark.parametrize("case", [1, 2, 3])
def test_each_test_sees_the_module_rows_and_none_of_another_tests_rows(case, module_department):
    # Whichever case runs second in this process would see the first one's row if a test's
    # writes were kept.
    assert list(Department.objects.filter(code__startswith="CASE-").values_list("code")) == []
    assert Department.objects.get(code=MODULE_CODE).name == "Built once"

    Department.objects.create(code=f"CASE-{case}", name=f"Case {case}", position=91)
    Department.objects.filter(code=MODULE_CODE).update(name=f"Renamed by case {case}")

    assert Department.objects.filter(code__startswith="CASE-").count() == 1


@pytest.mark.django_db
def test_a_test_changing_the_module_rows_in_the_database_does_not_change_them_for_the_next(
    module_department,
):
    assert Department.objects.get(code=MODULE_CODE).name == "Built once"


@pytest.mark.django_db
@pytest.mark.postgres
def test_the_module_rows_are_never_committed(module_department):
    with direct_connection() as other:
        seen = other.execute(
            "SELECT count(*) FROM doctors_department WHERE code = %s", [MODULE_CODE]
        ).fetchone()
    assert seen == (0,)
    # ...while this connection, inside the module's transaction, has the row.
    assert Department.objects.filter(code=MODULE_CODE).count() == 1
