"""Pages and page sizes outside their documented range are a 400 naming the parameter."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/doctors/directory/"


@pytest.fixture
def two_doctors(make_doctor):
    return [make_doctor(), make_doctor()]


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", " 1", "\u0661", "last", "9999999999"])
def test_a_page_that_is_not_a_whole_number_from_1_is_400(api_client, two_doctors, page):
    response = api_client.get(URL, {"page": page})
    assert response.status_code == 400
    assert response.json() == {
        "code": "VALIDATION_ERROR",
        "message": "Some fields are not valid.",
        "fields": {"page": ["A page is a whole number from 1."]},
    }


@pytest.mark.parametrize("size", ["0", "101", "-5", "abc", "\u0662"])
def test_a_page_size_outside_1_to_100_is_400(api_client, two_doctors, size):
    response = api_client.get(URL, {"page_size": size})
    assert response.status_code == 400
    assert response.json()["fields"] == {
        "page_size": ["A page size is a whole number from 1 to 100."]
    }


def test_a_page_past_the_last_has_no_rows_and_leads_back_to_the_last(api_client, two_doctors):
    response = api_client.get(URL, {"page": "7", "page_size": "1"})
    assert response.status_code == 200
    assert response.json() == {
        "count": 2,
        "next": None,
        "previous": "http://testserver/api/v1/doctors/directory/?page=2&page_size=1",
        "results": [],
    }
    single = api_client.get(URL, {"page": "3"}).json()
    assert (single["count"], single["results"], single["next"]) == (2, [], None)
    assert single["previous"] == "http://testserver/api/v1/doctors/directory/"


def test_pages_within_range_answer_their_rows(api_client, two_doctors):
    first = api_client.get(URL, {"page": "1", "page_size": "1"}).json()
    second = api_client.get(URL, {"page": "2", "page_size": "1"}).json()
    assert (first["count"], len(first["results"]), len(second["results"])) == (2, 1, 1)
    assert first["results"][0]["id"] != second["results"][0]["id"]
    assert second["next"] is None
    full = api_client.get(URL, {"page_size": "100"}).json()
    assert len(full["results"]) == 2
