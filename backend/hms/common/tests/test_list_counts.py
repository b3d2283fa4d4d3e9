"""A page that is not full counts nothing; counts of large lists come from the shared cache for
a short while; small ones are exact."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from hms.common.pagination import list_count_key

pytestmark = pytest.mark.django_db

PATIENTS = "/api/v1/patients/"
# A page of two rows: with three patients or more the first page is full, so the count is needed.
FULL = {"page_size": "2"}


def _counted(client, params=None):  # type: ignore[no-untyped-def]
    """The list's answer and whether a COUNT was run for it."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PATIENTS, params or {})
    assert response.status_code == 200
    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    return response.json(), len(counts)


@override_settings(HMS_LIST_COUNT_CACHE_MIN=3, HMS_LIST_COUNT_CACHE_SECONDS=30)
def test_a_large_count_is_read_from_the_cache_until_it_expires(admin_client, make_patient):
    for _ in range(3):
        make_patient()

    first, first_counts = _counted(admin_client, FULL)
    make_patient()
    again, again_counts = _counted(admin_client, {"page": "1", "page_size": "2"})
    short, short_counts = _counted(admin_client, {"page": "1", "page_size": "100"})

    assert (first["count"], first_counts) == (3, 1)
    # The count is the one kept (no COUNT query ran)...
    assert (again["count"], len(again["results"]), again_counts) == (3, 2, 0)
    # ...but a page that is not full is the last: its count is exact, and nothing is counted.
    assert (short["count"], len(short["results"]), short_counts) == (4, 4, 0)
    cache.clear()  # as when the 30 s have passed
    fresh, fresh_counts = _counted(admin_client, FULL)
    assert (fresh["count"], fresh_counts) == (4, 1)


@override_settings(HMS_LIST_COUNT_CACHE_MIN=3, HMS_LIST_COUNT_CACHE_SECONDS=30)
def test_other_filters_and_other_viewers_are_counted_apart(
    admin_client, client_for, make_doctor, make_patient
):
    doctor = make_doctor()
    for _ in range(3):
        make_patient(assigned_doctor=doctor)
    _counted(admin_client, FULL)
    make_patient(assigned_doctor=doctor)

    by_doctor, by_doctor_counts = _counted(
        admin_client, {"assigned_doctor": str(doctor.pk), **FULL}
    )
    doctors_own, doctors_own_counts = _counted(client_for(doctor.user), FULL)

    assert (by_doctor["count"], by_doctor_counts) == (4, 1)
    assert (doctors_own["count"], doctors_own_counts) == (4, 1)


@override_settings(HMS_LIST_COUNT_CACHE_MIN=10, HMS_LIST_COUNT_CACHE_SECONDS=30)
def test_a_count_under_the_threshold_is_always_exact(admin_client, make_patient):
    for _ in range(3):
        make_patient()
    first, first_counts = _counted(admin_client, FULL)
    make_patient()
    second, second_counts = _counted(admin_client, FULL)

    assert (first["count"], second["count"], first_counts, second_counts) == (3, 4, 1, 1)


@override_settings(HMS_LIST_COUNT_CACHE_MIN=4, HMS_LIST_COUNT_CACHE_SECONDS=30)
def test_a_small_list_is_counted_again_without_asking_the_cache(admin_client, make_patient):
    for _ in range(3):
        make_patient()
    first, first_counts = _counted(admin_client, FULL)

    with patch.object(cache, "get", wraps=cache.get) as asked:
        second, second_counts = _counted(admin_client, FULL)
        make_patient()  # the list reaches the threshold: counted, then kept in the cache
        third, third_counts = _counted(admin_client, FULL)
        fourth, fourth_counts = _counted(admin_client, FULL)

    assert [first["count"], second["count"], third["count"], fourth["count"]] == [3, 3, 4, 4]
    assert [first_counts, second_counts, third_counts, fourth_counts] == [1, 1, 1, 0]
    counts_asked = [c for c in asked.call_args_list if c.args[0].startswith("hms:list-count:")]
    assert len(counts_asked) == 1  # the fourth request's, answered from the cache


@override_settings(HMS_LIST_COUNT_CACHE_MIN=1, HMS_LIST_COUNT_CACHE_SECONDS=0)
def test_no_count_is_kept_when_the_cache_time_is_zero(admin_client, make_patient):
    make_patient()
    make_patient()
    first, _ = _counted(admin_client, {"page_size": "1"})
    make_patient()
    second, second_counts = _counted(admin_client, {"page_size": "1"})

    assert (first["count"], second["count"], second_counts) == (2, 3, 1)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # The first page, not full: everything is on it.
        ({}, (3, 3, 0)),
        # A later page, not full: the rows before it plus its own.
        ({"page": "2", "page_size": "2"}, (3, 1, 0)),
        # A full page cannot tell whether more follow: counted.
        ({"page": "1", "page_size": "3"}, (3, 3, 1)),
        # Past the end: counted, to lead back to the last page.
        ({"page": "3", "page_size": "2"}, (3, 0, 1)),
    ],
)
def test_only_a_full_page_or_one_past_the_end_counts(admin_client, make_patient, params, expected):
    for _ in range(3):
        make_patient()
    body, counts = _counted(admin_client, params)
    assert (body["count"], len(body["results"]), counts) == expected


def test_an_empty_list_counts_nothing(admin_client):
    body, counts = _counted(admin_client)
    assert (body, counts) == ({"count": 0, "next": None, "previous": None, "results": []}, 0)


def _request(path: str, user_id: int | None = None, role: str = "ADMIN") -> Request:
    request = Request(APIRequestFactory().get(path))
    request.user = type("U", (), {"pk": user_id, "role": role})() if user_id else None
    return request


def test_the_key_names_the_viewer_the_path_and_the_filters_but_not_the_page():
    base = list_count_key(_request("/api/v1/patients/?search=ravi", 1))

    assert list_count_key(_request("/api/v1/patients/?search=ravi&page=3&page_size=50", 1)) == base
    assert list_count_key(_request("/api/v1/patients/?page=2&search=ravi", 1)) == base
    assert list_count_key(_request("/api/v1/patients/?search=ravi", 2)) != base
    assert list_count_key(_request("/api/v1/patients/?search=ravi", 1, "DOCTOR")) != base
    assert list_count_key(_request("/api/v1/patients/?search=rav", 1)) != base
    assert list_count_key(_request("/api/v1/doctors/?search=ravi", 1)) != base
    assert list_count_key(_request("/api/v1/patients/?search=ravi")) != base
