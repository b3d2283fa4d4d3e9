"""Render a prescription or a discharge summary as a PDF: a leaf that reads and writes nothing.

The invoice's safe renderer does the work (`hms.billing.pdf.html_render_pdf`): the same
assets-only URL fetcher and stylesheet, so nothing is fetched from the network or the file
system beyond the bundled assets, and every value passes through the template's autoescape.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from hms.billing.pdf import html_render_pdf

if TYPE_CHECKING:
    from hms.clinical.models import DischargeSummary, Prescription, PrescriptionLine, VisitNote


def _hospital_time(value: datetime) -> str:
    return timezone.localtime(value, timezone.get_default_timezone()).strftime("%Y-%m-%d %H:%M")


def _common(*, patient: Any, author: Any, signed_at: datetime) -> dict[str, Any]:
    return {
        "hospital_name": settings.HMS_HOSPITAL_NAME,
        "hospital_address": settings.HMS_HOSPITAL_ADDRESS,
        "time_zone": settings.TIME_ZONE,
        "patient_name": patient.user.full_name,
        "patient_date_of_birth": (
            patient.date_of_birth.isoformat() if patient.date_of_birth else ""
        ),
        "patient_mobile": patient.mobile,
        "doctor_name": author.user.full_name,
        "doctor_department": author.department.name,
        "signed_at": _hospital_time(signed_at),
    }


def prescription_render_pdf(
    *,
    prescription: Prescription,
    visit_note: VisitNote,
    lines: list[PrescriptionLine],
    signed_at: datetime,
) -> bytes:
    """Render a prescription: hospital, patient, prescribing doctor, visit, diagnosis, each
    medicine line and the signing time."""
    context = _common(patient=visit_note.patient, author=visit_note.author, signed_at=signed_at)
    context.update(
        {
            "number": prescription.pk,
            "visit_at": _hospital_time(visit_note.appointment.starts_at),
            "diagnosis": visit_note.diagnosis,
            "icd10_code": visit_note.icd10_code,
            "icd10_description": visit_note.icd10_description,
            "lines": [
                {
                    "medicine": line.medicine,
                    "strength": line.strength,
                    "dose": line.dose,
                    "route": line.get_route_display(),
                    "frequency": line.frequency,
                    "duration_days": line.duration_days,
                    "instructions": line.instructions,
                }
                for line in lines
            ],
        }
    )
    return html_render_pdf(html=render_to_string("clinical/prescription.html", context))


def discharge_summary_render_pdf(*, summary: DischargeSummary, signed_at: datetime) -> bytes:
    """Render a discharge summary: hospital, patient, attending doctor, the stay's dates,
    diagnosis, course, procedures, medicines to continue, advice and the follow-up date."""
    admission = summary.admission
    context = _common(patient=summary.patient, author=summary.author, signed_at=signed_at)
    context.update(
        {
            "number": summary.pk,
            "admitted_on": admission.admitted_on.isoformat(),
            "discharged_on": (
                admission.discharged_on.isoformat() if admission.discharged_on else ""
            ),
            "room": admission.room,
            "summary": summary,
            "follow_up_on": summary.follow_up_on.isoformat() if summary.follow_up_on else "",
        }
    )
    return html_render_pdf(html=render_to_string("clinical/discharge_summary.html", context))
