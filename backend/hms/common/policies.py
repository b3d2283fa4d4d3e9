"""Who may call what: the one role map of the API, and the permission class that reads it.

Deny by default: an operation that is not in ROLE_MAP is refused for everyone. Row-level rules
(a doctor sees only their patients, a patient only themself) live in each app's `policies.py`
predicates and in the selectors that scope every queryset to the viewer, so that rows which are
not yours answer 404, exactly like rows that do not exist.
"""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from hms.accounts.models import Role

ADMIN = frozenset({Role.ADMIN})
DOCTOR = frozenset({Role.DOCTOR})
PATIENT = frozenset({Role.PATIENT})
ADMIN_DOCTOR = ADMIN | DOCTOR
ADMIN_PATIENT = ADMIN | PATIENT
EVERYONE = ADMIN | DOCTOR | PATIENT

# "<resource>.<operation>" -> the roles that may call it (SPEC section 5, resource map).
ROLE_MAP: dict[str, frozenset[str]] = {
    "dashboard.retrieve": EVERYONE,
    # doctors/
    "doctors.list": ADMIN,
    "doctors.create": ADMIN,
    "doctors.retrieve": ADMIN_PATIENT,  # a patient: only their assigned doctor (else 404)
    "doctors.update": ADMIN,
    "doctors.destroy": ADMIN,
    "doctors.approve": ADMIN,
    "doctors.reject": ADMIN,
    "doctors.set_password": ADMIN,
    "doctors.slots": ADMIN_PATIENT,
    # patients/
    "patients.list": ADMIN_DOCTOR,  # a doctor: only their assigned patients
    "patients.create": ADMIN,
    "patients.retrieve": EVERYONE,  # a doctor: assigned only; a patient: only themself
    "patients.update": ADMIN,
    "patients.destroy": ADMIN,
    "patients.approve": ADMIN,
    "patients.reject": ADMIN,
    "patients.set_password": ADMIN,
    # admissions/
    "admissions.list": EVERYONE,  # each scoped to the viewer
    "admissions.create": ADMIN,
    "admissions.retrieve": EVERYONE,
    "admissions.discharge_preview": ADMIN,
    "admissions.discharge": ADMIN,
    # invoices/
    "invoices.list": ADMIN_PATIENT,
    "invoices.retrieve": ADMIN_PATIENT,
    "invoices.pdf": ADMIN_PATIENT,
    # appointments/
    "appointments.list": EVERYONE,
    "appointments.create": ADMIN_PATIENT,
    "appointments.retrieve": EVERYONE,
    "appointments.approve": ADMIN,
    "appointments.reject": ADMIN,
    "appointments.cancel": ADMIN_PATIENT,
    "appointments.complete": DOCTOR,
}


def can_call(*, user: Any, operation: str) -> bool:
    """Whether an authenticated, approved user's role may call `operation` at all."""
    if not getattr(user, "is_authenticated", False):
        return False
    return getattr(user, "role", None) in ROLE_MAP.get(operation, frozenset())


class RoleMapPermission(BasePermission):
    """Reads ROLE_MAP with the view's `policy_resource` and its action (or `policy_operation`)."""

    message = "Your role may not perform this action."

    def has_permission(self, request: Request, view: Any) -> bool:
        resource = getattr(view, "policy_resource", None)
        operation = getattr(view, "policy_operation", None) or getattr(view, "action", None)
        if not resource or not operation:
            return False
        return can_call(user=request.user, operation=f"{resource}.{operation}")
