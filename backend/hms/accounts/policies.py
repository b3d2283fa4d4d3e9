"""Who may call what: the one role map of the API.

`hms.common.permissions.RoleMapPermission` reads this map (through the `HMS_ROLE_MAP`
setting) with each view's `policy_resource` and action. Deny by default: an operation that is
not here is refused for everyone. Row-level rules (a doctor sees only their patients, a patient
only themself) live in each app's `policies.py` as `visible_<entities>(viewer) -> Q`, applied
by the selectors, so rows that are not yours answer 404 exactly like rows that do not exist.
"""

from __future__ import annotations

from hms.accounts.models import AccountStatus, Role, User

ADMIN = frozenset({Role.ADMIN.value})
DOCTOR = frozenset({Role.DOCTOR.value})
PATIENT = frozenset({Role.PATIENT.value})
ADMIN_DOCTOR = ADMIN | DOCTOR
ADMIN_PATIENT = ADMIN | PATIENT
EVERYONE = ADMIN | DOCTOR | PATIENT

# "<resource>.<operation>" -> the roles that may call it.
ROLE_MAP: dict[str, frozenset[str]] = {
    # auth/: the signed-in account itself
    "auth.me": EVERYONE,
    "auth.me_update": EVERYONE,
    "auth.password_change": EVERYONE,
    "dashboard.retrieve": EVERYONE,
    # auth/sessions/: everyone manages their own sessions (selectors scope them to the viewer)
    "sessions.list": EVERYONE,
    "sessions.revoke": EVERYONE,
    "sessions.revoke_others": EVERYONE,
    # auth/mfa/: everyone manages their own two-factor sign-in
    "mfa.status": EVERYONE,
    "mfa.enrol": EVERYONE,
    "mfa.confirm": EVERYONE,
    # doctors/
    "doctors.list": ADMIN,
    "doctors.create": ADMIN,
    "doctors.retrieve": ADMIN_PATIENT,  # a patient: only their assigned doctor (else 404)
    "doctors.partial_update": ADMIN,
    "doctors.destroy": ADMIN,
    "doctors.approve": ADMIN,
    "doctors.reject": ADMIN,
    "doctors.set_password": ADMIN,
    "doctors.revoke_sessions": ADMIN,
    "doctors.reset_mfa": ADMIN,
    "doctors.slots": ADMIN_PATIENT,
    "doctors.availability": ADMIN_DOCTOR,  # a doctor: only their own (else 404)
    "doctors.availability_set": ADMIN,
    # patients/
    "patients.list": ADMIN_DOCTOR,  # a doctor: only their assigned patients
    "patients.create": ADMIN,
    "patients.retrieve": EVERYONE,  # a doctor: assigned only; a patient: only themself
    "patients.partial_update": ADMIN,
    "patients.destroy": ADMIN,
    "patients.approve": ADMIN,
    "patients.reject": ADMIN,
    "patients.set_password": ADMIN,
    "patients.revoke_sessions": ADMIN,
    "patients.reset_mfa": ADMIN,
    # admissions/
    "admissions.list": EVERYONE,  # each scoped to the viewer
    "admissions.create": ADMIN,
    "admissions.retrieve": EVERYONE,
    "admissions.discharge_preview": ADMIN,
    "admissions.discharge": ADMIN,
    "admissions.advance": ADMIN,
    # invoices/
    "invoices.list": ADMIN_PATIENT,
    "invoices.retrieve": ADMIN_PATIENT,
    "invoices.pdf": ADMIN_PATIENT,
    "invoices.statement": ADMIN_PATIENT,
    "invoices.pay": ADMIN,
    "invoices.void": ADMIN,
    "invoices.rebill": ADMIN,
    # payments/ (receipts), refunds/, credit-notes/: a patient reads their own; money is admin's
    "payments.list": ADMIN_PATIENT,
    "payments.retrieve": ADMIN_PATIENT,
    "payments.pdf": ADMIN_PATIENT,
    "payments.refund": ADMIN,
    "refunds.list": ADMIN_PATIENT,
    "refunds.retrieve": ADMIN_PATIENT,
    "refunds.pdf": ADMIN_PATIENT,
    "credit_notes.list": ADMIN_PATIENT,
    "credit_notes.retrieve": ADMIN_PATIENT,
    "credit_notes.pdf": ADMIN_PATIENT,
    # reports/: the cashier's reports
    "reports.collections": ADMIN,
    "reports.collections_csv": ADMIN,
    "reports.outstanding": ADMIN,
    "reports.outstanding_csv": ADMIN,
    # appointments/
    "appointments.list": EVERYONE,
    "appointments.create": ADMIN_PATIENT,
    "appointments.retrieve": EVERYONE,
    "appointments.approve": ADMIN,
    "appointments.reject": ADMIN,
    "appointments.cancel": ADMIN_PATIENT,
    "appointments.complete": DOCTOR,
    "appointments.reschedule": ADMIN_PATIENT,
    "appointments.calendar": ADMIN_DOCTOR,  # a doctor: only their own calendar
    # time-off/: doctors' leave (a doctor reads their own)
    "time_off.list": ADMIN_DOCTOR,
    "time_off.create": ADMIN,
    "time_off.destroy": ADMIN,
    # waitlist/: a patient their own entries, the admin every one
    "waitlist.list": ADMIN_PATIENT,
    "waitlist.create": ADMIN_PATIENT,
    "waitlist.retrieve": ADMIN_PATIENT,
    "waitlist.leave": ADMIN_PATIENT,
    "waitlist.accept": ADMIN_PATIENT,
    # clinical/: the clinical record; rows are scoped by hms.clinical.policies (the admin reads
    # metadata and prints take-home documents, never reads the text)
    "visit_notes.list": EVERYONE,
    "visit_notes.create": DOCTOR,
    "visit_notes.retrieve": EVERYONE,
    "visit_notes.update": DOCTOR,
    "visit_notes.sign": DOCTOR,
    "visit_notes.addenda": DOCTOR,
    "prescriptions.list": EVERYONE,
    "prescriptions.retrieve": EVERYONE,
    "prescriptions.pdf": EVERYONE,
    "progress_notes.list": EVERYONE,
    "progress_notes.create": DOCTOR,
    "progress_notes.retrieve": EVERYONE,
    "progress_notes.update": DOCTOR,
    "progress_notes.sign": DOCTOR,
    "progress_notes.addenda": DOCTOR,
    "discharge_summaries.list": EVERYONE,
    "discharge_summaries.create": DOCTOR,
    "discharge_summaries.retrieve": EVERYONE,
    "discharge_summaries.update": DOCTOR,
    "discharge_summaries.sign": DOCTOR,
    "discharge_summaries.addenda": DOCTOR,
    "discharge_summaries.pdf": EVERYONE,
    "vitals.list": DOCTOR | PATIENT,
    "vitals.create": DOCTOR,
    "icd10.list": ADMIN_DOCTOR,
    "patient_timeline.timeline": DOCTOR | PATIENT,
    "clinical_admissions.discharge_readiness": ADMIN_DOCTOR,
    # audit-events/ (the audit viewer) and patients/me/access-log/
    "audit_events.list": ADMIN,
    "audit_events.export": ADMIN,
    "audit_events.fhir": ADMIN,
    "patient_access_log.list": PATIENT,
    # notifications/: everyone reads their own (selectors scope them to the viewer)
    "notifications.list": EVERYONE,
    "notifications.read": EVERYONE,
    "notifications.read_all": EVERYONE,
    "notifications.preferences": EVERYONE,
    "notifications.preferences_update": EVERYONE,
}

# Rejected and deleted accounts are history: their profile is kept but never edited again.
EDITABLE_STATUSES = frozenset({AccountStatus.PENDING, AccountStatus.APPROVED})


def can_edit_account(*, user: User) -> bool:
    """Whether a person's profile or password may change: only while pending or approved."""
    return user.status in EDITABLE_STATUSES
