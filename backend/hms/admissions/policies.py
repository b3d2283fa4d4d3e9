"""Who may see which admission (SPEC sections 2 and 4). Admit and discharge are admin-only in
the role map; these predicates decide row visibility."""

from __future__ import annotations

from typing import Any

from hms.accounts.models import Role
from hms.admissions.models import ADMISSION_TRANSITIONS, Admission, AdmissionStatus


def can_view_admission(*, viewer: Any, admission: Admission) -> bool:
    """Allow the admin every admission, a doctor the ones they attend, a patient their own."""
    role = getattr(viewer, "role", None)
    if role == Role.ADMIN:
        return True
    if role == Role.DOCTOR:
        return bool(admission.doctor.user_id == viewer.pk)
    if role == Role.PATIENT:
        return bool(admission.patient.user_id == viewer.pk)
    return False


def can_discharge_admission(*, admission: Admission) -> bool:
    """Allow a discharge only of an open admission (the transitions table decides)."""
    return AdmissionStatus.DISCHARGED in ADMISSION_TRANSITIONS[admission.status]
