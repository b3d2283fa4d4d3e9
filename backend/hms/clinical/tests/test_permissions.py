"""Every clinical operation as every caller: the exact status, and nothing changed on denial."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hms.clinical.tests.world import (
    CALLERS,
    LINE,
    NOTE,
    SUMMARY,
    VITALS,
    World,
    snapshot,
)

pytestmark = pytest.mark.django_db

VN = "/api/v1/clinical/visit-notes"
RX = "/api/v1/clinical/prescriptions"
PN = "/api/v1/clinical/progress-notes"
DS = "/api/v1/clinical/discharge-summaries"
NOTE_BODY = {**NOTE, "vitals": VITALS, "prescription_lines": [LINE]}
SUMMARY_BODY = {**SUMMARY, "follow_up_on": "2026-12-10"}
DISCHARGE_BODY = {
    "discharged_on": "2026-11-26",
    "doctor_fee": "1000.00",
    "medicine_cost": "250.00",
    "other_charge": "100.00",
}

# operation -> (method, path, body)
OPERATIONS: dict[str, Callable[[World], tuple[str, str, dict[str, Any] | None]]] = {
    "vn_list": lambda w: ("get", f"{VN}/", None),
    "vn_create_started": lambda w: (
        "post",
        f"{VN}/",
        {**NOTE_BODY, "appointment": w.started.pk},
    ),
    "vn_retrieve_draft": lambda w: ("get", f"{VN}/{w.draft_note.pk}/", None),
    "vn_retrieve_signed": lambda w: ("get", f"{VN}/{w.signed_note.pk}/", None),
    "vn_retrieve_others": lambda w: ("get", f"{VN}/{w.others_note.pk}/", None),
    "vn_retrieve_missing": lambda w: ("get", f"{VN}/999999/", None),
    "vn_update_draft": lambda w: ("put", f"{VN}/{w.draft_note.pk}/", NOTE_BODY),
    "vn_update_signed": lambda w: ("put", f"{VN}/{w.signed_note.pk}/", NOTE_BODY),
    "vn_sign_draft": lambda w: ("post", f"{VN}/{w.draft_note.pk}/sign/", None),
    "vn_sign_signed": lambda w: ("post", f"{VN}/{w.signed_note.pk}/sign/", None),
    "vn_addendum_signed": lambda w: (
        "post",
        f"{VN}/{w.signed_note.pk}/addenda/",
        {"text": "ECG normal."},
    ),
    "vn_addendum_draft": lambda w: (
        "post",
        f"{VN}/{w.draft_note.pk}/addenda/",
        {"text": "ECG normal."},
    ),
    "rx_list": lambda w: ("get", f"{RX}/", None),
    "rx_retrieve_signed": lambda w: ("get", f"{RX}/{w.signed_note.prescription.pk}/", None),
    "rx_pdf_signed": lambda w: ("get", f"{RX}/{w.signed_note.prescription.pk}/pdf/", None),
    "rx_pdf_draft": lambda w: ("get", f"{RX}/{w.draft_note.prescription.pk}/pdf/", None),
    "pn_list": lambda w: ("get", f"{PN}/", None),
    "pn_create_own_stay": lambda w: ("post", f"{PN}/", {"admission": w.stay.pk, "text": "OK"}),
    "pn_retrieve_draft": lambda w: ("get", f"{PN}/{w.draft_progress.pk}/", None),
    "pn_retrieve_signed": lambda w: ("get", f"{PN}/{w.signed_progress.pk}/", None),
    "pn_update_draft": lambda w: ("put", f"{PN}/{w.draft_progress.pk}/", {"text": "Better."}),
    "pn_update_signed": lambda w: ("put", f"{PN}/{w.signed_progress.pk}/", {"text": "Better."}),
    "pn_sign_draft": lambda w: ("post", f"{PN}/{w.draft_progress.pk}/sign/", None),
    "pn_addendum_signed": lambda w: (
        "post",
        f"{PN}/{w.signed_progress.pk}/addenda/",
        {"text": "Walked 200 m."},
    ),
    "ds_list": lambda w: ("get", f"{DS}/", None),
    "ds_create_second": lambda w: ("post", f"{DS}/", {**SUMMARY_BODY, "admission": w.stay.pk}),
    "ds_retrieve_draft": lambda w: ("get", f"{DS}/{w.draft_summary.pk}/", None),
    "ds_retrieve_others_signed": lambda w: ("get", f"{DS}/{w.signed_summary.pk}/", None),
    "ds_update_draft": lambda w: ("put", f"{DS}/{w.draft_summary.pk}/", SUMMARY_BODY),
    "ds_sign_draft": lambda w: ("post", f"{DS}/{w.draft_summary.pk}/sign/", None),
    "ds_pdf_others_signed": lambda w: ("get", f"{DS}/{w.signed_summary.pk}/pdf/", None),
    "ds_pdf_draft": lambda w: ("get", f"{DS}/{w.draft_summary.pk}/pdf/", None),
    "ds_addendum_others_signed": lambda w: (
        "post",
        f"{DS}/{w.signed_summary.pk}/addenda/",
        {"text": "Follow-up moved."},
    ),
    "vitals_list": lambda w: ("get", "/api/v1/clinical/vitals/", None),
    "vitals_create_own_stay": lambda w: (
        "post",
        "/api/v1/clinical/vitals/",
        {**VITALS, "admission": w.stay.pk},
    ),
    "icd10_search": lambda w: ("get", "/api/v1/clinical/icd10/?search=I21", None),
    "timeline_patient": lambda w: (
        "get",
        f"/api/v1/clinical/patients/{w.patient.pk}/timeline/",
        None,
    ),
    "readiness_stay": lambda w: (
        "get",
        f"/api/v1/clinical/admissions/{w.stay.pk}/discharge-readiness/",
        None,
    ),
    "discharge_stay": lambda w: (
        "post",
        f"/api/v1/admissions/{w.stay.pk}/discharge/",
        DISCHARGE_BODY,
    ),
}

# Tokens of accounts that are not approved are refused like no token at all.
_OUT = {"anonymous": 401, "pending_doctor": 401}


def row(admin: int, doctor: int, other_doctor: int, patient: int, other_patient: int) -> dict:
    return {
        **_OUT,
        "admin": admin,
        "doctor": doctor,
        "other_doctor": other_doctor,
        "patient": patient,
        "other_patient": other_patient,
    }


# "own" rows are `doctor`'s and `patient`'s; "others" rows `other_doctor`'s and `other_patient`'s.
EXPECTED: dict[str, dict[str, int]] = {
    "vn_list": row(200, 200, 200, 200, 200),
    "vn_create_started": row(403, 201, 404, 403, 403),
    # A draft is its author's alone; the admin sees that it exists.
    "vn_retrieve_draft": row(200, 200, 404, 404, 404),
    "vn_retrieve_signed": row(200, 200, 404, 200, 404),
    "vn_retrieve_others": row(200, 404, 200, 404, 200),
    "vn_retrieve_missing": row(404, 404, 404, 404, 404),
    "vn_update_draft": row(403, 200, 404, 403, 403),
    "vn_update_signed": row(403, 409, 404, 403, 403),
    "vn_sign_draft": row(403, 200, 404, 403, 403),
    "vn_sign_signed": row(403, 409, 404, 403, 403),
    "vn_addendum_signed": row(403, 201, 404, 403, 403),
    "vn_addendum_draft": row(403, 409, 404, 403, 403),
    "rx_list": row(200, 200, 200, 200, 200),
    "rx_retrieve_signed": row(200, 200, 404, 200, 404),
    # The admin prints signed take-home documents; a draft has no PDF yet.
    "rx_pdf_signed": row(200, 200, 404, 200, 404),
    "rx_pdf_draft": row(409, 409, 404, 404, 404),
    "pn_list": row(200, 200, 200, 200, 200),
    "pn_create_own_stay": row(403, 201, 404, 403, 403),
    "pn_retrieve_draft": row(200, 200, 404, 404, 404),
    "pn_retrieve_signed": row(200, 200, 404, 200, 404),
    "pn_update_draft": row(403, 200, 404, 403, 403),
    "pn_update_signed": row(403, 409, 404, 403, 403),
    "pn_sign_draft": row(403, 200, 404, 403, 403),
    "pn_addendum_signed": row(403, 201, 404, 403, 403),
    "ds_list": row(200, 200, 200, 200, 200),
    "ds_create_second": row(403, 409, 404, 403, 403),
    "ds_retrieve_draft": row(200, 200, 404, 404, 404),
    "ds_retrieve_others_signed": row(200, 404, 200, 404, 200),
    "ds_update_draft": row(403, 200, 404, 403, 403),
    "ds_sign_draft": row(403, 200, 404, 403, 403),
    "ds_pdf_others_signed": row(200, 404, 200, 404, 200),
    "ds_pdf_draft": row(409, 409, 404, 404, 404),
    "ds_addendum_others_signed": row(403, 404, 201, 403, 403),
    # Vital signs are clinical data: never the admin's.
    "vitals_list": row(403, 200, 200, 200, 200),
    "vitals_create_own_stay": row(403, 201, 404, 403, 403),
    "icd10_search": row(200, 200, 200, 403, 403),
    "timeline_patient": row(403, 200, 404, 200, 404),
    "readiness_stay": row(200, 200, 404, 403, 403),
    # Discharge without a signed summary: allowed by default (the screen warns).
    "discharge_stay": row(201, 403, 403, 403, 403),
}

CODES = {
    401: "NOT_AUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
}

CASES = [(operation, caller) for operation in OPERATIONS for caller in CALLERS]


def test_every_operation_has_an_expectation_for_every_caller():
    assert set(EXPECTED) == set(OPERATIONS)
    assert all(set(row) == set(CALLERS) for row in EXPECTED.values())


def test_every_clinical_route_is_in_the_matrix():
    from hms.clinical.urls import urlpatterns

    names = {pattern.name for pattern in urlpatterns}
    covered = {
        "visit-note-list",
        "visit-note-detail",
        "visit-note-sign",
        "visit-note-addenda",
        "prescription-list",
        "prescription-detail",
        "prescription-pdf",
        "progress-note-list",
        "progress-note-detail",
        "progress-note-sign",
        "progress-note-addenda",
        "discharge-summary-list",
        "discharge-summary-detail",
        "discharge-summary-sign",
        "discharge-summary-addenda",
        "discharge-summary-pdf",
        "vitals-list",
        "icd10-list",
        "patient-timeline-timeline",
        "discharge-readiness-discharge-readiness",
    }
    assert names == covered


@pytest.mark.parametrize(("operation", "caller"), CASES)
def test_permission_matrix(operation, caller, world, api_client, client_for, frozen_now):
    user = world.user(caller)
    client = client_for(user) if user is not None else api_client
    method, path, body = OPERATIONS[operation](world)
    before = snapshot()

    response = (
        getattr(client, method)(path, body, format="json")
        if body is not None
        else getattr(client, method)(path)
    )

    expected = EXPECTED[operation][caller]
    assert response.status_code == expected, response.content
    if expected >= 400 or method == "get":
        assert snapshot() == before
    if expected in CODES:
        assert response.json()["code"] == CODES[expected]
