from __future__ import annotations

import pytest
from django.http import HttpResponse
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory, force_authenticate
from rest_framework.viewsets import ViewSet

from hms.audit.models import AuditEvent
from hms.audit.recording import patient_ids_in, records_access
from hms.common.errors import NotFoundError

pytestmark = pytest.mark.django_db

ROWS = {4: {"id": 4, "patient": 40}, 5: {"id": 5, "patient": 50}}


class ThingViewSet(ViewSet):
    """A stand-in for an app's viewset: rows 4 and 5 exist, anything else is 404."""

    permission_classes = [IsAuthenticated]

    @records_access(resource="thing", patients="results[].patient")
    def list(self, request):
        results = [ROWS[4], ROWS[5], {"id": 6, "patient": 40}]
        return Response({"count": 3, "next": None, "previous": None, "results": results})

    @records_access(resource="thing")
    def retrieve(self, request, id):
        if int(id) not in ROWS:
            raise NotFoundError()
        return Response(ROWS[int(id)])

    @records_access(resource="thing")
    def pdf(self, request, id):
        response = HttpResponse(b"%PDF-", content_type="application/pdf")
        response.accessed_patient_ids = [ROWS[int(id)]["patient"]]
        return response

    @records_access(resource="thing")
    def create(self, request):
        return Response({"detail": "refused"}, status=400)


def _call(user, action, method="get", path="/things/", query=None, **kwargs):
    factory = APIRequestFactory()
    request = getattr(factory, method)(path, query or {}, REMOTE_ADDR="10.0.0.9")
    force_authenticate(request, user=user)
    view = ThingViewSet.as_view({method: action})
    return view(request, **kwargs)


def _events():
    return list(
        AuditEvent.objects.order_by("id").values_list(
            "kind", "actor_id", "action", "object_type", "object_id", "patient_ids", "detail"
        )
    )


def test_a_list_writes_one_event_naming_every_patient_and_only_the_filter_names(admin_user):
    response = _call(
        admin_user,
        "list",
        query={"search": "fever", "status": "APPROVED", "page": "2", "doctor": ""},
    )

    assert response.status_code == 200
    assert _events() == [
        (
            "ACCESS",
            admin_user.pk,
            "thing.list",
            "thing",
            "",
            [40, 50],
            {"filters": ["search", "status"], "page": 2},
        )
    ]


def test_a_detail_read_writes_its_id_and_patient(admin_user):
    _call(admin_user, "retrieve", id="5")

    assert _events() == [("ACCESS", admin_user.pk, "thing.retrieve", "thing", "5", [50], {})]


def test_a_binary_answer_names_its_patients_itself(admin_user):
    _call(admin_user, "pdf", id="4")

    assert _events() == [("ACCESS", admin_user.pk, "thing.pdf", "thing", "4", [40], {})]


def test_a_refused_record_is_a_security_event_and_the_error_goes_through(admin_user):
    response = _call(admin_user, "retrieve", id="9")

    assert response.status_code == 404
    assert response.data["code"] == "NOT_FOUND"
    assert _events() == [
        (
            "SECURITY",
            admin_user.pk,
            "access.denied",
            "thing",
            "9",
            [],
            {"operation": "retrieve", "status": 404},
        )
    ]
    assert AuditEvent.objects.get().outcome == "FAILURE"


def test_an_unsuccessful_answer_records_nothing(admin_user):
    response = _call(admin_user, "create", method="post")

    assert response.status_code == 400
    assert _events() == []


def test_patient_ids_are_read_from_nested_lists_once_each():
    data = {
        "pending": [{"id": 3}, {"id": 1}],
        "admissions": [{"patient": 3}, {"patient": None}, {"patient": True}],
        "count": 9,
    }

    assert patient_ids_in(data, ["pending[].id", "admissions[].patient", "missing[].id"]) == [1, 3]
