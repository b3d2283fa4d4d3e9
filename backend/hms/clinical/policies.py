"""Who may see and write which parts of the clinical record (SPEC section 10).

The role map decides which roles may call an operation. These rules decide the rows:

- the doctors who treat a patient (their assigned doctor, the doctor of one of their confirmed or
  attended appointments, the attending doctor of one of their stays) read the patient's signed
  documents, and their own drafts;
- the author alone edits a draft and signs it;
- the patient reads their own signed documents;
- the admin sees that documents exist (metadata, never the text) and prints the documents a
  patient takes home (prescriptions and discharge summaries).

Rows outside these answer 404, exactly like rows that do not exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q

from hms.accounts.models import Role
from hms.admissions.models import Admission
from hms.appointments.models import Appointment
from hms.appointments.policies import DOCTOR_VISIBLE_STATUSES
from hms.clinical.models import DocumentStatus

if TYPE_CHECKING:
    from hms.accounts.models import User


def treated_by(viewer: User, *, patient_ref: str = "patient") -> Q:
    """Match rows whose patient (at `patient_ref`) `viewer`, a doctor, treats.

    Treating means: the patient's assigned doctor, the doctor of one of the patient's confirmed
    or attended appointments, or the attending doctor of one of their stays.
    """
    on_patient = patient_ref == "pk"
    patient_id = "pk" if on_patient else f"{patient_ref}_id"
    assigned = (
        "assigned_doctor__user_id" if on_patient else f"{patient_ref}__assigned_doctor__user_id"
    )
    appointments = Appointment.objects.filter(
        patient_id=OuterRef(patient_id),
        doctor__user_id=viewer.pk,
        status__in=DOCTOR_VISIBLE_STATUSES,
    )
    admissions = Admission.objects.filter(
        patient_id=OuterRef(patient_id), doctor__user_id=viewer.pk
    )
    return Q(**{assigned: viewer.pk}) | Q(Exists(appointments)) | Q(Exists(admissions))


def visible_documents(viewer: User) -> Q:
    """Match the clinical documents (of any kind) `viewer` may see.

    The admin: every one (the APIs show the admin metadata only). A doctor: the signed documents
    of the patients they treat, and their own drafts. A patient: their own signed documents.
    """
    if viewer.role == Role.ADMIN:
        return Q()
    if viewer.role == Role.DOCTOR:
        return treated_by(viewer) & (Q(status=DocumentStatus.SIGNED) | Q(author__user_id=viewer.pk))
    if viewer.role == Role.PATIENT:
        return Q(patient__user_id=viewer.pk, status=DocumentStatus.SIGNED)
    return Q(pk__in=[])


def visible_vitals(viewer: User) -> Q:
    """Match the vital signs `viewer` may see: clinical data, so never the admin's.

    A doctor: the vitals of a stay or of a signed visit note of the patients they treat, and
    those of their own drafts. A patient: their own vitals of a stay or of a signed visit note.
    """
    stay_or_signed = Q(admission__isnull=False) | Q(visit_note__status=DocumentStatus.SIGNED)
    if viewer.role == Role.DOCTOR:
        return treated_by(viewer) & (stay_or_signed | Q(visit_note__author__user_id=viewer.pk))
    if viewer.role == Role.PATIENT:
        return Q(patient__user_id=viewer.pk) & stay_or_signed
    return Q(pk__in=[])


def visible_timeline_patients(viewer: User) -> Q:
    """Match the patients whose timeline `viewer` may open: a doctor's patients, a patient's own."""
    if viewer.role == Role.DOCTOR:
        return treated_by(viewer, patient_ref="pk")
    if viewer.role == Role.PATIENT:
        return Q(user_id=viewer.pk)
    return Q(pk__in=[])


def can_read_document_text(*, user: User) -> bool:
    """The text of a document is for doctors and the patient; the admin sees metadata only."""
    return user.role in {Role.DOCTOR, Role.PATIENT}


def can_edit_document(*, user: User, document: object) -> bool:
    """Allow only a document's author to edit or sign its draft."""
    author = getattr(document, "author", None)
    return user.role == Role.DOCTOR and author is not None and author.user_id == user.pk


def can_add_addendum(*, user: User) -> bool:
    """Allow a doctor who treats the patient (and so sees the signed document) to add one."""
    return user.role == Role.DOCTOR
