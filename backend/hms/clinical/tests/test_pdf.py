"""Prescription and discharge summary PDFs: every value on the page, any script, and the hash."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import pytest
from django.test import override_settings

from hms.admissions.tests.factories import AdmissionFactory
from hms.appointments.tests.factories import NOW, AppointmentFactory
from hms.billing.tests.test_pdf import embedded_fonts, pdf_text, squeeze
from hms.clinical.models import DischargeSummary, Prescription
from hms.clinical.services import (
    discharge_summary_create,
    discharge_summary_sign,
    visit_note_create,
    visit_note_sign,
)
from hms.clinical.tests.world import LINE, NOTE, SUMMARY

pytestmark = pytest.mark.django_db

HOSPITAL = {
    "HMS_HOSPITAL_NAME": "Lakeside General Hospital",
    "HMS_HOSPITAL_ADDRESS": "7 Lake Road, Kochi 682001, India",
}


def _family(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalpha())


@override_settings(**HOSPITAL)
@pytest.mark.parametrize(
    ("patient_name", "medicine", "script_font"),
    [
        (("आरव", "गुप्ता"), "पैरासिटामोल", "notosansdevanagari"),
        (("Zoë", "O'Brien"), "Paracetamol", None),
    ],
)
def test_the_prescription_pdf_shows_every_value_and_its_hash_is_stored(
    make_doctor, make_patient, icd10_codes, patient_name, medicine, script_font
):
    doctor = make_doctor(user__first_name="Anita", user__last_name="Desai")
    patient = make_patient(
        user__first_name=patient_name[0],
        user__last_name=patient_name[1],
        mobile="+919845012345",
        date_of_birth=date(1980, 5, 17),
    )
    appointment = AppointmentFactory(
        doctor=doctor, patient=patient, starts_at=NOW - timedelta(minutes=30)
    )
    note = visit_note_create(
        actor=doctor.user,
        appointment=appointment,
        fields={**NOTE, "icd10_code": "I10", "diagnosis": "उच्च रक्तचाप"},
        vitals=None,
        lines=[
            {**LINE, "medicine": medicine, "strength": "500 mg", "frequency": "thrice daily"},
            {**LINE, "route": "TOPICAL", "instructions": "Apply thinly"},
        ],
        at=NOW,
    )

    visit_note_sign(actor=doctor.user, visit_note=note, at=NOW)

    prescription = Prescription.objects.get(visit_note=note)
    data = bytes(prescription.pdf)
    assert prescription.pdf_sha256 == hashlib.sha256(data).hexdigest()
    text = squeeze(pdf_text(data))
    expected = [
        "Lakeside General Hospital",
        "7 Lake Road, Kochi 682001, India",
        f"Prescription {prescription.pk}",
        f"{patient_name[0]} {patient_name[1]}",
        "1980-05-17",
        "+919845012345",
        "Anita Desai",
        "2026-11-26 09:30",  # the visit
        "2026-11-26 10:00",  # signed
        "उच्च रक्तचाप",
        "I10",
        "Essential (primary) hypertension",
        medicine,
        "500 mg",
        "thrice daily",
        "Oral",
        "Topical",
        "Apply thinly",
        "After breakfast",
    ]
    missing = [value for value in expected if squeeze(value) not in text]
    assert missing == []
    families = {_family(name) for name in embedded_fonts(data)}
    assert all(family.startswith("notosans") for family in families), families
    if script_font:
        assert script_font in families


@override_settings(**HOSPITAL)
def test_the_discharge_summary_pdf_shows_every_value_and_its_hash_is_stored(
    make_doctor, make_patient, icd10_codes
):
    doctor = make_doctor(user__first_name="Anita", user__last_name="Desai")
    patient = make_patient(user__first_name="आरव", user__last_name="गुप्ता")
    stay = AdmissionFactory(
        patient=patient, doctor=doctor, admitted_on=date(2026, 11, 20), room="Ward B-12"
    )
    summary = discharge_summary_create(
        actor=doctor.user,
        admission=stay,
        fields={**SUMMARY, "advice": "हल्का भोजन करें"},
        at=NOW,
    )

    discharge_summary_sign(actor=doctor.user, discharge_summary=summary, at=NOW)

    stored = DischargeSummary.objects.get(pk=summary.pk)
    data = bytes(stored.pdf)
    assert stored.pdf_sha256 == hashlib.sha256(data).hexdigest()
    text = squeeze(pdf_text(data))
    expected = [
        "Lakeside General Hospital",
        f"Discharge summary {stored.pk}",
        "आरव गुप्ता",
        "Anita Desai",
        "Admitted on2026-11-20",
        "Ward B-12",
        "NSTEMI",
        "I21.4",
        "Non-ST elevation (NSTEMI) myocardial infarction",
        "Admitted with chest pain; stented on day 2.",
        "PCI to LAD",
        "Aspirin 75 mg once a day",
        "हल्का भोजन करें",
        "2026-12-10",
    ]
    missing = [value for value in expected if squeeze(value) not in text]
    assert missing == []
    assert "notosansdevanagari" in {_family(name) for name in embedded_fonts(data)}


def test_hostile_text_stays_text_and_nothing_is_fetched(make_doctor, make_patient, monkeypatch):
    from hms.billing import pdf as billing_pdf

    fetched: list[str] = []
    original = billing_pdf.asset_path

    def recording(url: str):
        fetched.append(url)
        return original(url)

    monkeypatch.setattr(billing_pdf, "asset_path", recording)
    doctor = make_doctor()
    patient = make_patient()
    appointment = AppointmentFactory(
        doctor=doctor, patient=patient, starts_at=NOW - timedelta(minutes=30)
    )
    hostile = '<img src="http://203.0.113.9/x.png"><link rel=stylesheet href="file:///etc/passwd">'
    note = visit_note_create(
        actor=doctor.user,
        appointment=appointment,
        fields={**NOTE, "diagnosis": hostile},
        vitals=None,
        lines=[LINE],
        at=NOW,
    )

    visit_note_sign(actor=doctor.user, visit_note=note, at=NOW)

    data = bytes(Prescription.objects.get(visit_note=note).pdf)
    assert squeeze("203.0.113.9/x.png") in squeeze(pdf_text(data))
    assert [url.rsplit("/", 1)[-1] for url in fetched] == ["invoice.css"]
