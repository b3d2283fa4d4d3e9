"""Who may see which admission, and which admissions may still be discharged.

Admit and discharge are admin-only in the role map; `visible_admissions` decides the rows.
"""

from __future__ import annotations

from django.db.models import Q

from hms.accounts.models import Role, User
from hms.admissions.models import ADMISSION_TRANSITIONS, Admission, AdmissionStatus
from hms.doctors.policies import own_doctor_id


def visible_admissions(viewer: User) -> Q:
    """Match the admissions `viewer` may see.

    The admin sees every admission, a doctor the ones they attend (open and discharged: their
    "discharged patients"), a patient their own; anyone else none.
    """
    if viewer.role == Role.ADMIN:
        return Q()
    if viewer.role == Role.DOCTOR:
        return Q(doctor_id=own_doctor_id(viewer))
    if viewer.role == Role.PATIENT:
        return Q(patient__user_id=viewer.pk)
    return Q(pk__in=[])


def can_discharge_admission(*, admission: Admission) -> bool:
    """Allow a discharge only of an open admission (the transitions table decides)."""
    return AdmissionStatus.DISCHARGED in ADMISSION_TRANSITIONS[admission.status]
