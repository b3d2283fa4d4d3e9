"""ViewerList and ViewerRow: which requests are answered from statements built once."""

from __future__ import annotations

import django_filters
import pytest
from django.db import connection
from django.db.models import QuerySet
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from hms.accounts.lists import ViewerList, ViewerRow
from hms.accounts.models import AccountStatus, Role, User
from hms.common.queries import TemplateRows
from hms.patients.models import Patient

pytestmark = pytest.mark.django_db


def _patients(viewer: User, filters: dict[str, str]) -> QuerySet[Patient]:
    rows = Patient.objects.select_related("user").order_by("pk")
    if viewer.role == Role.DOCTOR:
        rows = rows.filter(assigned_doctor__user_id=viewer.pk)
    if "status" in filters:
        rows = rows.filter(user__status=filters["status"])
    if "search" in filters:
        rows = rows.filter(user__last_name__icontains=filters["search"])
    return rows


@pytest.fixture
def doctor_with_patients(make_doctor, make_patient):
    doctor = make_doctor()
    mine = [make_patient(assigned_doctor=doctor, user__last_name=f"Mine{i}") for i in range(3)]
    make_patient(assigned_doctor=doctor, status=AccountStatus.PENDING, user__last_name="Waiting")
    make_patient(user__last_name="Elsewhere")
    return doctor, mine


class _Searched(django_filters.FilterSet):
    search = django_filters.CharFilter(max_length=12)


@pytest.mark.parametrize(
    ("query", "templated"),
    [
        ("", True),
        ("page=2&page_size=2", True),
        ("status=PENDING", True),
        ("status=APPROVED&page=1", True),
        ("status=PENDING&status=APPROVED", False),  # sent twice
        (f"status={'A' * 33}", False),  # longer than any choice
        # A searched text of a few plain words, where the list takes one (`searched_by`).
        ("search=mine", True),
        ("search=INE1&status=APPROVED&page_size=2", True),
        ("search=", True),
        ("search=a%20%20b", False),  # two spaces: the words joined again are another text
        ("search=%20mine", False),  # stripped by the form field
        ("search=mine%09", False),
        (f"search={'m' * 13}", False),  # longer than the filter takes
        ("search=a b c d e f", False),  # more words than a search reads
        ("search=mine&search=x", False),
        ("search=mine&created_after=2026-01-01", False),
    ],
)
def test_only_requests_of_choices_and_a_few_searched_words_are_templated(
    admin_user, doctor_with_patients, query, templated
):
    doctor, _ = doctor_with_patients
    filters = QueryDict(query)
    searched = ViewerList(_patients, chosen_by=("status",), searched_by=(_Searched, "search"))
    # Without `searched_by`, any text is free text: built by the ORM.
    unsearched = ViewerList(_patients, chosen_by=("status",))

    for listed, expected in (
        (searched, templated),
        (unsearched, templated and "search" not in query),
    ):
        for viewer in (admin_user, doctor.user):
            rows = listed(viewer, filters)
            orm = _patients(viewer, {name: filters[name] for name in filters})
            assert isinstance(rows, TemplateRows) is expected
            assert [p.pk for p in rows[0:10]] == [p.pk for p in orm[0:10]]
            assert rows.count() == orm.count()


def test_the_doctors_list_is_theirs_and_built_with_a_stand_in(admin_user, doctor_with_patients):
    seen: list[User] = []

    def rows(viewer: User, filters: dict[str, str]) -> QuerySet[Patient]:
        seen.append(viewer)
        return _patients(viewer, filters)

    listed = ViewerList(rows)
    doctor, _ = doctor_with_patients

    found = listed(doctor.user, QueryDict(""))

    assert [p.user.last_name for p in found[0:10]] == ["Mine0", "Mine1", "Mine2", "Waiting"]
    # Built (twice, to compare) for stand-in viewers of the role, never for the caller.
    assert [v.role for v in seen] == [Role.DOCTOR, Role.DOCTOR]
    assert all(v.pk != doctor.user.pk for v in seen)


def test_a_row_is_found_by_id_among_the_viewers_only(admin_user, doctor_with_patients):
    doctor, mine = doctor_with_patients
    elsewhere = Patient.objects.get(user__last_name="Elsewhere")
    row = ViewerRow(lambda viewer, id: _patients(viewer, {}).filter(pk=id))

    with CaptureQueriesContext(connection) as queries:
        own = row(doctor.user, mine[1].pk)
        other = row(doctor.user, elsewhere.pk)
    by_admin = row(admin_user, elsewhere.pk)

    assert own is not None and own.user.last_name == "Mine1"
    assert other is None  # not theirs: missing, as a 404 answers it
    assert by_admin is not None and by_admin.pk == elsewhere.pk
    assert len(queries) == 2


@pytest.mark.parametrize("id", [2**63, -(2**63) - 1, 10**30])
def test_an_id_beyond_any_id_column_names_no_row(admin_user, id):
    row = ViewerRow(lambda viewer, id: Patient.objects.filter(pk=id).order_by("pk"))

    with CaptureQueriesContext(connection) as queries:
        assert row(admin_user, id) is None

    assert len(queries) == 0
